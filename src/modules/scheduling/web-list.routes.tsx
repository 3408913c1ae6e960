// /staff/web/turnos: the manual's "Listado de Turnos dados por Sistema Web" — filtered (the filters kept in the
// address and remembered in a cookie), paginated, exported to CSV, and "Cancelar / Borrar el turno" after a
// confirmation page, back to the same filtered list.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import type { StaffRole } from '../../platform/db/schema.js';
import { secureCookies } from '../../platform/http/csrf.js';
import { idField } from '../../platform/http/fields.js';
import { expected, formBody, pageNumber, queryOf, sendCsv } from '../../platform/http/request.js';
import { type StaffPage, sendPage } from '../../views/page.js';
import type { WebShell } from '../../web/shell.js';
import { listInsurers, listProfessionals, listSpecialties, listStudies } from '../catalog/catalog.service.js';
import { getPatient } from '../patients/patients.service.js';
import type { StaffActor } from '../staff/actor.js';
import { cancelAppointment, deleteAppointment, getAppointment } from './appointments.service.js';
import { ConfirmPage, type TurnoRow, WebListPage } from './views/web-list.js';
import type { Choices } from './views/web-list-filters.js';
import { webListMessages } from './web-list.messages.js';
import {
  type FilterParams,
  filterCookie,
  namesFilters,
  parseFilters,
  rememberedFilters,
  WEB_LIST_PATH,
  webListLink,
} from './web-list.params.js';
import { exportWebAppointmentsCsv, listWebAppointments } from './web-list.service.js';

const hidden = { schema: { hide: true } };
const DESK: StaffRole[] = ['admin', 'reception'];
/** The last filters of this list; under /staff only, like the staff session. */
const WEB_LIST_COOKIE = 'turnero_turnos_web';
const COOKIE_DAYS = 180;

type Kind = 'cancel' | 'delete';
const ACTION_PATH: Record<Kind, string> = { cancel: 'cancelar', delete: 'borrar' };
const DONE: Record<Kind, 'cancelado' | 'borrado'> = { cancel: 'cancelado', delete: 'borrado' };

function flashOf(page: StaffPage, query: Record<string, string>): string | undefined {
  const number = /^\d{1,10}$/.test(query.turno ?? '') ? (query.turno as string) : null;
  if (number === null || (query.ok !== 'cancelado' && query.ok !== 'borrado')) return undefined;
  return webListMessages(page.lang)(query.ok === 'cancelado' ? 'ok_cancelado' : 'ok_borrado', { number });
}

export const webListRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    async function choicesFor(actor: StaffActor): Promise<Choices> {
      const [specialties, studies, professionals, insurers] = await Promise.all([
        listSpecialties(ctx, { actor }),
        listStudies(ctx, { actor }),
        listProfessionals(ctx, { actor }),
        listInsurers(ctx, { actor }),
      ]);
      return {
        specialties: specialties.map((s) => ({ id: s.id, name: s.name })),
        studies: studies.map((s) => ({ id: s.id, name: s.name })),
        professionals: professionals.map((p) => ({ id: p.id, name: p.fullName })),
        insurers: insurers.map((i) => ({ id: i.id, name: i.name })),
      };
    }

    /** One web turno with the names the confirmation shows; another kind of turno is not this list's. */
    async function turnoRow(actor: StaffActor, id: number): Promise<TurnoRow> {
      const turno = await getAppointment(ctx, { actor, id });
      if (turno.origin !== 'web') throw new AppError('NOT_FOUND', { what: `el turno web ${id}` });
      const [patient, choices] = await Promise.all([
        getPatient(ctx, { actor, id: turno.patientId }),
        choicesFor(actor),
      ]);
      const nameIn = (list: { id: number; name: string }[], wanted: number | null) =>
        wanted === null ? null : (list.find((n) => n.id === wanted)?.name ?? null);
      return {
        id: turno.id,
        date: turno.start.slice(0, 10),
        start: turno.start,
        patientName: `${patient.lastName} ${patient.firstName}`,
        patientDni: patient.dni,
        professionalName: nameIn(choices.professionals, turno.professionalId) ?? '',
        serviceName: nameIn(choices.specialties, turno.specialtyId) ?? nameIn(choices.studies, turno.studyId),
        insurerName: nameIn(choices.insurers, turno.insurerId),
        status: turno.status,
        reason: turno.reason,
        bookedAt: turno.bookedAt,
        bookedIp: turno.bookedIp,
      };
    }

    const remember = (request: FastifyRequest, reply: FastifyReply, params: FilterParams) => {
      const options = { path: '/staff', httpOnly: true, sameSite: 'lax' as const, secure: secureCookies(request) };
      if (Object.keys(params).length === 0) reply.clearCookie(WEB_LIST_COOKIE, options);
      else reply.setCookie(WEB_LIST_COOKIE, filterCookie(params), { ...options, maxAge: COOKIE_DAYS * 24 * 3600 });
    };

    app.get(WEB_LIST_PATH, hidden, async (request, reply) => {
      const actor = shell.requireStaff(request, reply, DESK);
      if (!actor) return reply;
      const query = queryOf(request);
      if ('limpiar' in query) {
        remember(request, reply, {});
        return reply.redirect(WEB_LIST_PATH, 303);
      }
      if (!namesFilters(query)) {
        // Opened from the menu (or back after an action): the list comes back as it was last filtered.
        const remembered = rememberedFilters(request.cookies[WEB_LIST_COOKIE]);
        if (remembered) return reply.redirect(webListLink(remembered, { ok: query.ok, turno: query.turno }), 303);
      }
      const filters = parseFilters(query);
      const valid = Object.keys(filters.errors).length === 0;
      if (valid) remember(request, reply, filters.params);
      const [page, choices, result] = await Promise.all([
        shell.staffPage(request, reply),
        choicesFor(actor),
        valid ? listWebAppointments(ctx, { actor, ...filters.query, page: pageNumber(query.pagina) }) : null,
      ]);
      return sendPage(
        reply,
        <WebListPage page={page} filters={filters} choices={choices} result={result} flash={flashOf(page, query)} />,
        valid ? 200 : 400,
      );
    });

    app.get(`${WEB_LIST_PATH}/exportar.csv`, hidden, async (request, reply) => {
      const actor = shell.requireStaff(request, reply, DESK);
      if (!actor) return reply;
      const filters = parseFilters(queryOf(request));
      if (Object.keys(filters.errors).length > 0) {
        throw new AppError('VALIDATION_ERROR', { detail: `filtros ${Object.keys(filters.errors).join(', ')}` });
      }
      return sendCsv(reply, await exportWebAppointmentsCsv(ctx, { actor, ...filters.query }));
    });

    const confirmation = (kind: Kind) => {
      const path = `${WEB_LIST_PATH}/:id/${ACTION_PATH[kind]}`;
      const idOf = (request: FastifyRequest) => idField.safeParse((request.params as { id: string }).id);

      app.get(path, hidden, async (request, reply) => {
        const actor = shell.requireStaff(request, reply, DESK);
        if (!actor) return reply;
        const id = idOf(request);
        if (!id.success) return reply.callNotFound();
        const params = parseFilters(queryOf(request)).params;
        const [page, item] = await Promise.all([shell.staffPage(request, reply), turnoRow(actor, id.data)]);
        return sendPage(reply, <ConfirmPage page={page} kind={kind} item={item} params={params} />);
      });

      app.post(path, hidden, async (request, reply) => {
        const actor = shell.requireStaff(request, reply, DESK);
        if (!actor) return reply;
        const id = idOf(request);
        if (!id.success) return reply.callNotFound();
        const params = parseFilters(formBody(request)).params;
        try {
          // Only web turnos, as the confirmation page: another one answers 404 here too.
          if (kind === 'cancel') await cancelAppointment(ctx, { actor, id: id.data, origin: 'web' });
          else await deleteAppointment(ctx, { actor, id: id.data, origin: 'web' });
        } catch (e) {
          const error = expected(e, reply, ['INVALID_TRANSITION', 'ATTENDANCE_RECORDED']);
          const [page, item] = await Promise.all([shell.staffPage(request, reply), turnoRow(actor, id.data)]);
          const alert = error.messageIn(page.lang);
          return sendPage(
            reply,
            <ConfirmPage page={page} kind={kind} item={item} params={params} alert={alert} />,
            error.status,
          );
        }
        return reply.redirect(webListLink(params, { ok: DONE[kind], turno: id.data }), 303);
      });
    };
    confirmation('cancel');
    confirmation('delete');
  };
