// What the desk, the API and the CSV show of a batch: its summary, and each row with the turno's or the
// patient's current data and what the outbox says — before sending, whether an earlier message was sent
// (the manual's "Env") and its last error; after sending, this batch's own message.
import type { Kysely } from 'kysely';
import type { AppointmentStatus, DB, OutboxStatus } from '../../platform/db/schema.js';
import { formatInZone, minutesToTime, utcToCivil } from '../../platform/time/zone.js';
import { type PreviousSend, previousReminders, previousTemplateSends } from './batches.candidates.repo.js';
import { type BatchRecord, type BatchRow, batchMessages } from './batches.repo.js';
import { type BatchFilters, type LeftOut, parseFilters, parseLeftOut } from './batches.rules.js';
import { appointmentRecipients, patientRecipients } from './recipients.repo.js';

export interface BatchRowView {
  id: number;
  appointmentId: number | null;
  patientId: number;
  /** "RODRIGUEZ María", as the manual's list. */
  patientName: string;
  /** The e-mail, or the mobile in E.164. */
  recipient: string;
  insurerName: string | null;
  /** Civil date and time of the turno in the center's zone; null in all-patients lists. */
  date: string | null;
  time: string | null;
  professionalName: string | null;
  /** The turno's specialty, or its study. */
  serviceName: string | null;
  /** The turno's state now: it may have been cancelled after the list was made. */
  turnoStatus: AppointmentStatus | null;
  /** Before sending: an earlier message (this channel's reminder, or this template) was already sent. */
  alreadySent: boolean;
  /** Before sending: the last error of an earlier message, if any. */
  lastError: string | null;
  /** After sending: this batch's message state (null: it was not sent, the turno was no longer reserved). */
  state: OutboxStatus | null;
  stateError: string | null;
}

export interface BatchSummary {
  id: number;
  templateId: number;
  templateTitle: string;
  channel: BatchRecord['channel'];
  audience: BatchRecord['audience'];
  filters: BatchFilters;
  status: BatchRecord['status'];
  leftOut: LeftOut;
  createdBy: string;
  /** ISO-8601 with the center's offset. */
  createdAt: string;
  queuedAt: string | null;
}

export function batchSummary(zone: string, batch: BatchRecord): BatchSummary {
  return {
    id: batch.id,
    templateId: batch.templateId,
    templateTitle: batch.templateTitle ?? '',
    channel: batch.channel,
    audience: batch.audience,
    filters: parseFilters(batch.filters),
    status: batch.status,
    leftOut: parseLeftOut(batch.leftOut),
    createdBy: batch.createdByName,
    createdAt: formatInZone(zone, Date.parse(batch.createdAt)),
    queuedAt: batch.queuedAt === null ? null : formatInZone(zone, Date.parse(batch.queuedAt)),
  };
}

/** Per turno or patient: whether any earlier message was sent, and the newest error of one that was not. */
function earlier(sends: PreviousSend[]): Map<number, { sent: boolean; error: string | null }> {
  const byKey = new Map<number, { sent: boolean; error: string | null }>();
  for (const s of sends) {
    const seen = byKey.get(s.key) ?? { sent: false, error: null };
    if (s.status === 'sent') seen.sent = true;
    // A sent row may keep the error of an attempt before it succeeded: that one is not a problem anymore.
    else if (s.lastError !== '') seen.error = s.lastError;
    byKey.set(s.key, seen);
  }
  return byKey;
}

/** The rows as lists show them: current names, dates and contact state, plus what the outbox knows. */
export async function describeRows(
  db: Kysely<DB>,
  zone: string,
  batch: BatchRecord,
  rows: BatchRow[],
): Promise<BatchRowView[]> {
  if (rows.length === 0) return [];
  const forTurnos = batch.audience === 'appointments';
  const keyOf = (r: BatchRow) => (forTurnos ? (r.appointmentId as number) : r.patientId);
  const keys = rows.map(keyOf);
  const draft = batch.status === 'draft';
  const [turnos, patients, previous, own] = await Promise.all([
    forTurnos ? appointmentRecipients(db, keys) : [],
    forTurnos ? [] : patientRecipients(db, keys),
    !draft
      ? []
      : forTurnos
        ? previousReminders(db, batch.channel, keys)
        : previousTemplateSends(db, batch.templateId, keys),
    draft ? [] : batchMessages(db, batch.id, forTurnos ? 'appointmentId' : 'patientId', keys),
  ]);
  const turnoById = new Map(turnos.map((t) => [t.appointmentId, t]));
  const patientById = new Map(patients.map((p) => [p.patientId, p]));
  const before = earlier(previous);
  const ownByKey = new Map(own.map((m) => [m.key, m]));
  return rows.map((r) => {
    const turno = forTurnos ? turnoById.get(r.appointmentId as number) : undefined;
    const person = turno ?? patientById.get(r.patientId);
    const civil = turno ? utcToCivil(zone, Date.parse(turno.startsAt)) : null;
    const past = before.get(keyOf(r));
    const mine = ownByKey.get(keyOf(r));
    return {
      id: r.id,
      appointmentId: r.appointmentId,
      patientId: r.patientId,
      patientName: person ? `${person.lastName} ${person.firstName}` : '',
      recipient: r.recipient,
      insurerName: person?.insurerName ?? null,
      date: civil?.date ?? null,
      time: civil ? minutesToTime(civil.minutes) : null,
      professionalName: turno ? `${turno.professionalLastName} ${turno.professionalFirstName}` : null,
      serviceName: turno ? (turno.specialtyName ?? turno.studyName) : null,
      turnoStatus: turno?.status ?? null,
      alreadySent: past?.sent ?? false,
      lastError: past?.error ?? null,
      state: mine?.status ?? null,
      stateError: mine && mine.lastError !== '' ? mine.lastError : null,
    };
  });
}

/** "2026-11-23" -> "23/11/2026", as Excel in es-AR reads a date. */
export const dmy = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

const STATE_ES: Record<OutboxStatus, string> = {
  pending: 'Pendiente',
  sent: 'Enviado',
  failed: 'Con error',
  cancelled: 'Cancelado',
};

/** The manual's columns (TuID, PacID, Env, Error, …); after sending, the state of each message too. */
export function csvTable(batch: BatchRecord, rows: BatchRowView[]) {
  const draft = batch.status === 'draft';
  const contact = batch.channel === 'mail' ? 'E-mail' : 'Celular';
  const header = [
    'TuID',
    'PacID',
    draft ? 'Env' : 'Estado',
    'Error',
    'Paciente',
    contact,
    'Obra social',
    'Fecha',
    'Hora',
    'Profesional',
    'Especialidad',
  ];
  const body = rows.map((r) => [
    r.appointmentId,
    r.patientId,
    draft ? (r.alreadySent ? 'SÍ' : 'NO') : r.state ? STATE_ES[r.state] : 'No enviado',
    draft ? r.lastError : r.stateError,
    r.patientName,
    r.recipient,
    r.insurerName,
    r.date === null ? null : dmy(r.date),
    r.time,
    r.professionalName,
    r.serviceName,
  ]);
  return { header, body };
}
