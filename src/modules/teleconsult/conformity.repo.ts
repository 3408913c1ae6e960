// SQL of the conformity records as staff read them: one with everything its constancia prints, the day's
// teleconsultation turnos to verify, and which of a day's turnos already have one.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

/** A conformity with its patient, the turno's professional and service, and the insurer (the turno's, else the record's). */
export function conformityRecord(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('teleconsultConformities as c')
    .innerJoin('patients as p', 'p.id', 'c.patientId')
    .leftJoin('appointments as a', 'a.id', 'c.appointmentId')
    .leftJoin('professionals as pr', 'pr.id', 'a.professionalId')
    .leftJoin('specialties as sp', 'sp.id', 'a.specialtyId')
    .leftJoin('studies as st', 'st.id', 'a.studyId')
    .leftJoin('insurers as i', (j) => j.on((eb) => eb('i.id', '=', eb.fn.coalesce('a.insurerId', 'p.insurerId'))))
    .select([
      'c.id',
      'c.patientId',
      'c.appointmentId',
      'c.codeKind',
      'c.verifiedAt',
      'c.verifiedByRef',
      'c.verifiedByName',
      'c.via',
      'p.dni',
      'p.lastName',
      'p.firstName',
      'p.memberNumber',
      'p.insurancePlan',
      'a.startsAt',
      'a.professionalId',
      'a.teleconsult',
      'pr.lastName as professionalLastName',
      'pr.firstName as professionalFirstName',
      'sp.name as specialtyName',
      'st.name as studyName',
      'i.name as insurerName',
    ])
    .where('c.id', '=', id)
    .executeTakeFirst();
}

export type ConformityRecord = NonNullable<Awaited<ReturnType<typeof conformityRecord>>>;

/** Teleconsultation turnos starting in [from, to) still open, of one professional when given. */
export function teleconsultTurnos(db: Kysely<DB>, fromIso: string, toIso: string, professionalId: number | null) {
  let q = db
    .selectFrom('appointments as a')
    .innerJoin('patients as p', 'p.id', 'a.patientId')
    .innerJoin('professionals as pr', 'pr.id', 'a.professionalId')
    .leftJoin('teleconsultConformities as c', 'c.appointmentId', 'a.id')
    .select([
      'a.id',
      'a.startsAt',
      'a.status',
      'a.videoUrl',
      'a.professionalId',
      'p.id as patientId',
      'p.dni',
      'p.lastName',
      'p.firstName',
      'pr.lastName as professionalLastName',
      'pr.firstName as professionalFirstName',
      'c.id as conformityId',
      'c.verifiedAt',
    ])
    .where('a.teleconsult', '=', 1)
    .where('a.status', 'in', ['reserved', 'present'])
    .where('a.startsAt', '>=', fromIso)
    .where('a.startsAt', '<', toIso)
    .orderBy('a.startsAt')
    .orderBy('a.id');
  if (professionalId !== null) q = q.where('a.professionalId', '=', professionalId);
  return q.execute();
}

export function conformitiesOfTurnos(db: Kysely<DB>, appointmentIds: readonly number[]) {
  if (appointmentIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('teleconsultConformities')
    .select(['id', 'appointmentId', 'verifiedAt', 'codeKind'])
    .where('appointmentId', 'in', appointmentIds)
    .execute();
}
