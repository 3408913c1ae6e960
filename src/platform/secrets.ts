import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from './db/schema.js';

/** A random value for cookies and links (256 bits, URL-safe). */
export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

/** What is stored of a token: finding a row needs the hash, reading the table reveals nothing usable. */
export function sha256Hex(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}

export function hmac(secret: string, text: string): string {
  return crypto.createHmac('sha256', secret).update(text).digest('base64url');
}

export function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/** The shared secret every process of one database uses (made by the migration). */
export async function loadSecret(db: Kysely<DB>, name: string): Promise<string> {
  const row = await db.selectFrom('appSecrets').select('value').where('name', '=', name).executeTakeFirstOrThrow();
  return row.value;
}
