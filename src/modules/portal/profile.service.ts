// Perfil del usuario: photo, language, security question and password of the patient's own account.
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import type { Lang } from '../../platform/i18n/lang.js';
import { newFileKey } from '../../platform/storage/file-store.js';
import { type SniffedType, sniffMediaType } from '../../platform/storage/sniff.js';
import { changePassword, confirmPassword } from '../patients/accounts.profile.service.js';
import type { Actor } from '../staff/actor.js';
import { requirePortalPatient } from './portal-actor.js';
import * as repo from './profile.repo.js';
import { hashAnswer, normalizeAnswer, SECURITY_QUESTIONS, type SecurityQuestion } from './security-answer.js';

/** A profile photo is small on screen: a phone's full-size picture is more than enough. */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
const PHOTO_TYPES: readonly SniffedType[] = ['image/png', 'image/jpeg', 'image/webp'];
export const ANSWER_MAX = 100;

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
    if (normalizeAnswer(answer) === '' || answer.length > ANSWER_MAX) {
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
 * Stores a new photo and then forgets the old one. The type is read from the bytes (a renamed file is
 * refused); `fileName` only words the refusal.
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
  try {
    // Retried when another upload of the same patient changed the photo between our read and our write.
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = (await ownAccount(ctx, patient.id)).photoKey;
      if (await repo.swapPhotoKey(ctx.database.db, patient.id, { current, next: key }, ctx.clock.now())) {
        if (current) await ctx.files.delete(current);
        return;
      }
    }
    throw new Error('the profile photo kept changing while saving a new one');
  } catch (e) {
    await ctx.files.delete(key);
    throw e;
  }
}

export async function removePhoto(ctx: AppContext, input: { actor: Actor }) {
  const patient = await requirePortalPatient(ctx, input.actor);
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = (await ownAccount(ctx, patient.id)).photoKey;
    if (!current) return;
    if (await repo.swapPhotoKey(ctx.database.db, patient.id, { current, next: '' }, ctx.clock.now())) {
      await ctx.files.delete(current);
      return;
    }
  }
}

/** The patient's own photo; there is no way to name anyone else's. */
export async function getPhoto(ctx: AppContext, input: { actor: Actor }) {
  const patient = await requirePortalPatient(ctx, input.actor);
  const key = (await ownAccount(ctx, patient.id)).photoKey;
  const bytes = key ? await ctx.files.get(key) : null;
  if (!bytes) throw new AppError('NOT_FOUND', { what: 'la foto de perfil' });
  return { bytes, mediaType: sniffMediaType(bytes) ?? 'application/octet-stream' };
}
