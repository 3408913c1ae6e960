// Teleconsultation pages, the patient's and the back office's, in one registration.
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../context.js';
import type { WebShell } from '../../web/shell.js';
import { credentialRoutes } from './credential.routes.js';
import { dataHistoryRoutes } from './data-history.routes.js';
import { profileCheckRoutes } from './profile-check.routes.js';
import { seriesRoutes } from './series.routes.js';
import { tokenRoutes } from './token.routes.js';
import { verifyStaffRoutes } from './verify.staff.routes.js';

export const teleconsultRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    for (const routes of [
      tokenRoutes,
      seriesRoutes,
      verifyStaffRoutes,
      credentialRoutes,
      profileCheckRoutes,
      dataHistoryRoutes,
    ]) {
      await app.register(routes(ctx, shell));
    }
  };
