// One-time links sent by mail: 32 random bytes in the query string, only their sha256 in the database.
import type { Kysely } from 'kysely';
import type { DB, OneTimeToken, TokenPurpose } from '../../platform/db/schema.js';
import { randomToken, sha256Hex } from '../../platform/secrets.js';
import * as repo from './accounts.repo.js';

export const LINK_PATHS: Record<TokenPurpose, string> = {
  activation: '/activar',
  password_reset: '/restablecer',
  email_change: '/confirmar-mail',
  portal_access: '/portal/primer-acceso',
};

/** Makes the patient's new link of that purpose (older ones stop working) and returns its absolute address. */
export async function issueLink(
  db: Kysely<DB>,
  p: { purpose: TokenPurpose; patientId: number; payload?: string; ttlMs: number; baseUrl: string },
  nowMs: number,
): Promise<string> {
  const token = randomToken(32);
  await repo.replaceToken(
    db,
    {
      tokenHash: sha256Hex(token),
      purpose: p.purpose,
      patientId: p.patientId,
      payload: p.payload ?? '',
      expiresAtMs: nowMs + p.ttlMs,
    },
    nowMs,
  );
  return `${p.baseUrl}${LINK_PATHS[p.purpose]}?token=${token}`;
}

/** A token that cannot be one of ours is not looked up at all. */
const plausible = (token: string) => /^[\w-]{43}$/.test(token);

export async function liveLink(
  db: Kysely<DB>,
  token: string,
  purpose: TokenPurpose,
  nowMs: number,
): Promise<OneTimeToken | undefined> {
  return plausible(token) ? repo.findLiveToken(db, sha256Hex(token), purpose, nowMs) : undefined;
}

export async function useLink(
  db: Kysely<DB>,
  token: string,
  purpose: TokenPurpose,
  nowMs: number,
): Promise<OneTimeToken | undefined> {
  return plausible(token) ? repo.consumeToken(db, sha256Hex(token), purpose, nowMs) : undefined;
}
