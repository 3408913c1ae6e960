// When failed verifications lock a patient's token: a guess at a 6-digit code has one chance in a million, and
// a few tries a quarter hour keeps it that way while a patient fumbling the digits is not stuck for long.

export const LOCKOUT_MAX_FAILURES = 5;
export const LOCKOUT_WINDOW_MS = 15 * 60_000;
export const LOCKOUT_MS = 15 * 60_000;

export function isLocked(lockedUntil: string | null, nowMs: number): boolean {
  return lockedUntil !== null && Date.parse(lockedUntil) > nowMs;
}

/**
 * From when failures count: the window, but never before the end of the last lock (natural or lifted by staff),
 * so the failures that caused one lock never cause the next.
 */
export function countingFromMs(lockedUntil: string | null, nowMs: number): number {
  const windowStart = nowMs - LOCKOUT_WINDOW_MS;
  return lockedUntil === null ? windowStart : Math.max(windowStart, Date.parse(lockedUntil));
}

export function shouldLock(failuresSince: number): boolean {
  return failuresSince >= LOCKOUT_MAX_FAILURES;
}

/** Whole minutes left, rounded up: "bloqueado 15 minutos" right after locking, never "0 minutos". */
export function minutesLeft(lockedUntil: string, nowMs: number): number {
  return Math.max(1, Math.ceil((Date.parse(lockedUntil) - nowMs) / 60_000));
}

/**
 * What one staff user or API token may try in a quarter hour across all patients: unknown DNIs lock nobody, so
 * without this a caller could spray codes over many DNIs. A success gives its attempt back.
 */
export const ACTOR_RULE = { limit: 60, windowMs: 15 * 60_000 };
