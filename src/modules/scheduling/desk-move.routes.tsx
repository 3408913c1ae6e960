// /staff/turnos/:id/reprogramar and /cancelar: moving a reserved turno to another free slot, and cancelling
// it after a confirmation page (a form that only asks, so nothing is lost by a stray click).
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import type { StaffRole } from '../../platform/db/schema.js';
import { expected, formBody, queryOf } from '../../platform/http/request.js';
import { todayIn } from '../../platform/time/zone.js';
import { type StaffPage, sendPage } from '../../views/page.js';
import type { WebShell } from '../../web/shell.js';
import { getProfessional, listProfessionals, listSpecialties, listStudies } from '../catalog/catalog.service.js';
import { getPatient } from '../patients/patients.service.js';
import type { StaffActor } from '../staff/actor.js';
import { cancelAppointment, getAppointment } from './appointments.service.js';
import { professionalAvailability } from './availability.service.js';
import { rescheduleAppointment } from './day-desk.service.js';
import { deskMessages } from './desk.messages.js';
import { deskLink, filterOf, parseDate, parseId, parseInstant } from './desk.params.js';
import type { Service } from './slots.rules.js';
import { CancelPage, MovePage, type MoveProps, type TurnoDetails } from './views/desk-move.js';

const hidden = { schema: { hide: true } };
const DESK: StaffRole[] = ['admin', 'reception'];
const MOVE_ERRORS = [
  'SLOT_TAKEN',
  'NOT_IN_AGENDA',
  'WRONG_SERVICE',
  'IN_THE_PAST',
  'INVALID_TRANSITION',
  'SERVICE_REQUIRED',
  'NOT_FOUND',
] as const;

export const deskMoveRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    /** The turno with the names the pages show (each read is audited by its service). */
    async function turnoDetails(actor: StaffActor, id: number): Promise<TurnoDetails> {
      const turno = await getAppointment(ctx, { actor, id });
      const [patient, professional, specialties, studies] = await Promise.all([
        getPatient(ctx, { actor, id: turno.patientId }),
        getProfessional(ctx, { actor, id: turno.professionalId }),
        listSpecialties(ctx, { actor }),
        listStudies(ctx, { actor }),
      ]);
      const service: Service =
        turno.specialtyId !== null
          ? { specialtyId: turno.specialtyId }
          : turno.studyId !== null
            ? { studyId: turno.studyId }
            : null;
      const serviceName =
        specialties.find((s) => s.id === turno.specialtyId)?.name ?? studies.find((s) => s.id === turno.studyId)?.name;
      return {
        turno,
        patient,
        professional: { id: professional.id, name: professional.fullName },
        service,
        serviceName: serviceName ?? '',
      };
    }

    const idOf = (request: FastifyRequest) => parseId((request.params as { id: string }).id);

    async function moveView(
      reply: FastifyReply,
      page: StaffPage,
      actor: StaffActor,
      id: number,
      fields: Record<string, unknown>,
    ): Promise<MoveProps> {
      const today = todayIn(page.center.timeZone, ctx.clock.now());
      const details = await turnoDetails(actor, id);
      const { turno, service } = details;
      const turnoDate = turno.start.slice(0, 10);
      // A turno of a day already gone is moved from today on.
      const date = parseDate(fields.nuevaFecha) ?? (turnoDate < today ? today : turno.start.slice(0, 10));
      const professionalId = parseId(fields.nuevoProfesional) ?? turno.professionalId;
      const candidates = service ? await listProfessionals(ctx, { actor, ...service }) : [];
      let slots: { start: string; end: string }[] = [];
      let alert: string | undefined;
      if (turno.status === 'reserved' && service) {
        try {
          const week = await professionalAvailability(ctx, {
            actor,
            origin: 'staff',
            professionalId,
            service,
            from: date,
            days: 1,
          });
          slots = week.slots.filter((s) => s.free);
        } catch (e) {
          alert = expected(e, reply, ['WRONG_SERVICE', 'NOT_FOUND']).messageIn(page.lang);
        }
      }
      return {
        page,
        filter: filterOf(fields, today),
        details,
        date,
        professionalId,
        professionals: candidates.map((p) => ({ value: String(p.id), label: p.fullName })),
        slots,
        chosen: parseInstant(fields.inicio) ?? undefined,
        alert,
      };
    }

    app.get('/staff/turnos/:id/reprogramar', hidden, async (request, reply) => {
      const actor = shell.requireStaff(request, reply, DESK);
      if (!actor) return reply;
      const id = idOf(request);
      if (id === null) return reply.callNotFound();
      const page = await shell.staffPage(request, reply);
      return sendPage(reply, <MovePage {...(await moveView(reply, page, actor, id, queryOf(request)))} />);
    });

    app.post('/staff/turnos/:id/reprogramar', hidden, async (request, reply) => {
      const actor = shell.requireStaff(request, reply, DESK);
      if (!actor) return reply;
      const id = idOf(request);
      if (id === null) return reply.callNotFound();
      const body = formBody(request);
      const page = await shell.staffPage(request, reply);
      const start = parseInstant(body.inicio);
      const professionalId = parseId(body.nuevoProfesional) ?? undefined;
      const again = async (alert: string, status: number) => {
        const props = await moveView(reply, page, actor, id, body);
        return sendPage(reply, <MovePage {...props} alert={alert} />, status);
      };
      if (start === null) return again(deskMessages(page.lang)('chooseSlot'), 400);
      try {
        await rescheduleAppointment(ctx, { actor, id, start, professionalId });
      } catch (e) {
        const error = expected(e, reply, MOVE_ERRORS);
        return again(error.messageIn(page.lang), error.status);
      }
      const filter = filterOf(body, todayIn(page.center.timeZone, ctx.clock.now()));
      return reply.redirect(deskLink(filter, { ok: 'reprogramado' }), 303);
    });

    app.get('/staff/turnos/:id/cancelar', hidden, async (request, reply) => {
      const actor = shell.requireStaff(request, reply, DESK);
      if (!actor) return reply;
      const id = idOf(request);
      if (id === null) return reply.callNotFound();
      const page = await shell.staffPage(request, reply);
      const filter = filterOf(queryOf(request), todayIn(page.center.timeZone, ctx.clock.now()));
      const details = await turnoDetails(actor, id);
      return sendPage(reply, <CancelPage page={page} filter={filter} details={details} />);
    });

    app.post('/staff/turnos/:id/cancelar', hidden, async (request, reply) => {
      const actor = shell.requireStaff(request, reply, DESK);
      if (!actor) return reply;
      const id = idOf(request);
      if (id === null) return reply.callNotFound();
      const page = await shell.staffPage(request, reply);
      const filter = filterOf(formBody(request), todayIn(page.center.timeZone, ctx.clock.now()));
      try {
        await cancelAppointment(ctx, { actor, id });
      } catch (e) {
        const error = expected(e, reply, ['INVALID_TRANSITION', 'NOT_FOUND']);
        const details = await turnoDetails(actor, id);
        const alert = error.messageIn(page.lang);
        return sendPage(
          reply,
          <CancelPage page={page} filter={filter} details={details} alert={alert} />,
          error.status,
        );
      }
      return reply.redirect(deskLink(filter, { ok: 'cancelado' }), 303);
    });
  };
