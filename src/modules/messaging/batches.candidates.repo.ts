// SQL of who may be in a send-desk list (the manual's filters over turnos or over every patient) and of what
// was sent to them before: the "Env" and "Error" columns.
import type { Kysely } from 'kysely';
import type { DB, MessageChannel } from '../../platform/db/schema.js';
import type { SentFilter } from './batches.rules.js';
import { REMINDER_KINDS } from './batches.rules.js';
import { appointmentRecipientsQuery, inChunks, patientRecipientsQuery } from './recipients.repo.js';

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
    // outbox_reminder_once starts with appointment_id: this is an index lookup per turno.
    q = q.where((eb) => {
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

/** Every patient (optionally of some insurers), by name; QUIÉNES asks whether this template was sent to them. */
export function patientCandidates(db: Kysely<DB>, f: { templateId: number; sent: SentFilter; insurerIds: number[] }) {
  let q = patientRecipientsQuery(db);
  if (f.insurerIds.length > 0) q = q.where('i.id', 'in', f.insurerIds);
  if (f.sent !== 'all') {
    // outbox_patient: an index lookup per patient.
    q = q.where((eb) => {
      const sent = eb.exists(
        eb
          .selectFrom('outbox as o')
          .select('o.id')
          .whereRef('o.patientId', '=', 'p.id')
          .where('o.templateId', '=', f.templateId)
          .where('o.status', '=', 'sent'),
      );
      return f.sent === 'sent' ? sent : eb.not(sent);
    });
  }
  return q.orderBy('p.lastName').orderBy('p.firstName').orderBy('p.id').execute();
}

export interface PreviousSend {
  /** The turno's (turno lists) or the patient's (all-patients lists) id. */
  key: number;
  status: string;
  lastError: string;
}

/** Earlier reminders of these turnos on this channel, oldest first. */
export function previousReminders(
  db: Kysely<DB>,
  channel: MessageChannel,
  appointmentIds: number[],
): Promise<PreviousSend[]> {
  return inChunks(appointmentIds, (part) =>
    db
      .selectFrom('outbox')
      .select(['appointmentId as key', 'status', 'lastError'])
      .where('appointmentId', 'in', part)
      .where('channel', '=', channel)
      .where('kind', 'in', REMINDER_KINDS)
      .orderBy('id')
      .$narrowType<{ key: number }>()
      .execute(),
  );
}

/** Earlier sends of this template to these patients, oldest first. */
export function previousTemplateSends(
  db: Kysely<DB>,
  templateId: number,
  patientIds: number[],
): Promise<PreviousSend[]> {
  return inChunks(patientIds, (part) =>
    db
      .selectFrom('outbox')
      .select(['patientId as key', 'status', 'lastError'])
      .where('patientId', 'in', part)
      .where('templateId', '=', templateId)
      .orderBy('id')
      .$narrowType<{ key: number }>()
      .execute(),
  );
}
