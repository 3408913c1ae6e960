// The counters of "Actualizá tus datos" (wrong trámite numbers, the lock) live in the shared rate-limit rows.
import type { Kysely } from 'kysely';
import type { DB, PatientUpdate } from '../../platform/db/schema.js';

export const tramiteTriesKey = (patientId: number) => `actualizar-datos:tramite:${patientId}`;
export const tramiteLockKey = (patientId: number) => `actualizar-datos:bloqueo:${patientId}`;

export async function rateRow(db: Kysely<DB>, key: string) {
  return db.selectFrom('rateLimits').select(['hits', 'windowStart']).where('key', '=', key).executeTakeFirst();
}

/** Starts (or restarts) the lock at `now`. */
export async function setLock(db: Kysely<DB>, key: string, now: string) {
  await db
    .insertInto('rateLimits')
    .values({ key, windowStart: now, hits: 1 })
    .onConflict((oc) => oc.column('key').doUpdateSet({ windowStart: now, hits: 1 }))
    .execute();
}

export async function confirmPatientData(db: Kysely<DB>, id: number, changes: PatientUpdate) {
  return db.updateTable('patients').set(changes).where('id', '=', id).returningAll().executeTakeFirst();
}
