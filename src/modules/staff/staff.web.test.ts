// /staff: first run, log in with user name or e-mail, roles, idle lock, CSRF, and the audit log page and API.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { insertPatient, insertStaffUser } from '../../../test/support/factories.js';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { location, WebClient } from '../../../test/support/web-client.js';
import { STAFF_COOKIE } from '../../web/staff-session.js';
import { forgetLimits } from '../patients/accounts.test-helpers.js';
import { audit } from './audit.service.js';

for (const dialect of testDialects()) {
  describe(`staff pages (${dialect})`, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(dialect, { web: { staffIdleSeconds: 60 } });
    });
    after(() => t.close());
    beforeEach(() => forgetLimits(t));

    test('a new install asks for the first admin once, logs them in, and never offers it again', async () => {
      const browser = new WebClient(t.app);
      const home = await browser.get('/staff');
      assert.equal(location(home), '/staff/primer-uso');
      await browser.get('/staff/primer-uso');
      const weak = await browser.post('/staff/primer-uso', { username: 'ana', name: 'Ana Admin', password: 'corta' });
      assert.equal(weak.statusCode, 400);
      assert.match(browser.text(), /al menos 8 caracteres/);
      assert.match(browser.html, /value="Ana Admin"/, 'what was typed stays');
      const created = await browser.post('/staff/primer-uso', {
        username: 'Ana',
        name: 'Ana Admin',
        email: 'ana@centro.com.ar',
        password: 'clave-de-ana',
      });
      assert.equal(location(created), '/staff');
      const inside = await browser.follow(created);
      assert.equal(inside.statusCode, 200);
      assert.match(browser.text(), /Ana Admin \(administración\)/);

      const stranger = new WebClient(t.app);
      const again = await stranger.get('/staff/primer-uso');
      assert.equal(location(again), '/staff/ingresar');
      const forced = await stranger.post('/staff/primer-uso', {
        username: 'intruso',
        name: 'X',
        password: 'clave-larga-1',
      });
      assert.equal(forced.statusCode, 403);
    });

    test('staff log in with user name or e-mail; a wrong password says so without telling which part', async () => {
      const browser = new WebClient(t.app);
      await browser.get('/staff/ingresar?volver=/staff/auditoria');
      const wrong = await browser.post('/staff/ingresar', {
        login: 'ana',
        password: 'otra',
        volver: '/staff/auditoria',
      });
      assert.equal(wrong.statusCode, 401);
      assert.match(browser.text(), /Usuario o contraseña incorrectos/);
      assert.match(browser.html, /value="ana"/);
      const unknown = await browser.post('/staff/ingresar', { login: 'nadie', password: 'otra' });
      assert.equal(unknown.statusCode, 401);

      const byEmail = await browser.post('/staff/ingresar', {
        login: 'ANA@centro.com.ar',
        password: 'clave-de-ana',
        volver: '/staff/auditoria',
      });
      assert.equal(location(byEmail), '/staff/auditoria');
      const byName = await new WebClient(t.app).post('/staff/ingresar', {
        login: 'ana',
        password: 'clave-de-ana',
        _csrf: '',
      });
      assert.equal(byName.statusCode, 403, 'a login form without its token is refused');
    });

    test('after the idle time the session ends and a form sent then comes back after logging in', async () => {
      const browser = await WebClient.newStaff(t.app, t.ctx, { username: 'rita', role: 'reception' });
      assert.equal((await browser.get('/staff')).statusCode, 200);
      // "Seguir conectado" (the warning's button) counts as activity at once, even within the 15 s in which
      // requests do not write last_seen_at.
      t.clock.advance(10_000);
      const stay = await browser.post('/staff/sesion/seguir');
      assert.deepEqual([stay.statusCode, stay.json()], [200, { ok: true }]);
      t.clock.advance(55_000);
      assert.equal((await browser.get('/staff')).statusCode, 200, '65 s after the page view, 55 s after the button');
      t.clock.advance(61_000);
      const late = await browser.post('/staff/salir', { nota: 'algo escrito' });
      assert.match(location(late), /^\/staff\/ingresar\?volver=%2Fstaff%2Fsalir%3Fnota%3Dalgo%2Bescrito&inactivo=1$/);
      const login = await browser.follow(late);
      assert.equal(login.statusCode, 200);
      assert.match(browser.text(), /Estuvo inactivo más de 1 minuto/);
    });

    test('a patient session opens nothing under /staff, and a staff session is not a patient', async () => {
      const patient = await insertPatient(t.ctx.database.db);
      const asPatient = await WebClient.loggedIn(t.app, t.ctx, patient.id);
      assert.match(location(await asPatient.get('/staff/auditoria')), /^\/staff\/ingresar/);
      const asStaff = await WebClient.newStaff(t.app, t.ctx, { username: 'rita2', role: 'admin' });
      assert.match(location(await asStaff.get('/mis-turnos')), /^\/ingresar/);
      const login = await t.app.inject({
        method: 'POST',
        url: '/staff/ingresar',
        payload: { login: 'rita2', password: 'clave-del-personal' },
      });
      assert.equal(login.statusCode, 403, 'no form token, no login');
      // A real login: the browser sends the staff cookie only to /staff, never to patient pages or scripts.
      const browser = new WebClient(t.app);
      await browser.get('/staff/ingresar');
      const ok = await browser.post('/staff/ingresar', { login: 'rita2', password: 'clave-del-personal' });
      const cookie = (ok.cookies as { name: string; path?: string; httpOnly?: boolean; sameSite?: string }[]).find(
        (c) => c.name === STAFF_COOKIE,
      );
      assert.equal(cookie?.path, '/staff');
      assert.equal(cookie?.httpOnly, true);
      assert.equal(cookie?.sameSite, 'Strict');
    });

    test('the audit log: admins read it on the page and the API, with filters; reception cannot', async () => {
      const admin = await insertStaffUser(t.ctx.database.db, { username: 'auditora', role: 'admin' });
      const reception = await insertStaffUser(t.ctx.database.db, { username: 'recep', role: 'reception' });
      const patient = await insertPatient(t.ctx.database.db);
      const actor = { kind: 'staff', ref: `usuario:${reception.id}`, name: 'Recep', role: 'reception' } as const;
      await audit(
        t.ctx,
        { ...actor, professionalId: null, ip: '10.1.1.1' },
        { action: 'patient.read', patientId: patient.id },
      );

      const page = await WebClient.loggedInStaff(t.app, t.ctx, admin.id);
      const res = await page.get(`/staff/auditoria?patientId=${patient.id}`);
      assert.equal(res.statusCode, 200);
      assert.match(page.text(), new RegExp(`Recep \\(usuario:${reception.id}\\) patient.read ${patient.id}`));
      assert.match(page.text(), /10\.1\.1\.1/);

      const asReception = await WebClient.loggedInStaff(t.app, t.ctx, reception.id);
      assert.equal((await asReception.get('/staff/auditoria')).statusCode, 403);

      const api = await t.app.inject({
        url: `/api/v1/audit-log?patientId=${patient.id}&action=patient.read`,
        headers: await t.auth('admin'),
      });
      assert.equal(api.statusCode, 200);
      assert.equal(api.json().length, 1);
      assert.equal(api.json()[0].actorRef, `usuario:${reception.id}`);
      const byReception = await t.app.inject({ url: '/api/v1/audit-log', headers: await t.auth('reception') });
      assert.equal(byReception.statusCode, 403);
      const badDate = await t.app.inject({ url: '/api/v1/audit-log?from=2026-13-01', headers: await t.auth('admin') });
      assert.equal(badDate.statusCode, 400);
    });
  });
}
