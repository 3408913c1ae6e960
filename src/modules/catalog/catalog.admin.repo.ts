// Writes to the catalog tables. Reads that the patient side shares stay in catalog.repo.ts.
import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import { foldText } from '../../platform/db/dialect.js';
import type {
  DB,
  Insurer,
  InsurersTable,
  Professional,
  ProfessionalsTable,
  SpecialtiesTable,
  Specialty,
  StudiesTable,
  Study,
} from '../../platform/db/schema.js';

export type NamedTable = 'specialties' | 'studies' | 'insurers';

/** The row whose name matches ignoring case and accents: "cardiologia" clashes with "CARDIOLOGÍA". */
export function findByName(db: Kysely<DB>, table: NamedTable, name: string) {
  return db
    .selectFrom(table)
    .select(['id', 'name'])
    .where(sql<boolean>`turnero_fold(name) = ${foldText(name)}`)
    .executeTakeFirst();
}

export function insertSpecialty(db: Kysely<DB>, row: Insertable<SpecialtiesTable>): Promise<Specialty> {
  return db.insertInto('specialties').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateSpecialty(db: Kysely<DB>, id: number, changes: Updateable<SpecialtiesTable>) {
  return db.updateTable('specialties').set(changes).where('id', '=', id).returningAll().executeTakeFirst();
}

export function insertStudy(db: Kysely<DB>, row: Insertable<StudiesTable>): Promise<Study> {
  return db.insertInto('studies').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateStudy(db: Kysely<DB>, id: number, changes: Updateable<StudiesTable>) {
  return db.updateTable('studies').set(changes).where('id', '=', id).returningAll().executeTakeFirst();
}

export function insertInsurer(db: Kysely<DB>, row: Insertable<InsurersTable>): Promise<Insurer> {
  return db.insertInto('insurers').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateInsurer(db: Kysely<DB>, id: number, changes: Updateable<InsurersTable>) {
  return db.updateTable('insurers').set(changes).where('id', '=', id).returningAll().executeTakeFirst();
}

export function insertProfessional(db: Kysely<DB>, row: Insertable<ProfessionalsTable>): Promise<Professional> {
  return db.insertInto('professionals').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateProfessional(db: Kysely<DB>, id: number, changes: Updateable<ProfessionalsTable>) {
  return db.updateTable('professionals').set(changes).where('id', '=', id).returningAll().executeTakeFirst();
}

const count = (q: { executeTakeFirstOrThrow(): Promise<{ n: number | string | bigint }> }) =>
  q.executeTakeFirstOrThrow().then((r) => Number(r.n));

/** What keeps a study from being deleted: any turno (past ones are the center's records) or agenda block. */
export async function studyUsage(db: Kysely<DB>, studyId: number) {
  const [appointments, agendas] = await Promise.all([
    count(
      db
        .selectFrom('appointments')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('studyId', '=', studyId),
    ),
    count(
      db
        .selectFrom('agendas')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('studyId', '=', studyId),
    ),
  ]);
  return { appointments, agendas };
}

/** Deletes the study and who performs it; false when it did not exist. Run it in the transaction that checked its usage. */
export async function deleteStudy(db: Kysely<DB>, studyId: number): Promise<boolean> {
  await db.deleteFrom('professionalStudies').where('studyId', '=', studyId).execute();
  const result = await db.deleteFrom('studies').where('id', '=', studyId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export type ServiceKind = 'specialty' | 'study';

/** The ids among these that exist. */
export async function existingIds(db: Kysely<DB>, kind: ServiceKind, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom(kind === 'specialty' ? 'specialties' : 'studies')
    .select('id')
    .where('id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Agenda blocks still in force (or yet to start) that are tied to one of these specialties or studies. */
export function agendasTiedTo(
  db: Kysely<DB>,
  professionalId: number,
  kind: ServiceKind,
  ids: readonly number[],
  today: string,
) {
  if (ids.length === 0) return Promise.resolve([]);
  const column = kind === 'specialty' ? 'specialtyId' : 'studyId';
  return db
    .selectFrom('agendas')
    .select(['id', 'weekday', 'startTime', 'endTime', 'specialtyId', 'studyId'])
    .where('professionalId', '=', professionalId)
    .where(column, 'in', ids)
    .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>=', today)]))
    .orderBy('weekday')
    .orderBy('startTime')
    .execute();
}

/** Makes these exactly the specialties (or studies) the professional offers. */
export async function replaceServices(
  db: Kysely<DB>,
  professionalId: number,
  kind: ServiceKind,
  ids: readonly number[],
) {
  if (kind === 'specialty') {
    await db.deleteFrom('professionalSpecialties').where('professionalId', '=', professionalId).execute();
    if (ids.length > 0) {
      await db
        .insertInto('professionalSpecialties')
        .values(ids.map((specialtyId) => ({ professionalId, specialtyId })))
        .execute();
    }
    return;
  }
  await db.deleteFrom('professionalStudies').where('professionalId', '=', professionalId).execute();
  if (ids.length > 0) {
    await db
      .insertInto('professionalStudies')
      .values(ids.map((studyId) => ({ professionalId, studyId })))
      .execute();
  }
}
