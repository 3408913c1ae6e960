// Mi credencial (/portal/credencial): the card, full screen, its PDF; and /staff/credencial/:id, what the
// card's QR code opens — staff only, after logging in, audited.
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../context.js';
import { baseUrlOf, idParam, queryOf } from '../../platform/http/request.js';
import { LANG_COOKIE, pickLang } from '../../platform/i18n/lang.js';
import { sendPage } from '../../views/page.js';
import type { WebShell } from '../../web/shell.js';
import { wantsDownload } from '../portal/invoices.reply.js';
import { portalPage } from '../portal/portal-home.routes.js';
import { sendCredentialPdf } from './credential.reply.js';
import { myCredentialCard, myCredentialPdf, scanCredential } from './credential.service.js';
import { CredentialFullScreenPage, CredentialPage } from './views/credential.js';

const hidden = { schema: { hide: true } };

export const credentialRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    app.get('/portal/credencial', hidden, (request, reply) =>
      portalPage(shell, request, reply, async () => {
        const data = await myCredentialCard(ctx, { actor: request.actor, baseUrl: baseUrlOf(ctx, request) });
        const page = await shell.page(request, reply);
        reply.header('cache-control', 'private, no-store');
        return queryOf(request).pantalla === 'completa'
          ? sendPage(reply, <CredentialFullScreenPage page={page} data={data} />)
          : sendPage(reply, <CredentialPage page={page} data={data} />);
      }),
    );

    app.get('/portal/credencial/pdf', hidden, async (request, reply) => {
      if (shell.requirePatient(request, reply) === null) return reply;
      const lang = pickLang(request.cookies[LANG_COOKIE], request.headers['accept-language']);
      const pdf = await myCredentialPdf(ctx, { actor: request.actor, baseUrl: baseUrlOf(ctx, request), lang });
      return sendCredentialPdf(reply, pdf, wantsDownload(request));
    });

    // A phone's camera opens this address: anyone not logged in to /staff is sent to log in and comes back here.
    app.get('/staff/credencial/:id', hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply)) return reply;
      const patientId = idParam(request);
      if (patientId === null) return reply.callNotFound();
      return reply.redirect(await scanCredential(ctx, { actor: request.actor, patientId }), 303);
    });
  };
