// Mis datos: the logged-in patient's own record, e-mail (re-verified) and password.
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import type { Sex } from '../../platform/db/schema.js';
import { destroySubjectSessions } from '../../platform/http/sessions.js';
import { enqueueMail } from '../../platform/outbox/outbox.js';
import { isoUtc, todayIn } from '../../platform/time/zone.js';
import { getInsurer } from '../catalog/catalog.repo.js';
import { listInsurers } from '../catalog/catalog.service.js';
import { getCenter } from '../center/center.service.js';
import { type Actor, publicActor } from '../staff/actor.js';
import { changedBy } from '../teleconsult/data-history.js';
import { recordDataChanges } from '../teleconsult/data-history.repo.js';
import { enforceLimits, forgetAttempts, RULES } from './accounts.limits.js';
import { issueLink, liveLink, useLink } from './accounts.links.js';
import { emailChangedNotice, emailChangeMail, passwordChangedNotice } from './accounts.mails.js';
import { hashPassword, passwordMatches } from './accounts.passwords.js';
import * as repo from './accounts.repo.js';
import { EMAIL_CHANGE_TTL_MS, maskEmail, requireOwnAccount, requireStrongPassword } from './accounts.rules.js';
import * as patients from './patients.repo.js';
import { ensurePortalEmailFree, patientView } from './patients.service.js';

async function ownRecord(ctx: AppContext, patientId: number) {
  const patient = await patients.getPatient(ctx.database.db, patientId);
  if (!patient) throw new AppError('UNAUTHENTICATED');
  return patient;
}

export async function getMyData(ctx: AppContext, input: { actor: Actor }) {
  const id = requireOwnAccount(input.actor);
  return patientView(await ownRecord(ctx, id));
}

/**
 * The insurers a patient may choose: those enabled for the web, plus their current one if the center
 * took it off the web (so saving other changes does not silently drop it).
 */
export async function insurerChoices(ctx: AppContext, input: { actor: Actor }) {
  const choices = (await listInsurers(ctx, { actor: publicActor })).map((i) => ({
    id: i.id,
    name: i.webName || i.name,
  }));
  if (input.actor.kind !== 'patient') return choices;
  const patient = await patients.getPatient(ctx.database.db, input.actor.patientId);
  if (patient?.insurerId && !choices.some((c) => c.id === patient.insurerId)) {
    const current = await getInsurer(ctx.database.db, patient.insurerId);
    if (current) choices.push({ id: current.id, name: current.webName || current.name });
  }
  return choices;
}

export interface MyDataChanges {
  lastName: string;
  firstName: string;
  sex: Sex;
  birthDate: string;
  mobile: string;
  address: string;
  insurerId: number;
  memberNumber: string;
}

/** The patient's own record, by the session's id only: nothing in the form names whose record it is. */
export async function updateMyData(ctx: AppContext, input: { actor: Actor; changes: MyDataChanges }) {
  const id = requireOwnAccount(input.actor);
  const current = await ownRecord(ctx, id);
  const center = await getCenter(ctx);
  if (input.changes.birthDate > todayIn(center.timeZone, ctx.clock.now())) {
    throw new AppError('VALIDATION_ERROR', { detail: 'la fecha de nacimiento no puede ser posterior a hoy' });
  }
  // An insurer the center took off the web may stay if it is already the patient's; no new choice of it.
  if (input.changes.insurerId !== current.insurerId) {
    const insurer = await getInsurer(ctx.database.db, input.changes.insurerId);
    if (insurer?.webEnabled !== 1) throw new AppError('VALIDATION_ERROR', { detail: 'obra social' });
  }
  const at = isoUtc(ctx.clock.now());
  await ctx.database.db.transaction().execute(async (trx) => {
    const before = (await patients.getPatient(trx, id)) ?? current;
    const after = await patients.updatePatient(trx, id, { ...input.changes, updatedAt: at });
    if (after) await recordDataChanges(trx, { before, after, by: changedBy(input.actor, after), at });
  });
}

/** Checks the current password, counting failures so a session left open cannot be used to guess it. */
/** The current password, checked under one attempt counter for every form that asks for it (Mis datos, Perfil). */
export async function confirmPassword(ctx: AppContext, patientId: number, password: string) {
  const key = `clave-actual:paciente:${patientId}`;
  await enforceLimits(ctx, [[key, RULES.currentPassword]]);
  const account = await repo.getAccount(ctx.database.db, patientId);
  if (!(await passwordMatches(account?.passwordHash, password))) throw new AppError('WRONG_PASSWORD');
  await forgetAttempts(ctx, key);
}

/**
 * Sends a confirmation link to the new address; the change applies only when it is opened. The
 * password is asked because whoever controls the address controls the account.
 */
export async function requestEmailChange(
  ctx: AppContext,
  input: { actor: Actor; email: string; password: string; baseUrl: string },
): Promise<void> {
  const id = requireOwnAccount(input.actor);
  const patient = await ownRecord(ctx, id);
  await confirmPassword(ctx, id, input.password);
  const center = await getCenter(ctx);
  const now = ctx.clock.now();
  await ctx.database.db.transaction().execute(async (trx) => {
    const link = await issueLink(
      trx,
      {
        purpose: 'email_change',
        patientId: id,
        payload: input.email,
        ttlMs: EMAIL_CHANGE_TTL_MS,
        baseUrl: input.baseUrl,
      },
      now,
    );
    const mail = emailChangeMail(center, {
      name: patient.firstName,
      link,
      ttlMs: EMAIL_CHANGE_TTL_MS,
      address: input.email,
    });
    await enqueueMail(trx, { kind: 'email_change', to: input.email, ...mail, patientId: id }, now);
  });
}

const asOwnChange = (e: unknown): never => {
  throw e instanceof AppError && e.code === 'PORTAL_EMAIL_TAKEN' ? new AppError('EMAIL_CHANGE_PORTAL_TAKEN') : e;
};

/**
 * Applies the new address. Only the patient it was sent for, logged in, can apply it: a link that
 * reached a mistyped address's owner changes nothing.
 */
export async function confirmEmailChange(ctx: AppContext, input: { actor: Actor; token: string }): Promise<string> {
  const id = requireOwnAccount(input.actor);
  const patient = await ownRecord(ctx, id);
  const center = await getCenter(ctx);
  const now = ctx.clock.now();
  return ctx.database.db.transaction().execute(async (trx) => {
    const found = await liveLink(trx, input.token, 'email_change', now);
    if (!found || found.patientId !== id || !(await useLink(trx, input.token, 'email_change', now))) {
      throw new AppError('LINK_INVALID');
    }
    const email = found.payload;
    const updated = await patients.updatePatient(trx, id, { email, updatedAt: isoUtc(now) });
    if (updated)
      await recordDataChanges(trx, {
        before: patient,
        after: updated,
        by: changedBy(input.actor, updated),
        at: isoUtc(now),
      });
    // A portal patient's e-mail is their portal user name: it cannot be another portal patient's. The check is the
    // back office's (under the same lock), but the patient is not told whose it is.
    if (updated) await ensurePortalEmailFree(ctx, trx, updated).catch(asOwnChange);
    if (patient.email && patient.email !== email) {
      const mail = emailChangedNotice(center, { name: patient.firstName, maskedAddress: maskEmail(email) });
      await enqueueMail(trx, { kind: 'email_changed', to: patient.email, ...mail, patientId: id }, now);
    }
    return email;
  });
}

/** A new password with the current one; every other session of the patient ends. */
export async function changePassword(
  ctx: AppContext,
  input: { actor: Actor; current: string; next: string; keepSessionId: string | null },
): Promise<void> {
  const id = requireOwnAccount(input.actor);
  const patient = await ownRecord(ctx, id);
  await confirmPassword(ctx, id, input.current);
  requireStrongPassword(input.next, patient.dni);
  const passwordHash = await hashPassword(input.next);
  const center = await getCenter(ctx);
  const now = ctx.clock.now();
  await ctx.database.db.transaction().execute(async (trx) => {
    await repo.setPassword(trx, id, passwordHash, now);
    await repo.deleteTokens(trx, id, 'password_reset');
    await destroySubjectSessions(trx, { kind: 'patient', id }, input.keepSessionId ?? undefined);
    if (patient.email) {
      const mail = passwordChangedNotice(center, { name: patient.firstName });
      await enqueueMail(trx, { kind: 'password_changed', to: patient.email, ...mail, patientId: id }, now);
    }
  });
}
