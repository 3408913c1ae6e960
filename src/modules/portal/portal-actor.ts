// Who may use the portal: a logged-in patient whose record has the portal enabled by the center.
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import type { Patient } from '../../platform/db/schema.js';
import { getSettings } from '../center/center.repo.js';
import { getPatient } from '../patients/patients.repo.js';
import type { Actor } from '../staff/actor.js';
import { profileCheckDue } from '../teleconsult/profile-check.rules.js';

/**
 * The patient behind the session, when their portal is enabled. Every portal service calls it first: a
 * patient only ever reaches rows of this id, so another patient's ids answer as missing.
 */
export async function requirePortalPatient(
  ctx: AppContext,
  actor: Actor,
  options: { allowPendingProfileCheck?: boolean } = {},
): Promise<Patient> {
  if (actor.kind !== 'patient') throw new AppError('UNAUTHENTICATED');
  const patient = await getPatient(ctx.database.db, actor.patientId);
  if (!patient) throw new AppError('UNAUTHENTICATED');
  if (patient.portalEnabled !== 1) throw new AppError('PORTAL_NOT_ENABLED');
  // "Actualizá tus datos" when the center asks for it: every portal page and /me call waits for it, except
  // the confirmation itself (pages turn this error into a redirect to it).
  if (!options.allowPendingProfileCheck && profileCheckDue(await getSettings(ctx.database.db), patient)) {
    throw new AppError('PROFILE_CHECK_REQUIRED');
  }
  return patient;
}
