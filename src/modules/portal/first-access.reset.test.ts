// Olvidé mi contraseña with the security question as a second factor: after opening the mailed link, an
// account with a security answer must give it (a few tries); accounts without one reset as always.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { insertPatient } from '../../../test/support/factories.js';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { WebClient } from '../../../test/support/web-client.js';
import { forgetLimits, inputValue, linkPath, logIn, mailTo, withAccount } from '../patients/accounts.test-helpers.js';
import { hashAnswer } from './security-answer.js';

const DAY = 24 * 60 * 60 * 1000;

for (const dialect of testDialects()) {
  describe(`olvidé mi contraseña con pregunta de seguridad (${dialect})`, () => {
    let t: TestApp;

    before(async () => {
      t = await buildTestApp(dialect);
    });
    after(() => t.close());
    beforeEach(() => forgetLimits(t));

    /** A patient with an account and, when given, a security answer (what the portal's first access leaves). */
    async function patientWithAnswer(dni: string, answer: string | null) {
      const patient = await insertPatient(t.ctx.database.db, { dni });
      await withAccount(t, patient.id, 'clave olvidada');
      if (answer !== null) {
        await t.ctx.database.db
          .updateTable('webAccounts')
          .set({ securityQuestion: 'motherMaidenName', securityAnswerHash: await hashAnswer(answer) })
          .where('patientId', '=', patient.id)
          .execute();
      }
      return patient;
    }

    async function resetLink(client: WebClient, patient: { dni: string; email: string | null }) {
      await client.get('/olvide-mi-clave');
      await client.post('/olvide-mi-clave', { dni: patient.dni });
      return linkPath(await mailTo(t, patient.email as string), '/restablecer?token=');
    }

    const newPassword = (extra: Record<string, string> = {}) => ({
      password: 'una clave nueva',
      passwordRepeat: 'una clave nueva',
      ...extra,
    });
    const tokenOf = (link: string) => new URL(link, 'http://localhost').searchParams.get('token') ?? '';

    test('the reset asks the security question and refuses a wrong answer, keeping what was typed', async () => {
      const patient = await patientWithAnswer('34111222', 'Rodríguez');
      const client = new WebClient(t.app);
      const link = await resetLink(client, patient);
      assert.equal((await client.get(link)).statusCode, 200);
      assert.match(
        client.text(),
        /¿Cuál es el apellido de soltera de tu madre\? La pregunta de seguridad que elegiste/,
      );

      const empty = await client.post('/restablecer', { token: tokenOf(link), ...newPassword() });
      assert.equal(empty.statusCode, 400);
      assert.match(client.text(), /¿Cuál es el apellido de soltera de tu madre\? ?: Completá este dato\./);

      const wrong = await client.post('/restablecer', {
        token: tokenOf(link),
        ...newPassword({ securityAnswer: 'Pérez' }),
      });
      assert.equal(wrong.statusCode, 400);
      assert.match(client.text(), /La respuesta de seguridad no es la que guardaste: te quedan 4 intentos\./);
      assert.equal(inputValue(client.html, 'securityAnswer'), 'Pérez');
      assert.equal((await logIn(new WebClient(t.app), patient.dni, 'una clave nueva')).statusCode, 401, 'not changed');

      const right = await client.post('/restablecer', {
        token: tokenOf(link),
        ...newPassword({ securityAnswer: '  RODRIGUEZ ' }),
      });
      assert.equal(right.statusCode, 200, client.text());
      assert.match(client.text(), /Contraseña cambiada/);
      assert.equal((await logIn(new WebClient(t.app), patient.dni, 'una clave nueva')).statusCode, 303);
    });

    test('five wrong answers kill the link, and new links wait a day', async () => {
      const patient = await patientWithAnswer('34333444', 'Gómez');
      const client = new WebClient(t.app);
      const link = await resetLink(client, patient);
      await client.get(link);
      for (let i = 0; i < 4; i++) {
        const res = await client.post('/restablecer', {
          token: tokenOf(link),
          ...newPassword({ securityAnswer: 'no sé' }),
        });
        assert.equal(res.statusCode, 400, `try ${i + 1}`);
      }
      const dead = await client.post('/restablecer', {
        token: tokenOf(link),
        ...newPassword({ securityAnswer: 'no sé' }),
      });
      assert.equal(dead.statusCode, 410);
      assert.match(client.text(), /no coincidió demasiadas veces y el enlace dejó de servir\. Podés pedir otro mañana/);
      assert.equal((await client.get(link)).statusCode, 410);

      const again = await resetLink(client, patient);
      assert.equal((await client.get(again)).statusCode, 410, 'a new link brings no new tries today');
      t.clock.advance(DAY);
      const tomorrow = await resetLink(client, patient);
      assert.equal((await client.get(tomorrow)).statusCode, 200);
      const ok = await client.post('/restablecer', {
        token: tokenOf(tomorrow),
        ...newPassword({ securityAnswer: 'gomez' }),
      });
      assert.equal(ok.statusCode, 200, client.text());
    });

    test('an account without a security answer resets as always', async () => {
      const patient = await patientWithAnswer('34555666', null);
      const client = new WebClient(t.app);
      const link = await resetLink(client, patient);
      await client.get(link);
      assert.equal(inputValue(client.html, 'securityAnswer'), undefined, 'no question asked');
      const res = await client.post('/restablecer', { token: tokenOf(link), ...newPassword() });
      assert.equal(res.statusCode, 200);
      assert.equal((await logIn(new WebClient(t.app), patient.dni, 'una clave nueva')).statusCode, 303);
    });
  });
}
