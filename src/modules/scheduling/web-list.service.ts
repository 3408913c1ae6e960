// "Turnos dados por web": the appointments patients booked on the web, filtered, a page at a time or
// all of them as CSV. Cancelling and deleting are the usual appointment actions (appointments.service).
import type { AppContext } from '../../context.js';
import { toCsv } from '../../platform/csv/csv.js';
import type { AppointmentStatus } from '../../platform/db/schema.js';
import { dayRangeUtc } from '../../platform/time/day-range.js';
import { formatInZone, minutesToTime, todayIn, utcToCivil } from '../../platform/time/zone.js';
import { getSettings } from '../center/center.repo.js';
import { type Actor, requireStaff } from '../staff/actor.js';
import { audit } from '../staff/audit.service.js';
import * as repo from './web-list.repo.js';

const ROLES = ['admin', 'reception'] as const;
export const WEB_LIST_PAGE_SIZE = 50;

/** Dates are civil dates in the center's zone, both ends included. */
export interface WebListQuery {
  bookedFrom?: string | undefined;
  bookedTo?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  specialtyId?: number | undefined;
  studyId?: number | undefined;
  professionalId?: number | undefined;
  insurerId?: number | undefined;
  status?: AppointmentStatus | undefined;
}

function toFilter(zone: string, q: WebListQuery): repo.WebListFilter {
  const booked = dayRangeUtc(zone, q.bookedFrom, q.bookedTo);
  const starts = dayRangeUtc(zone, q.from, q.to);
  return {
    bookedFrom: booked.from,
    bookedBefore: booked.before,
    startsFrom: starts.from,
    startsBefore: starts.before,
    specialtyId: q.specialtyId,
    studyId: q.studyId,
    professionalId: q.professionalId,
    insurerId: q.insurerId,
    status: q.status,
  };
}

/** The filter as the audit log keeps it: the fields given, nothing else. */
function describe(q: WebListQuery): string {
  const range = (a: string | undefined, b: string | undefined) => `${a ?? '…'} a ${b ?? '…'}`;
  const parts: string[] = ['origen web'];
  if (q.bookedFrom || q.bookedTo) parts.push(`otorgados ${range(q.bookedFrom, q.bookedTo)}`);
  if (q.from || q.to) parts.push(`turnos ${range(q.from, q.to)}`);
  const ids = {
    especialidad: q.specialtyId,
    estudio: q.studyId,
    profesional: q.professionalId,
    'obra social': q.insurerId,
  };
  for (const [name, id] of Object.entries(ids)) if (id !== undefined) parts.push(`${name} ${id}`);
  if (q.status) parts.push(`estado ${q.status}`);
  return parts.join(', ');
}

function webListView(zone: string, r: repo.WebListRow) {
  const startMs = Date.parse(r.startsAt);
  const civil = utcToCivil(zone, startMs);
  return {
    id: r.id,
    patientId: r.patientId,
    patientName: `${r.patientLastName} ${r.patientFirstName}`,
    patientDni: r.patientDni,
    professionalId: r.professionalId,
    professionalName: `${r.professionalLastName} ${r.professionalFirstName}`,
    specialtyId: r.specialtyId,
    studyId: r.studyId,
    /** The specialty's or the study's name. */
    serviceName: r.specialtyName ?? r.studyName,
    insurerId: r.insurerId,
    insurerName: r.insurerName,
    date: civil.date,
    time: minutesToTime(civil.minutes),
    start: formatInZone(zone, startMs),
    end: formatInZone(zone, Date.parse(r.endsAt)),
    status: r.status,
    reason: r.reason,
    bookedAt: formatInZone(zone, Date.parse(r.bookedAt)),
    bookedIp: r.bookedIp,
    cancelledAt: r.cancelledAt === null ? null : formatInZone(zone, Date.parse(r.cancelledAt)),
    cancelledBy: r.cancelledBy,
  };
}

export type WebListItem = ReturnType<typeof webListView>;

export async function listWebAppointments(
  ctx: AppContext,
  input: WebListQuery & { actor: Actor; page?: number | undefined; pageSize?: number | undefined },
) {
  const actor = requireStaff(input.actor, ROLES);
  const zone = (await getSettings(ctx.database.db)).timeZone;
  const page = Math.max(1, input.page ?? 1);
  const pageSize = input.pageSize ?? WEB_LIST_PAGE_SIZE;
  const filter = toFilter(zone, input);
  const db = ctx.database.db;
  const [rows, total] = await Promise.all([
    repo.listWebAppointments(db, filter, { limit: pageSize, offset: (page - 1) * pageSize }),
    repo.countWebAppointments(db, filter),
  ]);
  await audit(ctx, actor, { action: 'appointment.list', detail: `${describe(input)}, página ${page}` });
  return { items: rows.map((r) => webListView(zone, r)), total, page, pageSize };
}

const STATUS_ES: Record<AppointmentStatus, string> = {
  reserved: 'Reservado',
  present: 'Presente',
  absent: 'Ausente',
  cancelled: 'Cancelado',
};

const CSV_HEADER = [
  'Turno',
  'Fecha',
  'Hora',
  'Paciente',
  'DNI',
  'Profesional',
  'Especialidad o estudio',
  'Obra social',
  'Estado',
  'Motivo',
  'Otorgado',
  'IP',
];

/** "2026-11-23" -> "23/11/2026", as Excel in es-AR reads a date. */
const dmy = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

function csvRow(item: WebListItem) {
  return [
    item.id,
    dmy(item.date),
    item.time,
    item.patientName,
    item.patientDni,
    item.professionalName,
    item.serviceName,
    item.insurerName,
    STATUS_ES[item.status],
    item.reason,
    // bookedAt is written in the center's zone: "2026-11-20T10:00:00-03:00".
    `${dmy(item.bookedAt.slice(0, 10))} ${item.bookedAt.slice(11, 16)}`,
    item.bookedIp,
  ];
}

/** The whole filtered list (every page) as CSV, newest booking first, with a file name for the download. */
export async function exportWebAppointmentsCsv(ctx: AppContext, input: WebListQuery & { actor: Actor }) {
  const actor = requireStaff(input.actor, ROLES);
  const zone = (await getSettings(ctx.database.db)).timeZone;
  const rows = await repo.listWebAppointments(ctx.database.db, toFilter(zone, input));
  await audit(ctx, actor, { action: 'appointment.export', detail: `${describe(input)}, ${rows.length} turnos (CSV)` });
  const csv = toCsv(
    CSV_HEADER,
    rows.map((r) => csvRow(webListView(zone, r))),
  );
  return { filename: `turnos-web-${todayIn(zone, ctx.clock.now())}.csv`, csv, count: rows.length };
}
