// All SQL of the patient token and printed series.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

/**
 * The patient's teleconsultation turnos from `fromIso` on that are still reserved, with their professional and
 * that professional's e-mail ('' when none): the turnos a token may be mailed for.
 */
export function teleconsultTurnos(db: Kysely<DB>, patientId: number, fromIso: string) {
  return db
    .selectFrom('appointments as a')
    .innerJoin('professionals as p', 'p.id', 'a.professionalId')
    .leftJoin('specialties as s', 's.id', 'a.specialtyId')
    .leftJoin('studies as st', 'st.id', 'a.studyId')
    .select([
      'a.id',
      'a.startsAt',
      'p.lastName',
      'p.firstName',
      'p.email',
      's.name as specialtyName',
      'st.name as studyName',
    ])
    .where('a.patientId', '=', patientId)
    .where('a.teleconsult', '=', 1)
    .where('a.status', '=', 'reserved')
    .where('a.startsAt', '>=', fromIso)
    .orderBy('a.startsAt')
    .orderBy('a.id')
    .limit(50)
    .execute();
}

export function insertSeries(
  db: Kysely<DB>,
  row: { patientId: number; codeCount: number; validUntil: string; createdAt: string },
) {
  return db.insertInto('tokenSeries').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function insertSeriesCodes(
  db: Kysely<DB>,
  rows: { seriesId: number; position: number; codeHash: string; codeSealed: string }[],
) {
  if (rows.length > 0) await db.insertInto('tokenSeriesCodes').values(rows).execute();
}

/** Which of these hashes the patient already has on another sheet (a repeat would make a code ambiguous). */
export async function takenHashes(db: Kysely<DB>, patientId: number, hashes: string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const rows = await db
    .selectFrom('tokenSeriesCodes as c')
    .innerJoin('tokenSeries as s', 's.id', 'c.seriesId')
    .select('c.codeHash')
    .where('s.patientId', '=', patientId)
    .where('c.codeHash', 'in', hashes)
    .execute();
  return new Set(rows.map((r) => r.codeHash));
}

/** Newest first. */
export function listSeries(db: Kysely<DB>, patientId: number) {
  return db
    .selectFrom('tokenSeries')
    .selectAll()
    .where('patientId', '=', patientId)
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
}

/** The patient's own series, or undefined: another patient's id reads as missing. */
export function getPatientSeries(db: Kysely<DB>, patientId: number, id: number) {
  return db
    .selectFrom('tokenSeries')
    .selectAll()
    .where('id', '=', id)
    .where('patientId', '=', patientId)
    .executeTakeFirst();
}

export function codesOf(db: Kysely<DB>, seriesIds: number[]) {
  if (seriesIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('tokenSeriesCodes')
    .select(['id', 'seriesId', 'position', 'codeSealed', 'usedAt'])
    .where('seriesId', 'in', seriesIds)
    .orderBy('seriesId')
    .orderBy('position')
    .execute();
}

/** Guarded: a revoked series stays revoked at its first moment. */
export async function revokeSeries(db: Kysely<DB>, id: number, patientId: number, atIso: string) {
  await db
    .updateTable('tokenSeries')
    .set({ revokedAt: atIso })
    .where('id', '=', id)
    .where('patientId', '=', patientId)
    .where('revokedAt', 'is', null)
    .execute();
}
