// The account mails staff send on a patient's behalf: activation again, and "olvidó su contraseña".
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { enqueueMail } from '../../platform/outbox/outbox.js';
import { getCenter } from '../center/center.service.js';
import { type Actor, requireStaff } from '../staff/actor.js';
import { audit } from '../staff/audit.service.js';
import { issueLink } from './accounts.links.js';
import { resetMail } from './accounts.mails.js';
import { sendActivation } from './accounts.register.service.js';
import * as accounts from './accounts.repo.js';
import { RESET_TTL_MS } from './accounts.rules.js';
import * as patients from './patients.repo.js';
import { notFound } from './web-accounts.staff.service.js';

const ROLES = ['admin', 'reception'] as const;

async function mailTarget(ctx: AppContext, patientId: number) {
  const db = ctx.database.db;
  const patient = await patients.getPatient(db, patientId);
  const account = patient ? await accounts.getAccount(db, patientId) : undefined;
  if (!patient || !account) throw notFound(patientId);
  if (!patient.email) throw new AppError('EMAIL_MISSING');
  return { patient, account, email: patient.email };
}

/** A new activation link to the address on file; the earlier links stop working. */
export async function sendActivationMail(
  ctx: AppContext,
  input: { actor: Actor; patientId: number; baseUrl: string },
): Promise<{ to: string }> {
  const actor = requireStaff(input.actor, ROLES);
  const { patient, account, email } = await mailTarget(ctx, input.patientId);
  if (account.activatedAt !== null) throw new AppError('ACCOUNT_ALREADY_ACTIVE');
  const center = await getCenter(ctx);
  const now = ctx.clock.now();
  await ctx.database.db.transaction().execute(async (trx) => {
    await sendActivation({ trx, center, baseUrl: input.baseUrl, now }, patient, email);
    await audit(ctx, actor, { action: 'web_account.resend_activation', patientId: patient.id }, trx);
  });
  return { to: email };
}

/** "Olvidó su contraseña": the same reset mail the patient can ask for, sent by the center. */
export async function sendPasswordResetMail(
  ctx: AppContext,
  input: { actor: Actor; patientId: number; baseUrl: string },
): Promise<{ to: string }> {
  const actor = requireStaff(input.actor, ROLES);
  const { patient, email } = await mailTarget(ctx, input.patientId);
  const center = await getCenter(ctx);
  const now = ctx.clock.now();
  await ctx.database.db.transaction().execute(async (trx) => {
    const link = await issueLink(
      trx,
      { purpose: 'password_reset', patientId: patient.id, ttlMs: RESET_TTL_MS, baseUrl: input.baseUrl },
      now,
    );
    const mail = resetMail(center, { name: patient.firstName, link, ttlMs: RESET_TTL_MS });
    await enqueueMail(trx, { kind: 'password_reset', to: email, ...mail, patientId: patient.id }, now);
    await audit(ctx, actor, { action: 'web_account.password_reset_mail', patientId: patient.id }, trx);
  });
  return { to: email };
}
