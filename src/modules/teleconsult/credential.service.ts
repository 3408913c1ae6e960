// Mi credencial: the logged-in patient's card (their own data only), and what a staff member's scan of its QR
// code opens — after logging in, audited, within their reach.
import QRCode from 'qrcode';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import type { Lang } from '../../platform/i18n/lang.js';
import { getInsurer } from '../catalog/catalog.repo.js';
import { getCenter } from '../center/center.service.js';
import { getPatient } from '../patients/patients.repo.js';
import { requirePortalPatient } from '../portal/portal-actor.js';
import { requireStaffReach } from '../portal/staff-reach.js';
import type { Actor } from '../staff/actor.js';
import { requireStaff } from '../staff/actor.js';
import { audit } from '../staff/audit.service.js';
import { renderCredentialPdf } from './credential.pdf.js';
import { credentialScanUrl, groupDni } from './credential.rules.js';

export interface CredentialView {
  patientId: number;
  fullName: string;
  dni: string;
  /** "12.345.678", as the DNI card prints it. */
  dniGrouped: string;
  /** null: no insurer, or the center's self-pay one ("Particular"). */
  insurer: string | null;
  plan: string;
  memberNumber: string;
  centerName: string;
  /** What the QR code holds: the staff's address that opens this patient's record after logging in. */
  qrUrl: string;
}

export async function myCredential(ctx: AppContext, input: { actor: Actor; baseUrl: string }): Promise<CredentialView> {
  const patient = await requirePortalPatient(ctx, input.actor);
  const [insurer, center] = await Promise.all([
    patient.insurerId === null ? undefined : getInsurer(ctx.database.db, patient.insurerId),
    getCenter(ctx),
  ]);
  const insured = insurer && insurer.selfPay !== 1 ? insurer : undefined;
  return {
    patientId: patient.id,
    fullName: `${patient.firstName} ${patient.lastName}`.trim(),
    dni: patient.dni,
    dniGrouped: groupDni(patient.dni),
    insurer: insured ? insured.webName || insured.name : null,
    plan: insured ? patient.insurancePlan : '',
    memberNumber: insured ? patient.memberNumber : '',
    centerName: center.name,
    qrUrl: credentialScanUrl(input.baseUrl, patient.id),
  };
}

/** The card and its QR code as SVG markup (drawn here from the URL alone: nothing typed by anyone goes in). */
export async function myCredentialCard(ctx: AppContext, input: { actor: Actor; baseUrl: string }) {
  const card = await myCredential(ctx, input);
  const qrSvg = await QRCode.toString(card.qrUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return { card, qrSvg };
}

export async function myCredentialPdf(ctx: AppContext, input: { actor: Actor; baseUrl: string; lang: Lang }) {
  const card = await myCredential(ctx, input);
  const qrPng = await QRCode.toBuffer(card.qrUrl, { type: 'png', margin: 1, scale: 8, errorCorrectionLevel: 'M' });
  return { bytes: await renderCredentialPdf(card, qrPng, input.lang), fileName: `credencial-${card.dni}.pdf` };
}

/**
 * A staff member opened a card's QR code: where their view of that patient is. The desk gets the record;
 * a professional, the documents of a patient they attend (the record itself is the desk's). Audited, so the
 * log tells who scanned whose card.
 */
export async function scanCredential(ctx: AppContext, input: { actor: Actor; patientId: number }): Promise<string> {
  const staff = requireStaff(input.actor);
  const patient = await getPatient(ctx.database.db, input.patientId);
  if (!patient) throw new AppError('NOT_FOUND', { what: `el paciente ${input.patientId}` });
  await requireStaffReach(ctx, staff, patient.id);
  await audit(ctx, staff, { action: 'credential.scan', patientId: patient.id, target: `paciente:${patient.id}` });
  return staff.role === 'professional' ? `/staff/pacientes/${patient.id}/documentos` : `/staff/pacientes/${patient.id}`;
}
