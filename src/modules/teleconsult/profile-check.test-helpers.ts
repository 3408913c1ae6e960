// What the "Actualizá tus datos" tests share: a portal patient with a trámite number on file, and the switch.
import { insertPatient, seedCenter } from '../../../test/support/factories.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { WebClient } from '../../../test/support/web-client.js';
import type { Patient } from '../../platform/db/schema.js';

export const TRAMITE = '00123456789';

/** The first step as the form posts it, right for `patient` unless overridden. */
export const identityFields = (patient: Patient, more: Record<string, string> = {}) => ({
  lastName: patient.lastName,
  firstName: patient.firstName,
  sex: patient.sex ?? 'F',
  birthDate: '04/05/1980',
  dni: patient.dni,
  dniTramite: TRAMITE,
  ...more,
});

export async function portalPatient(t: TestApp, more: Partial<Patient> = {}) {
  const db = t.ctx.database.db;
  const row = await insertPatient(db);
  const changes = { portalEnabled: 1, dniTramite: TRAMITE, ...more };
  await db.updateTable('patients').set(changes).where('id', '=', row.id).execute();
  const patient = { ...row, ...changes } as Patient;
  return { patient, client: await WebClient.loggedIn(t.app, t.ctx, patient.id) };
}

export async function setProfileCheck(t: TestApp, admin: Record<string, string>, on: boolean) {
  const res = await t.app.inject({
    method: 'PATCH',
    url: '/api/v1/center',
    headers: admin,
    payload: { profileCheckEnabled: on },
  });
  if (res.statusCode !== 200) throw new Error(res.body);
  return res.json() as { profileCheckEnabled: boolean; profileCheckEnabledAt: string | null };
}

export async function seeded(t: TestApp) {
  return seedCenter(t.ctx.database.db);
}

/** A JSON call with the client's session cookie, as the portal's own scripts or an app would make it. */
export function postJson(t: TestApp, client: WebClient, url: string, payload: object) {
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return t.app.inject({ method: 'POST', url, headers: { cookie }, payload });
}
