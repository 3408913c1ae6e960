// Mis facturas (/portal/facturas): the patient's invoices, and each one's PDF (to view, print or download).
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../context.js';
import { idParam, pageNumber, queryOf } from '../../platform/http/request.js';
import { LANG_COOKIE, pickLang } from '../../platform/i18n/lang.js';
import { sendPage } from '../../views/page.js';
import type { WebShell } from '../../web/shell.js';
import { myInvoicePdf, myInvoices } from './invoices.mine.service.js';
import { sendInvoicePdf, wantsDownload } from './invoices.reply.js';
import { portalPage } from './portal-home.routes.js';
import { MyInvoicesPage } from './views/invoice-mine.js';

const hidden = { schema: { hide: true } };

export const invoicesRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    app.get('/portal/facturas', hidden, (request, reply) =>
      portalPage(shell, request, reply, async () => {
        const data = await myInvoices(ctx, { actor: request.actor, page: pageNumber(queryOf(request).pagina) });
        const page = await shell.page(request, reply);
        return sendPage(reply, <MyInvoicesPage page={page} data={data} />);
      }),
    );

    app.get('/portal/facturas/:id/pdf', hidden, async (request, reply) => {
      if (shell.requirePatient(request, reply) === null) return reply;
      const id = idParam(request);
      if (id === null) return reply.callNotFound();
      const lang = pickLang(request.cookies[LANG_COOKIE], request.headers['accept-language']);
      const pdf = await myInvoicePdf(ctx, { actor: request.actor, id, lang });
      return sendInvoicePdf(reply, pdf, wantsDownload(request));
    });
  };
