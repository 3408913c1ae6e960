// The manual's "Registro de envíos": every message of the outbox (the outbox is the send log), filtered, a page
// at a time or all of it as CSV. Reading it shows patients' data, so each read is audited like other lists.
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { formatStamp } from '../../platform/calendar/format.js';
import { toCsv } from '../../platform/csv/csv.js';
import type { MessageChannel, OutboxStatus } from '../../platform/db/schema.js';
import { dayRangeUtc } from '../../platform/time/day-range.js';
import { addDays, formatInZone, todayIn } from '../../platform/time/zone.js';
import { getCenter } from '../center/center.service.js';
import { type Actor, requireStaff } from '../staff/actor.js';
import { audit } from '../staff/audit.service.js';
import { kindText, sendLogMessages } from './send-log.messages.js';
import * as repo from './send-log.repo.js';

const ROLES = ['admin', 'reception'] as const;
export const SEND_LOG_PAGE_SIZE = 100;
/** The default window: today and the six days before. */
const DEFAULT_DAYS = 7;

export type { SendLogState } from './send-log.repo.js';

/** Dates are civil dates in the center's zone, both ends included. */
export interface SendLogQuery {
  from?: string | undefined;
  to?: string | undefined;
  channel?: MessageChannel | undefined;
  status?: repo.SendLogState | undefined;
  batchId?: number | undefined;
  patientId?: number | undefined;
  /** A DNI, the start of "APELLIDO Nombre", or part of the address or number it went to. */
  patient?: string | undefined;
}

/** What the row says of its state: a pending message that already failed once is being retried. */
export type DeliveryState = 'sent' | 'pending' | 'retrying' | 'failed' | 'cancelled';

export function deliveryState(status: OutboxStatus, lastError: string): DeliveryState {
  return status === 'pending' && lastError !== '' ? 'retrying' : status;
}

/**
 * Account and reminder links carry a key that acts for the patient (activate, reset the password, cancel the
 * turno), and a teleconsultation token mailed to the professional stands for the patient's signature while it
 * lasts: whoever reads the log or a CSV of it must not be able to use them.
 */
export function hideLinkKeys(text: string): string {
  return text.replace(/([?&]token=)[^\s&#"'<>]+/g, '$1…').replace(/^((?:Código|Code): )[\d ]+$/gm, '$1…');
}

/** Today and the six days before, in the center's zone: the list when nothing was chosen. */
export async function lastWeek(ctx: AppContext): Promise<{ from: string; to: string }> {
  const zone = (await getCenter(ctx)).timeZone;
  const to = todayIn(zone, ctx.clock.now());
  return { from: addDays(to, 1 - DEFAULT_DAYS), to };
}

/** The API without dates, a batch or a patient: the same last week the page opens with. */
export async function withDefaultDates(ctx: AppContext, q: SendLogQuery): Promise<SendLogQuery> {
  const open = q.from === undefined && q.to === undefined && q.batchId === undefined && q.patientId === undefined;
  return open ? { ...q, ...(await lastWeek(ctx)) } : q;
}

function toFilter(zone: string, q: SendLogQuery): repo.SendLogFilter {
  if (q.from !== undefined && q.to !== undefined && q.from > q.to) {
    throw new AppError('VALIDATION_ERROR', {
      detail: `«from» (${q.from}) es posterior a «to» (${q.to}): la fecha inicial va primero`,
    });
  }
  // A DNI is often typed with dots.
  const search = q.patient?.trim().replace(/^(\d{1,3})\.(\d{3})\.(\d{3})$/, '$1$2$3');
  const created = dayRangeUtc(zone, q.from, q.to);
  return {
    createdFrom: created.from,
    createdBefore: created.before,
    channel: q.channel,
    state: q.status,
    batchId: q.batchId,
    patientId: q.patientId,
    search: search || undefined,
  };
}

/** The filter as the audit log keeps it: the fields given, never the text searched (it may be a name). */
function describe(q: SendLogQuery): string {
  const parts: string[] = ['registro de envíos'];
  if (q.from || q.to) parts.push(`${q.from ?? '…'} a ${q.to ?? '…'}`);
  if (q.channel) parts.push(`tipo ${q.channel}`);
  if (q.status) parts.push(`estado ${q.status}`);
  if (q.batchId !== undefined) parts.push(`lote ${q.batchId}`);
  if (q.patient?.trim()) parts.push('búsqueda de paciente');
  return parts.join(', ');
}

export function sendLogView(zone: string, r: repo.SendLogRow) {
  const at = (iso: string) => formatInZone(zone, Date.parse(iso));
  return {
    id: r.id,
    channel: r.channel,
    kind: r.kind,
    status: r.status,
    state: deliveryState(r.status, r.lastError),
    recipient: r.recipient,
    subject: hideLinkKeys(r.subject),
    text: hideLinkKeys(r.bodyText),
    error: r.lastError === '' ? null : r.lastError,
    attempts: r.attempts,
    createdAt: at(r.createdAt),
    sentAt: r.sentAt === null ? null : at(r.sentAt),
    sentBy: r.sentBy,
    batchId: r.batchId,
    templateId: r.templateId,
    patientId: r.patientId,
    appointmentId: r.appointmentId,
    patient:
      r.patientFound === null
        ? null
        : { id: r.patientFound, name: `${r.patientLastName} ${r.patientFirstName}`, dni: r.patientDni ?? '' },
    appointment:
      r.appointmentFound === null || r.appointmentStartsAt === null
        ? null
        : {
            id: r.appointmentFound,
            startsAt: at(r.appointmentStartsAt),
            professional:
              r.professionalLastName === null ? null : `${r.professionalLastName} ${r.professionalFirstName}`,
          },
  };
}

export type SendLogItem = ReturnType<typeof sendLogView>;

export async function readSendLog(
  ctx: AppContext,
  input: { actor: Actor; filter: SendLogQuery; limit?: number | undefined; offset?: number | undefined },
) {
  const actor = requireStaff(input.actor, ROLES);
  const zone = (await getCenter(ctx)).timeZone;
  const filter = toFilter(zone, input.filter);
  const limit = input.limit ?? SEND_LOG_PAGE_SIZE;
  const offset = input.offset ?? 0;
  const db = ctx.database.db;
  const [rows, total] = await Promise.all([
    repo.listSendLog(db, filter, { limit, offset }),
    repo.countSendLog(db, filter),
  ]);
  await audit(ctx, actor, {
    action: 'message.list',
    patientId: input.filter.patientId ?? null,
    detail: `${describe(input.filter)}, desde el ${offset + 1}`,
  });
  return { items: rows.map((r) => sendLogView(zone, r)), total, limit, offset };
}

const CSV_HEADER = [
  'Envío N°',
  'Fecha y hora de envío',
  'En cola desde',
  'Usuario',
  'Paciente',
  'DNI',
  'Tipo',
  'Destinatario',
  'Motivo',
  'Estado',
  'Error',
  'Intentos',
  'Asunto',
  'Mensaje',
  'Fecha del turno',
  'Hora del turno',
  'Profesional del turno',
  'Lote',
];

/** "23/11/2026 09:00", as Excel in es-AR reads it. */
const stamp = (zone: string, iso: string) => formatStamp('es', zone, Date.parse(iso));

function csvRow(zone: string, item: SendLogItem) {
  const t = sendLogMessages('es');
  const [turnoDate, turnoTime] = item.appointment ? stamp(zone, item.appointment.startsAt).split(' ') : [];
  return [
    item.id,
    item.sentAt === null ? '' : stamp(zone, item.sentAt),
    stamp(zone, item.createdAt),
    item.sentBy,
    item.patient?.name ?? '',
    item.patient?.dni ?? '',
    t(`channel_${item.channel}`),
    item.recipient,
    kindText(t, item.kind),
    t(`state_${item.state}`),
    item.error ?? '',
    item.attempts,
    item.subject,
    item.text,
    turnoDate ?? '',
    turnoTime ?? '',
    item.appointment?.professional ?? '',
    item.batchId,
  ];
}

/** The whole filtered list (every page) as CSV, newest first, with a file name for the download. */
export async function sendLogCsv(ctx: AppContext, input: { actor: Actor; filter: SendLogQuery }) {
  const actor = requireStaff(input.actor, ROLES);
  const zone = (await getCenter(ctx)).timeZone;
  const rows = await repo.listSendLog(ctx.database.db, toFilter(zone, input.filter));
  await audit(ctx, actor, {
    action: 'message.export',
    patientId: input.filter.patientId ?? null,
    detail: `${describe(input.filter)}, ${rows.length} envíos (CSV)`,
  });
  const csv = toCsv(
    CSV_HEADER,
    rows.map((r) => csvRow(zone, sendLogView(zone, r))),
  );
  return { filename: `registro-envios-${todayIn(zone, ctx.clock.now())}.csv`, csv, count: rows.length };
}
