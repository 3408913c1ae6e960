import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { insertPatient, seedCenter } from '../../../test/support/factories.js';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { location, WebClient } from '../../../test/support/web-client.js';
import {
  forgetLimits,
  hiddenValue,
  inputValue,
  linkPath,
  loggedInClient,
  logIn,
  mailTo,
  withAccount,
} from './accounts.test-helpers.js';

const MINUTE = 60_000;

for (const dialect of testDialects()) {
  describe(`log in, log out, forgotten password (${dialect})`, () => {
    let t: TestApp;
    let dni = '';
    let email = '';

    before(async () => {
      t = await buildTestApp(dialect, { web: { patientIdleSeconds: 600 } });
      const { patient } = await seedCenter(t.ctx.database.db);
      dni = patient.dni;
      email = patient.email as string;
      await withAccount(t, patient.id, 'clave correcta');
    });
    after(() => t.close());
    beforeEach(() => forgetLimits(t));

    test('a wrong password and an unknown DNI get the same message; the DNI typed stays', async () => {
      const client = new WebClient(t.app);
      const wrong = await logIn(client, dni, 'otra clave');
      assert.equal(wrong.statusCode, 401);
      const wrongText = client.text();
      assert.match(wrongText, /DNI o contraseña incorrectos/);
      assert.equal(inputValue(client.html, 'dni'), dni);
      assert.equal(inputValue(client.html, 'password'), undefined, 'a password is never sent back');
      assert.match(client.html, /id="f-dni" [^>]*aria-invalid="true" aria-describedby="f-dni-hint login-alert"/);

      const unknown = await logIn(client, '11222333', 'otra clave');
      assert.equal(unknown.statusCode, 401);
      assert.equal(client.text().replace('11222333', dni), wrongText);

      const badDni = await logIn(client, '12', 'x');
      assert.equal(badDni.statusCode, 400);
      assert.match(client.text(), /El DNI tiene que tener 7 u 8 números/);
    });

    test('a pending account is told so, and can ask for the activation mail again', async () => {
      const pending = await insertPatient(t.ctx.database.db, { dni: '28111222' });
      await withAccount(t, pending.id, 'clave pendiente', false);
      const client = new WebClient(t.app);
      const res = await logIn(client, '28111222', 'clave pendiente');
      assert.equal(res.statusCode, 403);
      assert.match(client.text(), /todavía no está activado/);
      const resend = await client.post('/reenviar-activacion', { dni: '28111222' });
      assert.equal(resend.statusCode, 200);
      const link = linkPath(await mailTo(t, pending.email as string), '/activar?token=');
      await client.follow(await client.get(link));
      assert.equal((await logIn(client, '28111222', 'clave pendiente')).statusCode, 303);
      // With a wrong password a pending account looks like any other failure.
      assert.equal((await logIn(new WebClient(t.app), '28111222', 'mal')).statusCode, 401);
    });

    test('a disabled patient logs in and reads the center note', async () => {
      const db = t.ctx.database.db;
      const disabled = await insertPatient(db, { dni: '28333444', disabled: true, disabledNote: 'Faltó a 3 turnos.' });
      await withAccount(t, disabled.id, 'clave deshabilitado');
      const client = new WebClient(t.app);
      const res = await logIn(client, '28333444', 'clave deshabilitado', '/mis-turnos');
      assert.equal(res.statusCode, 303);
      assert.equal(location(res), '/aviso?volver=%2Fmis-turnos');
      await client.follow(res);
      assert.match(client.text(), /Faltó a 3 turnos\./);
      assert.match(client.html, /href="\/mis-turnos"/);
      await client.get('/mis-datos');
      assert.match(client.text(), /Faltó a 3 turnos\./);
    });

    test('five failures lock the DNI (429 with the wait), a success clears the count', async () => {
      const client = new WebClient(t.app);
      for (let i = 0; i < 4; i++) assert.equal((await logIn(client, dni, 'mal')).statusCode, 401);
      assert.equal((await logIn(client, dni, 'clave correcta')).statusCode, 303);
      const other = new WebClient(t.app);
      for (let i = 0; i < 5; i++) assert.equal((await logIn(other, dni, 'mal')).statusCode, 401, `try ${i + 1}`);
      const locked = await logIn(other, dni, 'clave correcta');
      assert.equal(locked.statusCode, 429);
      assert.match(other.text(), /Demasiados intentos\. Esperá 15 minutos y volvé a probar\./);
      assert.equal(locked.headers['retry-after'], '900');
      assert.equal(inputValue(other.html, 'dni'), dni);

      t.clock.advance(15 * MINUTE);
      assert.equal((await logIn(other, dni, 'clave correcta')).statusCode, 303);
    });

    test('thirty attempts from one address lock that address, whatever the DNI', async () => {
      const client = new WebClient(t.app);
      for (let i = 0; i < 30; i++) {
        assert.equal((await logIn(client, String(30_000_000 + i), 'mal')).statusCode, 401);
      }
      assert.equal((await logIn(client, dni, 'clave correcta')).statusCode, 429);
    });

    test('logins that succeed do not use up the address: a clinic behind one NAT keeps logging in', async () => {
      for (let i = 0; i < 35; i++) {
        assert.equal((await logIn(new WebClient(t.app), dni, 'clave correcta')).statusCode, 303, `login ${i + 1}`);
      }
      assert.equal((await logIn(new WebClient(t.app), '30999999', 'mal')).statusCode, 401, 'a failure still counts');
    });

    test('volver: a local path is honoured, another site is not', async () => {
      const res = await logIn(new WebClient(t.app), dni, 'clave correcta', '/mis-datos?x=1');
      assert.equal(location(res), '/mis-datos?x=1');
      for (const evil of ['//evil.com', 'https://evil.com/', '/\\evil.com']) {
        const client = new WebClient(t.app);
        await client.get(`/ingresar?volver=${encodeURIComponent(evil)}`);
        assert.equal(hiddenValue(client.html, 'volver'), '/');
        assert.equal(location(await logIn(client, dni, 'clave correcta', evil)), '/');
      }
      const client = await loggedInClient(t, dni, 'clave correcta');
      assert.equal(location(await client.get('/ingresar?volver=/mis-datos')), '/mis-datos');
    });

    test('after 10 idle minutes the next page asks to log in again and says why', async () => {
      const client = await loggedInClient(t, dni, 'clave correcta');
      assert.equal((await client.get('/mis-datos')).statusCode, 200);
      t.clock.advance(601_000);
      const res = await client.get('/mis-datos');
      assert.equal(res.statusCode, 303);
      assert.equal(location(res), '/ingresar?volver=%2Fmis-datos&inactivo=1');
      await client.follow(res);
      assert.match(client.text(), /Ha estado inactivo más de 10 minutos\. Por seguridad se cerró su sesión\./);
      assert.equal(client.text().match(/Ha estado inactivo/g)?.length, 1);
      const back = await logIn(client, dni, 'clave correcta', '/mis-datos');
      assert.equal(location(back), '/mis-datos');
    });

    test('a form sent after the session ended comes back, filled, after logging in', async () => {
      const client = await loggedInClient(t, dni, 'clave correcta');
      await client.get('/mis-datos');
      t.clock.advance(601_000);
      const res = await client.post('/mis-datos', {
        lastName: 'Nuevo Apellido',
        firstName: 'Ana',
        mobile: '11 4444-3333',
      });
      assert.equal(res.statusCode, 303);
      const target = new URL(location(res), 'http://x');
      assert.equal(target.pathname, '/ingresar');
      assert.equal(target.searchParams.get('inactivo'), '1');
      const volver = target.searchParams.get('volver') as string;
      assert.match(volver, /^\/mis-datos\?/);
      assert.equal(new URL(volver, 'http://x').searchParams.get('lastName'), 'Nuevo Apellido');
      assert.doesNotMatch(volver, /_csrf/);

      await client.follow(res);
      assert.match(client.text(), /Ha estado inactivo/);
      const login = await logIn(client, dni, 'clave correcta', volver);
      await client.follow(login);
      assert.equal(inputValue(client.html, 'lastName'), 'Nuevo Apellido');
      assert.equal(inputValue(client.html, 'mobile'), '11 4444-3333');
    });

    test('Salir ends the session; a form without the CSRF token is refused', async () => {
      const client = await loggedInClient(t, dni, 'clave correcta');
      await client.get('/mis-datos');
      const forged = await client.post('/mis-datos', { _csrf: '', lastName: 'X', firstName: 'Y' });
      assert.equal(forged.statusCode, 403);
      const out = await client.post('/salir');
      assert.equal(out.statusCode, 303);
      assert.equal(location(out), '/');
      assert.equal(location(await client.get('/mis-datos')), '/ingresar?volver=%2Fmis-datos');
      const anonymous = new WebClient(t.app);
      await anonymous.get('/ingresar');
      assert.equal(
        (await anonymous.post('/ingresar', { _csrf: 'x', dni, password: 'clave correcta' })).statusCode,
        403,
      );
    });

    test('forgotten password: a link by mail, a new password, old one and other sessions gone', async () => {
      const elsewhere = await loggedInClient(t, dni, 'clave correcta');
      const client = new WebClient(t.app);
      await client.get('/olvide-mi-clave');
      const asked = await client.post('/olvide-mi-clave', { dni });
      assert.equal(asked.statusCode, 200);
      const neutral = client.text();
      assert.match(neutral, /Si ese DNI tiene usuario/);
      await client.post('/olvide-mi-clave', { dni: '11999888' });
      assert.equal(client.text().replace('11999888', dni), neutral);

      const mail = await mailTo(t, email);
      assert.match(mail.subject, /contraseña nueva/);
      assert.match(mail.text, /2 horas/);
      const link = linkPath(mail, '/restablecer?token=');
      assert.equal((await client.get(link)).statusCode, 200);
      assert.match(client.text(), /Al menos 8 caracteres\. No puede ser tu DNI\./);

      const token = new URL(link, 'http://x').searchParams.get('token') as string;
      const weak = await client.post('/restablecer', { token, password: dni, passwordRepeat: dni });
      assert.equal(weak.statusCode, 400);
      assert.match(client.text(), /no puede ser tu DNI/);
      const mismatch = await client.post('/restablecer', {
        token,
        password: 'nueva clave 1',
        passwordRepeat: 'nueva clave 2',
      });
      assert.equal(mismatch.statusCode, 400);
      assert.match(client.text(), /no son iguales/);

      const done = await client.post('/restablecer', {
        token,
        password: 'nueva clave 1',
        passwordRepeat: 'nueva clave 1',
      });
      assert.equal(done.statusCode, 200);
      assert.match(client.text(), /ya podés ingresar/);
      assert.equal(
        (await client.post('/restablecer', { token, password: 'otra más 123', passwordRepeat: 'otra más 123' }))
          .statusCode,
        410,
      );
      assert.equal((await client.get(link)).statusCode, 410);

      assert.equal((await logIn(new WebClient(t.app), dni, 'clave correcta')).statusCode, 401);
      assert.equal((await logIn(new WebClient(t.app), dni, 'nueva clave 1')).statusCode, 303);
      assert.equal((await elsewhere.get('/mis-datos')).statusCode, 303, 'the other session ended');
      assert.match((await mailTo(t, email)).subject, /Cambió tu contraseña/);
      await withAccountPassword(t, dni, 'clave correcta');
    });

    test('reset links expire after 2 hours; asking too often is refused', async () => {
      const client = new WebClient(t.app);
      await client.get('/olvide-mi-clave');
      await client.post('/olvide-mi-clave', { dni });
      const link = linkPath(await mailTo(t, email), '/restablecer?token=');
      t.clock.advance(2 * 60 * MINUTE + 1);
      assert.equal((await client.get(link)).statusCode, 410);
      for (let i = 0; i < 3; i++) assert.equal((await client.post('/olvide-mi-clave', { dni })).statusCode, 200);
      const refused = await client.post('/olvide-mi-clave', { dni });
      assert.equal(refused.statusCode, 429);
      assert.match(client.text(), /Demasiados intentos\. Esperá 60 minutos/);
    });

    test('pages in English when chosen', async () => {
      const client = new WebClient(t.app, { 'accept-language': 'en-US' });
      await client.get('/ingresar');
      assert.match(client.text(), /Log in/);
      await client.post('/ingresar', { dni, password: 'wrong' });
      assert.match(client.text(), /Wrong DNI or password\./);
    });
  });
}

/** Puts a known password back, so the tests after a reset start from the same place. */
async function withAccountPassword(t: TestApp, dni: string, password: string) {
  const { hashPassword } = await import('./accounts.passwords.js');
  const db = t.ctx.database.db;
  const patient = await db.selectFrom('patients').select('id').where('dni', '=', dni).executeTakeFirstOrThrow();
  await db
    .updateTable('webAccounts')
    .set({ passwordHash: await hashPassword(password) })
    .where('patientId', '=', patient.id)
    .execute();
}
