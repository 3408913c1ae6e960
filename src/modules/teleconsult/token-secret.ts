// The patient's own TOTP secret: made on first use, stored sealed (AES-256-GCM), read back only to make or
// check a code.
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.js';
import type { DB } from '../../platform/db/schema.js';
import { seal, sealingKey, unseal } from '../../platform/sealed.js';
import { hmac } from '../../platform/secrets.js';
import { isoUtc } from '../../platform/time/zone.js';
import { findTokenSecret, insertTokenSecret } from './token-secret.repo.js';

/** 20 random bytes: the key length RFC 4226 recommends for HMAC-SHA-1. */
const SECRET_BYTES = 20;

export async function patientTokenSecret(
  ctx: AppContext,
  patientId: number,
  db: Kysely<DB> = ctx.database.db,
): Promise<Buffer> {
  const key = await sealingKey(ctx);
  let row = await findTokenSecret(db, patientId);
  if (!row) {
    const secret = crypto.randomBytes(SECRET_BYTES).toString('hex');
    await insertTokenSecret(db, { patientId, secretSealed: seal(key, secret), createdAt: isoUtc(ctx.clock.now()) });
    row = await findTokenSecret(db, patientId);
  }
  if (!row) throw new Error(`token secret for patient ${patientId} was not stored`);
  return Buffer.from(unseal(key, row.secretSealed), 'hex');
}

/** What a printed code is looked up by: keyed per patient, so the table alone reveals no code. */
export async function printedCodeHash(ctx: AppContext, patientId: number, code: string): Promise<string> {
  const key = await sealingKey(ctx);
  return hmac(key.toString('hex'), `serie:${patientId}:${code.replace(/\s/g, '')}`);
}
