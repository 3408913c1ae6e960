// SQL of web accounts and one-time links.
import { type Kysely, sql } from 'kysely';
import type { DB, OneTimeToken, TokenPurpose, WebAccount } from '../../platform/db/schema.js';
import { isoUtc } from '../../platform/time/zone.js';

export function getAccount(db: Kysely<DB>, patientId: number): Promise<WebAccount | undefined> {
  return db.selectFrom('webAccounts').selectAll().where('patientId', '=', patientId).executeTakeFirst();
}

export async function insertAccount(db: Kysely<DB>, patientId: number, passwordHash: string, nowMs: number) {
  const now = isoUtc(nowMs);
  await db
    .insertInto('webAccounts')
    .values({ patientId, passwordHash, activatedAt: null, createdAt: now, updatedAt: now })
    .execute();
}

/** Opening a link sent by mail proves the address: a still pending account becomes active too. */
export async function setPassword(db: Kysely<DB>, patientId: number, passwordHash: string, nowMs: number) {
  const now = isoUtc(nowMs);
  await db
    .updateTable('webAccounts')
    .set((eb) => ({ passwordHash, updatedAt: now, activatedAt: eb.fn.coalesce('activatedAt', eb.val(now)) }))
    .where('patientId', '=', patientId)
    .execute();
}

export async function activate(db: Kysely<DB>, patientId: number, nowMs: number): Promise<boolean> {
  const now = isoUtc(nowMs);
  const result = await db
    .updateTable('webAccounts')
    .set({ activatedAt: now, updatedAt: now })
    .where('patientId', '=', patientId)
    .where('activatedAt', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export interface Fills {
  sex?: string | null;
  birthDate?: string | null;
  email?: string | null;
  mobile?: string | null;
  address?: string;
  insurerId?: number | null;
  memberNumber?: string;
}

/**
 * Writes only into fields still empty, decided by the database at the moment of writing: a value the
 * center has (or sets meanwhile) is never replaced by what a web visitor typed.
 */
export async function fillEmptyFields(db: Kysely<DB>, patientId: number, fills: Fills, nowMs: number) {
  const nullable = ['sex', 'birthDate', 'email', 'mobile', 'insurerId'] as const;
  const blank = ['address', 'memberNumber'] as const;
  const changes: Record<string, unknown> = {};
  for (const field of nullable) {
    const value = fills[field];
    if (value !== undefined && value !== null) changes[field] = sql`coalesce(${sql.ref(field)}, ${value})`;
  }
  for (const field of blank) {
    const value = fills[field];
    if (value) changes[field] = sql`case when ${sql.ref(field)} = '' then ${value} else ${sql.ref(field)} end`;
  }
  if (Object.keys(changes).length === 0) return;
  await db
    .updateTable('patients')
    .set({ ...changes, updatedAt: isoUtc(nowMs) })
    .where('id', '=', patientId)
    .execute();
}

/** A new link replaces the patient's earlier ones of the same purpose: only the latest works. */
export async function replaceToken(
  db: Kysely<DB>,
  row: { tokenHash: string; purpose: TokenPurpose; patientId: number; payload: string; expiresAtMs: number },
  nowMs: number,
) {
  const now = isoUtc(nowMs);
  await db
    .deleteFrom('oneTimeTokens')
    .where((eb) =>
      eb.or([
        eb.and([eb('patientId', '=', row.patientId), eb('purpose', '=', row.purpose)]),
        eb('expiresAt', '<', now),
      ]),
    )
    .execute();
  await db
    .insertInto('oneTimeTokens')
    .values({
      tokenHash: row.tokenHash,
      purpose: row.purpose,
      patientId: row.patientId,
      payload: row.payload,
      createdAt: now,
      expiresAt: isoUtc(row.expiresAtMs),
      usedAt: null,
    })
    .execute();
}

export function findLiveToken(
  db: Kysely<DB>,
  tokenHash: string,
  purpose: TokenPurpose,
  nowMs: number,
): Promise<OneTimeToken | undefined> {
  return db
    .selectFrom('oneTimeTokens')
    .selectAll()
    .where('tokenHash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .where('usedAt', 'is', null)
    .where('expiresAt', '>', isoUtc(nowMs))
    .executeTakeFirst();
}

/** Marks a live link used and returns it; a guarded update, so two clicks at once cannot both win. */
export function consumeToken(
  db: Kysely<DB>,
  tokenHash: string,
  purpose: TokenPurpose,
  nowMs: number,
): Promise<OneTimeToken | undefined> {
  const now = isoUtc(nowMs);
  return db
    .updateTable('oneTimeTokens')
    .set({ usedAt: now })
    .where('tokenHash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .where('usedAt', 'is', null)
    .where('expiresAt', '>', now)
    .returningAll()
    .executeTakeFirst();
}

/** After a password is set, older reset links must not set it again. */
export async function deleteTokens(db: Kysely<DB>, patientId: number, purpose: TokenPurpose) {
  await db.deleteFrom('oneTimeTokens').where('patientId', '=', patientId).where('purpose', '=', purpose).execute();
}
