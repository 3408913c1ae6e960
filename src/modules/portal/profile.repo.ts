// SQL of Perfil del usuario: what the web account keeps besides the password.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { isoUtc } from '../../platform/time/zone.js';

export function getProfileAccount(db: Kysely<DB>, patientId: number) {
  return db
    .selectFrom('webAccounts')
    .select(['patientId', 'lang', 'securityQuestion', 'securityAnswerHash', 'photoKey'])
    .where('patientId', '=', patientId)
    .executeTakeFirst();
}

export async function setLang(db: Kysely<DB>, patientId: number, lang: string, nowMs: number) {
  await db
    .updateTable('webAccounts')
    .set({ lang, updatedAt: isoUtc(nowMs) })
    .where('patientId', '=', patientId)
    .execute();
}

/** The question and the answer's hash, set together (first access and Perfil); the answer itself is never kept. */
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

/**
 * Points the account at another photo only if it still has `current`: of two uploads at once, each
 * learns whether its own file is the one kept, so neither file is left behind in the store.
 */
export async function swapPhotoKey(
  db: Kysely<DB>,
  patientId: number,
  change: { current: string; next: string },
  nowMs: number,
): Promise<boolean> {
  const result = await db
    .updateTable('webAccounts')
    .set({ photoKey: change.next, updatedAt: isoUtc(nowMs) })
    .where('patientId', '=', patientId)
    .where('photoKey', '=', change.current)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
