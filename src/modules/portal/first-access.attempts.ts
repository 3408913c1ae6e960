// Counting guesses against a mailed link (the identity proof of the first access, the security answer of a
// reset): every try is counted before it is judged, so parallel guesses cannot exceed the budget, and the
// try that spends the budget kills the link.
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.js';
import type { DB, TokenPurpose } from '../../platform/db/schema.js';
import { clearRateLimit, hitRateLimit } from '../../platform/http/rate-limit.js';
import { deleteTokens } from '../patients/accounts.repo.js';
import { triesUsed } from './first-access.repo.js';
import { LINK_TRIES } from './portal-access.rules.js';

export interface GuessBudget {
  /** The rate-limit key: per patient, so a new link of the same kind does not bring new tries. */
  key: string;
  windowMs: number;
  patientId: number;
  purpose: TokenPurpose;
}

/** Tries left before this one; 0 when the budget is spent (the link is then killed). */
export async function triesLeft(ctx: AppContext, budget: GuessBudget): Promise<number> {
  const used = await triesUsed(ctx.database.db, budget.key, ctx.clock.now() - budget.windowMs);
  return Math.max(0, LINK_TRIES - used);
}

/** Counts one try; false when the budget was already spent (nothing is judged then). */
export async function countTry(ctx: AppContext, budget: GuessBudget): Promise<boolean> {
  const rule = { limit: LINK_TRIES, windowMs: budget.windowMs };
  return (await hitRateLimit(ctx.database.db, budget.key, rule, ctx.clock.now())).allowed;
}

/** After a wrong guess: how many are left; at 0 the patient's links of that kind stop working. */
export async function afterWrongGuess(ctx: AppContext, budget: GuessBudget): Promise<number> {
  const left = await triesLeft(ctx, budget);
  if (left === 0) await killLinks(ctx, budget);
  return left;
}

export async function killLinks(ctx: AppContext, budget: GuessBudget) {
  await deleteTokens(ctx.database.db, budget.patientId, budget.purpose);
}

/** A right guess (or a new link issued by the center) starts the count again; inside the caller's transaction. */
export function forgetTries(db: Kysely<DB>, key: string) {
  return clearRateLimit(db, key);
}
