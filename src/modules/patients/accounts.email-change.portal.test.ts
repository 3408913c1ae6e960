// Mis datos' e-mail change for a patient of the portal: their e-mail is their portal user name, so it cannot
// become another portal patient's. The refusal comes when the link is opened (only then has the patient shown the
// address is theirs), says what to do, and does not tell whose user name it is.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { insertPatient } from '../../../test/support/factories.js';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { location } from '../../../test/support/web-client.js';
import type { Patient } from '../../platform/db/schema.js';
import { forgetLimits, linkPath, loggedInClient, mailTo, withAccount } from './accounts.test-helpers.js';

for (const dialect of testDialects()) {
  describe(`Mis datos: a portal patient's new e-mail (${dialect})`, () => {
    let t: TestApp;
    let ana: Patient;
    let beto: Patient;
    let carla: Patient;

    const db = () => t.ctx.database.db;
    const emailOf = async (id: number) =>
      (await db().selectFrom('patients').select('email').where('id', '=', id).executeTakeFirstOrThrow()).email;

    before(async () => {
      t = await buildTestApp(dialect);
      ana = await insertPatient(db(), { dni: '28111222', lastName: 'ANA' });
      beto = await insertPatient(db(), { dni: '28333444', lastName: 'BETO' });
      carla = await insertPatient(db(), { dni: '28555666', lastName: 'CARLA' });
      const emails: [Patient, string, number][] = [
        [ana, 'ana@example.com', 1],
        [beto, 'beto@example.com', 1],
        [carla, 'carla@example.com', 0],
      ];
      for (const [p, email, portalEnabled] of emails) {
        await db().updateTable('patients').set({ email, portalEnabled }).where('id', '=', p.id).execute();
        await withAccount(t, p.id, `clave de ${p.lastName.toLowerCase()}`);
      }
    });
    after(() => t.close());
    beforeEach(() => forgetLimits(t));

    /** Asks for the change from Mis datos and returns the link mailed to the new address. */
    async function askChange(patient: Patient, email: string) {
      const client = await loggedInClient(t, patient.dni, `clave de ${patient.lastName.toLowerCase()}`);
      await client.get('/mis-datos');
      const asked = await client.post('/mis-datos/mail', {
        email,
        mailPassword: `clave de ${patient.lastName.toLowerCase()}`,
      });
      assert.equal(asked.statusCode, 303, client.text());
      return { client, link: linkPath(await mailTo(t, email), '/confirmar-mail?token=') };
    }

    test("onto another portal patient's e-mail: refused, clearly, without naming them; nothing changes", async () => {
      const { client, link } = await askChange(beto, 'ana@example.com');
      const res = await client.get(link);
      assert.equal(res.statusCode, 409);
      const text = client.text();
      assert.match(text, /Ese e-mail ya es el usuario del portal de otro paciente del centro/);
      assert.match(text, /Tu e-mail no cambió: elegí otro en Mis datos/);
      assert.doesNotMatch(text, /ANA|28111222/, "the other patient's name and DNI stay private");
      assert.equal(await emailOf(beto.id), 'beto@example.com');
      assert.equal(await emailOf(ana.id), 'ana@example.com');
      const notices = await db()
        .selectFrom('outbox')
        .select('id')
        .where('kind', '=', 'email_changed')
        .where('patientId', '=', beto.id)
        .execute();
      assert.deepEqual(notices, [], 'no "your e-mail changed" notice for a change that did not happen');

      // Another address goes through as usual.
      const { client: again, link: good } = await askChange(beto, 'beto.nuevo@example.com');
      const ok = await again.get(good);
      assert.equal(location(ok), '/mis-datos?ok=mail-confirmado');
      assert.equal(await emailOf(beto.id), 'beto.nuevo@example.com');
    });

    test("a patient without the portal may share it: the e-mail is nobody's portal user name for them", async () => {
      const { client, link } = await askChange(carla, 'ana@example.com');
      const ok = await client.get(link);
      assert.equal(location(ok), '/mis-datos?ok=mail-confirmado');
      assert.equal(await emailOf(carla.id), 'ana@example.com');
    });
  });
}
