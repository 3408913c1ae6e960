// When a portal patient must confirm their data, and how many wrong trámite numbers the step takes.
import type { CenterSettings, Patient } from '../../platform/db/schema.js';

/** Wrong trámite numbers allowed within the window before the step locks. */
export const TRAMITE_TRIES = 5;
export const TRAMITE_WINDOW_MS = 15 * 60_000;
export const TRAMITE_LOCK_MS = 15 * 60_000;

/**
 * Due while the center asks for it and the patient has not confirmed since it was (last) turned on: turning
 * it off and on again asks everyone again.
 */
export function profileCheckDue(
  settings: Pick<CenterSettings, 'profileCheckEnabled' | 'profileCheckEnabledAt'>,
  patient: Pick<Patient, 'portalEnabled' | 'profileConfirmedAt'>,
): boolean {
  if (settings.profileCheckEnabled !== 1 || patient.portalEnabled !== 1) return false;
  if (patient.profileConfirmedAt === null) return true;
  if (settings.profileCheckEnabledAt === null) return false;
  return Date.parse(patient.profileConfirmedAt) < Date.parse(settings.profileCheckEnabledAt);
}

/** Whole minutes left of a lock that began at `since`, at least 1 while it lasts; 0 when over. */
export function lockMinutesLeft(since: string | null, nowMs: number): number {
  if (since === null) return 0;
  const left = Date.parse(since) + TRAMITE_LOCK_MS - nowMs;
  return left > 0 ? Math.max(1, Math.ceil(left / 60_000)) : 0;
}

/** Where every portal page sends a patient who must confirm their data. */
export const PROFILE_CHECK_PAGE = '/portal/actualizar-datos';
