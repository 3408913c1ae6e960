import type { Kysely, Updateable } from 'kysely';
import type {
  Agenda,
  AgendasTable,
  DB,
  NewAgenda,
  NewScheduleException,
  ScheduleException,
} from '../../platform/db/schema.js';

/** Agenda blocks of these professionals valid at some point between the two dates. */
export function blocksFor(
  db: Kysely<DB>,
  professionalIds: readonly number[],
  fromDate: string,
  toDate: string,
): Promise<Agenda[]> {
  if (professionalIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('agendas')
    .selectAll()
    .where('professionalId', 'in', professionalIds)
    .where('validFrom', '<=', toDate)
    .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>=', fromDate)]))
    .execute();
}

/** Exceptions of these professionals, and of the whole center, touching the date range. */
export function exceptionsFor(
  db: Kysely<DB>,
  professionalIds: readonly number[],
  fromDate: string,
  toDate: string,
): Promise<ScheduleException[]> {
  return db
    .selectFrom('scheduleExceptions')
    .selectAll()
    .where('fromDate', '<=', toDate)
    .where('toDate', '>=', fromDate)
    .where((eb) =>
      professionalIds.length
        ? eb.or([eb('professionalId', 'is', null), eb('professionalId', 'in', professionalIds)])
        : eb('professionalId', 'is', null),
    )
    .execute();
}

export function agendasOf(db: Kysely<DB>, professionalId: number): Promise<Agenda[]> {
  return db
    .selectFrom('agendas')
    .selectAll()
    .where('professionalId', '=', professionalId)
    .orderBy('weekday')
    .orderBy('startTime')
    .execute();
}

/** Every professional's id, ascending: the order their booking locks are taken in. */
export async function allProfessionalIds(db: Kysely<DB>): Promise<number[]> {
  const rows = await db.selectFrom('professionals').select('id').orderBy('id').execute();
  return rows.map((r) => r.id);
}

export function insertAgenda(db: Kysely<DB>, agenda: NewAgenda): Promise<Agenda> {
  return db.insertInto('agendas').values(agenda).returningAll().executeTakeFirstOrThrow();
}

export function insertException(db: Kysely<DB>, exception: NewScheduleException): Promise<ScheduleException> {
  return db.insertInto('scheduleExceptions').values(exception).returningAll().executeTakeFirstOrThrow();
}

/** Several at once (a year's holidays): one statement. */
export async function insertExceptions(db: Kysely<DB>, exceptions: readonly NewScheduleException[]): Promise<void> {
  if (exceptions.length > 0) await db.insertInto('scheduleExceptions').values(exceptions).execute();
}

export async function holidayDatesBetween(db: Kysely<DB>, fromDate: string, toDate: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('scheduleExceptions')
    .select('fromDate')
    .where('kind', '=', 'holiday')
    .where('professionalId', 'is', null)
    .where('fromDate', '>=', fromDate)
    .where('fromDate', '<=', toDate)
    .execute();
  return new Set(rows.map((r) => r.fromDate));
}

export function getAgenda(db: Kysely<DB>, id: number): Promise<Agenda | undefined> {
  return db.selectFrom('agendas').selectAll().where('id', '=', id).executeTakeFirst();
}

export function updateAgenda(db: Kysely<DB>, id: number, changes: Updateable<AgendasTable>): Promise<Agenda> {
  return db.updateTable('agendas').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function deleteAgenda(db: Kysely<DB>, id: number): Promise<boolean> {
  const r = await db.deleteFrom('agendas').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export function getException(db: Kysely<DB>, id: number): Promise<ScheduleException | undefined> {
  return db.selectFrom('scheduleExceptions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deleteException(db: Kysely<DB>, id: number): Promise<boolean> {
  const r = await db.deleteFrom('scheduleExceptions').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/**
 * With a professional: their own exceptions and the center's, which apply to them too. Without: the
 * center's only. From a date: those still running on it or later. In date order.
 */
export function listExceptions(
  db: Kysely<DB>,
  f: { professionalId?: number | undefined; fromDate?: string | undefined },
): Promise<ScheduleException[]> {
  let q = db
    .selectFrom('scheduleExceptions')
    .selectAll()
    .where((eb) =>
      f.professionalId === undefined
        ? eb('professionalId', 'is', null)
        : eb.or([eb('professionalId', 'is', null), eb('professionalId', '=', f.professionalId)]),
    );
  if (f.fromDate !== undefined) q = q.where('toDate', '>=', f.fromDate);
  return q.orderBy('fromDate').orderBy('fromTime').orderBy('id').execute();
}

/**
 * Reserved turnos (sobreturnos too) starting in [fromIso, toIso) of these professionals, or of everyone,
 * with what the staff needs to call the patient about them. In time order.
 */
export function reservedTurnos(
  db: Kysely<DB>,
  f: { professionalIds: readonly number[] | null; fromIso: string; toIso: string | null },
) {
  let q = db
    .selectFrom('appointments as a')
    .innerJoin('patients as p', 'p.id', 'a.patientId')
    .innerJoin('professionals as pro', 'pro.id', 'a.professionalId')
    .leftJoin('specialties as s', 's.id', 'a.specialtyId')
    .leftJoin('studies as st', 'st.id', 'a.studyId')
    .select([
      'a.id',
      'a.professionalId',
      'a.patientId',
      'a.specialtyId',
      'a.studyId',
      'a.startsAt',
      'a.endsAt',
      'a.overbook',
      'p.dni as patientDni',
      'p.lastName as patientLastName',
      'p.firstName as patientFirstName',
      'p.mobile as patientMobile',
      'pro.lastName as professionalLastName',
      'pro.firstName as professionalFirstName',
      's.name as specialtyName',
      'st.name as studyName',
    ])
    .where('a.status', '=', 'reserved')
    .where('a.startsAt', '>=', f.fromIso);
  if (f.toIso !== null) q = q.where('a.startsAt', '<', f.toIso);
  if (f.professionalIds !== null) {
    if (f.professionalIds.length === 0) return Promise.resolve([]);
    q = q.where('a.professionalId', 'in', f.professionalIds);
  }
  return q.orderBy('a.startsAt').orderBy('a.id').execute();
}

export type ReservedTurno = Awaited<ReturnType<typeof reservedTurnos>>[number];
