// the portal's home (/portal) and Citas (/portal/citas).
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { expected, pageNumber, queryOf } from '../../platform/http/request.js';
import { sendPage } from '../../views/page.js';
import type { WebShell } from '../../web/shell.js';
import { PROFILE_CHECK_PAGE } from '../teleconsult/profile-check.rules.js';
import { portalCitas } from './citas.service.js';
import { portalHome } from './portal-home.service.js';
import { CitasPage } from './views/citas.js';
import { PortalHomePage, PortalNotEnabledPage } from './views/portal-home.js';

const hidden = { schema: { hide: true } };

/**
 * Runs a portal page for the logged-in patient (anyone else goes to log in first). When the center has not
 * enabled their portal, the answer is the page that says so and what to do, not a bare error; when it asks
 * them to confirm their data first, they are sent there.
 */
export async function portalPage(
  shell: WebShell,
  request: FastifyRequest,
  reply: FastifyReply,
  render: () => Promise<unknown>,
): Promise<unknown> {
  if (shell.requirePatient(request, reply) === null) return reply;
  try {
    return await render();
  } catch (e) {
    if (e instanceof AppError && e.code === 'PROFILE_CHECK_REQUIRED') {
      return reply.redirect(PROFILE_CHECK_PAGE, 303);
    }
    const error = expected(e, reply, ['PORTAL_NOT_ENABLED']);
    const page = await shell.page(request, reply);
    return sendPage(reply, <PortalNotEnabledPage page={page} message={error.messageIn(page.lang)} />, error.status);
  }
}

export const portalHomeRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    app.get('/portal', hidden, (request, reply) =>
      portalPage(shell, request, reply, async () => {
        const home = await portalHome(ctx, { actor: request.actor });
        const page = await shell.page(request, reply);
        // The first access ends here with ?bienvenida=1.
        const welcome = queryOf(request).bienvenida === '1';
        return sendPage(reply, <PortalHomePage page={page} home={home} welcome={welcome} />);
      }),
    );

    app.get('/portal/citas', hidden, (request, reply) =>
      portalPage(shell, request, reply, async () => {
        const number = pageNumber(queryOf(request).pagina);
        const data = await portalCitas(ctx, { actor: request.actor, page: number });
        const page = await shell.page(request, reply);
        return sendPage(reply, <CitasPage page={page} data={data} pageNumber={number} />);
      }),
    );
  };
