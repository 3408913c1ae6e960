// The patient token's and printed series' pure rules: how a code reads, when a step ends, what a series
// may be asked for, and the state a series is in.
import { addDays } from '../../platform/time/zone.js';
import { PRINTED_CODE_DIGITS } from './token-options.js';

export const SERIES_DEFAULT_COUNT = 10;
export const SERIES_MAX_COUNT = 50;
export const SERIES_DEFAULT_DAYS = 90;
export const SERIES_MAX_DAYS = 365;

/** "482913" → "482 913", "12345678" → "1234 5678", "0123456789" → "01234 56789": easier to read out. */
export function groupDigits(code: string): string {
  const n = code.length;
  if (n <= 4) return code;
  const size = n % 3 === 0 ? 3 : n % 4 === 0 ? 4 : Math.ceil(n / 2);
  const groups: string[] = [];
  for (let i = 0; i < n; i += size) groups.push(code.slice(i, i + size));
  return groups.join(' ');
}

/** The instants of one TOTP step: when its code shows, when the next one replaces it on screen. */
export function stepWindow(nowMs: number, stepSeconds: number) {
  const stepMs = stepSeconds * 1000;
  const counter = Math.floor(nowMs / stepMs);
  return {
    counter,
    nextAtMs: (counter + 1) * stepMs,
    /** Verification accepts one step of drift: the code still verifies during the next step. */
    validUntilMs: (counter + 2) * stepMs,
  };
}

export type SeriesState = 'active' | 'expired' | 'revoked';

export function seriesState(s: { validUntil: string; revokedAt: string | null }, today: string): SeriesState {
  if (s.revokedAt !== null) return 'revoked';
  return s.validUntil < today ? 'expired' : 'active';
}

export type SeriesProblem =
  | { code: 'TOKEN_SERIES_COUNT'; field: 'count' }
  | { code: 'TOKEN_SERIES_DATE_INVALID' | 'TOKEN_SERIES_DATE_PAST' | 'TOKEN_SERIES_DATE_FAR'; field: 'validUntil' };

export const defaultValidUntil = (today: string) => addDays(today, SERIES_DEFAULT_DAYS);
export const maxValidUntil = (today: string) => addDays(today, SERIES_MAX_DAYS);

function isCalendarDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** What is wrong with a series request, field by field (empty: it can be made). */
export function seriesProblems(input: { count: number; validUntil: string }, today: string): SeriesProblem[] {
  const problems: SeriesProblem[] = [];
  if (!Number.isInteger(input.count) || input.count < 1 || input.count > SERIES_MAX_COUNT) {
    problems.push({ code: 'TOKEN_SERIES_COUNT', field: 'count' });
  }
  if (!isCalendarDate(input.validUntil)) problems.push({ code: 'TOKEN_SERIES_DATE_INVALID', field: 'validUntil' });
  else if (input.validUntil < today) problems.push({ code: 'TOKEN_SERIES_DATE_PAST', field: 'validUntil' });
  else if (input.validUntil > maxValidUntil(today))
    problems.push({ code: 'TOKEN_SERIES_DATE_FAR', field: 'validUntil' });
  return problems;
}

/**
 * `count` distinct printed codes of PRINTED_CODE_DIGITS digits, from a uniform random source (crypto.randomInt
 * in production): leading zeros kept, so every code has the same length and the length tells the kind.
 */
export function printedCodes(count: number, randomInt: (max: number) => number): string[] {
  const codes = new Set<string>();
  while (codes.size < count) {
    codes.add(String(randomInt(10 ** PRINTED_CODE_DIGITS)).padStart(PRINTED_CODE_DIGITS, '0'));
  }
  return [...codes];
}
