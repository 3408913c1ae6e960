// Who a message goes to and what its placeholders need: a turno with its patient, professional, specialty,
// study and insurer, or a patient alone. The send desk filters these; preview and reminders read them by id.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

/** Reads by lists of at most 500 ids: far below both databases' bound-parameter limits, whatever the list. */
export async function inChunks<R>(ids: readonly number[], read: (part: number[]) => Promise<R[]>): Promise<R[]> {
  const rows: R[] = [];
  for (let i = 0; i < ids.length; i += 500) rows.push(...(await read(ids.slice(i, i + 500))));
  return rows;
}

/** The patient's columns, with the insurer the list shows joined as `i`. */
const PERSON = [
  'p.lastName as lastName',
  'p.firstName as firstName',
  'p.email as email',
  'p.mobile as mobile',
  'i.id as insurerId',
  'i.name as insurerName',
] as const;

/** The turno-based rows, with every column the desk's list and the placeholders use; filters are added by callers. */
export function appointmentRecipientsQuery(db: Kysely<DB>) {
  return (
    db
      .selectFrom('appointments as a')
      .innerJoin('patients as p', 'p.id', 'a.patientId')
      .innerJoin('professionals as pr', 'pr.id', 'a.professionalId')
      .leftJoin('specialties as s', 's.id', 'a.specialtyId')
      .leftJoin('studies as st', 'st.id', 'a.studyId')
      // The turno's insurer when it has one (what the patient booked with), else the patient's.
      .leftJoin('insurers as i', (join) =>
        join.on((eb) => eb('i.id', '=', eb.fn.coalesce('a.insurerId', 'p.insurerId'))),
      )
      .select([
        ...PERSON,
        'a.id as appointmentId',
        'a.patientId as patientId',
        'a.startsAt as startsAt',
        'a.status as status',
        'a.professionalId as professionalId',
        'a.specialtyId as specialtyId',
        'pr.lastName as professionalLastName',
        'pr.firstName as professionalFirstName',
        's.name as specialtyName',
        'st.name as studyName',
        'st.indication as indication',
        'a.teleconsult as teleconsult',
        'a.videoUrl as videoUrl',
      ])
  );
}

export type AppointmentRecipient = Awaited<
  ReturnType<ReturnType<typeof appointmentRecipientsQuery>['executeTakeFirstOrThrow']>
>;

export function patientRecipientsQuery(db: Kysely<DB>) {
  return db
    .selectFrom('patients as p')
    .leftJoin('insurers as i', 'i.id', 'p.insurerId')
    .select([...PERSON, 'p.id as patientId']);
}

export type PatientRecipient = Awaited<
  ReturnType<ReturnType<typeof patientRecipientsQuery>['executeTakeFirstOrThrow']>
>;

export function appointmentRecipients(db: Kysely<DB>, ids: number[]): Promise<AppointmentRecipient[]> {
  return inChunks(ids, (part) => appointmentRecipientsQuery(db).where('a.id', 'in', part).execute());
}

export function patientRecipients(db: Kysely<DB>, ids: number[]): Promise<PatientRecipient[]> {
  return inChunks(ids, (part) => patientRecipientsQuery(db).where('p.id', 'in', part).execute());
}
