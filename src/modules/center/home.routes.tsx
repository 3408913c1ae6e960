import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../context.js';
import { sendPage } from '../../views/page.js';
import type { WebShell } from '../../web/shell.js';
import { listProfessionals, listSpecialties } from '../catalog/catalog.service.js';
import { publicActor } from '../staff/actor.js';
import { HomePage } from './views/home.js';

export const homeRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    app.get('/', { schema: { hide: true } }, async (request, reply) => {
      const [page, specialties, professionals] = await Promise.all([
        shell.page(request, reply),
        listSpecialties(ctx, { actor: publicActor }),
        listProfessionals(ctx, { actor: publicActor }),
      ]);
      const bySpecialty = specialties
        .map((s) => ({
          name: s.webName,
          professionals: professionals.filter((p) => p.specialtyIds.includes(s.id)).map((p) => p.fullName),
        }))
        .filter((s) => s.professionals.length > 0);
      return sendPage(reply, <HomePage page={page} specialties={bySpecialty} />);
    });
  };
