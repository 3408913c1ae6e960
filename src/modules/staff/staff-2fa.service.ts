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
import { type Actor, requireStaff, type StaffActor } from './actor.js';
import { audit } from './audit.service.js';
import * as repo from './staff-users.repo.js';
import { recordStaffLogin, requireStaffPassword } from './staff-users.service.js';

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

/**
 * Mi cuenta: who is logged in and, while two-step login is off, a secret to offer as a QR code (the one
 * already shown when given, so a scanned code stays valid; nothing is stored until a code from it is confirmed).
 */
export async function myAccount(ctx: AppContext, input: { actor: Actor; secret?: string | undefined }) {
  const { user } = await ownUser(ctx, input.actor);
  const twoFactor = user.totpSecret !== null;
  const setup = twoFactor ? undefined : await twoFactorOffer(ctx, user.username, input.secret);
  return { username: user.username, name: user.name, twoFactor, setup };
}

async function twoFactorOffer(ctx: AppContext, username: string, shown: string | undefined) {
  const secret = (shown && base32Decode(shown)) || crypto.getRandomValues(Buffer.alloc(20));
  const center = await getCenter(ctx);
  const uri = otpauthUri({ issuer: center.name, account: username, secret });
  return { secret: base32Encode(secret), uri, qrSvg: await QRCode.toString(uri, { type: 'svg', margin: 1 }) };
}

/** Stores the confirmed secret (sealed) or clears it, and logs which, in one transaction. */
async function saveTwoFactor(
  ctx: AppContext,
  staff: StaffActor,
  userId: number,
  totp: { secret: string; step: number } | null,
) {
  const sealed = totp && seal(await sealingKey(ctx), totp.secret);
  await ctx.database.db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, userId, {
      totpSecret: sealed,
      totpLastStep: totp?.step ?? null,
      updatedAt: isoUtc(ctx.clock.now()),
    });
    const detail = `verificación en dos pasos ${totp ? 'activada' : 'desactivada'}`;
    await audit(ctx, staff, { action: 'staff_user.update', target: staff.ref, detail }, trx);
  });
}

export async function enableTwoFactor(ctx: AppContext, input: { actor: Actor; secret: string; code: string }) {
  const { staff, user } = await ownUser(ctx, input.actor);
  const secret = base32Decode(input.secret);
  if (!secret || secret.length < 16) throw new AppError('VALIDATION_ERROR', { detail: 'el código secreto' });
  const step = matchTotp(secret, input.code, ctx.clock.now());
  if (step === null) throw new AppError('WRONG_CODE');
  await saveTwoFactor(ctx, staff, user.id, { secret: input.secret, step });
}

export async function disableTwoFactor(ctx: AppContext, input: { actor: Actor; password: string }) {
  const { staff, user } = await ownUser(ctx, input.actor);
  await checkPassword(ctx, user.id, user.passwordHash, input.password);
  await saveTwoFactor(ctx, staff, user.id, null);
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
  requireStaffPassword(input.next);
  await repo.updateUser(ctx.database.db, user.id, {
    passwordHash: await hashPassword(input.next),
    updatedAt: isoUtc(ctx.clock.now()),
  });
  // Other open sessions (another desk, a lost laptop) end; this one goes on.
  await destroySubjectSessions(ctx.database.db, { kind: 'staff', id: user.id }, input.sessionId ?? undefined);
  await audit(ctx, staff, { action: 'staff_user.update', target: staff.ref, detail: 'contraseña propia' });
}
