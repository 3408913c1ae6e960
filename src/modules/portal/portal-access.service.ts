// The center's side of the portal: the "Portal del paciente" switch on the record and the "Validación primer
// acceso" mail. Disabling keeps the web account (the booking web keeps working); the portal pages refuse.
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { formatStamp } from '../../platform/calendar/format.js';
import { lockKey } from '../../platform/db/dialect.js';
import type { DB, Patient } from '../../platform/db/schema.js';
import type { Lang } from '../../platform/i18n/lang.js';
import { enqueueMail } from '../../platform/outbox/outbox.js';
import { isoUtc } from '../../platform/time/zone.js';
import { type CenterView, getCenter } from '../center/center.service.js';
import { issueLink } from '../patients/accounts.links.js';
import * as accounts from '../patients/accounts.repo.js';
import * as patients from '../patients/patients.repo.js';
import { ensurePortalEmailFree } from '../patients/patients.service.js';
import { type Actor, requireStaff } from '../staff/actor.js';
import { audit } from '../staff/audit.service.js';
import { forgetTries } from './first-access.attempts.js';
import { liveAccessLinkExpiry } from './first-access.repo.js';
import { portalAccessMail } from './portal-access.mails.js';
import { needsText } from './portal-access.messages.js';
import { PORTAL_ACCESS_TTL_MS, type PortalNeed, portalNeeds } from './portal-access.rules.js';

const ROLES = ['admin', 'reception'] as const;

/** The identity proofs of a first access are counted per patient; a new link from the center starts again. */
export const proofKey = (patientId: number) => `portal:prueba:${patientId}`;

export interface PortalAccessStatus {
  enabled: boolean;
  enabledAt: string | null;
  /** What the record lacks for the portal (with the center's identity check). */
  needs: PortalNeed[];
  /** Another portal patient whose user name is this record's e-mail. */
  emailTakenBy: { name: string; dni: string } | null;
  userName: string | null;
  /** The patient chose a password and a security answer through the link (or the portal's profile). */
  firstAccessDone: boolean;
  linkExpiresAt: string | null;
}

async function patientOrMissing(db: Kysely<DB>, patientId: number): Promise<Patient> {
  const patient = await patients.getPatient(db, patientId);
  if (!patient) throw new AppError('NOT_FOUND', { what: `el paciente ${patientId}` });
  return patient;
}

/** What the record's box shows; the record page itself audits the read. */
export async function portalAccessStatus(
  ctx: AppContext,
  input: { actor: Actor; patientId: number },
): Promise<PortalAccessStatus> {
  requireStaff(input.actor, ROLES);
  const db = ctx.database.db;
  const [patient, center, account] = await Promise.all([
    patientOrMissing(db, input.patientId),
    getCenter(ctx),
    accounts.getAccount(db, input.patientId),
  ]);
  const holders = patient.email ? await patients.portalPatientsByEmail(db, patient.email) : [];
  const other = holders.find((p) => p.id !== patient.id);
  return {
    enabled: patient.portalEnabled === 1,
    enabledAt: patient.portalEnabledAt,
    needs: portalNeeds(patient, center.portalIdentityCheck),
    emailTakenBy: other ? { name: `${other.lastName}, ${other.firstName}`, dni: other.dni } : null,
    userName: patient.email,
    firstAccessDone: Boolean(account?.securityAnswerHash),
    linkExpiresAt: await liveAccessLinkExpiry(db, patient.id, ctx.clock.now()),
  };
}

interface Sending {
  trx: Kysely<DB>;
  center: CenterView;
  baseUrl: string;
  lang: Lang;
  now: number;
}

/** A new link (the older one stops working, the proof count starts again) and its mail, in the caller's transaction. */
async function mailAccessLink(s: Sending, patient: Patient, email: string) {
  const link = await issueLink(
    s.trx,
    { purpose: 'portal_access', patientId: patient.id, ttlMs: PORTAL_ACCESS_TTL_MS, baseUrl: s.baseUrl },
    s.now,
  );
  await forgetTries(s.trx, proofKey(patient.id));
  const mail = portalAccessMail(s.center, s.lang, {
    name: patient.firstName,
    userName: email,
    link,
    hours: PORTAL_ACCESS_TTL_MS / 3_600_000,
    until: formatStamp(s.lang, s.center.timeZone, s.now + PORTAL_ACCESS_TTL_MS),
  });
  await enqueueMail(s.trx, { kind: 'portal_access', to: email, ...mail, patientId: patient.id }, s.now);
}

function refuseWhenLacking(patient: Patient, center: CenterView): string {
  const needs = portalNeeds(patient, center.portalIdentityCheck);
  if (needs.length > 0) {
    throw new AppError('PORTAL_DATA_MISSING', { needsEs: needsText(needs, 'es'), needsEn: needsText(needs, 'en') });
  }
  return patient.email as string;
}

export interface PortalSwitchResult {
  changed: boolean;
  /** Where the first access mail went, when enabling sent it. */
  mailedTo: string | null;
}

/**
 * The switch. Enabling needs a valid e-mail (the user name, no other portal patient's) and mobile, and what the
 * center's identity check asks; while the patient has not done the first access, it also sends the mail.
 */
export async function setPortalAccess(
  ctx: AppContext,
  input: { actor: Actor; patientId: number; enabled: boolean; baseUrl: string; lang: Lang },
): Promise<PortalSwitchResult> {
  const actor = requireStaff(input.actor, ROLES);
  const center = await getCenter(ctx);
  const now = ctx.clock.now();
  return ctx.database.db.transaction().execute(async (trx) => {
    const patient = await patientOrMissing(trx, input.patientId);
    if (!input.enabled) {
      const changed = await patients.setPortalEnabled(trx, patient.id, false, isoUtc(now));
      // The link of a switched-off portal must not open it again.
      await accounts.deleteTokens(trx, patient.id, 'portal_access');
      if (changed) await audit(ctx, actor, { action: 'portal.disable', patientId: patient.id }, trx);
      return { changed, mailedTo: null };
    }
    const email = refuseWhenLacking(patient, center);
    await lockKey(trx, ctx.database.dialect, `portal-email:${email}`);
    const changed = await patients.setPortalEnabled(trx, patient.id, true, isoUtc(now));
    if (!changed) return { changed, mailedTo: null };
    await ensurePortalEmailFree(ctx, trx, { ...patient, portalEnabled: 1 });
    await audit(ctx, actor, { action: 'portal.enable', patientId: patient.id }, trx);
    const account = await accounts.getAccount(trx, patient.id);
    if (account?.securityAnswerHash) return { changed, mailedTo: null };
    await mailAccessLink({ trx, center, baseUrl: input.baseUrl, lang: input.lang, now }, patient, email);
    await audit(ctx, actor, { action: 'portal.access_mail', patientId: patient.id }, trx);
    return { changed, mailedTo: email };
  });
}

/**
 * "Reenviar email de confirmación": a new first access link (the earlier one stops working). Only until the
 * first access is done: that link sets a password with the DNI and one more datum, so after it a forgotten
 * password goes through the reset, which also asks the security answer.
 */
export async function sendPortalAccessMail(
  ctx: AppContext,
  input: { actor: Actor; patientId: number; baseUrl: string; lang: Lang },
): Promise<{ to: string }> {
  const actor = requireStaff(input.actor, ROLES);
  const center = await getCenter(ctx);
  const now = ctx.clock.now();
  return ctx.database.db.transaction().execute(async (trx) => {
    const patient = await patientOrMissing(trx, input.patientId);
    if (patient.portalEnabled !== 1) throw new AppError('PORTAL_OFF_FOR_PATIENT');
    const email = refuseWhenLacking(patient, center);
    await ensurePortalEmailFree(ctx, trx, patient);
    if ((await accounts.getAccount(trx, patient.id))?.securityAnswerHash)
      throw new AppError('PORTAL_FIRST_ACCESS_DONE');
    await mailAccessLink({ trx, center, baseUrl: input.baseUrl, lang: input.lang, now }, patient, email);
    await audit(ctx, actor, { action: 'portal.access_mail', patientId: patient.id }, trx);
    return { to: email };
  });
}
