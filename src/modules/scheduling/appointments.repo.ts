import type { Kysely, Updateable } from 'kysely';
import type {
  Appointment,
  AppointmentOrigin,
  AppointmentStatus,
  AppointmentsTable,
  DB,
  NewAppointment,
} from '../../platform/db/schema.js';

const DAY = 86_400_000;

export interface BusyRow {
  professionalId: number;
  startsAt: string;
  endsAt: string;
}

/** Active appointments of these professionals overlapping [from, to); overbooks take no slot, as in the database guard. */
export function busyFor(
  db: Kysely<DB>,
  professionalIds: readonly number[],
  fromMs: number,
  toMs: number,
): Promise<BusyRow[]> {
  if (professionalIds.length === 0) return Promise.resolve([]);
  return (
    db
      .selectFrom('appointments')
      .select(['professionalId', 'startsAt', 'endsAt'])
      .where('professionalId', 'in', professionalIds)
      // No appointment lasts a day: bounding the start lets the (professional, start) index do the work.
      .where('startsAt', '>=', new Date(fromMs - DAY).toISOString())
      .where('startsAt', '<', new Date(toMs).toISOString())
      .where('endsAt', '>', new Date(fromMs).toISOString())
      .where('status', '<>', 'cancelled')
      .where('overbook', '=', 0)
      .execute()
  );
}

export function insertAppointment(db: Kysely<DB>, row: NewAppointment): Promise<Appointment> {
  return db.insertInto('appointments').values(row).returningAll().executeTakeFirstOrThrow();
}

export function getAppointment(db: Kysely<DB>, id: number): Promise<Appointment | undefined> {
  return db.selectFrom('appointments').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Updates only while the status is still one of `fromStatus`: undefined when it changed meanwhile. */
export function updateAppointment(
  db: Kysely<DB>,
  id: number,
  changes: Updateable<AppointmentsTable>,
  fromStatus: readonly AppointmentStatus[],
): Promise<Appointment | undefined> {
  return db
    .updateTable('appointments')
    .set(changes)
    .where('id', '=', id)
    .where('status', 'in', fromStatus)
    .returningAll()
    .executeTakeFirst();
}

/** Deletes the appointment if its status is still one of `fromStatus` (guarded, like updateAppointment). */
export async function deleteAppointment(
  db: Kysely<DB>,
  id: number,
  fromStatus: readonly AppointmentStatus[],
): Promise<boolean> {
  const r = await db
    .deleteFrom('appointments')
    .where('id', '=', id)
    .where('status', 'in', fromStatus)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

async function count(q: { executeTakeFirstOrThrow(): Promise<{ n: number | string | bigint }> }): Promise<number> {
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** Active appointments of a patient with a professional starting in [from, to). */
export function countWithProfessionalBetween(
  db: Kysely<DB>,
  patientId: number,
  professionalId: number,
  fromIso: string,
  toIso: string,
) {
  return count(
    db
      .selectFrom('appointments')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('patientId', '=', patientId)
      .where('professionalId', '=', professionalId)
      .where('startsAt', '>=', fromIso)
      .where('startsAt', '<', toIso)
      .where('status', '<>', 'cancelled'),
  );
}

export function countFutureOfPatient(db: Kysely<DB>, patientId: number, nowIso: string) {
  return count(
    db
      .selectFrom('appointments')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('patientId', '=', patientId)
      .where('startsAt', '>', nowIso)
      .where('status', '<>', 'cancelled'),
  );
}

export function countFutureFromIp(db: Kysely<DB>, ip: string, nowIso: string) {
  return count(
    db
      .selectFrom('appointments')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('bookedIp', '=', ip)
      .where('origin', '=', 'web')
      .where('startsAt', '>', nowIso)
      .where('status', '<>', 'cancelled'),
  );
}

export interface AppointmentFilter {
  professionalId?: number | undefined;
  patientId?: number | undefined;
  specialtyId?: number | undefined;
  studyId?: number | undefined;
  insurerId?: number | undefined;
  status?: AppointmentStatus | undefined;
  origin?: AppointmentOrigin | undefined;
  startsFrom?: string | undefined;
  startsBefore?: string | undefined;
  bookedFrom?: string | undefined;
  bookedBefore?: string | undefined;
  newestFirst?: boolean | undefined;
  limit: number;
  offset: number;
}

export function listAppointments(db: Kysely<DB>, f: AppointmentFilter): Promise<Appointment[]> {
  const order = f.newestFirst ? 'desc' : 'asc';
  let q = db.selectFrom('appointments').selectAll().orderBy('startsAt', order).orderBy('id', order);
  if (f.professionalId !== undefined) q = q.where('professionalId', '=', f.professionalId);
  if (f.patientId !== undefined) q = q.where('patientId', '=', f.patientId);
  if (f.specialtyId !== undefined) q = q.where('specialtyId', '=', f.specialtyId);
  if (f.studyId !== undefined) q = q.where('studyId', '=', f.studyId);
  if (f.insurerId !== undefined) q = q.where('insurerId', '=', f.insurerId);
  if (f.status !== undefined) q = q.where('status', '=', f.status);
  if (f.origin !== undefined) q = q.where('origin', '=', f.origin);
  if (f.startsFrom !== undefined) q = q.where('startsAt', '>=', f.startsFrom);
  if (f.startsBefore !== undefined) q = q.where('startsAt', '<', f.startsBefore);
  if (f.bookedFrom !== undefined) q = q.where('bookedAt', '>=', f.bookedFrom);
  if (f.bookedBefore !== undefined) q = q.where('bookedAt', '<', f.bookedBefore);
  return q.limit(f.limit).offset(f.offset).execute();
}
