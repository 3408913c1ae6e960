// /staff/turnos, the Pantalla de turnos: the day's agenda with its filter remembered, and attendance.
// Giving a turno is in desk-book.routes.tsx; moving and cancelling one in desk-move.routes.tsx.
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { secureCookies } from '../../platform/http/csrf.js';
import { expected, formBody, queryOf } from '../../platform/http/request.js';
import { todayIn } from '../../platform/time/zone.js';
import { type StaffPage, sendPage } from '../../views/page.js';
import type { WebShell } from '../../web/shell.js';
import { listProfessionals, listSpecialties } from '../catalog/catalog.service.js';
import { canSeeProfessional, type StaffActor } from '../staff/actor.js';
import { conformitiesOfTurnos } from '../teleconsult/conformity.service.js';
import { updateAppointment } from './appointments.service.js';
import { dayAgenda } from './day-desk.service.js';
import { deskMessages } from './desk.messages.js';
import { type DeskFilter, deskLink, filterCookie, filterOf, parseId, rememberedFilter } from './desk.params.js';
import { deskBookRoutes } from './desk-book.routes.js';
import { deskMoveRoutes } from './desk-move.routes.js';
import { deskTeleconsultRoutes } from './desk-teleconsult.routes.js';
import { DeskPage } from './views/desk.js';

const hidden = { schema: { hide: true } };
/** The receptionist's last filter; under /staff only, like the staff session. */
export const DESK_COOKIE = 'turnero_pantalla';
const COOKIE_DAYS = 180;
const OK_KEYS = ['dado', 'sobreturno', 'presente', 'ausente', 'cancelado', 'reprogramado', 'teleconsulta'] as const;
const ATTENDANCE = { presente: 'present', ausente: 'absent' } as const;

/** A professional's own agenda: the only one they may open, so the one they get when they name none. */
function ownAgenda(actor: StaffActor, filter: DeskFilter): DeskFilter {
  if (filter.agenda || actor.role !== 'professional' || actor.professionalId === null) return filter;
  return { ...filter, agenda: { kind: 'professional', id: actor.professionalId } };
}

export const deskRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    async function renderDesk(
      reply: FastifyReply,
      page: StaffPage,
      actor: StaffActor,
      filter: DeskFilter,
      extra: {
        flash?: string | undefined;
        alert?: string | undefined;
        status?: number;
        /** Remember this filter once its agenda opened (a wrong one would reopen as an error page). */
        remember?: (() => void) | undefined;
      } = {},
    ) {
      const professional = actor.role === 'professional';
      const agenda = filter.agenda;
      const [pros, specialties, day] = await Promise.all([
        listProfessionals(ctx, { actor }),
        professional ? [] : listSpecialties(ctx, { actor }),
        agenda
          ? dayAgenda(ctx, {
              actor,
              date: filter.date,
              ...(agenda.kind === 'professional' ? { professionalId: agenda.id } : { specialtyId: agenda.id }),
            })
          : null,
      ]);
      extra.remember?.();
      const teleconsultIds = (day?.professionals ?? []).flatMap((p) =>
        p.rows.flatMap((r) => (r.turno?.teleconsult ? [r.turno.id] : [])),
      );
      const conformities = await conformitiesOfTurnos(ctx, { actor, appointmentIds: teleconsultIds });
      return sendPage(
        reply,
        <DeskPage
          page={page}
          filter={filter}
          today={todayIn(page.center.timeZone, ctx.clock.now())}
          professionals={pros
            .filter((p) => canSeeProfessional(actor, p.id))
            .map((p) => ({ id: p.id, name: p.fullName }))}
          specialties={specialties.map((s) => ({ id: s.id, name: s.name }))}
          day={day}
          canBook={!professional}
          conformities={conformities}
          flash={extra.flash}
          alert={extra.alert}
        />,
        extra.status ?? 200,
      );
    }

    const todayOf = (page: StaffPage) => todayIn(page.center.timeZone, ctx.clock.now());
    /** Who may open a remembered agenda: a professional only their own (the desk computer may be shared). */
    const mayOpen = (actor: StaffActor, filter: DeskFilter | null): filter is DeskFilter =>
      filter !== null &&
      (actor.role !== 'professional' ||
        (filter.agenda?.kind === 'professional' && canSeeProfessional(actor, filter.agenda.id)));

    app.get('/staff/turnos', hidden, async (request, reply) => {
      const actor = shell.requireStaff(request, reply);
      if (!actor) return reply;
      const page = await shell.staffPage(request, reply);
      const today = todayOf(page);
      const query = queryOf(request);
      if (query.fecha === undefined && query.agenda === undefined) {
        const remembered = rememberedFilter(request.cookies[DESK_COOKIE], today);
        const start = mayOpen(actor, remembered) ? remembered : ownAgenda(actor, { date: today, agenda: null });
        if (start.agenda) return reply.redirect(deskLink(start, { ok: query.ok }), 303);
      }
      const filter = ownAgenda(actor, filterOf(query, today));
      const remember = () =>
        reply.setCookie(DESK_COOKIE, filterCookie(filter, today), {
          path: '/staff',
          httpOnly: true,
          sameSite: 'lax',
          secure: secureCookies(request),
          maxAge: COOKIE_DAYS * 24 * 3600,
        });
      const ok = OK_KEYS.find((k) => k === query.ok);
      const flash = ok && deskMessages(page.lang)(`ok_${ok}`);
      return renderDesk(reply, page, actor, filter, { flash, remember: filter.agenda ? remember : undefined });
    });

    app.post('/staff/turnos/:id/asistencia', hidden, async (request, reply) => {
      const actor = shell.requireStaff(request, reply);
      if (!actor) return reply;
      const id = parseId((request.params as { id: string }).id);
      if (id === null) return reply.callNotFound();
      const body = formBody(request);
      const page = await shell.staffPage(request, reply);
      const filter = filterOf(body, todayOf(page));
      const estado = body.estado === 'presente' || body.estado === 'ausente' ? body.estado : null;
      if (estado === null) throw new AppError('VALIDATION_ERROR', { detail: 'estado' });
      try {
        await updateAppointment(ctx, { actor, id, status: ATTENDANCE[estado] });
      } catch (e) {
        const error = expected(e, reply, ['ATTENDANCE_TOO_EARLY', 'INVALID_TRANSITION', 'NOT_FOUND', 'SLOT_TAKEN']);
        const alert = error.messageIn(page.lang);
        return renderDesk(reply, page, actor, filter, { alert, status: error.status });
      }
      return reply.redirect(deskLink(filter, { ok: estado }), 303);
    });

    await app.register(deskBookRoutes(ctx, shell));
    await app.register(deskMoveRoutes(ctx, shell));
    await app.register(deskTeleconsultRoutes(ctx, shell));
  };
