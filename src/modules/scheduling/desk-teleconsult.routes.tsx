// /staff/turnos/:id/teleconsulta: the desk marks a turno as a teleconsultation and gives its video call link,
// then goes back to the same agenda.
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../context.js';
import { expected, formBody, formText, queryOf } from '../../platform/http/request.js';
import { todayIn } from '../../platform/time/zone.js';
import { sendPage } from '../../views/page.js';
import type { WebShell } from '../../web/shell.js';
import { deskLink, filterOf, parseId } from './desk.params.js';
import { teleconsultFormOf, updateTeleconsult } from './teleconsult-turno.service.js';
import { DeskTeleconsultPage } from './views/desk-teleconsult.js';

const hidden = { schema: { hide: true } };
const DESK = ['admin', 'reception'] as const;

export const deskTeleconsultRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    app.get('/staff/turnos/:id/teleconsulta', hidden, async (request, reply) => {
      const actor = shell.requireStaff(request, reply, DESK);
      if (!actor) return reply;
      const id = parseId((request.params as { id: string }).id);
      if (id === null) return reply.callNotFound();
      const page = await shell.staffPage(request, reply);
      const filter = filterOf(queryOf(request), todayIn(page.center.timeZone, ctx.clock.now()));
      const turno = await teleconsultFormOf(ctx, { actor, id });
      const values = { teleconsulta: turno.teleconsult ? '1' : '', enlace: turno.videoUrl };
      return sendPage(reply, <DeskTeleconsultPage page={page} filter={filter} turno={turno} values={values} />);
    });

    app.post('/staff/turnos/:id/teleconsulta', hidden, async (request, reply) => {
      const actor = shell.requireStaff(request, reply, DESK);
      if (!actor) return reply;
      const id = parseId((request.params as { id: string }).id);
      if (id === null) return reply.callNotFound();
      const page = await shell.staffPage(request, reply);
      const body = formBody(request);
      const filter = filterOf(body, todayIn(page.center.timeZone, ctx.clock.now()));
      const values = { teleconsulta: formText(body.teleconsulta) ? '1' : '', enlace: formText(body.enlace) };
      try {
        await updateTeleconsult(ctx, { actor, id, teleconsult: values.teleconsulta === '1', videoUrl: values.enlace });
      } catch (e) {
        const error = expected(e, reply, ['TELECONSULT_VIDEO_URL', 'INVALID_TRANSITION']);
        const turno = await teleconsultFormOf(ctx, { actor, id });
        return sendPage(
          reply,
          <DeskTeleconsultPage
            page={page}
            filter={filter}
            turno={turno}
            values={values}
            error={error.messageIn(page.lang)}
          />,
          error.status,
        );
      }
      return reply.redirect(`${deskLink(filter, { ok: 'teleconsulta' })}#turno-${id}`, 303);
    });
  };
