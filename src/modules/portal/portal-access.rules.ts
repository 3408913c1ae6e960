// Pure rules of the portal switch and the first access: what a record needs, how long the link lives, how
// many wrong proofs it takes, and the identity check itself.
import { createHash } from 'node:crypto';
import type { Patient, PortalIdentityCheck } from '../../platform/db/schema.js';
import { sameText } from '../../platform/secrets.js';
import { normalizeEmail, normalizeMobile } from '../patients/patients.rules.js';

const HOUR_MS = 60 * 60 * 1000;
/** The "Validación primer acceso" link: long enough for a weekend, short enough to be worth little in an old mailbox. */
export const PORTAL_ACCESS_TTL_MS = 72 * HOUR_MS;
/** Wrong proofs (identity, or the security answer on a reset) a link survives; the last one kills it. */
export const LINK_TRIES = 5;
/** The security answer's tries are counted per patient over a day, so asking for new links does not add any. */
export const ANSWER_WINDOW_MS = 24 * HOUR_MS;

export type PortalNeed = 'email' | 'mobile' | 'dni_tramite' | 'birth_date';

type PortalRecord = Pick<Patient, 'email' | 'mobile' | 'dniTramite' | 'birthDate'>;

/**
 * What the record lacks before the center may enable the portal: the mail goes to the e-mail, the
 * mobile is the second way to reach the patient, and the first access proves identity with what the
 * center configured.
 */
export function portalNeeds(patient: PortalRecord, check: PortalIdentityCheck): PortalNeed[] {
  const needs: PortalNeed[] = [];
  if (!patient.email || normalizeEmail(patient.email) === null) needs.push('email');
  if (!patient.mobile || normalizeMobile(patient.mobile) === null) needs.push('mobile');
  if (check === 'dni_tramite' && !patient.dniTramite) needs.push('dni_tramite');
  if (check === 'birth_date' && !patient.birthDate) needs.push('birth_date');
  return needs;
}

/** The record's value the first access asks for, or null when the record lacks it. */
export function identityValue(patient: PortalRecord, check: PortalIdentityCheck): string | null {
  const value = check === 'dni_tramite' ? patient.dniTramite : patient.birthDate;
  return value ? value : null;
}

const digest = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * DNI and trámite number (or birth date) against the record, compared in constant time over digests
 * of equal length, so the answer's timing says nothing about how much of it was right.
 */
export function identityMatches(expected: { dni: string; value: string }, typed: { dni: string; value: string }) {
  return sameText(digest(`${expected.dni}|${expected.value}`), digest(`${typed.dni}|${typed.value}`));
}
