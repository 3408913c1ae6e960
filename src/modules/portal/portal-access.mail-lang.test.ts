// The "Validación primer acceso" mail is the patient's: it is written in the language they chose in Perfil (their
// web account's), Spanish when they chose none — whatever language the staff member's screen is in.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { insertStaffUser } from '../../../test/support/factories.js';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { WebClient } from '../../../test/support/web-client.js';
import { forgetLimits, mailTo, withAccount } from '../patients/accounts.test-helpers.js';
import { portalReadyPatient, setIdentityCheck, switchPortal } from './first-access.test-helpers.js';

const SPANISH = /^Validación primer acceso al Portal del paciente - /;
const ENGLISH = /^Patient portal: first access - /;

for (const dialect of testDialects()) {
  describe(`the first access mail's language (${dialect})`, () => {
    let t: TestApp;
    let spanishDesk: WebClient;
    let englishDesk: WebClient;

    before(async () => {
      t = await buildTestApp(dialect);
      const db = t.ctx.database.db;
      const mesa = await insertStaffUser(db, { username: 'mesa', role: 'reception' });
      spanishDesk = await WebClient.loggedInStaff(t.app, t.ctx, mesa.id);
      englishDesk = await WebClient.newStaff(t.app, t.ctx, { username: 'english', role: 'admin' });
      await englishDesk.get('/idioma?lang=en&volver=/staff');
    });
    after(() => t.close());
    beforeEach(async () => {
      await forgetLimits(t);
      await setIdentityCheck(t, 'birth_date');
    });

    /** A portal-ready patient whose web account (when asked) keeps that language. */
    async function patientWith(lang: string | null) {
      const patient = await portalReadyPatient(t);
      if (lang !== null) {
        await withAccount(t, patient.id, 'clave de la web');
        await t.ctx.database.db.updateTable('webAccounts').set({ lang }).where('patientId', '=', patient.id).execute();
      }
      return patient;
    }

    test('a patient who chose English gets it in English from a Spanish screen, also when it is sent again', async () => {
      const patient = await patientWith('en');
      assert.equal((await switchPortal(spanishDesk, patient.id, true)).statusCode, 303);
      const mail = await mailTo(t, patient.email);
      assert.match(mail.subject, ENGLISH);
      assert.match(mail.text, /Your user name for the portal is your e-mail address/);

      await spanishDesk.get(`/staff/pacientes/${patient.id}`);
      assert.equal((await spanishDesk.post(`/staff/pacientes/${patient.id}/portal/mail`)).statusCode, 303);
      assert.match((await mailTo(t, patient.email)).subject, ENGLISH);
    });

    test('from an English screen, a patient with no language chosen (or no account) gets it in Spanish', async () => {
      for (const lang of [null, '', 'es']) {
        const patient = await patientWith(lang);
        await englishDesk.get(`/staff/pacientes/${patient.id}`);
        assert.match(englishDesk.text(), /Patient portal enabled/, 'the screen itself stays in English');
        assert.equal((await switchPortal(englishDesk, patient.id, true)).statusCode, 303);
        const mail = await mailTo(t, patient.email);
        assert.match(mail.subject, SPANISH, `account language ${JSON.stringify(lang)}`);
        assert.match(mail.text, /Tu usuario para ingresar al portal es tu e-mail/);

        await englishDesk.get(`/staff/pacientes/${patient.id}`);
        assert.equal((await englishDesk.post(`/staff/pacientes/${patient.id}/portal/mail`)).statusCode, 303);
        assert.match((await mailTo(t, patient.email)).subject, SPANISH);
      }
    });
  });
}
