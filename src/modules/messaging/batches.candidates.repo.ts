// SQL of who may be in a send-desk list (the manual's filters over turnos or over every patient) and of what
// was sent to them before: the "Env" and "Error" columns.
import type { Kysely } from 'kysely';
import type { DB, MessageChannel } from '../../platform/db/schema.js';
import type { SentFilter } from './batches.rules.js';
import { REMINDER_KINDS } from './batches.rules.js';
import { appointmentRecipientsQuery, patientRecipientsQuery } from './recipients.repo.js';

export interface AppointmentCandidateFilter {
  channel: MessageChannel;
  /** Instants (UTC ISO): from included, before excluded. */
  startsFrom: string;
  startsBefore: string;
  sent: SentFilter;
  insurerIds: number[];
  specialtyIds: number[];
  studyIds: number[];
  professionalIds: number[];
}

/** Reserved turnos only (a cancelled or attended turno needs no reminder), earliest first. */
export function appointmentCandidates(db: Kysely<DB>, f: AppointmentCandidateFilter) {
  let q = appointmentRecipientsQuery(db)
    .where('a.status', '=', 'reserved')
    .where('a.startsAt', '>=', f.startsFrom)
    .where('a.startsAt', '<', f.startsBefore);
  // The insurer the list shows: the turno's, else the patient's (as recipients.repo joins it).
  if (f.insurerIds.length > 0) q = q.where('i.id', 'in', f.insurerIds);
  if (f.specialtyIds.length > 0 || f.studyIds.length > 0) {
    q = q.where((eb) =>
      eb.or([
        ...(f.specialtyIds.length > 0 ? [eb('a.specialtyId', 'in', f.specialtyIds)] : []),
        ...(f.studyIds.length > 0 ? [eb('a.studyId', 'in', f.studyIds)] : []),
      ]),
    );
  }
  if (f.professionalIds.length > 0) q = q.where('a.professionalId', 'in', f.professionalIds);
  if (f.sent !== 'all') {
    q = q.where((eb) => {
      // outbox_reminder_once starts with appointment_id: this is an index lookup per turno.
      const sent = eb.exists(
        eb
          .selectFrom('outbox as o')
          .select('o.id')
          .whereRef('o.appointmentId', '=', 'a.id')
          .where('o.channel', '=', f.channel)
          .where('o.kind', 'in', REMINDER_KINDS)
          .where('o.status', '=', 'sent'),
      );
      return f.sent === 'sent' ? sent : eb.not(sent);
    });
  }
  return q.orderBy('a.startsAt').orderBy('a.id').execute();
}

/** Every patient (optionally of some insurers), by name; the "already sent" filter is the caller's. */
export function patientCandidates(db: Kysely<DB>, f: { insurerIds: number[] }) {
  let q = patientRecipientsQuery(db);
  if (f.insurerIds.length > 0) q = q.where('i.id', 'in', f.insurerIds);
  return q.orderBy('p.lastName').orderBy('p.firstName').orderBy('p.id').execute();
}

/**
 * The patients this template was already sent to. One pass over the outbox instead of a lookup per patient:
 * the outbox has no index by patient, and the all-patients list may hold thousands.
 */
export async function patientsSentTemplate(db: Kysely<DB>, templateId: number): Promise<Set<number>> {
  const rows = await db
    .selectFrom('outbox')
    .select('patientId')
    .distinct()
    .where('templateId', '=', templateId)
    .where('status', '=', 'sent')
    .where('patientId', 'is not', null)
    .execute();
  return new Set(rows.map((r) => r.patientId as number));
}

export interface PreviousSend {
  /** The turno's (turno lists) or the patient's (all-patients lists) id. */
  key: number;
  status: string;
  lastError: string;
}

const CHUNK = 500;

/** Earlier reminders of these turnos on this channel, oldest first. */
export async function previousReminders(
  db: Kysely<DB>,
  channel: MessageChannel,
  appointmentIds: number[],
): Promise<PreviousSend[]> {
  const found: PreviousSend[] = [];
  for (let i = 0; i < appointmentIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('outbox')
      .select(['appointmentId', 'status', 'lastError'])
      .where('appointmentId', 'in', appointmentIds.slice(i, i + CHUNK))
      .where('channel', '=', channel)
      .where('kind', 'in', REMINDER_KINDS)
      .orderBy('id')
      .execute();
    for (const r of rows) found.push({ key: r.appointmentId as number, status: r.status, lastError: r.lastError });
  }
  return found;
}

/** Earlier sends of this template to these patients, oldest first. */
export async function previousTemplateSends(
  db: Kysely<DB>,
  templateId: number,
  patientIds: number[],
): Promise<PreviousSend[]> {
  const found: PreviousSend[] = [];
  for (let i = 0; i < patientIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('outbox')
      .select(['patientId', 'status', 'lastError'])
      .where('patientId', 'in', patientIds.slice(i, i + CHUNK))
      .where('templateId', '=', templateId)
      .orderBy('id')
      .execute();
    for (const r of rows) found.push({ key: r.patientId as number, status: r.status, lastError: r.lastError });
  }
  return found;
}
