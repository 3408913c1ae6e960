// SQL of the verification: the patient's token row (locked while a code is judged), printed codes, the
// conformity itself and failed attempts.
import type { Insertable, Kysely } from 'kysely';
import type { DialectName } from '../../platform/db/dialect.js';
import type { DB, TeleconsultConformitiesTable } from '../../platform/db/schema.js';

/**
 * The patient's token row, held until the transaction ends: two verifications of one patient take turns, so a
 * code is judged against the last one really used. SQLite write transactions are exclusive already.
 */
export async function lockTokenRow(trx: Kysely<DB>, dialect: DialectName, patientId: number) {
  let q = trx
    .selectFrom('patientTokenSecrets')
    .select(['patientId', 'lastCounter', 'lockedUntil'])
    .where('patientId', '=', patientId);
  if (dialect === 'postgres') q = q.forUpdate();
  return q.executeTakeFirst();
}

/** Moves the newest used step forward; 0 rows when another verification used this step (or a newer one) first. */
export async function advanceCounter(trx: Kysely<DB>, patientId: number, counter: number): Promise<boolean> {
  const r = await trx
    .updateTable('patientTokenSecrets')
    .set({ lastCounter: counter })
    .where('patientId', '=', patientId)
    .where('lastCounter', '<', counter)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export function setLockedUntil(trx: Kysely<DB>, patientId: number, lockedUntil: string | null) {
  return trx.updateTable('patientTokenSecrets').set({ lockedUntil }).where('patientId', '=', patientId).execute();
}

/** One of the patient's printed codes by its hash, with its series. */
export function findPrintedCode(db: Kysely<DB>, patientId: number, codeHash: string) {
  return db
    .selectFrom('tokenSeriesCodes as c')
    .innerJoin('tokenSeries as s', 's.id', 'c.seriesId')
    .select(['c.id', 'c.position', 'c.usedAt', 's.id as seriesId', 's.validUntil', 's.revokedAt'])
    .where('s.patientId', '=', patientId)
    .where('c.codeHash', '=', codeHash)
    .executeTakeFirst();
}

export async function markPrintedUsed(trx: Kysely<DB>, codeId: number, at: string): Promise<boolean> {
  const r = await trx
    .updateTable('tokenSeriesCodes')
    .set({ usedAt: at })
    .where('id', '=', codeId)
    .where('usedAt', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export function conformityOfTurno(db: Kysely<DB>, appointmentId: number) {
  return db
    .selectFrom('teleconsultConformities')
    .select(['id', 'verifiedAt'])
    .where('appointmentId', '=', appointmentId)
    .executeTakeFirst();
}

export function insertConformity(trx: Kysely<DB>, row: Insertable<TeleconsultConformitiesTable>) {
  return trx.insertInto('teleconsultConformities').values(row).returningAll().executeTakeFirstOrThrow();
}

export function insertFailure(
  trx: Kysely<DB>,
  row: {
    patientId: number | null;
    dni: string;
    appointmentId: number | null;
    reason: string;
    at: string;
    actorRef: string;
    actorName: string;
    ip: string;
  },
) {
  return trx.insertInto('tokenFailures').values(row).execute();
}

/** Failed attempts that count toward a lockout (a refusal because already locked does not). */
export async function countFailuresSince(db: Kysely<DB>, patientId: number, fromIso: string): Promise<number> {
  const row = await db
    .selectFrom('tokenFailures')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('patientId', '=', patientId)
    .where('at', '>', fromIso)
    .where('reason', '<>', 'locked')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Patients whose verification is locked now, soonest unlocked first. */
export function lockedPatients(db: Kysely<DB>, nowIso: string) {
  return db
    .selectFrom('patientTokenSecrets as s')
    .innerJoin('patients as p', 'p.id', 's.patientId')
    .select(['p.id', 'p.dni', 'p.lastName', 'p.firstName', 's.lockedUntil'])
    .where('s.lockedUntil', '>', nowIso)
    .orderBy('s.lockedUntil')
    .execute();
}
