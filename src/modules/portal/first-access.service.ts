// "Validación primer acceso": the patient opens the mailed link, proves who they are with what the center
// configured, and sets password, mobile and security answer. Opening the link changes nothing (mail scanners
// open links); registering uses it up, in one transaction with everything it sets.
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import type { Patient, PortalIdentityCheck } from '../../platform/db/schema.js';
import { clearRateLimit } from '../../platform/http/rate-limit.js';
import { destroySubjectSessions } from '../../platform/http/sessions.js';
import { isoUtc } from '../../platform/time/zone.js';
import { getCenter } from '../center/center.service.js';
import { enforceLimits, RULES, refundAttempt } from '../patients/accounts.limits.js';
import { liveLink, useLink } from '../patients/accounts.links.js';
import { loginDniKey } from '../patients/accounts.login.service.js';
import { hashPassword } from '../patients/accounts.passwords.js';
import * as accounts from '../patients/accounts.repo.js';
import { requireStrongPassword } from '../patients/accounts.rules.js';
import * as patients from '../patients/patients.repo.js';
import { type Actor, publicActor } from '../staff/actor.js';
import { changedBy } from '../teleconsult/data-history.js';
import { recordDataChanges } from '../teleconsult/data-history.repo.js';
import {
  afterWrongGuess,
  countTry,
  forgetTries,
  type GuessBudget,
  killLinks,
  triesLeft,
} from './first-access.attempts.js';
import { setMobile } from './first-access.repo.js';
import { identityMatches, identityValue, PORTAL_ACCESS_TTL_MS } from './portal-access.rules.js';
import { proofKey } from './portal-access.service.js';
import { setSecurityAnswer } from './profile.repo.js';
import { hashAnswer, type SecurityQuestion } from './security-answer.js';

/** What the first access page shows and asks. */
export interface FirstAccessForm {
  firstName: string;
  /** The portal user name: the patient's e-mail. */
  userName: string;
  /** What the center asks besides the DNI. */
  check: PortalIdentityCheck;
  /**
   * The last two digits of the record's mobile (null when it has none): the patient recognises it and types it,
   * while whoever opens a link mailed to a mistyped address learns nothing of it before the proof.
   */
  mobileEnding: string | null;
  /** The patient already has a booking-web account: the new password replaces its password. */
  hasAccount: boolean;
}

export interface FirstAccessData {
  dni: string;
  /** The trámite number or the birth date (YYYY-MM-DD), as the center asks. */
  proof: string;
  password: string;
  mobile: string;
  question: SecurityQuestion;
  answer: string;
}

const budgetOf = (patientId: number): GuessBudget => ({
  key: proofKey(patientId),
  // Counted over the link's whole life: waiting does not bring new tries, only a new mail from the center does.
  windowMs: PORTAL_ACCESS_TTL_MS,
  patientId,
  purpose: 'portal_access',
});

/** The patient and what they must prove, for a live link of a portal still enabled; refusals say what to do. */
async function linkTarget(ctx: AppContext, token: string) {
  const db = ctx.database.db;
  const link = await liveLink(db, token, 'portal_access', ctx.clock.now());
  const patient = link ? await patients.getPatient(db, link.patientId) : undefined;
  if (patient?.portalEnabled !== 1 || !patient.email) throw new AppError('LINK_INVALID');
  const { portalIdentityCheck: check } = await getCenter(ctx);
  const expected = identityValue(patient, check);
  if (expected === null) throw new AppError('FIRST_ACCESS_DATA_MISSING', { check });
  if ((await triesLeft(ctx, budgetOf(patient.id))) === 0) {
    await killLinks(ctx, budgetOf(patient.id));
    throw new AppError('FIRST_ACCESS_LOCKED');
  }
  return { patient: patient as Patient & { email: string }, check, expected };
}

function lastTwoDigits(mobile: string | null): string | null {
  const digits = (mobile ?? '').replace(/\D/g, '');
  return digits.length >= 2 ? digits.slice(-2) : null;
}

/** The form behind a link; reading it uses nothing up. */
export async function openFirstAccess(
  ctx: AppContext,
  input: { actor: Actor; token: string },
): Promise<FirstAccessForm> {
  const { patient, check } = await linkTarget(ctx, input.token);
  const account = await accounts.getAccount(ctx.database.db, patient.id);
  return {
    firstName: patient.firstName,
    userName: patient.email,
    check,
    mobileEnding: lastTwoDigits(patient.mobile),
    hasAccount: account !== undefined,
  };
}

/**
 * Checks the proof (every try counted first; the last allowed wrong one kills the link), then in one
 * transaction: uses the link, creates the web account or sets the existing one's password (one account per
 * patient, whichever web they started on), activates it, stores the security answer's hash and the mobile,
 * and ends the patient's other sessions. The caller logs the patient in.
 */
export async function completeFirstAccess(
  ctx: AppContext,
  input: { actor: Actor; token: string; data: FirstAccessData; ip: string },
): Promise<{ patientId: number }> {
  const ipKey = `portal:primer-acceso:ip:${input.ip}`;
  await enforceLimits(ctx, [[ipKey, RULES.loginIp]]);
  const { patient, expected } = await linkTarget(ctx, input.token);
  const budget = budgetOf(patient.id);
  if (!(await countTry(ctx, budget))) {
    await killLinks(ctx, budget);
    throw new AppError('FIRST_ACCESS_LOCKED');
  }
  const { data } = input;
  if (!identityMatches({ dni: patient.dni, value: expected }, { dni: data.dni, value: data.proof })) {
    const left = await afterWrongGuess(ctx, budget);
    throw left === 0 ? new AppError('FIRST_ACCESS_LOCKED') : new AppError('FIRST_ACCESS_MISMATCH', { left });
  }
  await forgetTries(ctx.database.db, budget.key);
  await refundAttempt(ctx, ipKey);
  requireStrongPassword(data.password, patient.dni);
  const [passwordHash, answerHash] = await Promise.all([hashPassword(data.password), hashAnswer(data.answer)]);
  const now = ctx.clock.now();
  await ctx.database.db.transaction().execute(async (trx) => {
    const link = await useLink(trx, input.token, 'portal_access', now);
    const current = link && (await patients.getPatient(trx, link.patientId));
    if (!current || current.id !== patient.id || current.portalEnabled !== 1) throw new AppError('LINK_INVALID');
    if (await accounts.getAccount(trx, patient.id)) {
      await accounts.setPassword(trx, patient.id, passwordHash, now);
    } else {
      await accounts.insertAccount(trx, patient.id, passwordHash, now);
      await accounts.activate(trx, patient.id, now);
    }
    await setSecurityAnswer(trx, patient.id, { question: data.question, hash: answerHash }, now);
    await setMobile(trx, patient.id, data.mobile, now);
    const after = { ...current, mobile: data.mobile };
    await recordDataChanges(trx, { before: current, after, by: changedBy(publicActor, current), at: isoUtc(now) });
    // Links mailed earlier must not set the password again.
    for (const purpose of ['password_reset', 'activation'] as const)
      await accounts.deleteTokens(trx, patient.id, purpose);
    await destroySubjectSessions(trx, { kind: 'patient', id: patient.id });
    await clearRateLimit(trx, loginDniKey(patient.dni));
  });
  return { patientId: patient.id };
}
