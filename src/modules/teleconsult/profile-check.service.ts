// "Actualizá tus datos": a portal patient confirms who they are (names, sex, birth date, DNI and the DNI's
// trámite number) and then their contact data; confirming activates the profile again.
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import type { Patient, Sex } from '../../platform/db/schema.js';
import { clearRateLimit, hitRateLimit } from '../../platform/http/rate-limit.js';
import { enqueueMail } from '../../platform/outbox/outbox.js';
import { isoUtc, todayIn } from '../../platform/time/zone.js';
import { getSettings } from '../center/center.repo.js';
import { getCenter } from '../center/center.service.js';
import { emailChangedNotice } from '../patients/accounts.mails.js';
import { maskEmail } from '../patients/accounts.rules.js';
import { normalizeDni } from '../patients/patients.rules.js';
import { normalizeDniTramite } from '../patients/patients.schemas.js';
import { ensurePortalEmailFree } from '../patients/patients.service.js';
import { requirePortalPatient } from '../portal/portal-actor.js';
import type { Actor } from '../staff/actor.js';
import { changedBy } from './data-history.js';
import { recordDataChanges } from './data-history.repo.js';
import { confirmPatientData, rateRow, setLock, tramiteLockKey, tramiteTriesKey } from './profile-check.repo.js';
import { lockMinutesLeft, profileCheckDue, TRAMITE_TRIES, TRAMITE_WINDOW_MS } from './profile-check.rules.js';

/** The first step, "Actualizá tus datos". */
export interface IdentityInput {
  lastName: string;
  firstName: string;
  sex: Sex;
  birthDate: string;
  dni: string;
  dniTramite: string;
}

/** The second step, "Datos de contacto". */
export interface ContactInput {
  mobile: string;
  email: string;
  address: string;
}

const pending = { allowPendingProfileCheck: true } as const;

/** Only while the center asks it: otherwise the e-mail (the portal user name) changes through Perfil's link. */
async function requireCheckDue(ctx: AppContext, actor: Actor) {
  const patient = await requirePortalPatient(ctx, actor, pending);
  if (!profileCheckDue(await getSettings(ctx.database.db), patient)) throw new AppError('FORBIDDEN');
  return patient;
}

/** What the form starts from. The trámite number is never shown: typing it is the proof. */
export async function profileCheckStart(ctx: AppContext, input: { actor: Actor }) {
  const patient = await requirePortalPatient(ctx, input.actor, pending);
  const settings = await getSettings(ctx.database.db);
  return {
    required: profileCheckDue(settings, patient),
    confirmedAt: patient.profileConfirmedAt,
    hasTramite: patient.dniTramite !== '',
    identity: {
      lastName: patient.lastName,
      firstName: patient.firstName,
      sex: patient.sex,
      birthDate: patient.birthDate,
      dni: patient.dni,
    },
    contact: { mobile: patient.mobile, email: patient.email, address: patient.address },
  };
}

/**
 * The DNI must be the account's (it is who they are); the trámite number must be the record's when it has
 * one. Wrong trámite numbers are counted before they are judged, so parallel guesses meet the same limit.
 */
async function proveIdentity(ctx: AppContext, patient: Patient, identity: IdentityInput) {
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const lock = await rateRow(db, tramiteLockKey(patient.id));
  const minutes = lockMinutesLeft(lock?.windowStart ?? null, now);
  if (minutes > 0) throw new AppError('PROFILE_CHECK_LOCKED', { minutes });
  if (normalizeDni(identity.dni) !== patient.dni) throw new AppError('PROFILE_CHECK_DNI_MISMATCH');
  const tramite = normalizeDniTramite(identity.dniTramite);
  if (tramite === null) {
    throw new AppError('VALIDATION_ERROR', { detail: 'el número de trámite debe tener 11 números' });
  }
  if (patient.dniTramite === '') return tramite;
  const key = tramiteTriesKey(patient.id);
  const verdict = await hitRateLimit(db, key, { limit: TRAMITE_TRIES, windowMs: TRAMITE_WINDOW_MS }, now);
  if (verdict.allowed && tramite === patient.dniTramite) {
    await clearRateLimit(db, key);
    return tramite;
  }
  const used = (await rateRow(db, key))?.hits ?? TRAMITE_TRIES;
  if (!verdict.allowed || used >= TRAMITE_TRIES) {
    await setLock(db, tramiteLockKey(patient.id), isoUtc(now));
    await clearRateLimit(db, key);
    throw new AppError('PROFILE_CHECK_LOCKED', { minutes: lockMinutesLeft(isoUtc(now), now) });
  }
  throw new AppError('PROFILE_CHECK_TRAMITE_WRONG', { left: TRAMITE_TRIES - used });
}

async function checkBirthDate(ctx: AppContext, birthDate: string) {
  const center = await getCenter(ctx);
  if (birthDate > todayIn(center.timeZone, ctx.clock.now())) {
    throw new AppError('VALIDATION_ERROR', { detail: 'la fecha de nacimiento no puede ser posterior a hoy' });
  }
}

/** The first step alone: the page moves on to the contact data only when this passes. */
export async function checkIdentity(ctx: AppContext, input: { actor: Actor; identity: IdentityInput }) {
  const patient = await requireCheckDue(ctx, input.actor);
  await checkBirthDate(ctx, input.identity.birthDate);
  await proveIdentity(ctx, patient, input.identity);
}

const asOwnChange = (e: unknown): never => {
  throw e instanceof AppError && e.code === 'PORTAL_EMAIL_TAKEN' ? new AppError('EMAIL_CHANGE_PORTAL_TAKEN') : e;
};

/**
 * Both steps at once (the identity is proved again: nothing from the first page is trusted), saved in one
 * transaction with the history of what changed and the moment of the confirmation.
 */
export async function confirmProfile(
  ctx: AppContext,
  input: { actor: Actor; identity: IdentityInput; contact: ContactInput },
) {
  const patient = await requireCheckDue(ctx, input.actor);
  const { identity, contact } = input;
  await checkBirthDate(ctx, identity.birthDate);
  const tramite = await proveIdentity(ctx, patient, identity);
  const center = await getCenter(ctx);
  const now = ctx.clock.now();
  const at = isoUtc(now);
  return ctx.database.db.transaction().execute(async (trx) => {
    const after = await confirmPatientData(trx, patient.id, {
      lastName: identity.lastName,
      firstName: identity.firstName,
      sex: identity.sex,
      birthDate: identity.birthDate,
      dniTramite: tramite,
      mobile: contact.mobile,
      email: contact.email,
      address: contact.address,
      profileConfirmedAt: at,
      updatedAt: at,
    });
    if (!after) throw new AppError('UNAUTHENTICATED');
    // The e-mail is the portal user name: the back office's uniqueness check, without saying whose it is.
    if (after.email !== patient.email) await ensurePortalEmailFree(ctx, trx, after).catch(asOwnChange);
    await recordDataChanges(trx, { before: patient, after, by: changedBy(input.actor, after), at });
    if (patient.email && patient.email !== after.email) {
      const mail = emailChangedNotice(center, { name: after.firstName, maskedAddress: maskEmail(after.email ?? '') });
      await enqueueMail(trx, { kind: 'email_changed', to: patient.email, ...mail, patientId: patient.id }, now);
    }
    return { confirmedAt: at };
  });
}
