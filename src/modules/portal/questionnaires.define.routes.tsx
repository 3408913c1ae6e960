// Portal → Cuestionarios (admins): list, new, edit, and each question on its own form (add, change, move, remove).
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { idField } from '../../platform/http/fields.js';
import { idParam, queryOf } from '../../platform/http/request.js';
import type { Lang } from '../../platform/i18n/lang.js';
import { sendPage } from '../../views/page.js';
import type { WebShell } from '../../web/shell.js';
import { postedForm } from '../catalog/web-catalog.request.js';
import type { Actor } from '../staff/actor.js';
import * as admin from './questionnaires.admin.service.js';
import { problemText } from './questionnaires.messages.js';
import type { QuestionFields, QuestionnaireFields } from './questionnaires.rules.js';
import { questionnairesStaffMessages } from './questionnaires.staff.messages.js';
import { DEFINE, DefinitionFormPage, DefinitionsPage, definitionValues } from './views/questionnaire-define.js';
import { QuestionFormPage, questionValues } from './views/questionnaire-question.js';

const hidden = { schema: { hide: true } };
const ADMIN = ['admin'] as const;

function definitionForm(request: FastifyRequest) {
  const form = postedForm(request);
  const fields: QuestionnaireFields = {
    title: form.text('title'),
    intro: form.text('intro'),
    active: form.flag('active'),
    attach: form.text('attach'),
  };
  return { fields, values: { ...fields, active: fields.active ? '1' : '' } };
}

function questionForm(request: FastifyRequest) {
  const form = postedForm(request);
  const fields: QuestionFields = {
    kind: form.text('kind'),
    label: form.text('label'),
    help: form.text('help'),
    required: form.flag('required'),
    choices: form.text('choices'),
    scaleMin: form.text('scaleMin'),
    scaleMax: form.text('scaleMax'),
  };
  return { fields, values: { ...fields, required: fields.required ? '1' : '' } };
}

/** A refused form's problems as texts by field; anything but a field refusal is rethrown. */
function refusal(e: unknown, lang: Lang): Record<string, string> {
  if (!(e instanceof admin.DefinitionRefused)) throw e;
  return Object.fromEntries(Object.entries(e.problems).map(([field, p]) => [field, problemText(lang, p)]));
}

function questionIdOf(request: FastifyRequest): number | null {
  const parsed = idField.safeParse((request.params as { questionId?: unknown }).questionId);
  return parsed.success ? parsed.data : null;
}

/** The note after a redirect (?ok=…) on the edit page. */
function flashOf(lang: Lang, ok: string | undefined, title: string): string | undefined {
  const t = questionnairesStaffMessages(lang);
  switch (ok) {
    case 'creado':
      return t('created', { title });
    case 'guardado':
      return t('saved', { title });
    case 'agregada':
      return t('questionAdded');
    case 'pregunta':
      return t('questionSaved');
    case 'orden':
      return t('questionMoved');
    case 'quitada':
      return t('questionRemoved');
    default:
      return undefined;
  }
}

export const questionnairesDefineRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    /** The edit page; after a refused save, what was typed with each problem next to its field. */
    async function editPage(
      request: FastifyRequest,
      reply: FastifyReply,
      id: number,
      failed?: { values: Record<string, string>; error: unknown },
    ) {
      const actor: Actor = request.actor;
      const [page, found, choices] = await Promise.all([
        shell.staffPage(request, reply),
        admin.getQuestionnaire(ctx, { actor, id }),
        admin.attachChoices(ctx, { actor }),
      ]);
      const title = found.questionnaire.title;
      const form = failed
        ? { values: failed.values, errors: refusal(failed.error, page.lang) }
        : { values: definitionValues(found.questionnaire), errors: {} };
      const flash = failed ? undefined : flashOf(page.lang, queryOf(request).ok, title);
      return sendPage(
        reply,
        <DefinitionFormPage
          page={page}
          questionnaire={{ id, title, questions: found.questions, submittedCount: found.submittedCount }}
          form={form}
          choices={choices}
          flash={flash}
        />,
        failed ? 400 : 200,
      );
    }

    app.get(DEFINE, hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      const [page, rows] = await Promise.all([
        shell.staffPage(request, reply),
        admin.listQuestionnaires(ctx, { actor: request.actor }),
      ]);
      return sendPage(reply, <DefinitionsPage page={page} rows={rows} />);
    });

    app.get(`${DEFINE}/nuevo`, hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      const [page, choices] = await Promise.all([
        shell.staffPage(request, reply),
        admin.attachChoices(ctx, { actor: request.actor }),
      ]);
      const form = { values: definitionValues(), errors: {} };
      return sendPage(reply, <DefinitionFormPage page={page} questionnaire={null} form={form} choices={choices} />);
    });

    app.post(`${DEFINE}/nuevo`, hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      const { fields, values } = definitionForm(request);
      try {
        const id = await admin.createQuestionnaire(ctx, { actor: request.actor, fields });
        return reply.redirect(`${DEFINE}/${id}?ok=creado`, 303);
      } catch (e) {
        const [page, choices] = await Promise.all([
          shell.staffPage(request, reply),
          admin.attachChoices(ctx, { actor: request.actor }),
        ]);
        const form = { values, errors: refusal(e, page.lang) };
        return sendPage(
          reply,
          <DefinitionFormPage page={page} questionnaire={null} form={form} choices={choices} />,
          400,
        );
      }
    });

    app.get(`${DEFINE}/:id`, hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      const id = idParam(request);
      if (id === null) return reply.callNotFound();
      return editPage(request, reply, id);
    });

    app.post(`${DEFINE}/:id`, hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      const id = idParam(request);
      if (id === null) return reply.callNotFound();
      const { fields, values } = definitionForm(request);
      try {
        await admin.updateQuestionnaire(ctx, { actor: request.actor, id, fields });
        return reply.redirect(`${DEFINE}/${id}?ok=guardado`, 303);
      } catch (error) {
        return editPage(request, reply, id, { values, error });
      }
    });

    /** The questionnaire of a question's page, or null after answering 404. */
    async function questionnaireOf(request: FastifyRequest, reply: FastifyReply) {
      const id = idParam(request);
      if (id === null) {
        void reply.callNotFound();
        return null;
      }
      return (await admin.getQuestionnaire(ctx, { actor: request.actor, id })).questionnaire;
    }

    app.get(`${DEFINE}/:id/preguntas/nueva`, hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      const questionnaire = await questionnaireOf(request, reply);
      if (!questionnaire) return reply;
      const page = await shell.staffPage(request, reply);
      const form = { values: questionValues(), errors: {} };
      return sendPage(
        reply,
        <QuestionFormPage page={page} questionnaire={questionnaire} question={null} form={form} />,
      );
    });

    app.post(`${DEFINE}/:id/preguntas/nueva`, hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      const questionnaire = await questionnaireOf(request, reply);
      if (!questionnaire) return reply;
      const { fields, values } = questionForm(request);
      try {
        const qid = await admin.addQuestion(ctx, { actor: request.actor, questionnaireId: questionnaire.id, fields });
        return reply.redirect(`${DEFINE}/${questionnaire.id}?ok=agregada#pregunta-${qid}`, 303);
      } catch (e) {
        const page = await shell.staffPage(request, reply);
        const form = { values, errors: refusal(e, page.lang) };
        return sendPage(
          reply,
          <QuestionFormPage page={page} questionnaire={questionnaire} question={null} form={form} />,
          400,
        );
      }
    });

    app.get(`${DEFINE}/:id/preguntas/:questionId`, hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      const questionnaire = await questionnaireOf(request, reply);
      const questionId = questionIdOf(request);
      if (!questionnaire) return reply;
      if (questionId === null) return reply.callNotFound();
      const [page, question] = await Promise.all([
        shell.staffPage(request, reply),
        admin.getQuestion(ctx, { actor: request.actor, questionnaireId: questionnaire.id, questionId }),
      ]);
      const form = { values: questionValues(question), errors: {} };
      return sendPage(
        reply,
        <QuestionFormPage page={page} questionnaire={questionnaire} question={question} form={form} />,
      );
    });

    app.post(`${DEFINE}/:id/preguntas/:questionId`, hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      const questionnaire = await questionnaireOf(request, reply);
      const questionId = questionIdOf(request);
      if (!questionnaire) return reply;
      if (questionId === null) return reply.callNotFound();
      const { fields, values } = questionForm(request);
      const ids = { actor: request.actor, questionnaireId: questionnaire.id, questionId };
      try {
        await admin.updateQuestion(ctx, { ...ids, fields });
        return reply.redirect(`${DEFINE}/${questionnaire.id}?ok=pregunta#pregunta-${questionId}`, 303);
      } catch (e) {
        const [page, question] = await Promise.all([shell.staffPage(request, reply), admin.getQuestion(ctx, ids)]);
        const form = { values, errors: refusal(e, page.lang) };
        return sendPage(
          reply,
          <QuestionFormPage page={page} questionnaire={questionnaire} question={question} form={form} />,
          400,
        );
      }
    });

    for (const [path, action] of [
      ['subir', 'up'],
      ['bajar', 'down'],
      ['quitar', 'remove'],
    ] as const) {
      app.post(`${DEFINE}/:id/preguntas/:questionId/${path}`, hidden, async (request, reply) => {
        if (!shell.requireStaff(request, reply, ADMIN)) return reply;
        const questionnaireId = idParam(request);
        const questionId = questionIdOf(request);
        if (questionnaireId === null || questionId === null) return reply.callNotFound();
        const ids = { actor: request.actor, questionnaireId, questionId };
        if (action === 'remove') {
          await admin.removeQuestion(ctx, ids);
          return reply.redirect(`${DEFINE}/${questionnaireId}?ok=quitada#preguntas`, 303);
        }
        await admin.moveQuestion(ctx, { ...ids, direction: action });
        return reply.redirect(`${DEFINE}/${questionnaireId}?ok=orden#pregunta-${questionId}`, 303);
      });
    }
  };
