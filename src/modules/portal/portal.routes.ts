// The patient portal's pages, the patient's and the back office's, in one registration.
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../context.js';
import type { WebShell } from '../../web/shell.js';
import { documentsRoutes } from './documents.routes.js';
import { documentsStaffRoutes } from './documents.staff.routes.js';
import { firstAccessRoutes } from './first-access.routes.js';
import { invoicesRoutes } from './invoices.routes.js';
import { invoicesStaffRoutes } from './invoices.staff.routes.js';
import { portalAccessStaffRoutes } from './portal-access.staff.routes.js';
import { portalHomeRoutes } from './portal-home.routes.js';
import { portalProfileRoutes } from './profile.routes.js';
import { questionnairesRoutes } from './questionnaires.routes.js';
import { questionnairesStaffRoutes } from './questionnaires.staff.routes.js';

export const portalRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    for (const routes of [
      portalHomeRoutes,
      firstAccessRoutes,
      portalAccessStaffRoutes,
      documentsRoutes,
      documentsStaffRoutes,
      questionnairesRoutes,
      questionnairesStaffRoutes,
      invoicesRoutes,
      invoicesStaffRoutes,
      portalProfileRoutes,
    ]) {
      await app.register(routes(ctx, shell));
    }
  };
