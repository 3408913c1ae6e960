import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../context.js';
import { renderPage } from '../../views/layout.js';
import { listProfessionals, listSpecialties } from '../catalog/catalog.service.js';
import { publicActor } from '../staff/actor.js';
import { getCenter } from './center.service.js';
import { HomePage } from './views/home.js';

export const homeRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    app.get('/', { schema: { hide: true } }, async (_request, reply) => {
      const [center, specialties, professionals] = await Promise.all([
        getCenter(ctx),
        listSpecialties(ctx, { actor: publicActor }),
        listProfessionals(ctx, { actor: publicActor }),
      ]);
      const bySpecialty = specialties
        .map((s) => ({
          name: s.webName,
          professionals: professionals.filter((p) => p.specialtyIds.includes(s.id)).map((p) => p.fullName),
        }))
        .filter((s) => s.professionals.length > 0);
      return reply
        .type('text/html; charset=utf-8')
        .send(renderPage(<HomePage center={center} specialties={bySpecialty} />));
    });
  };
