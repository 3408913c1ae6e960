// SQL of "Turnos dados por web": appointments booked on the web, with the names the list shows.
import type { Kysely } from 'kysely';
import type { AppointmentStatus, DB } from '../../platform/db/schema.js';

export interface WebListFilter {
  /** Instants (UTC ISO): from included, before excluded. */
  bookedFrom?: string | undefined;
  bookedBefore?: string | undefined;
  startsFrom?: string | undefined;
  startsBefore?: string | undefined;
  specialtyId?: number | undefined;
  studyId?: number | undefined;
  professionalId?: number | undefined;
  insurerId?: number | undefined;
  status?: AppointmentStatus | undefined;
}

function filtered(db: Kysely<DB>, f: WebListFilter) {
  let q = db.selectFrom('appointments as a').where('a.origin', '=', 'web');
  if (f.bookedFrom !== undefined) q = q.where('a.bookedAt', '>=', f.bookedFrom);
  if (f.bookedBefore !== undefined) q = q.where('a.bookedAt', '<', f.bookedBefore);
  if (f.startsFrom !== undefined) q = q.where('a.startsAt', '>=', f.startsFrom);
  if (f.startsBefore !== undefined) q = q.where('a.startsAt', '<', f.startsBefore);
  if (f.specialtyId !== undefined) q = q.where('a.specialtyId', '=', f.specialtyId);
  if (f.studyId !== undefined) q = q.where('a.studyId', '=', f.studyId);
  if (f.professionalId !== undefined) q = q.where('a.professionalId', '=', f.professionalId);
  if (f.insurerId !== undefined) q = q.where('a.insurerId', '=', f.insurerId);
  if (f.status !== undefined) q = q.where('a.status', '=', f.status);
  return q;
}

/** Newest booking first; without a page (limit undefined) the whole filtered list, for the export. */
export function listWebAppointments(db: Kysely<DB>, f: WebListFilter, page?: { limit: number; offset: number }) {
  let q = filtered(db, f)
    .innerJoin('patients as p', 'p.id', 'a.patientId')
    .innerJoin('professionals as pr', 'pr.id', 'a.professionalId')
    .leftJoin('specialties as s', 's.id', 'a.specialtyId')
    .leftJoin('studies as st', 'st.id', 'a.studyId')
    .leftJoin('insurers as i', 'i.id', 'a.insurerId')
    .select([
      'a.id',
      'a.patientId',
      'p.lastName as patientLastName',
      'p.firstName as patientFirstName',
      'p.dni as patientDni',
      'a.professionalId',
      'pr.lastName as professionalLastName',
      'pr.firstName as professionalFirstName',
      'a.specialtyId',
      's.name as specialtyName',
      'a.studyId',
      'st.name as studyName',
      'a.insurerId',
      'i.name as insurerName',
      'a.startsAt',
      'a.endsAt',
      'a.status',
      'a.reason',
      'a.bookedAt',
      'a.bookedIp',
      'a.cancelledAt',
      'a.cancelledBy',
    ])
    .orderBy('a.bookedAt', 'desc')
    .orderBy('a.id', 'desc');
  if (page) q = q.limit(page.limit).offset(page.offset);
  return q.execute();
}

export type WebListRow = Awaited<ReturnType<typeof listWebAppointments>>[number];

export async function countWebAppointments(db: Kysely<DB>, f: WebListFilter): Promise<number> {
  const row = await filtered(db, f)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
