// Optional two-step login for staff (TOTP, any authenticator app), and changing one's own password.
import QRCode from 'qrcode';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { destroySubjectSessions } from '../../platform/http/sessions.js';
import { base32Decode, base32Encode, matchTotp, otpauthUri } from '../../platform/otp/otp.js';
import { seal, sealingKey, unseal } from '../../platform/sealed.js';
import { isoUtc } from '../../platform/time/zone.js';
import { getCenter } from '../center/center.service.js';
import { enforceLimits, forgetAttempts, RULES } from '../patients/accounts.limits.js';
import { hashPassword, passwordMatches } from '../patients/accounts.passwords.js';
import { PASSWORD_MIN } from '../patients/accounts.rules.js';
import { type Actor, requireStaff } from './actor.js';
import { audit } from './audit.service.js';
import * as repo from './staff-users.repo.js';
import { recordStaffLogin } from './staff-users.service.js';

const userIdOf = (ref: string) => Number(/^usuario:(\d+)$/.exec(ref)?.[1] ?? Number.NaN);

/** The logged-in user's own row; API tokens have no account to configure. */
async function ownUser(ctx: AppContext, actor: Actor) {
  const staff = requireStaff(actor);
  const user = await repo.getUser(ctx.database.db, userIdOf(staff.ref));
  if (!user) throw new AppError('FORBIDDEN');
  return { staff, user };
}

async function checkPassword(ctx: AppContext, userId: number, hash: string, password: string) {
  const key = `staff-clave-actual:${userId}`;
  await enforceLimits(ctx, [[key, RULES.currentPassword]]);
  if (!(await passwordMatches(hash, password))) throw new AppError('WRONG_PASSWORD');
  await forgetAttempts(ctx, key);
}

export async function myAccount(ctx: AppContext, input: { actor: Actor }) {
  const { user } = await ownUser(ctx, input.actor);
  return { username: user.username, name: user.name, twoFactor: user.totpSecret !== null };
}

/** A new secret to show as a QR code; nothing is stored until a code from it is confirmed. */
export async function newTwoFactorSecret(ctx: AppContext, input: { actor: Actor; secret?: string | undefined }) {
  const { user } = await ownUser(ctx, input.actor);
  const secret = (input.secret && base32Decode(input.secret)) || crypto.getRandomValues(Buffer.alloc(20));
  const center = await getCenter(ctx);
  const uri = otpauthUri({ issuer: center.name, account: user.username, secret });
  return { secret: base32Encode(secret), uri, qrSvg: await QRCode.toString(uri, { type: 'svg', margin: 1 }) };
}

export async function enableTwoFactor(ctx: AppContext, input: { actor: Actor; secret: string; code: string }) {
  const { staff, user } = await ownUser(ctx, input.actor);
  const secret = base32Decode(input.secret);
  if (!secret || secret.length < 16) throw new AppError('VALIDATION_ERROR', { detail: 'el código secreto' });
  const step = matchTotp(secret, input.code, ctx.clock.now());
  if (step === null) throw new AppError('WRONG_CODE');
  const key = await sealingKey(ctx);
  await repo.updateUser(ctx.database.db, user.id, {
    totpSecret: seal(key, input.secret),
    totpLastStep: step,
    updatedAt: isoUtc(ctx.clock.now()),
  });
  await audit(ctx, staff, {
    action: 'staff_user.update',
    target: staff.ref,
    detail: 'verificación en dos pasos activada',
  });
}

export async function disableTwoFactor(ctx: AppContext, input: { actor: Actor; password: string }) {
  const { staff, user } = await ownUser(ctx, input.actor);
  await checkPassword(ctx, user.id, user.passwordHash, input.password);
  await repo.updateUser(ctx.database.db, user.id, {
    totpSecret: null,
    totpLastStep: null,
    updatedAt: isoUtc(ctx.clock.now()),
  });
  await audit(ctx, staff, {
    action: 'staff_user.update',
    target: staff.ref,
    detail: 'verificación en dos pasos desactivada',
  });
}

/**
 * The second step of a login: the code of the user's app, each one usable once (a step not newer than
 * the last accepted is refused, so a code seen over someone's shoulder is worthless afterwards).
 */
export async function checkSecondStep(ctx: AppContext, input: { userId: number; code: string; ip: string }) {
  const key = `staff-2fa:${input.userId}`;
  await enforceLimits(ctx, [[key, RULES.loginDni]]);
  const user = await repo.getUser(ctx.database.db, input.userId);
  if (!user?.totpSecret || user.active !== 1) throw new AppError('WRONG_CODE');
  const secret = base32Decode(unseal(await sealingKey(ctx), user.totpSecret));
  const step = secret && matchTotp(secret, input.code, ctx.clock.now());
  if (step === null || step === undefined || !(await repo.advanceTotpStep(ctx.database.db, user.id, step))) {
    throw new AppError('WRONG_CODE');
  }
  await forgetAttempts(ctx, key);
  // Only now is this a login: the password alone was not one (logInStaff left it unrecorded).
  await recordStaffLogin(ctx, user, input.ip, 'verificación en dos pasos');
  return user;
}

export async function changeOwnPassword(
  ctx: AppContext,
  input: { actor: Actor; current: string; next: string; sessionId: string | null },
) {
  const { staff, user } = await ownUser(ctx, input.actor);
  await checkPassword(ctx, user.id, user.passwordHash, input.current);
  if ([...input.next].length < PASSWORD_MIN || input.next.length > 200) throw new AppError('WEAK_PASSWORD');
  await repo.updateUser(ctx.database.db, user.id, {
    passwordHash: await hashPassword(input.next),
    updatedAt: isoUtc(ctx.clock.now()),
  });
  // Other open sessions (another desk, a lost laptop) end; this one goes on.
  await destroySubjectSessions(ctx.database.db, { kind: 'staff', id: user.id }, input.sessionId ?? undefined);
  await audit(ctx, staff, { action: 'staff_user.update', target: staff.ref, detail: 'contraseña propia' });
}
