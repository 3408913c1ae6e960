import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { sendPage } from '../../views/page.js';
import type { WebShell } from '../../web/shell.js';
import { cancelAppointment, updateAppointment } from './appointments.service.js';
import { myAppointmentsMessages } from './booking.messages.js';
import { CancelPage, MyAppointmentsPage, ReasonPage, when } from './views/my-appointments.js';
import { getAppointmentDetails, myAppointments } from './web-appointments.service.js';
import { idParams, listQuery, reasonFields } from './web-params.js';

const hidden = { schema: { hide: true } };

/** A form's own mistakes are shown on the form; someone else's (or no) turno stays a plain 404. */
function formError(e: unknown): AppError {
  if (!(e instanceof AppError) || e.code === 'NOT_FOUND') throw e;
  return e;
}

/** "Mis turnos": the list, changing the reason, and cancelling with a confirmation step. */
export const myAppointmentsRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    /** The logged-in patient and the turno named in the path, or null once the answer is sent. */
    function target(request: FastifyRequest, reply: FastifyReply): number | null {
      if (shell.requirePatient(request, reply) === null) return null;
      const params = idParams.safeParse(request.params);
      if (!params.success) {
        void reply.callNotFound();
        return null;
      }
      return params.data.id;
    }

    app.get('/mis-turnos', hidden, async (request, reply) => {
      if (shell.requirePatient(request, reply) === null) return reply;
      const q = listQuery.parse(request.query);
      const [page, data] = await Promise.all([
        shell.page(request, reply),
        myAppointments(ctx, { actor: request.actor, page: q.pagina }),
      ]);
      const t = myAppointmentsMessages(page.lang);
      let notice: string | null = null;
      if (q.hecho === 'motivo') notice = t('reasonSaved');
      if (q.hecho === 'cancelado' && q.turno !== undefined) {
        const done = await getAppointmentDetails(ctx, { actor: request.actor, id: q.turno }).catch(() => null);
        if (done?.status === 'cancelled') {
          notice = t('cancelled', { when: when(page, done.center.timeZone, done.startMs) });
        }
      }
      return sendPage(reply, <MyAppointmentsPage page={page} data={data} pageNumber={q.pagina} notice={notice} />);
    });

    app.get('/mis-turnos/:id/motivo', hidden, async (request, reply) => {
      const id = target(request, reply);
      if (id === null) return reply;
      const [page, details] = await Promise.all([
        shell.page(request, reply),
        getAppointmentDetails(ctx, { actor: request.actor, id }),
      ]);
      if (!details.canEditReason) throw new AppError('REASON_LOCKED');
      // A reason typed before the session ended comes back in the address.
      const typed = reasonFields.parse(request.query).motivo;
      return sendPage(
        reply,
        <ReasonPage page={page} details={details} reason={typed ?? details.reason} error={null} />,
      );
    });

    const form = hidden;

    app.post('/mis-turnos/:id/motivo', form, async (request, reply) => {
      const id = target(request, reply);
      if (id === null) return reply;
      const reason = reasonFields.parse(request.body ?? {}).motivo ?? '';
      try {
        await updateAppointment(ctx, { actor: request.actor, id, reason });
        return reply.redirect('/mis-turnos?hecho=motivo', 303);
      } catch (e) {
        const error = formError(e);
        const [page, details] = await Promise.all([
          shell.page(request, reply),
          getAppointmentDetails(ctx, { actor: request.actor, id }),
        ]);
        return sendPage(
          reply,
          <ReasonPage page={page} details={details} reason={reason} error={error.messageIn(page.lang)} />,
          error.status,
        );
      }
    });

    app.get('/mis-turnos/:id/cancelar', hidden, async (request, reply) => {
      const id = target(request, reply);
      if (id === null) return reply;
      const [page, details] = await Promise.all([
        shell.page(request, reply),
        getAppointmentDetails(ctx, { actor: request.actor, id }),
      ]);
      return sendPage(reply, <CancelPage page={page} details={details} error={null} />);
    });

    app.post('/mis-turnos/:id/cancelar', form, async (request, reply) => {
      const id = target(request, reply);
      if (id === null) return reply;
      try {
        await cancelAppointment(ctx, { actor: request.actor, id });
        return reply.redirect(`/mis-turnos?hecho=cancelado&turno=${id}`, 303);
      } catch (e) {
        const error = formError(e);
        const [page, details] = await Promise.all([
          shell.page(request, reply),
          getAppointmentDetails(ctx, { actor: request.actor, id }),
        ]);
        return sendPage(
          reply,
          <CancelPage page={page} details={details} error={error.messageIn(page.lang)} />,
          error.status,
        );
      }
    });
  };
