// SQL of the first access: what it stores on the account and the record, and the tries counted so far.
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

export async function setSecurityAnswer(
  db: Kysely<DB>,
  patientId: number,
  answer: { question: string; hash: string },
  nowMs: number,
) {
  await db
    .updateTable('webAccounts')
    .set({ securityQuestion: answer.question, securityAnswerHash: answer.hash, updatedAt: isoUtc(nowMs) })
    .where('patientId', '=', patientId)
    .execute();
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
