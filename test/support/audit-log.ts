// Reading the audit log back in tests: what staff did to a patient, in the order it was recorded.
import type { Kysely } from 'kysely';
import type { DB } from '../../src/platform/db/schema.js';

/** The actions logged about that patient, oldest first; only those of one actor ("usuario:3") when given. */
export async function auditTrail(db: Kysely<DB>, patientId: number, actorRef?: string): Promise<string[]> {
  let q = db.selectFrom('auditLog').select('action').where('patientId', '=', patientId);
  if (actorRef !== undefined) q = q.where('actorRef', '=', actorRef);
  return (await q.orderBy('id').execute()).map((r) => r.action);
}
