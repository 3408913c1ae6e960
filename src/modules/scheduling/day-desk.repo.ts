// The reception desk's SQL: one day's turnos of some professionals, with who the patient is.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

/** Every turno (cancelled ones too) of these professionals starting in [fromIso, toIso), in time order. */
export function dayAppointments(db: Kysely<DB>, professionalIds: readonly number[], fromIso: string, toIso: string) {
  if (professionalIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('appointments as a')
    .innerJoin('patients as p', 'p.id', 'a.patientId')
    .selectAll('a')
    .select([
      'p.dni as patientDni',
      'p.lastName as patientLastName',
      'p.firstName as patientFirstName',
      'p.mobile as patientMobile',
      'p.memberNumber as patientMemberNumber',
    ])
    .where('a.professionalId', 'in', professionalIds)
    .where('a.startsAt', '>=', fromIso)
    .where('a.startsAt', '<', toIso)
    .orderBy('a.startsAt')
    .orderBy('a.id')
    .execute();
}

export type DayAppointment = Awaited<ReturnType<typeof dayAppointments>>[number];
