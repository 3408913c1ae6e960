// The one write of a reminder's confirm link: the patient said they will come.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

/**
 * Marks the turno confirmed while it is still reserved, not started and not confirmed yet (guarded, like
 * every status change): false when any of that changed, so a second click never moves the first answer.
 */
export async function confirmAppointment(db: Kysely<DB>, id: number, nowIso: string): Promise<boolean> {
  const result = await db
    .updateTable('appointments')
    .set({ confirmedAt: nowIso, updatedAt: nowIso })
    .where('id', '=', id)
    .where('status', '=', 'reserved')
    .where('startsAt', '>', nowIso)
    .where('confirmedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
