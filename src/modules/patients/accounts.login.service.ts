// Logging in with DNI or e-mail and password, and choosing a new password through a link sent by mail (with the
// security question as a second factor when the patient set one in the portal).
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import type { DB, Patient } from '../../platform/db/schema.js';
import { destroySubjectSessions } from '../../platform/http/sessions.js';
import type { Lang } from '../../platform/i18n/lang.js';
import { enqueueMail } from '../../platform/outbox/outbox.js';
import { getCenter } from '../center/center.service.js';
import {
  afterWrongGuess,
  countTry,
  forgetTries,
  type GuessBudget,
  killLinks,
  triesLeft,
} from '../portal/first-access.attempts.js';
import { ANSWER_WINDOW_MS } from '../portal/portal-access.rules.js';
import { answerMatches } from '../portal/security-answer.js';
import type { Actor } from '../staff/actor.js';
import { enforceLimits, forgetAttempts, RULES, refundAttempt } from './accounts.limits.js';
import { issueLink, liveLink, useLink } from './accounts.links.js';
import { passwordChangedNotice, resetMail } from './accounts.mails.js';
import { hashPassword, passwordMatches } from './accounts.passwords.js';
import * as repo from './accounts.repo.js';
import { RESET_TTL_MS, requireStrongPassword } from './accounts.rules.js';
import * as patients from './patients.repo.js';
import { normalizeDni, normalizeEmail } from './patients.rules.js';

export const loginDniKey = (dni: string) => `login:dni:${dni}`;

/** Who logs in: the DNI (the booking web's user) or the e-mail (the portal's user name, the manual's). */
export type LoginUser = { dni: string } | { email: string };

/** "DNI o e-mail" as typed: an e-mail when it has an @, else a DNI; null when it is neither. */
export function loginUserOf(text: string): LoginUser | null {
  const typed = text.trim();
  if (typed.includes('@')) {
    const email = normalizeEmail(typed);
    return email ? { email } : null;
  }
  const dni = normalizeDni(typed);
  return dni ? { dni } : null;
}

export interface LoggedIn {
  patientId: number;
  /** The center disabled web booking for this patient; the note says why. */
  disabled: boolean;
  /** The language the patient chose in the portal's profile, if any. */
  lang: Lang | null;
}

/** The portal patient whose user name is that e-mail; by rule there is one at most, and ambiguity finds nobody. */
async function portalPatientByEmail(db: Kysely<DB>, email: string): Promise<Patient | undefined> {
  const found = await patients.portalPatientsByEmail(db, email);
  return found.length === 1 ? found[0] : undefined;
}

/**
 * One answer for an unknown user, a user without account and a wrong password, after the same work.
 * The e-mail finds only a patient whose portal is enabled. Tries count under the patient's DNI whichever
 * way they logged in, so switching between DNI and e-mail does not buy more of them.
 * Whether the account is activated is said only to whoever knows its password.
 */
export async function logIn(
  ctx: AppContext,
  input: { actor: Actor; user: LoginUser; password: string; ip: string },
): Promise<LoggedIn> {
  const db = ctx.database.db;
  const { user } = input;
  const patient = 'dni' in user ? await patients.findByDni(db, user.dni) : await portalPatientByEmail(db, user.email);
  const userKey = patient
    ? loginDniKey(patient.dni)
    : 'dni' in user
      ? loginDniKey(user.dni)
      : `login:email:${user.email}`;
  const ipKey = `login:ip:${input.ip}`;
  await enforceLimits(ctx, [
    [userKey, RULES.loginDni],
    [ipKey, RULES.loginIp],
  ]);
  const account = patient ? await repo.getAccount(db, patient.id) : undefined;
  const matches = await passwordMatches(account?.passwordHash, input.password);
  if (!patient || !account || !matches) {
    throw new AppError('dni' in user ? 'INVALID_CREDENTIALS' : 'INVALID_EMAIL_CREDENTIALS');
  }
  await forgetAttempts(ctx, userKey);
  // A family or a school behind one address: only wrong passwords count against it.
  await refundAttempt(ctx, ipKey);
  if (account.activatedAt === null) throw new AppError('ACCOUNT_NOT_ACTIVE');
  const lang = account.lang === 'es' || account.lang === 'en' ? account.lang : null;
  return { patientId: patient.id, disabled: patient.disabled === 1, lang };
}

/** A reset link to the address on file, when there is an account; the page says the same for any DNI. */
export async function requestPasswordReset(
  ctx: AppContext,
  input: { actor: Actor; dni: string; ip: string; baseUrl: string },
): Promise<void> {
  await enforceLimits(ctx, [
    [`clave:ip:${input.ip}`, RULES.mailIp],
    [`clave:dni:${input.dni}`, RULES.mailDni],
  ]);
  const center = await getCenter(ctx);
  const now = ctx.clock.now();
  await ctx.database.db.transaction().execute(async (trx) => {
    const patient = await patients.findByDni(trx, input.dni);
    if (!patient?.email || !(await repo.getAccount(trx, patient.id))) return;
    const link = await issueLink(
      trx,
      { purpose: 'password_reset', patientId: patient.id, ttlMs: RESET_TTL_MS, baseUrl: input.baseUrl },
      now,
    );
    const mail = resetMail(center, { name: patient.firstName, link, ttlMs: RESET_TTL_MS });
    await enqueueMail(trx, { kind: 'password_reset', to: patient.email, ...mail, patientId: patient.id }, now);
  });
}

/** The security answer's tries on a reset, per patient over a day: new links do not bring new tries. */
const answerBudget = (patientId: number): GuessBudget => ({
  key: `clave:respuesta:${patientId}`,
  windowMs: ANSWER_WINDOW_MS,
  patientId,
  purpose: 'password_reset',
});

/** The question to ask before a reset, when the account has a security answer (set in the portal). */
async function resetQuestion(ctx: AppContext, patientId: number): Promise<string | null> {
  const account = await repo.getAccount(ctx.database.db, patientId);
  if (!account?.securityAnswerHash) return null;
  if ((await triesLeft(ctx, answerBudget(patientId))) === 0) {
    await killLinks(ctx, answerBudget(patientId));
    throw new AppError('SECURITY_ANSWER_LOCKED');
  }
  return account.securityQuestion;
}

/**
 * Whether a reset link still works (the form is shown only then), and the security question the form must
 * also ask when the account has one; opening it uses nothing up.
 */
export async function checkResetLink(
  ctx: AppContext,
  input: { actor: Actor; token: string },
): Promise<{ question: string | null }> {
  const found = await liveLink(ctx.database.db, input.token, 'password_reset', ctx.clock.now());
  if (!found) throw new AppError('LINK_INVALID');
  return { question: await resetQuestion(ctx, found.patientId) };
}

/** The second factor of a reset: every try counted first; the try that spends the budget kills the link. */
async function checkSecurityAnswer(ctx: AppContext, patientId: number, answer: string) {
  const account = await repo.getAccount(ctx.database.db, patientId);
  if (!account?.securityAnswerHash) return;
  const budget = answerBudget(patientId);
  if (!(await countTry(ctx, budget))) {
    await killLinks(ctx, budget);
    throw new AppError('SECURITY_ANSWER_LOCKED');
  }
  if (!(await answerMatches(account.securityAnswerHash, answer))) {
    const left = await afterWrongGuess(ctx, budget);
    throw left === 0 ? new AppError('SECURITY_ANSWER_LOCKED') : new AppError('SECURITY_ANSWER_WRONG', { left });
  }
  await forgetTries(ctx.database.db, budget.key);
}

/**
 * Sets the new password (activating a pending account: the link proved the mailbox), ends the
 * patient's other sessions and lifts the login lock of the DNI. An account with a security answer must
 * also give it right.
 */
export async function resetPassword(
  ctx: AppContext,
  input: { actor: Actor; token: string; password: string; securityAnswer?: string; keepSessionId: string | null },
): Promise<void> {
  const db = ctx.database.db;
  const found = await liveLink(db, input.token, 'password_reset', ctx.clock.now());
  const patient = found ? await patients.getPatient(db, found.patientId) : undefined;
  if (!found || !patient) throw new AppError('LINK_INVALID');
  await checkSecurityAnswer(ctx, patient.id, input.securityAnswer ?? '');
  requireStrongPassword(input.password, patient.dni);
  const passwordHash = await hashPassword(input.password);
  const center = await getCenter(ctx);
  const now = ctx.clock.now();
  const keep = input.actor.kind === 'patient' && input.actor.patientId === patient.id ? input.keepSessionId : null;
  await db.transaction().execute(async (trx) => {
    if (!(await useLink(trx, input.token, 'password_reset', now))) throw new AppError('LINK_INVALID');
    await repo.setPassword(trx, patient.id, passwordHash, now);
    await repo.deleteTokens(trx, patient.id, 'password_reset');
    await destroySubjectSessions(trx, { kind: 'patient', id: patient.id }, keep ?? undefined);
    if (patient.email) {
      const mail = passwordChangedNotice(center, { name: patient.firstName });
      await enqueueMail(trx, { kind: 'password_changed', to: patient.email, ...mail, patientId: patient.id }, now);
    }
  });
  await forgetAttempts(ctx, loginDniKey(patient.dni));
}
