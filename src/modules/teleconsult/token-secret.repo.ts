import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

export async function findTokenSecret(db: Kysely<DB>, patientId: number) {
  return db.selectFrom('patientTokenSecrets').selectAll().where('patientId', '=', patientId).executeTakeFirst();
}

/** Two first requests at once make one secret: the loser's insert is ignored and it reads the winner's. */
export async function insertTokenSecret(
  db: Kysely<DB>,
  row: { patientId: number; secretSealed: string; createdAt: string },
) {
  await db
    .insertInto('patientTokenSecrets')
    .values(row)
    .onConflict((oc) => oc.column('patientId').doNothing())
    .execute();
}
