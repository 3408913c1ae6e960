import { type Kysely, sql } from 'kysely';
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

/**
 * The center changed the token's step: each patient's last used step, in the new step's units, is the one that
 * holds the end of the time already used, so codes of that time stay spent and every later one works.
 */
export async function rescaleUsedSteps(db: Kysely<DB>, fromSeconds: number, toSeconds: number) {
  await db
    .updateTable('patientTokenSecrets')
    .set((eb) => ({
      lastCounter: sql<number>`((${eb.ref('lastCounter')} + 1) * ${fromSeconds} - 1) / ${toSeconds}`,
    }))
    .where('lastCounter', '>=', 0)
    .execute();
}
