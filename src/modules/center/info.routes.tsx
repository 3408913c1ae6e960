import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../context.js';
import { sendPage } from '../../views/page.js';
import type { WebShell } from '../../web/shell.js';
import { listInsurers } from '../catalog/catalog.service.js';
import { HelpPage } from './views/help.js';
import { InsurersPage } from './views/insurers.js';

/** Pages anyone may read: the insurers the center works with, and how to use the site. */
export const infoRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    app.get('/obras-sociales', { schema: { hide: true } }, async (request, reply) => {
      const [page, insurers] = await Promise.all([
        shell.page(request, reply),
        listInsurers(ctx, { actor: request.actor }),
      ]);
      const web = insurers.filter((i) => i.webEnabled);
      return sendPage(reply, <InsurersPage page={page} insurers={web} />);
    });

    app.get('/ayuda', { schema: { hide: true } }, async (request, reply) => {
      return sendPage(reply, <HelpPage page={await shell.page(request, reply)} />);
    });
  };
