// Mi cuenta: two-step verification with an authenticator app, and one's own password.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { insertStaffUser } from '../../../test/support/factories.js';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { location, WebClient } from '../../../test/support/web-client.js';
import { base32Decode, totp } from '../../platform/otp/otp.js';
import { forgetLimits } from '../patients/accounts.test-helpers.js';

for (const dialect of testDialects()) {
  describe(`staff account and two-step login (${dialect})`, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(dialect);
    });
    after(() => t.close());
    beforeEach(() => forgetLimits(t));

    async function logIn(browser: WebClient, login: string, password: string) {
      await browser.get('/staff/ingresar');
      return browser.post('/staff/ingresar', { login, password, volver: '/staff/usuarios' });
    }

    test('turning on two-step login asks for the app code at every login, once per code', async () => {
      const user = await insertStaffUser(t.ctx.database.db, {
        username: 'dosp',
        role: 'admin',
        password: 'clave-dos-pasos',
      });
      const me = await WebClient.loggedInStaff(t.app, t.ctx, user.id);
      await me.get('/staff/mi-cuenta');
      assert.match(me.html, /<svg/, 'a QR code to scan');
      const secretText = /name="secret" value="([A-Z2-7]+)"/.exec(me.html)?.[1] ?? '';
      const secret = base32Decode(secretText) as Buffer;
      assert.ok(secret.length >= 16);

      const wrong = await me.post('/staff/mi-cuenta/dos-pasos', { secret: secretText, code: '000000' });
      assert.equal(wrong.statusCode, 401);
      assert.match(me.text(), /El código no es correcto/);
      assert.ok(me.html.includes(`value="${secretText}"`), 'the scanned QR code stays valid');
      const on = await me.post('/staff/mi-cuenta/dos-pasos', { secret: secretText, code: totp(secret, t.clock.now()) });
      assert.equal(location(on), '/staff/mi-cuenta?ok=activada');
      const stored = await t.ctx.database.db
        .selectFrom('staffUsers')
        .select('totpSecret')
        .where('id', '=', user.id)
        .executeTakeFirstOrThrow();
      assert.ok(stored.totpSecret && !stored.totpSecret.includes(secretText), 'the secret is stored sealed');

      t.clock.advance(30_000);
      const browser = new WebClient(t.app);
      const first = await logIn(browser, 'dosp', 'clave-dos-pasos');
      assert.equal(location(first), '/staff/ingresar/codigo?volver=%2Fstaff%2Fusuarios');
      assert.match(location(await browser.get('/staff/usuarios')), /^\/staff\/ingresar/, 'no session before the code');
      await browser.get(location(first));
      const code = totp(secret, t.clock.now());
      const bad = await browser.post('/staff/ingresar/codigo', { code: '123456', volver: '/staff/usuarios' });
      assert.equal(bad.statusCode, 401);
      const good = await browser.post('/staff/ingresar/codigo', { code, volver: '/staff/usuarios' });
      assert.equal(location(good), '/staff/usuarios');
      assert.equal((await browser.get('/staff/usuarios')).statusCode, 200);

      const other = new WebClient(t.app);
      await logIn(other, 'dosp', 'clave-dos-pasos');
      await other.get('/staff/ingresar/codigo');
      const replay = await other.post('/staff/ingresar/codigo', { code, volver: '/staff/usuarios' });
      assert.equal(replay.statusCode, 401, 'a code works once');

      const forged = new WebClient(t.app);
      forged.cookies.set('turnero_staff_paso2', `${user.id}.${t.clock.now() + 60_000}.firma-falsa`);
      assert.equal(location(await forged.get('/staff/ingresar/codigo')), '/staff/ingresar');

      await me.get('/staff/mi-cuenta');
      const offWrong = await me.post('/staff/mi-cuenta/dos-pasos/desactivar', { password: 'otra' });
      assert.equal(offWrong.statusCode, 422);
      const off = await me.post('/staff/mi-cuenta/dos-pasos/desactivar', { password: 'clave-dos-pasos' });
      assert.equal(location(off), '/staff/mi-cuenta?ok=desactivada');
      const plain = await logIn(new WebClient(t.app), 'dosp', 'clave-dos-pasos');
      assert.equal(location(plain), '/staff/usuarios');
    });

    test('with two-step login on, the password alone records no login; the right code does', async () => {
      const db = t.ctx.database.db;
      const user = await insertStaffUser(db, { username: 'dosp2', role: 'reception', password: 'clave-dos-pasos-2' });
      const me = await WebClient.loggedInStaff(t.app, t.ctx, user.id);
      await me.get('/staff/mi-cuenta');
      const secretText = /name="secret" value="([A-Z2-7]+)"/.exec(me.html)?.[1] ?? '';
      const secret = base32Decode(secretText) as Buffer;
      await me.post('/staff/mi-cuenta/dos-pasos', { secret: secretText, code: totp(secret, t.clock.now()) });
      t.clock.advance(30_000);
      const logins = () =>
        db
          .selectFrom('auditLog')
          .select('detail')
          .where('action', '=', 'staff.login')
          .where('actorRef', '=', `usuario:${user.id}`)
          .execute();
      const lastLogin = async () =>
        (await db.selectFrom('staffUsers').select('lastLoginAt').where('id', '=', user.id).executeTakeFirstOrThrow())
          .lastLoginAt;

      const browser = new WebClient(t.app);
      const first = await logIn(browser, 'dosp2', 'clave-dos-pasos-2');
      assert.equal(location(first), '/staff/ingresar/codigo?volver=%2Fstaff%2Fusuarios');
      assert.deepEqual(await logins(), [], 'a right password without the code is not a login');
      assert.equal(await lastLogin(), null);

      await browser.get(location(first));
      const good = await browser.post('/staff/ingresar/codigo', {
        code: totp(secret, t.clock.now()),
        volver: '/staff',
      });
      assert.equal(location(good), '/staff');
      assert.equal((await logins()).length, 1);
      assert.ok(await lastLogin());
    });

    test("changing one's own password needs the current one and closes the other sessions", async () => {
      const user = await insertStaffUser(t.ctx.database.db, { username: 'propia', role: 'reception' });
      const here = await WebClient.loggedInStaff(t.app, t.ctx, user.id);
      const there = await WebClient.loggedInStaff(t.app, t.ctx, user.id);
      await here.get('/staff/mi-cuenta');
      const wrong = await here.post('/staff/mi-cuenta/clave', { current: 'no-es', next: 'clave-nueva-99' });
      assert.equal(wrong.statusCode, 422);
      const ok = await here.post('/staff/mi-cuenta/clave', { current: 'clave-del-personal', next: 'clave-nueva-99' });
      assert.equal(location(ok), '/staff/mi-cuenta?ok=clave');
      assert.equal((await here.get('/staff/mi-cuenta')).statusCode, 200);
      assert.match(location(await there.get('/staff/mi-cuenta')), /^\/staff\/ingresar/);
      // A form sent after the session ended comes back after logging in, but never with passwords in the address.
      const stale = await WebClient.loggedInStaff(t.app, t.ctx, user.id);
      await stale.get('/staff/mi-cuenta');
      t.clock.advance(t.ctx.web.staffIdleSeconds * 1000 + 1000);
      const late = await stale.post('/staff/mi-cuenta/clave', { current: 'clave-del-personal', next: 'otra-clave-77' });
      assert.match(location(late), /^\/staff\/ingresar\?volver=%2Fstaff%2Fmi-cuenta%2Fclave&inactivo=1$/);
    });
  });
}
