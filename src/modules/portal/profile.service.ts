// Perfil del usuario: photo, language, security question and password of the patient's own account.
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import type { Lang } from '../../platform/i18n/lang.js';
import { newFileKey } from '../../platform/storage/file-store.js';
import { type SniffedType, sniffMediaType } from '../../platform/storage/sniff.js';
import { changePassword, confirmPassword } from '../patients/accounts.profile.service.js';
import { type Actor, requireStaff } from '../staff/actor.js';
import { requirePortalPatient } from './portal-actor.js';
import * as repo from './profile.repo.js';
import {
  hashAnswer,
  normalizeAnswer,
  SECURITY_ANSWER_MAX,
  SECURITY_QUESTIONS,
  type SecurityQuestion,
} from './security-answer.js';

/** A profile photo is small on screen: a phone's full-size picture is more than enough. */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
const PHOTO_TYPES: readonly SniffedType[] = ['image/png', 'image/jpeg', 'image/webp'];

const isQuestion = (q: string): q is SecurityQuestion => (SECURITY_QUESTIONS as readonly string[]).includes(q);

async function ownAccount(ctx: AppContext, patientId: number) {
  const account = await repo.getProfileAccount(ctx.database.db, patientId);
  // A session exists only for an account; one deleted meanwhile is a session that no longer holds.
  if (!account) throw new AppError('UNAUTHENTICATED');
  return account;
}

export async function getProfile(ctx: AppContext, input: { actor: Actor }) {
  const patient = await requirePortalPatient(ctx, input.actor);
  const account = await ownAccount(ctx, patient.id);
  return {
    firstName: patient.firstName,
    lastName: patient.lastName,
    dni: patient.dni,
    email: patient.email,
    lang: account.lang === 'es' || account.lang === 'en' ? (account.lang as Lang) : null,
    securityQuestion: isQuestion(account.securityQuestion) ? account.securityQuestion : null,
    hasPhoto: account.photoKey !== '',
  };
}

export type Profile = Awaited<ReturnType<typeof getProfile>>;

export interface ProfileChanges {
  lang?: Lang | undefined;
  securityQuestion?: string | undefined;
  securityAnswer?: string | undefined;
  currentPassword?: string | undefined;
}

/**
 * Language and/or security question. A new question or answer needs both of them and the current
 * password (whoever knows the answer can use it to reset the password); nothing is saved when it fails.
 */
export async function updateProfile(ctx: AppContext, input: { actor: Actor; changes: ProfileChanges }) {
  const patient = await requirePortalPatient(ctx, input.actor);
  await ownAccount(ctx, patient.id);
  const { lang, securityQuestion, securityAnswer, currentPassword } = input.changes;
  const now = ctx.clock.now();
  if (securityQuestion !== undefined || securityAnswer !== undefined) {
    if (securityQuestion === undefined || !isQuestion(securityQuestion)) {
      throw new AppError('SECURITY_ANSWER_INCOMPLETE', { missing: 'question' });
    }
    const answer = securityAnswer ?? '';
    if (normalizeAnswer(answer) === '' || answer.length > SECURITY_ANSWER_MAX) {
      throw new AppError('SECURITY_ANSWER_INCOMPLETE', { missing: 'answer' });
    }
    if (!currentPassword) throw new AppError('SECURITY_ANSWER_INCOMPLETE', { missing: 'password' });
    await confirmPassword(ctx, patient.id, currentPassword);
    const hash = await hashAnswer(answer);
    await repo.setSecurityAnswer(ctx.database.db, patient.id, { question: securityQuestion, hash }, now);
  }
  if (lang !== undefined) await repo.setLang(ctx.database.db, patient.id, lang, now);
}

/** Perfil's "Cambiar contraseña": Mis datos' own use case, for a patient whose portal is enabled. */
export async function changePortalPassword(
  ctx: AppContext,
  input: { actor: Actor; current: string; next: string; keepSessionId: string | null },
) {
  await requirePortalPatient(ctx, input.actor);
  await changePassword(ctx, input);
}

/**
 * Stores a new photo, points the account at it, and only then forgets the old one. The type is read from the
 * bytes (a renamed file is refused); `fileName` only words the refusal.
 */
export async function savePhoto(
  ctx: AppContext,
  input: { actor: Actor; bytes: Buffer; tooLarge?: boolean; fileName?: string },
) {
  const patient = await requirePortalPatient(ctx, input.actor);
  if (input.tooLarge || input.bytes.length > PHOTO_MAX_BYTES) {
    throw new AppError('PHOTO_TOO_LARGE', { mb: PHOTO_MAX_BYTES / (1024 * 1024) });
  }
  if (input.bytes.length === 0) throw new AppError('PHOTO_MISSING');
  const type = sniffMediaType(input.bytes);
  if (type === null || !PHOTO_TYPES.includes(type)) {
    throw new AppError('PHOTO_NOT_IMAGE', { name: input.fileName ?? '' });
  }
  const key = newFileKey();
  await ctx.files.put(key, input.bytes, type);
  let replaced: string;
  try {
    replaced = await pointAccountAt(ctx, patient.id, key);
  } catch (e) {
    // The account never pointed at the new file: it is nobody's, and the swap's failure is what the patient hears.
    await discardFile(ctx, key);
    throw e;
  }
  if (replaced) await discardFile(ctx, replaced);
}

/**
 * Swaps the account's photo key to `next` and returns the key it replaced ('' when none), retrying when another
 * upload or removal of the same patient changed the photo between our read and our write.
 */
async function pointAccountAt(ctx: AppContext, patientId: number, next: string): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = (await ownAccount(ctx, patientId)).photoKey;
    if (current === next) return '';
    if (await repo.swapPhotoKey(ctx.database.db, patientId, { current, next }, ctx.clock.now())) return current;
  }
  throw new Error('the profile photo kept changing while changing it');
}

/**
 * A file the account no longer points at. Best effort, after the account changed: a store that fails leaves an
 * orphan file (only space), never an account pointing at a deleted photo.
 */
const discardFile = (ctx: AppContext, key: string) => ctx.files.delete(key).catch(() => undefined);

export async function removePhoto(ctx: AppContext, input: { actor: Actor }) {
  const patient = await requirePortalPatient(ctx, input.actor);
  const removed = await pointAccountAt(ctx, patient.id, '');
  if (removed) await discardFile(ctx, removed);
}

/**
 * The language the patient chose in Perfil, for what the center writes to them (the first access mail): the
 * staff member's own screen language says nothing about the patient's. Spanish when they chose none.
 */
export async function patientMailLang(ctx: AppContext, input: { actor: Actor; patientId: number }): Promise<Lang> {
  requireStaff(input.actor, ['admin', 'reception']);
  const account = await repo.getProfileAccount(ctx.database.db, input.patientId);
  return account?.lang === 'en' ? 'en' : 'es';
}

/** The patient's own photo; there is no way to name anyone else's. */
export async function getPhoto(ctx: AppContext, input: { actor: Actor }) {
  const patient = await requirePortalPatient(ctx, input.actor);
  const key = (await ownAccount(ctx, patient.id)).photoKey;
  const bytes = key ? await ctx.files.get(key) : null;
  if (!bytes) throw new AppError('NOT_FOUND', { what: 'la foto de perfil' });
  return { bytes, mediaType: sniffMediaType(bytes) ?? 'application/octet-stream' };
}
