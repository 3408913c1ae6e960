// Moving everything of a duplicate record onto the one that stays.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

export async function moveAppointments(db: Kysely<DB>, fromId: number, toId: number): Promise<number> {
  const result = await db
    .updateTable('appointments')
    .set({ patientId: toId })
    .where('patientId', '=', fromId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function countAppointments(db: Kysely<DB>, patientId: number): Promise<number> {
  const row = await db
    .selectFrom('appointments')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('patientId', '=', patientId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function moveOutbox(db: Kysely<DB>, fromId: number, toId: number) {
  await db.updateTable('outbox').set({ patientId: toId }).where('patientId', '=', fromId).execute();
}

/** The portal's documents, questionnaires and invoices belong to the person: they all go to the kept record. */
export async function movePortalRecords(db: Kysely<DB>, fromId: number, toId: number) {
  for (const table of ['patientDocuments', 'questionnaireRequests', 'invoices'] as const) {
    await db.updateTable(table).set({ patientId: toId }).where('patientId', '=', fromId).execute();
  }
}

/**
 * Token series, conformities, failed verifications and the data history are the person's too. The kept
 * record keeps its own token secret; the duplicate's dies with it, so its codes stop working.
 */
export async function moveTeleconsultRecords(db: Kysely<DB>, fromId: number, toId: number, at: string) {
  // A printed code is found by a hash keyed with its patient: the duplicate's sheets cannot work under the kept
  // record, so they show as revoked (the patient prints a new one) instead of failing code by code.
  await db
    .updateTable('tokenSeries')
    .set({ revokedAt: at })
    .where('patientId', '=', fromId)
    .where('revokedAt', 'is', null)
    .execute();
  for (const table of ['tokenSeries', 'tokenFailures', 'patientDataChanges'] as const) {
    await db.updateTable(table).set({ patientId: toId }).where('patientId', '=', fromId).execute();
  }
  // A step used by both records would break the one-conformity-per-step index: the moved row keeps its
  // turno and time but no longer its step (that secret is gone, it cannot be replayed).
  const keptSteps = db
    .selectFrom('teleconsultConformities')
    .select('totpCounter')
    .where('patientId', '=', toId)
    .where('totpCounter', 'is not', null);
  await db
    .updateTable('teleconsultConformities')
    .set({ totpCounter: null })
    .where('patientId', '=', fromId)
    .where('totpCounter', 'in', keptSteps)
    .execute();
  await db.updateTable('teleconsultConformities').set({ patientId: toId }).where('patientId', '=', fromId).execute();
  await db.deleteFrom('patientTokenSecrets').where('patientId', '=', fromId).execute();
}

export async function hasWebAccount(db: Kysely<DB>, patientId: number): Promise<boolean> {
  const row = await db
    .selectFrom('webAccounts')
    .select('patientId')
    .where('patientId', '=', patientId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function moveWebAccount(db: Kysely<DB>, fromId: number, toId: number) {
  await db.updateTable('webAccounts').set({ patientId: toId }).where('patientId', '=', fromId).execute();
}

/** Web account, links and tokens of the record go with it (ON DELETE CASCADE). */
export async function deletePatient(db: Kysely<DB>, id: number) {
  await db.deleteFrom('sessions').where('subjectKind', '=', 'patient').where('subjectId', '=', id).execute();
  await db.deleteFrom('patients').where('id', '=', id).execute();
}
