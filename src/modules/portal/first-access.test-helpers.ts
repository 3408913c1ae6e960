// What the portal activation tests share: a record ready for the portal, the staff switch, the mailed link.
import assert from 'node:assert/strict';
import { insertPatient } from '../../../test/support/factories.js';
import type { TestApp } from '../../../test/support/test-app.js';
import type { WebClient } from '../../../test/support/web-client.js';
import type { PortalIdentityCheck } from '../../platform/db/schema.js';
import { linkPath, mailTo } from '../patients/accounts.test-helpers.js';

let sequence = 0;

/** A patient with a valid e-mail and mobile, a birth date and (unless told otherwise) a trámite number. */
export async function portalReadyPatient(
  t: TestApp,
  fields: { dni?: string; email?: string | null; mobile?: string | null; dniTramite?: string } = {},
) {
  const n = ++sequence;
  const patient = await insertPatient(t.ctx.database.db, { dni: fields.dni ?? String(33_100_000 + n) });
  const changes = {
    email: fields.email === undefined ? `portal${n}.${patient.dni}@example.com` : fields.email,
    mobile: fields.mobile === undefined ? '+5491112345678' : fields.mobile,
    dniTramite: fields.dniTramite ?? `0051234${String(n).padStart(4, '0')}`,
  };
  await t.ctx.database.db.updateTable('patients').set(changes).where('id', '=', patient.id).execute();
  // Typed as an address: the tests that ask for no e-mail never read it.
  return { ...patient, ...changes, email: changes.email as string };
}

export async function setIdentityCheck(t: TestApp, check: PortalIdentityCheck) {
  await t.ctx.database.db.updateTable('centerSettings').set({ portalIdentityCheck: check }).execute();
}

/** Ticks "Portal del paciente" on the record and saves, as reception would. */
export async function switchPortal(desk: WebClient, patientId: number, on: boolean) {
  await desk.get(`/staff/pacientes/${patientId}`);
  return desk.post(`/staff/pacientes/${patientId}/portal`, on ? { portal: '1' } : {});
}

/** The "Validación primer acceso" link (path and query) of the newest mail to that address. */
export async function accessLink(t: TestApp, email: string): Promise<string> {
  const mail = await mailTo(t, email);
  assert.match(mail.subject, /Validación primer acceso|first access/);
  return linkPath(mail, '/portal/primer-acceso?token=');
}

/** Enables the portal from the record and returns the link its mail carries. */
export async function enableAndGetLink(t: TestApp, desk: WebClient, patient: { id: number; email: string | null }) {
  const res = await switchPortal(desk, patient.id, true);
  assert.equal(res.statusCode, 303, desk.text());
  return accessLink(t, patient.email as string);
}

/** The first access form as a patient fills it; the proof is the birth date or the trámite number. */
export function firstAccessFields(
  patient: { dni: string; birthDate?: string | null; dniTramite?: string },
  overrides: Record<string, string> = {},
) {
  return {
    dni: patient.dni,
    birthDate: patient.birthDate ?? '',
    dniTramite: patient.dniTramite ?? '',
    password: 'mi clave del portal',
    passwordRepeat: 'mi clave del portal',
    mobile: '11 5555-1234',
    securityQuestion: 'firstPet',
    securityAnswer: 'Firulais',
    ...overrides,
  };
}

/** Posts the first access form of the link the client has open. */
export async function submitFirstAccess(client: WebClient, link: string, fields: Record<string, string>) {
  const token = new URL(link, 'http://localhost').searchParams.get('token') ?? '';
  return client.post('/portal/primer-acceso', { token, ...fields });
}
