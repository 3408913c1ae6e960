import crypto from 'node:crypto';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import type { StaffRole } from '../../platform/db/schema.js';
import { isoUtc } from '../../platform/time/zone.js';
import type { StaffActor } from './actor.js';

const PREFIX = 'trn_';
/** Writing last_used_at on every request would make each read a write; once a minute is enough to audit. */
const TOUCH_EVERY_MS = 60_000;

const hash = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/** Issued from the command line (`turnero api-token create`); only the hash is stored. */
export async function createApiToken(
  ctx: AppContext,
  input: { name: string; role: StaffRole; professionalId?: number | null },
): Promise<{ id: number; token: string }> {
  if (input.name.trim() === '') throw new AppError('VALIDATION_ERROR', { detail: 'el token necesita un nombre' });
  if (input.role === 'professional' && input.professionalId == null) {
    throw new AppError('VALIDATION_ERROR', { detail: 'un token de profesional necesita --professional-id' });
  }
  const token = PREFIX + crypto.randomBytes(32).toString('base64url');
  const row = await ctx.database.db
    .insertInto('apiTokens')
    .values({
      name: input.name.trim(),
      role: input.role,
      professionalId: input.professionalId ?? null,
      tokenHash: hash(token),
      createdAt: isoUtc(ctx.clock.now()),
      lastUsedAt: null,
      revokedAt: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, token };
}

/** The staff member behind a bearer token, or null when the token is unknown or revoked. */
export async function authenticateApiToken(ctx: AppContext, token: string, ip: string): Promise<StaffActor | null> {
  if (!token.startsWith(PREFIX)) return null;
  const db = ctx.database.db;
  const row = await db
    .selectFrom('apiTokens')
    .selectAll()
    .where('tokenHash', '=', hash(token))
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  const now = ctx.clock.now();
  if (row.lastUsedAt === null || now - Date.parse(row.lastUsedAt) > TOUCH_EVERY_MS) {
    await db
      .updateTable('apiTokens')
      .set({ lastUsedAt: isoUtc(now) })
      .where('id', '=', row.id)
      .execute();
  }
  return {
    kind: 'staff',
    ref: `token:${row.id}`,
    name: `api:${row.name}`,
    role: row.role,
    professionalId: row.professionalId,
    ip,
  };
}

export async function revokeApiToken(ctx: AppContext, input: { id: number }) {
  const r = await ctx.database.db
    .updateTable('apiTokens')
    .set({ revokedAt: isoUtc(ctx.clock.now()) })
    .where('id', '=', input.id)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw new AppError('NOT_FOUND', { what: `el token ${input.id}` });
}
