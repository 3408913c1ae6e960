// Rate limits of the account pages, counted in the database so every process shares them.
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { clearRateLimit, hitRateLimit, type RateRule, refundRateLimit } from '../../platform/http/rate-limit.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Per DNI the numbers are small (a person types their own DNI a few times); per IP they are larger,
 * because a family, a school or a clinic's Wi-Fi share one address.
 */
export const RULES = {
  loginDni: { limit: 5, windowMs: 15 * MINUTE },
  loginIp: { limit: 30, windowMs: 15 * MINUTE },
  registerIp: { limit: 10, windowMs: HOUR },
  registerDni: { limit: 3, windowMs: HOUR },
  mailIp: { limit: 10, windowMs: HOUR },
  mailDni: { limit: 3, windowMs: HOUR },
  currentPassword: { limit: 5, windowMs: 15 * MINUTE },
} satisfies Record<string, RateRule>;

export type LimitKey = [key: string, rule: RateRule];

/**
 * Counts one attempt under every key (all of them, so a refused one does not spare the others) and
 * refuses with the longest wait when any is over its limit.
 */
export async function enforceLimits(ctx: AppContext, keys: LimitKey[]): Promise<void> {
  const now = ctx.clock.now();
  let waitSeconds = 0;
  for (const [key, rule] of keys) {
    const verdict = await hitRateLimit(ctx.database.db, key, rule, now);
    if (!verdict.allowed) waitSeconds = Math.max(waitSeconds, verdict.retryAfterSeconds);
  }
  if (waitSeconds > 0) {
    throw new AppError('TOO_MANY_ATTEMPTS', { minutes: Math.ceil(waitSeconds / 60), seconds: waitSeconds });
  }
}

export function forgetAttempts(ctx: AppContext, key: string): Promise<void> {
  return clearRateLimit(ctx.database.db, key);
}

/**
 * A success gives back the attempt it used under a shared key (an IP address): behind one NAT a whole
 * clinic or family logs in from the same address, and only wrong passwords should bring the lock closer.
 */
export function refundAttempt(ctx: AppContext, key: string): Promise<void> {
  return refundRateLimit(ctx.database.db, key);
}
