// Credentials the server must read back (TOTP secrets, SMTP and SMS passwords) are stored sealed with
// AES-256-GCM: a leaked table is useless without the key. The key is SECRETS_KEY when set (then a copy
// of the database alone reveals nothing); otherwise one made by the migration and kept in the database.
import crypto from 'node:crypto';
import type { AppContext } from '../context.js';
import { loadSecret } from './secrets.js';

const VERSION = 'v1';

export async function sealingKey(ctx: AppContext): Promise<Buffer> {
  const material = ctx.secretsKey ?? (await loadSecret(ctx.database.db, 'sealing'));
  return crypto.createHash('sha256').update(material).digest();
}

export function seal(key: Buffer, plain: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

/** The sealed text, or an error when it was sealed with another key or altered. */
export function unseal(key: Buffer, sealed: string): string {
  const [version, data] = sealed.split(':');
  if (version !== VERSION || !data) throw new Error('sealed value in an unknown format');
  const raw = Buffer.from(data, 'base64url');
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}
