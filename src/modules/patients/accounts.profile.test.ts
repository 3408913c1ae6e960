import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { insertPatient, seedCenter } from '../../../test/support/factories.js';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { location, WebClient } from '../../../test/support/web-client.js';
import type { Patient } from '../../platform/db/schema.js';
import {
  forgetLimits,
  inputValue,
  linkPath,
  loggedInClient,
  logIn,
  mailTo,
  withAccount,
} from './accounts.test-helpers.js';

for (const dialect of testDialects()) {
  describe(`Mis datos (${dialect})`, () => {
    let t: TestApp;
    let ana: Patient;
    let beto: Patient;
    let osdeId = 0;
    let hiddenInsurerId = 0;

    before(async () => {
      t = await buildTestApp(dialect);
      const seeded = await seedCenter(t.ctx.database.db);
      osdeId = seeded.osde.id;
      hiddenInsurerId = seeded.hiddenInsurer.id;
      ana = await insertPatient(t.ctx.database.db, { dni: '27111222', lastName: 'ANA' });
      beto = await insertPatient(t.ctx.database.db, { dni: '27333444', lastName: 'BETO' });
      await withAccount(t, ana.id, 'clave de ana');
      await withAccount(t, beto.id, 'clave de beto');
    });
    after(() => t.close());
    beforeEach(() => forgetLimits(t));

    const record = (id: number) =>
      t.ctx.database.db.selectFrom('patients').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

    const dataFields = (overrides: Record<string, string> = {}) => ({
      lastName: 'Ánez',
      firstName: '  Ana   María ',
      sex: 'F',
      birthDate: '04/05/1980',
      mobile: '(011) 15 4321-8765',
      address: 'Rivadavia 100',
      insurerId: String(osdeId),
      memberNumber: '99 888',
      ...overrides,
    });

    test('shows the data; the DNI is not editable and says how to change it', async () => {
      const client = await loggedInClient(t, ana.dni, 'clave de ana');
      const res = await client.get('/mis-datos');
      assert.equal(res.statusCode, 200);
      assert.match(client.text(), /27111222/);
      assert.match(client.text(), /Para cambiar tu DNI comunicate con el centro\./);
      assert.equal(inputValue(client.html, 'dni'), undefined);
      assert.equal(inputValue(client.html, 'birthDate'), '04/05/1980');
      for (const id of ['f-lastName', 'f-mobile', 'f-email', 'f-currentPassword']) {
        assert.match(client.html, new RegExp(`<label for="${id}">`), `${id} has a label`);
      }
    });

    test('changing personal data normalizes it; mistakes keep what was typed', async () => {
      const client = await loggedInClient(t, ana.dni, 'clave de ana');
      await client.get('/mis-datos');
      const bad = await client.post('/mis-datos', dataFields({ mobile: '123', birthDate: '31/02/1980' }));
      assert.equal(bad.statusCode, 400);
      assert.match(client.html, /role="alert"/);
      assert.match(client.html, /id="f-mobile" [^>]*aria-invalid="true"/);
      assert.match(client.text(), /No es un celular válido/);
      assert.match(client.text(), /No es una fecha válida/);
      assert.equal(inputValue(client.html, 'mobile'), '123');
      assert.equal(inputValue(client.html, 'lastName'), 'Ánez');

      const ok = await client.post('/mis-datos', dataFields());
      assert.equal(ok.statusCode, 303);
      await client.follow(ok);
      assert.match(client.text(), /Guardamos tus datos/);
      const saved = await record(ana.id);
      assert.equal(saved.firstName, 'Ana María');
      assert.equal(saved.mobile, '+5491143218765');
      assert.equal(saved.birthDate, '1980-05-04');
      assert.equal(saved.memberNumber, '99 888');
      assert.equal(saved.dni, '27111222');
    });

    test('patient A cannot change patient B by naming B in the form', async () => {
      const client = await loggedInClient(t, ana.dni, 'clave de ana');
      await client.get('/mis-datos');
      const res = await client.post('/mis-datos', {
        ...dataFields({ lastName: 'Cambiado' }),
        id: String(beto.id),
        patientId: String(beto.id),
        dni: beto.dni,
      });
      assert.equal(res.statusCode, 303);
      assert.equal((await record(beto.id)).lastName, 'BETO');
      assert.equal((await record(ana.id)).lastName, 'Cambiado');
      assert.equal((await record(ana.id)).dni, '27111222');
    });

    test('an insurer off the web can be kept but not chosen', async () => {
      const client = await loggedInClient(t, ana.dni, 'clave de ana');
      await client.get('/mis-datos');
      const refused = await client.post('/mis-datos', dataFields({ insurerId: String(hiddenInsurerId) }));
      assert.equal(refused.statusCode, 400);
      assert.match(client.text(), /Elegí una obra social de la lista/);
      await t.ctx.database.db
        .updateTable('patients')
        .set({ insurerId: hiddenInsurerId })
        .where('id', '=', ana.id)
        .execute();
      await client.get('/mis-datos');
      const kept = await client.post('/mis-datos', dataFields({ insurerId: String(hiddenInsurerId) }));
      assert.equal(kept.statusCode, 303);
    });

    test('a new e-mail applies only after its link is opened by the same patient; the old address is told', async () => {
      const oldEmail = (await record(ana.id)).email as string;
      const client = await loggedInClient(t, ana.dni, 'clave de ana');
      await client.get('/mis-datos');
      const wrong = await client.post('/mis-datos/mail', { email: 'ana.nueva@example.com', mailPassword: 'mal' });
      assert.equal(wrong.statusCode, 422);
      assert.match(client.text(), /La contraseña actual no es correcta/);
      assert.equal(inputValue(client.html, 'email'), 'ana.nueva@example.com');

      const asked = await client.post('/mis-datos/mail', {
        email: 'Ana.Nueva@Example.com',
        mailPassword: 'clave de ana',
      });
      assert.equal(asked.statusCode, 303);
      await client.follow(asked);
      assert.match(client.text(), /Te enviamos un mail a la dirección nueva/);
      assert.equal((await record(ana.id)).email, oldEmail, 'not applied yet');

      const mail = await mailTo(t, 'ana.nueva@example.com');
      assert.match(mail.subject, /Confirmá tu nuevo e-mail/);
      const link = linkPath(mail, '/confirmar-mail?token=');

      // Someone else's session cannot use it (a mistyped address's owner, or patient B).
      const betoClient = await loggedInClient(t, beto.dni, 'clave de beto');
      assert.equal((await betoClient.get(link)).statusCode, 410);
      // Logged out: log in first, then it applies.
      const fresh = new WebClient(t.app);
      const toLogin = await fresh.get(link);
      assert.equal(toLogin.statusCode, 303);
      const volver = new URL(location(toLogin), 'http://x').searchParams.get('volver') as string;
      assert.equal(volver, link);
      await fresh.follow(await logIn(fresh, ana.dni, 'clave de ana', volver));
      assert.match(fresh.text(), /tu e-mail cambió/);
      assert.equal((await record(ana.id)).email, 'ana.nueva@example.com');
      assert.equal((await client.get(link)).statusCode, 410, 'single use');

      const notice = await mailTo(t, oldEmail);
      assert.match(notice.subject, /Cambió tu e-mail/);
      assert.match(notice.text, /a•••@example\.com/);
    });

    test('changing the password needs the current one and ends the other sessions', async () => {
      const elsewhere = await loggedInClient(t, beto.dni, 'clave de beto');
      const client = await loggedInClient(t, beto.dni, 'clave de beto');
      await client.get('/mis-datos');
      const wrong = await client.post('/mis-datos/clave', {
        currentPassword: 'no es',
        newPassword: 'clave nueva de beto',
        newPasswordRepeat: 'clave nueva de beto',
      });
      assert.equal(wrong.statusCode, 422);
      assert.match(client.html, /id="f-currentPassword" [^>]*aria-invalid="true"/);
      const short = await client.post('/mis-datos/clave', {
        currentPassword: 'clave de beto',
        newPassword: 'corta',
        newPasswordRepeat: 'corta',
      });
      assert.equal(short.statusCode, 400);
      assert.match(client.text(), /al menos 8 caracteres/);

      const ok = await client.post('/mis-datos/clave', {
        currentPassword: 'clave de beto',
        newPassword: 'clave nueva de beto',
        newPasswordRepeat: 'clave nueva de beto',
      });
      assert.equal(ok.statusCode, 303);
      assert.equal((await client.follow(ok)).statusCode, 200, 'this session goes on');
      assert.match(client.text(), /Cambiamos tu contraseña/);
      assert.equal((await elsewhere.get('/mis-datos')).statusCode, 303, 'the other one ended');
      assert.equal((await logIn(new WebClient(t.app), beto.dni, 'clave de beto')).statusCode, 401);
      assert.equal((await logIn(new WebClient(t.app), beto.dni, 'clave nueva de beto')).statusCode, 303);
    });

    test('guessing the current password from an open session is limited', async () => {
      const client = await loggedInClient(t, ana.dni, 'clave de ana');
      await client.get('/mis-datos');
      const wrong = { currentPassword: 'mal', newPassword: 'otra clave 123', newPasswordRepeat: 'otra clave 123' };
      for (let i = 0; i < 5; i++) assert.equal((await client.post('/mis-datos/clave', wrong)).statusCode, 422);
      assert.equal((await client.post('/mis-datos/clave', wrong)).statusCode, 429);
      assert.match(client.text(), /Demasiados intentos/);
    });

    test('Mis datos needs a session', async () => {
      const res = await new WebClient(t.app).get('/mis-datos');
      assert.equal(location(res), '/ingresar?volver=%2Fmis-datos');
    });
  });
}
