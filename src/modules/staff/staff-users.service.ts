// Staff accounts: the first admin, creating users, logging in with username or e-mail and password.
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { isUniqueViolation, lockKey } from '../../platform/db/dialect.js';
import type { DB, StaffRole, StaffUser } from '../../platform/db/schema.js';
import { destroySubjectSessions } from '../../platform/http/sessions.js';
import { isoUtc } from '../../platform/time/zone.js';
import { getProfessional } from '../catalog/catalog.repo.js';
import { enforceLimits, forgetAttempts, RULES, refundAttempt } from '../patients/accounts.limits.js';
import { hashPassword, passwordMatches } from '../patients/accounts.passwords.js';
import { PASSWORD_MIN } from '../patients/accounts.rules.js';
import { normalizeEmail } from '../patients/patients.rules.js';
import { type Actor, requireStaff, type StaffActor } from './actor.js';
import { audit } from './audit.service.js';
import * as repo from './staff-users.repo.js';

export interface NewStaffUser {
  username: string;
  name: string;
  email?: string | null;
  role: StaffRole;
  professionalId?: number | null;
  password: string;
}

export const staffActorOf = (user: StaffUser, ip: string): StaffActor => ({
  kind: 'staff',
  ref: `usuario:${user.id}`,
  name: user.name,
  role: user.role,
  professionalId: user.professionalId,
  ip,
});

/** Whether nobody can log in to /staff yet: then the first-run page may create the first admin. */
export async function needsFirstAdmin(ctx: AppContext): Promise<boolean> {
  return (await repo.countUsers(ctx.database.db)) === 0;
}

/** The patients' minimum length (there is no DNI to compare with); the bound keeps hashing cheap. */
export function requireStaffPassword(password: string) {
  if ([...password].length < PASSWORD_MIN || password.length > 200) throw new AppError('WEAK_PASSWORD');
}

async function checkedUser(db: Kysely<DB>, input: Omit<NewStaffUser, 'password'>) {
  const username = input.username.trim().toLowerCase();
  if (!/^[a-z0-9._-]{3,40}$/.test(username)) {
    throw new AppError('VALIDATION_ERROR', {
      detail: 'el usuario debe tener de 3 a 40 letras sin acentos, números, punto, guion o guion bajo',
    });
  }
  const name = input.name.trim();
  if (name === '' || name.length > 80) throw new AppError('VALIDATION_ERROR', { detail: 'el nombre (1 a 80 letras)' });
  let email: string | null = null;
  if (input.email) {
    email = normalizeEmail(input.email);
    if (email === null) throw new AppError('VALIDATION_ERROR', { detail: 'el e-mail no es válido' });
  }
  const professionalId = input.role === 'professional' ? (input.professionalId ?? null) : null;
  if (input.role === 'professional') {
    if (professionalId === null || !(await getProfessional(db, professionalId))) {
      throw new AppError('VALIDATION_ERROR', { detail: 'un usuario profesional necesita su profesional' });
    }
  }
  return { username, name, email, role: input.role, professionalId };
}

async function insertChecked(ctx: AppContext, input: NewStaffUser, db: Kysely<DB>) {
  const user = await checkedUser(db, input);
  requireStaffPassword(input.password);
  const now = isoUtc(ctx.clock.now());
  try {
    return await repo.insertUser(db, {
      ...user,
      passwordHash: await hashPassword(input.password),
      createdAt: now,
      updatedAt: now,
    });
  } catch (e) {
    if (isUniqueViolation(e)) {
      throw new AppError('VALIDATION_ERROR', { detail: 'ya existe un usuario con ese nombre de usuario o e-mail' });
    }
    throw e;
  }
}

/** An admin creates a user (the command line acts as an admin). */
export async function createStaffUser(ctx: AppContext, input: { actor: Actor; user: NewStaffUser }) {
  const actor = requireStaff(input.actor, ['admin']);
  const created = await insertChecked(ctx, input.user, ctx.database.db);
  await audit(ctx, actor, { action: 'staff_user.create', target: `usuario:${created.id}`, detail: created.role });
  return created;
}

/**
 * The first-run page: only while there is no staff user at all. The check and the insert share one
 * transaction, so two browsers racing on a new install cannot both become admin.
 */
export async function createFirstAdmin(ctx: AppContext, input: Omit<NewStaffUser, 'role'>): Promise<StaffUser> {
  return ctx.database.db.transaction().execute(async (trx) => {
    if ((await repo.countUsers(trx)) > 0) throw new AppError('FORBIDDEN');
    return insertChecked(ctx, { ...input, role: 'admin' }, trx);
  });
}

/**
 * Same answer for an unknown user, an inactive one and a wrong password; attempts are limited per user (by
 * whom the login names, so the username and the e-mail share one count) and per IP (failures only).
 * With two-step login on, the login is recorded only once the code is right (recordStaffLogin).
 */
export async function logInStaff(
  ctx: AppContext,
  input: { login: string; password: string; ip: string },
): Promise<StaffUser> {
  const login = input.login.trim().toLowerCase();
  const db = ctx.database.db;
  const user = login ? await repo.findByLogin(db, login) : undefined;
  const userKey = user ? `staff-login:usuario:${user.id}` : `staff-login:${login}`;
  const ipKey = `staff-login-ip:${input.ip}`;
  await enforceLimits(ctx, [
    [userKey, RULES.loginDni],
    [ipKey, RULES.loginIp],
  ]);
  const matches = await passwordMatches(user?.passwordHash, input.password);
  if (!user || !matches || user.active !== 1) {
    if (user) {
      const who = staffActorOf(user, input.ip);
      await audit(ctx, who, { action: 'staff.login_failed', detail: user.active === 1 ? 'contraseña' : 'inactivo' });
    }
    throw new AppError('INVALID_STAFF_CREDENTIALS');
  }
  await forgetAttempts(ctx, userKey);
  await refundAttempt(ctx, ipKey);
  if (user.totpSecret === null) await recordStaffLogin(ctx, user, input.ip);
  return user;
}

/** A login completed (the password, and the code when two-step login is on): the last login and the audit row. */
export async function recordStaffLogin(ctx: AppContext, user: StaffUser, ip: string, detail?: string) {
  await repo.updateUser(ctx.database.db, user.id, { lastLoginAt: isoUtc(ctx.clock.now()) });
  await audit(ctx, staffActorOf(user, ip), { action: 'staff.login', ...(detail ? { detail } : {}) });
}

/** The user behind a live staff session, or undefined when it was deactivated meanwhile. */
export async function activeStaffUser(ctx: AppContext, id: number): Promise<StaffUser | undefined> {
  const user = await repo.getUser(ctx.database.db, id);
  return user?.active === 1 ? user : undefined;
}

export async function listStaffUsers(ctx: AppContext, input: { actor: Actor }) {
  requireStaff(input.actor, ['admin']);
  return repo.listUsers(ctx.database.db);
}

export async function getStaffUser(ctx: AppContext, input: { actor: Actor; id: number }) {
  requireStaff(input.actor, ['admin']);
  const user = await repo.getUser(ctx.database.db, input.id);
  if (!user) throw new AppError('NOT_FOUND', { what: 'ese usuario' });
  return user;
}

export interface StaffUserChanges {
  name: string;
  email: string | null;
  role: StaffRole;
  professionalId: number | null;
  active: boolean;
}

/**
 * Name, e-mail, role and whether the user may log in. The center always keeps one active admin, so
 * nobody locks everybody out; a deactivated user's open sessions end at once.
 */
export async function updateStaffUser(ctx: AppContext, input: { actor: Actor; id: number; changes: StaffUserChanges }) {
  const actor = requireStaff(input.actor, ['admin']);
  const { changes } = input;
  await ctx.database.db.transaction().execute(async (trx) => {
    // Changes to staff users queue up here: two admins demoting each other at once would otherwise both
    // count two admins and leave none (PostgreSQL; SQLite's write transactions are exclusive already).
    await lockKey(trx, ctx.database.dialect, 'staff-admins');
    const user = await repo.getUser(trx, input.id);
    if (!user) throw new AppError('NOT_FOUND', { what: 'ese usuario' });
    const checked = await checkedUser(trx, { ...changes, username: user.username });
    const staysAdmin = changes.role === 'admin' && changes.active;
    if (user.role === 'admin' && user.active === 1 && !staysAdmin && (await repo.countActiveAdmins(trx)) <= 1) {
      throw new AppError('LAST_ADMIN');
    }
    try {
      await repo.updateUser(trx, user.id, {
        name: checked.name,
        email: checked.email,
        role: checked.role,
        professionalId: checked.professionalId,
        active: changes.active ? 1 : 0,
        updatedAt: isoUtc(ctx.clock.now()),
      });
    } catch (e) {
      if (isUniqueViolation(e))
        throw new AppError('VALIDATION_ERROR', { detail: 'ya existe un usuario con ese e-mail' });
      throw e;
    }
    const detail = `${checked.role}${changes.active ? '' : ', inactivo'}`;
    await audit(ctx, actor, { action: 'staff_user.update', target: `usuario:${user.id}`, detail }, trx);
  });
  if (!changes.active) await destroySubjectSessions(ctx.database.db, { kind: 'staff', id: input.id });
}

/** An admin sets someone's password (a forgotten one); that user's open sessions end. */
export async function setStaffPassword(ctx: AppContext, input: { actor: Actor; id: number; password: string }) {
  const actor = requireStaff(input.actor, ['admin']);
  requireStaffPassword(input.password);
  const user = await repo.getUser(ctx.database.db, input.id);
  if (!user) throw new AppError('NOT_FOUND', { what: 'ese usuario' });
  await repo.updateUser(ctx.database.db, user.id, {
    passwordHash: await hashPassword(input.password),
    updatedAt: isoUtc(ctx.clock.now()),
  });
  await destroySubjectSessions(ctx.database.db, { kind: 'staff', id: user.id });
  await audit(ctx, actor, { action: 'staff_user.update', target: `usuario:${user.id}`, detail: 'contraseña' });
}
