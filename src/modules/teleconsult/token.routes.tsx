// Generar token (/portal/token): the code of this moment, its mail to the professional and its PDF.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { requestLang } from '../../platform/http/errors.js';
import { expected, formBody, formText, queryOf } from '../../platform/http/request.js';
import { sendPage } from '../../views/page.js';
import type { WebShell } from '../../web/shell.js';
import { portalPage } from '../portal/portal-home.routes.js';
import { sendPdf } from './token.api.js';
import { tokenMessages } from './token.messages.js';
import { mailTokenToProfessional, myTeleconsultTurnos, myToken, myTokenPdf } from './token.service.js';
import { TokenPage } from './views/token.js';

const hidden = { schema: { hide: true } };
const BASE = '/portal/token';

export const tokenRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    async function show(
      request: FastifyRequest,
      reply: FastifyReply,
      extra: { alert?: string; chosen?: string; status?: number } = {},
    ) {
      const actor = request.actor;
      const [page, token, turnos] = await Promise.all([
        shell.page(request, reply),
        myToken(ctx, { actor }),
        myTeleconsultTurnos(ctx, { actor }),
      ]);
      const sentTo = turnos.find((x) => String(x.id) === queryOf(request).enviado);
      const notice = sentTo ? tokenMessages(page.lang)('mailSent', { professional: sentTo.professional }) : null;
      // The code is of this moment: a browser must never show a kept copy.
      void reply.header('cache-control', 'no-store');
      return sendPage(
        reply,
        <TokenPage
          page={page}
          token={token}
          turnos={turnos}
          notice={notice}
          alert={extra.alert}
          chosen={extra.chosen}
        />,
        extra.status ?? 200,
      );
    }

    app.get(BASE, hidden, (request, reply) => portalPage(shell, request, reply, () => show(request, reply)));

    app.post(`${BASE}/enviar`, hidden, (request, reply) =>
      portalPage(shell, request, reply, async () => {
        const chosen = formText(formBody(request).appointmentId).trim();
        const appointmentId = /^\d{1,9}$/.test(chosen) ? Number(chosen) : 0;
        try {
          await mailTokenToProfessional(ctx, { actor: request.actor, appointmentId, lang: requestLang(request) });
          return reply.redirect(`${BASE}?enviado=${appointmentId}`, 303);
        } catch (e) {
          const error = expected(e, reply, ['TOKEN_MAIL_NO_TURNO', 'TOKEN_MAIL_NO_EMAIL']);
          return show(request, reply, { alert: error.messageIn(requestLang(request)), chosen, status: error.status });
        }
      }),
    );

    app.get(`${BASE}/pdf`, hidden, (request, reply) =>
      portalPage(shell, request, reply, async () => {
        const pdf = await myTokenPdf(ctx, { actor: request.actor, lang: requestLang(request) });
        return sendPdf(reply, pdf, queryOf(request).descargar === '1');
      }),
    );
  };
