// SQL of staff-reach.ts.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

export async function hasTurnoWith(db: Kysely<DB>, patientId: number, professionalId: number): Promise<boolean> {
  const row = await db
    .selectFrom('appointments')
    .select('id')
    .where('patientId', '=', patientId)
    .where('professionalId', '=', professionalId)
    .where('status', '!=', 'cancelled')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
