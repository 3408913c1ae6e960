// SQL of the first access: the mobile it stores on the record, the tries counted so far, the live link's expiry
// (the security answer goes through Perfil's repo: one way to set it).
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { isoUtc } from '../../platform/time/zone.js';

/** Tries counted under `key` in a window that opened after `openedAfterMs` (an older window no longer counts). */
export async function triesUsed(db: Kysely<DB>, key: string, openedAfterMs: number): Promise<number> {
  const row = await db
    .selectFrom('rateLimits')
    .select('hits')
    .where('key', '=', key)
    .where('windowStart', '>', isoUtc(openedAfterMs))
    .executeTakeFirst();
  return row?.hits ?? 0;
}

/** The mobile the patient gave on first access becomes the record's (the manual: the patient sets it there). */
export async function setMobile(db: Kysely<DB>, patientId: number, mobile: string, nowMs: number) {
  await db
    .updateTable('patients')
    .set({ mobile, updatedAt: isoUtc(nowMs) })
    .where('id', '=', patientId)
    .execute();
}

/** When the patient's current portal link stops working, or null when there is none. */
export async function liveAccessLinkExpiry(db: Kysely<DB>, patientId: number, nowMs: number): Promise<string | null> {
  const row = await db
    .selectFrom('oneTimeTokens')
    .select('expiresAt')
    .where('patientId', '=', patientId)
    .where('purpose', '=', 'portal_access')
    .where('usedAt', 'is', null)
    .where('expiresAt', '>', isoUtc(nowMs))
    .executeTakeFirst();
  return row?.expiresAt ?? null;
}
