// The TURNOS WEB catalog screens of the back office, one plugin per screen.
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../context.js';
import type { WebShell } from '../../web/shell.js';
import { insurersRoutes } from './insurers.routes.js';
import { professionalsRoutes } from './professionals.routes.js';
import { specialtiesRoutes } from './specialties.routes.js';
import { studiesRoutes } from './studies.routes.js';

export const webCatalogRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    await app.register(insurersRoutes(ctx, shell));
    await app.register(professionalsRoutes(ctx, shell));
    await app.register(specialtiesRoutes(ctx, shell));
    await app.register(studiesRoutes(ctx, shell));
  };
