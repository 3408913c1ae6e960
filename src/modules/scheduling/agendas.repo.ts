import type { Kysely } from 'kysely';
import type { Agenda, DB, NewAgenda, NewScheduleException, ScheduleException } from '../../platform/db/schema.js';

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

export function insertAgenda(db: Kysely<DB>, agenda: NewAgenda): Promise<Agenda> {
  return db.insertInto('agendas').values(agenda).returningAll().executeTakeFirstOrThrow();
}

export function insertException(db: Kysely<DB>, exception: NewScheduleException): Promise<ScheduleException> {
  return db.insertInto('scheduleExceptions').values(exception).returningAll().executeTakeFirstOrThrow();
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
