// Questionnaires in the back office: a patient's record tab (ask one, see the answers and their PDF), and the
// definitions (Portal → Cuestionarios, in questionnaires.define.routes.tsx).
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import type { AppError } from '../../errors.js';
import { idField } from '../../platform/http/fields.js';
import { expected, formBody, formText, idParam, queryOf } from '../../platform/http/request.js';
import { LANG_COOKIE, pickLang } from '../../platform/i18n/lang.js';
import { sendPage } from '../../views/page.js';
import type { WebShell } from '../../web/shell.js';
import {
  answersPdf,
  assignQuestionnaire,
  patientQuestionnaires,
  readAnswers,
} from './questionnaire-requests.staff.service.js';
import { questionnairesDefineRoutes } from './questionnaires.define.routes.js';
import { questionnairesStaffMessages } from './questionnaires.staff.messages.js';
import { PatientQuestionnairesPage, patientBase, StaffAnswersPage } from './views/questionnaire-staff.js';

const hidden = { schema: { hide: true } };
const ROLES = ['admin', 'reception', 'professional'] as const;

/** The request id of /staff/pacientes/:id/cuestionarios/:requestId, or null (then 404). */
function requestIdOf(request: FastifyRequest): number | null {
  const parsed = idField.safeParse((request.params as { requestId?: unknown }).requestId);
  return parsed.success ? parsed.data : null;
}

export const questionnairesStaffRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    await app.register(questionnairesDefineRoutes(ctx, shell));

    app.get('/staff/pacientes/:id/cuestionarios', hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ROLES)) return reply;
      const patientId = idParam(request);
      if (patientId === null) return reply.callNotFound();
      const data = await patientQuestionnaires(ctx, { actor: request.actor, patientId });
      const page = await shell.staffPage(request, reply);
      const t = questionnairesStaffMessages(page.lang);
      const query = queryOf(request);
      const asked = data.requests.find((r) => String(r.id) === query.solicitud);
      const flash = query.ok === 'solicitado' && asked ? t('assigned', { title: asked.title }) : undefined;
      return sendPage(reply, <PatientQuestionnairesPage page={page} data={data} flash={flash} />);
    });

    app.post('/staff/pacientes/:id/cuestionarios', hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ROLES)) return reply;
      const patientId = idParam(request);
      if (patientId === null) return reply.callNotFound();
      const typed = formText(formBody(request).questionnaireId);
      const questionnaireId = idField.safeParse(typed);
      let refusal: AppError | null = null;
      if (questionnaireId.success) {
        try {
          const id = await assignQuestionnaire(ctx, {
            actor: request.actor,
            patientId,
            questionnaireId: questionnaireId.data,
          });
          return reply.redirect(`${patientBase(patientId)}?ok=solicitado&solicitud=${id}#fila-${id}`, 303);
        } catch (e) {
          refusal = expected(e, reply, ['QUESTIONNAIRE_ALREADY_ASKED', 'QUESTIONNAIRE_NOT_ASKABLE']);
        }
      }
      const [page, data] = await Promise.all([
        shell.staffPage(request, reply),
        patientQuestionnaires(ctx, { actor: request.actor, patientId }),
      ]);
      const alert = refusal?.messageIn(page.lang);
      const fieldError = refusal ? undefined : questionnairesStaffMessages(page.lang)('chooseQuestionnaire');
      return sendPage(
        reply,
        <PatientQuestionnairesPage page={page} data={data} alert={alert} fieldError={fieldError} selected={typed} />,
        refusal?.status ?? 400,
      );
    });

    app.get('/staff/pacientes/:id/cuestionarios/:requestId', hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ROLES)) return reply;
      const patientId = idParam(request);
      const requestId = requestIdOf(request);
      if (patientId === null || requestId === null) return reply.callNotFound();
      const { patient, request: asked } = await readAnswers(ctx, { actor: request.actor, patientId, requestId });
      const page = await shell.staffPage(request, reply);
      return sendPage(reply, <StaffAnswersPage page={page} patient={patient} request={asked} />);
    });

    app.get('/staff/pacientes/:id/cuestionarios/:requestId/respuestas.pdf', hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ROLES)) return reply;
      const patientId = idParam(request);
      const requestId = requestIdOf(request);
      if (patientId === null || requestId === null) return reply.callNotFound();
      const lang = pickLang(request.cookies[LANG_COOKIE], request.headers['accept-language']);
      const { pdf, fileName } = await answersPdf(ctx, { actor: request.actor, patientId, requestId, lang });
      const disposition = queryOf(request).descargar === '1' ? 'attachment' : 'inline';
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `${disposition}; filename="${fileName}"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    });
  };
