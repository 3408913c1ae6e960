import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';
import { isoUtc } from '../time/zone.js';

export interface RateRule {
  /** Attempts allowed per window. */
  limit: number;
  windowMs: number;
}

export interface RateVerdict {
  allowed: boolean;
  /** When refused: seconds until the window ends. */
  retryAfterSeconds: number;
}

/**
 * Counts one attempt under `key` in a fixed window shared by every process (one upsert).
 * Refused attempts count too, so hammering never shortens the wait.
 */
export async function hitRateLimit(db: Kysely<DB>, key: string, rule: RateRule, nowMs: number): Promise<RateVerdict> {
  const now = isoUtc(nowMs);
  const windowOpenedAfter = isoUtc(nowMs - rule.windowMs);
  const row = await db
    .insertInto('rateLimits')
    .values({ key, windowStart: now, hits: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        hits: sql`case when rate_limits.window_start <= ${windowOpenedAfter} then 1 else rate_limits.hits + 1 end`,
        windowStart: sql`case when rate_limits.window_start <= ${windowOpenedAfter} then excluded.window_start
          else rate_limits.window_start end`,
      }),
    )
    .returning(['hits', 'windowStart'])
    .executeTakeFirstOrThrow();
  if (row.hits <= rule.limit) return { allowed: true, retryAfterSeconds: 0 };
  const endsMs = Date.parse(row.windowStart) + rule.windowMs;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((endsMs - nowMs) / 1000)) };
}

/** A success (e.g. a correct password) forgets the failures counted under `key`. */
export async function clearRateLimit(db: Kysely<DB>, key: string): Promise<void> {
  await db.deleteFrom('rateLimits').where('key', '=', key).execute();
}

/**
 * Takes back one attempt counted under `key`: for a shared key (an IP address) where only failures should
 * count, the attempt is counted first, so a burst of parallel guesses still meets the limit, and a
 * success gives its count back.
 */
export async function refundRateLimit(db: Kysely<DB>, key: string): Promise<void> {
  await db
    .updateTable('rateLimits')
    .set({ hits: sql`hits - 1` })
    .where('key', '=', key)
    .where('hits', '>', 0)
    .execute();
}
