// Cuestionarios (/portal/cuestionarios): the patient's list, the form (save a draft or send), a sent one read only.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { formBody, idParam, queryOf } from '../../platform/http/request.js';
import { sendPage } from '../../views/page.js';
import type { WebShell } from '../../web/shell.js';
import { portalPage } from './portal-home.routes.js';
import {
  AnswersRefused,
  getMyQuestionnaire,
  myQuestionnaires,
  type RequestView,
  saveMyDraft,
  submitMine,
} from './questionnaire-requests.service.js';
import { problemText, questionnairesMessages } from './questionnaires.messages.js';
import { valuesById } from './questionnaires.rules.js';
import {
  FillQuestionnairePage,
  MyQuestionnairesPage,
  PORTAL_QUESTIONNAIRES,
  SentQuestionnairePage,
} from './views/questionnaire-portal.js';

const hidden = { schema: { hide: true } };

/** The answers a form (or an address restoring one) carries: fields q-<question id>. */
export function typedAnswers(fields: Record<string, unknown>): Map<number, string> {
  const answers = new Map<number, string>();
  for (const [key, value] of Object.entries(fields)) {
    const m = /^q-(\d{1,10})$/.exec(key);
    const text = Array.isArray(value) ? value[0] : value;
    if (m && typeof text === 'string') answers.set(Number(m[1]), text);
  }
  return answers;
}

export const questionnairesRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    /** The logged-in patient's request id from the address, or null once the answer is sent. */
    function target(request: FastifyRequest, reply: FastifyReply): number | null {
      if (shell.requirePatient(request, reply) === null) return null;
      const id = idParam(request);
      if (id === null) void reply.callNotFound();
      return id;
    }

    app.get(PORTAL_QUESTIONNAIRES, hidden, (request, reply) =>
      portalPage(shell, request, reply, async () => {
        const requests = await myQuestionnaires(ctx, { actor: request.actor });
        const page = await shell.page(request, reply);
        return sendPage(reply, <MyQuestionnairesPage page={page} requests={requests} />);
      }),
    );

    app.get(`${PORTAL_QUESTIONNAIRES}/:id`, hidden, async (request, reply) => {
      const id = target(request, reply);
      if (id === null) return reply;
      const questionnaire = await getMyQuestionnaire(ctx, { actor: request.actor, id });
      const page = await shell.page(request, reply);
      const t = questionnairesMessages(page.lang);
      const done = queryOf(request).hecho;
      if (questionnaire.status === 'submitted') {
        const notice = done === 'enviado' ? t('sent') : undefined;
        return sendPage(reply, <SentQuestionnairePage page={page} request={questionnaire} notice={notice} />);
      }
      // Answers typed before the session ended come back in the address; otherwise what the draft holds.
      const restored = typedAnswers(queryOf(request));
      const values = restored.size > 0 ? restored : valuesById(questionnaire.questions);
      const notice = done === 'borrador' ? t('draftSaved') : undefined;
      return sendPage(
        reply,
        <FillQuestionnairePage
          page={page}
          request={questionnaire}
          values={values}
          errors={new Map()}
          notice={notice}
        />,
      );
    });

    app.post(`${PORTAL_QUESTIONNAIRES}/:id`, hidden, async (request, reply) => {
      const id = target(request, reply);
      if (id === null) return reply;
      const body = formBody(request);
      const answers = typedAnswers(body);
      const submit = body.accion === 'enviar';
      try {
        const input = { actor: request.actor, id, answers };
        await (submit ? submitMine(ctx, input) : saveMyDraft(ctx, input));
        return reply.redirect(`${PORTAL_QUESTIONNAIRES}/${id}?hecho=${submit ? 'enviado' : 'borrador'}`, 303);
      } catch (e) {
        const refused = e instanceof AnswersRefused;
        if (!refused && !(e instanceof AppError && e.code === 'QUESTIONNAIRE_ALREADY_SENT')) throw e;
        const [page, questionnaire]: [Awaited<ReturnType<typeof shell.page>>, RequestView] = await Promise.all([
          shell.page(request, reply),
          getMyQuestionnaire(ctx, { actor: request.actor, id }),
        ]);
        if (!refused || questionnaire.status === 'submitted') {
          const alert = new AppError('QUESTIONNAIRE_ALREADY_SENT').messageIn(page.lang);
          return sendPage(reply, <SentQuestionnairePage page={page} request={questionnaire} alert={alert} />, 409);
        }
        const alert = e.messageIn(page.lang);
        const errors = new Map([...e.problems].map(([qid, problem]) => [qid, problemText(page.lang, problem)]));
        return sendPage(
          reply,
          <FillQuestionnairePage page={page} request={questionnaire} values={answers} errors={errors} alert={alert} />,
          e.status,
        );
      }
    });
  };
