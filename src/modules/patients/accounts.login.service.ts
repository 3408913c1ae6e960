// Logging in with DNI and password, and choosing a new password through a link sent by mail.
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { destroySubjectSessions } from '../../platform/http/sessions.js';
import { enqueueMail } from '../../platform/outbox/outbox.js';
import { getCenter } from '../center/center.service.js';
import type { Actor } from '../staff/actor.js';
import { enforceLimits, forgetAttempts, RULES, refundAttempt } from './accounts.limits.js';
import { issueLink, liveLink, useLink } from './accounts.links.js';
import { passwordChangedNotice, resetMail } from './accounts.mails.js';
import { hashPassword, passwordMatches } from './accounts.passwords.js';
import * as repo from './accounts.repo.js';
import { RESET_TTL_MS, requireStrongPassword } from './accounts.rules.js';
import * as patients from './patients.repo.js';

export const loginDniKey = (dni: string) => `login:dni:${dni}`;

export interface LoggedIn {
  patientId: number;
  /** The center disabled web booking for this patient; the note says why. */
  disabled: boolean;
}

/**
 * One answer for an unknown DNI, a DNI without account and a wrong password, after the same work.
 * Whether the account is activated is said only to whoever knows its password.
 */
export async function logIn(
  ctx: AppContext,
  input: { actor: Actor; dni: string; password: string; ip: string },
): Promise<LoggedIn> {
  const ipKey = `login:ip:${input.ip}`;
  await enforceLimits(ctx, [
    [loginDniKey(input.dni), RULES.loginDni],
    [ipKey, RULES.loginIp],
  ]);
  const db = ctx.database.db;
  const patient = await patients.findByDni(db, input.dni);
  const account = patient ? await repo.getAccount(db, patient.id) : undefined;
  const matches = await passwordMatches(account?.passwordHash, input.password);
  if (!patient || !account || !matches) throw new AppError('INVALID_CREDENTIALS');
  await forgetAttempts(ctx, loginDniKey(input.dni));
  // A family or a school behind one address: only wrong passwords count against it.
  await refundAttempt(ctx, ipKey);
  if (account.activatedAt === null) throw new AppError('ACCOUNT_NOT_ACTIVE');
  return { patientId: patient.id, disabled: patient.disabled === 1 };
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

/** Whether a reset link still works (the form is shown only then); opening it uses nothing up. */
export async function checkResetLink(ctx: AppContext, input: { actor: Actor; token: string }): Promise<void> {
  if (!(await liveLink(ctx.database.db, input.token, 'password_reset', ctx.clock.now()))) {
    throw new AppError('LINK_INVALID');
  }
}

/**
 * Sets the new password (activating a pending account: the link proved the mailbox), ends the
 * patient's other sessions and lifts the login lock of the DNI.
 */
export async function resetPassword(
  ctx: AppContext,
  input: { actor: Actor; token: string; password: string; keepSessionId: string | null },
): Promise<void> {
  const db = ctx.database.db;
  const found = await liveLink(db, input.token, 'password_reset', ctx.clock.now());
  const patient = found ? await patients.getPatient(db, found.patientId) : undefined;
  if (!found || !patient) throw new AppError('LINK_INVALID');
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
