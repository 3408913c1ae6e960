// /me/questionnaires of the JSON API: what Cuestionarios does, for a mobile app, with the patient's session.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { apiPlugin, errorResponses } from '../../platform/http/api.js';
import { requestLang } from '../../platform/http/errors.js';
import { idField } from '../../platform/http/fields.js';
import {
  AnswersRefused,
  getMyQuestionnaire,
  myQuestionnaires,
  type RequestView,
  saveMyDraft,
  submitMine,
} from './questionnaire-requests.service.js';
import { problemText } from './questionnaires.messages.js';
import { ANSWER_MAX } from './questionnaires.rules.js';

const sessionSecurity = [{ session: [] }];
const tags = ['Paciente (sesión)'];
const idParams = z.object({ id: idField });

const questionOutput = z.object({
  id: z.number().int(),
  kind: z.enum(['text', 'choice', 'yes_no', 'date', 'scale']),
  label: z.string(),
  help: z.string(),
  required: z.boolean(),
  choices: z.array(z.string()),
  scaleMin: z.number().int().nullable(),
  scaleMax: z.number().int().nullable(),
  /** yes_no: "yes"/"no"; date: YYYY-MM-DD; scale: the number as text; null when not answered. */
  answer: z.string().nullable(),
});

const questionnaireOutput = z.object({
  id: z.number().int(),
  questionnaireId: z.number().int(),
  title: z.string(),
  intro: z.string(),
  status: z.enum(['pending', 'draft', 'submitted']),
  turno: z
    .object({
      id: z.number().int(),
      startsAt: z.string(),
      status: z.enum(['reserved', 'present', 'absent', 'cancelled']),
      what: z.string().nullable(),
    })
    .nullable(),
  requestedAt: z.string(),
  savedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  questions: z.array(questionOutput),
});

const answersBody = z
  .object({
    answers: z.record(
      z.string().regex(/^\d{1,10}$/, 'cada clave debe ser el id de una pregunta'),
      z.union([
        z.string().max(ANSWER_MAX, `es demasiado larga (máximo ${ANSWER_MAX} caracteres)`),
        z.number(),
        z.boolean(),
        z.null(),
      ]),
    ),
  })
  .strict();

/** The body's answers as the forms send them: text, a scale's number as text, yes/no, null as no answer. */
function answersOf(body: z.output<typeof answersBody>): Map<number, string> {
  const answers = new Map<number, string>();
  for (const [id, value] of Object.entries(body.answers)) {
    const text = value === null ? '' : typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
    answers.set(Number(id), text);
  }
  return answers;
}

function output(r: RequestView): z.output<typeof questionnaireOutput> {
  return {
    ...r,
    questions: r.questions.map((q) => ({
      id: q.questionId,
      kind: q.kind,
      label: q.label,
      help: q.help,
      required: q.required,
      choices: q.choices,
      scaleMin: q.scaleMin,
      scaleMax: q.scaleMax,
      answer: q.value === '' ? null : q.value,
    })),
  };
}

/** Refused answers: 422 with one detail per question (field answers.<id>); anything else goes on. */
function refused(req: FastifyRequest, reply: FastifyReply, e: unknown) {
  if (!(e instanceof AnswersRefused)) throw e;
  const lang = requestLang(req);
  const details = [...e.problems].map(([id, p]) => ({ field: `answers.${id}`, message: problemText(lang, p) }));
  return reply.status(e.status).send({ error: { code: e.code, message: e.messageIn(lang), details } });
}

const ANSWERS_DESCRIPTION =
  '`answers` lleva una respuesta por id de pregunta: texto; en «choice» una de sus opciones; en «yes_no» ' +
  '"yes"/"no" (o true/false); en «date» AAAA-MM-DD; en «scale» un número entero entre scaleMin y scaleMax. ' +
  'Las escrituras con sesión deben ser application/json.';

export const questionnairesApi = (ctx: AppContext) =>
  apiPlugin((api) => {
    api.get(
      '/me/questionnaires',
      {
        schema: {
          tags,
          summary: 'Mis cuestionarios: pendientes, borradores y enviados, con sus preguntas',
          description:
            'También pide los cuestionarios asociados a la especialidad o el estudio de mis turnos futuros. ' +
            'Uno enviado trae las preguntas tal como se hicieron.',
          security: sessionSecurity,
          response: { 200: z.array(questionnaireOutput), ...errorResponses },
        },
      },
      async (req) => (await myQuestionnaires(ctx, { actor: req.actor })).map(output),
    );

    api.get(
      '/me/questionnaires/:id',
      {
        schema: {
          tags,
          summary: 'Un cuestionario mío',
          security: sessionSecurity,
          params: idParams,
          response: { 200: questionnaireOutput, ...errorResponses },
        },
      },
      async (req) => output(await getMyQuestionnaire(ctx, { actor: req.actor, id: req.params.id })),
    );

    api.put(
      '/me/questionnaires/:id/draft',
      {
        schema: {
          tags,
          summary: 'Guardar el borrador (sin revisar las obligatorias)',
          description: `${ANSWERS_DESCRIPTION} Guarda lo que venga, aunque falten respuestas. Ya enviado: 409.`,
          security: sessionSecurity,
          params: idParams,
          body: answersBody,
          response: { 200: questionnaireOutput, ...errorResponses },
        },
      },
      async (req, reply) => {
        try {
          return output(await saveMyDraft(ctx, { actor: req.actor, id: req.params.id, answers: answersOf(req.body) }));
        } catch (e) {
          return refused(req, reply, e);
        }
      },
    );

    api.post(
      '/me/questionnaires/:id/submit',
      {
        schema: {
          tags,
          summary: 'Enviar el cuestionario (una sola vez)',
          description:
            `${ANSWERS_DESCRIPTION} Respuestas inválidas: 422 con un detalle por pregunta (field «answers.<id>»). ` +
            'Ya enviado: 409, y lo enviado no cambia.',
          security: sessionSecurity,
          params: idParams,
          body: answersBody,
          response: { 200: questionnaireOutput, ...errorResponses },
        },
      },
      async (req, reply) => {
        try {
          return output(await submitMine(ctx, { actor: req.actor, id: req.params.id, answers: answersOf(req.body) }));
        } catch (e) {
          return refused(req, reply, e);
        }
      },
    );
  });
