// The patient web's shell as a browser meets it: headers, language, CSRF, sessions, error pages.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertPatient } from '../../test/support/factories.js';
import { buildTestApp, type TestApp } from '../../test/support/test-app.js';
import { testDialects } from '../../test/support/test-db.js';
import { location, WebClient } from '../../test/support/web-client.js';

for (const dialect of testDialects()) {
  describe(`the patient web shell (${dialect})`, () => {
    let t: TestApp;
    let patientId: number;

    before(async () => {
      t = await buildTestApp(dialect, { web: { patientIdleSeconds: 600 } });
      patientId = (await insertPatient(t.ctx.database.db, { lastName: 'ROMERO' })).id;
    });
    after(() => t.close());

    test('pages carry security headers, a strict CSP, no caching, and link versioned static files', async () => {
      const browser = new WebClient(t.app);
      const res = await browser.get('/');
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-security-policy']), /script-src 'self'/);
      assert.equal(res.headers['x-frame-options'], 'DENY');
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.equal(res.headers['cache-control'], 'no-store');
      const css = /href="(\/static\/app\.css\?v=[0-9a-f]+)"/.exec(res.body)?.[1];
      assert.ok(css, 'the page links its stylesheet with a version');
      const sheet = await browser.get(css);
      assert.equal(sheet.statusCode, 200);
      assert.match(String(sheet.headers['content-type']), /text\/css/);
      assert.match(String(sheet.headers['cache-control']), /immutable/);
    });

    test('the language switch never sends the visitor to another site', async () => {
      const res = await new WebClient(t.app).get('/idioma?lang=es&volver=/%09/evil.example');
      assert.equal(res.headers.location, '/');
    });

    test('Spanish by default; "English" switches every page and comes back to the same page', async () => {
      const browser = new WebClient(t.app, {});
      await browser.get('/');
      assert.match(browser.text(), /Bienvenido al portal de turnos/);
      const switched = await browser.get(`/idioma?lang=en&volver=${encodeURIComponent('/?x=1')}`);
      assert.equal(switched.statusCode, 303);
      assert.equal(switched.headers.location, '/?x=1');
      await browser.follow(switched);
      assert.match(browser.text(), /Welcome to the appointment portal/);
      assert.match(browser.html, /<html lang="en"/);
    });

    test('the language switch never sends the browser to another site', async () => {
      const browser = new WebClient(t.app);
      for (const target of ['//evil.example', 'https://evil.example', '/\\evil.example']) {
        const res = await browser.get(`/idioma?lang=es&volver=${encodeURIComponent(target)}`);
        assert.equal(res.headers.location, '/', target);
      }
    });

    test('a form post without the CSRF token, with a wrong one, or from another site is refused with a page', async () => {
      const browser = await WebClient.loggedIn(t.app, t.ctx, patientId);
      await browser.get('/');
      for (const fields of [{ _csrf: '' }, { _csrf: 'forged' }]) {
        const res = await browser.post('/salir', fields);
        assert.equal(res.statusCode, 403);
        assert.match(browser.text(), /El formulario venció/);
      }
      const crossSite = await t.app.inject({
        method: 'POST',
        url: '/sesion/seguir',
        headers: {
          cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
          origin: 'https://evil.example',
          'x-csrf-token': browser.csrf,
        },
      });
      assert.equal(crossSite.statusCode, 403);
    });

    test('the logged-in layout shows the patient and the idle time for the warning script', async () => {
      const browser = await WebClient.loggedIn(t.app, t.ctx, patientId);
      await browser.get('/');
      assert.match(browser.text(), /Sesión de Test ROMERO/);
      assert.match(browser.html, /data-idle-seconds="600"/);
      const stay = await t.app.inject({
        method: 'POST',
        url: '/sesion/seguir',
        headers: {
          cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
          'x-csrf-token': browser.csrf,
        },
      });
      assert.equal(stay.statusCode, 200);
    });

    test('after the idle time the session is gone and the next page says why', async () => {
      const browser = await WebClient.loggedIn(t.app, t.ctx, patientId);
      await browser.get('/');
      t.clock.advance(601_000);
      const res = await browser.get('/');
      assert.equal(res.statusCode, 200);
      assert.match(browser.text(), /Ha estado inactivo más de 10 minutos\. Por seguridad se cerró su sesión\./);
      assert.doesNotMatch(browser.text(), /Sesión de/);
      await browser.get('/');
      assert.doesNotMatch(browser.text(), /Ha estado inactivo/, 'the notice is shown once');
    });

    test('a file sent to a page that takes none is refused unread', async () => {
      const visitor = new WebClient(t.app);
      await visitor.get('/ingresar');
      const file = { name: 'big.pdf', type: 'application/pdf', bytes: Buffer.alloc(64 * 1024) };
      const res = await visitor.upload('/ingresar', { dni: '27111222' }, { file });
      assert.equal(res.statusCode, 415);
    });

    test('a portal form sent after the session ended never puts what was typed in the address', async () => {
      const browser = await WebClient.loggedIn(t.app, t.ctx, patientId);
      await browser.get('/');
      t.clock.advance(601_000);
      const answers = await browser.post('/portal/cuestionarios/1', { 'q-1': 'Enalapril 10 mg', accion: 'enviar' });
      assert.equal(location(answers), '/ingresar?volver=%2Fportal%2Fcuestionarios%2F1&inactivo=1');
      const reset = await browser.post('/restablecer', { securityAnswer: 'Firulais', dni: '27111222' });
      assert.doesNotMatch(location(reset), /Firulais|27111222/);
    });

    test('activity keeps the session alive past the idle time', async () => {
      const browser = await WebClient.loggedIn(t.app, t.ctx, patientId);
      for (let i = 0; i < 4; i++) {
        t.clock.advance(300_000);
        await browser.get('/');
        assert.match(browser.text(), /Sesión de Test ROMERO/, `after ${(i + 1) * 5} minutes of activity`);
      }
    });

    test('an unknown page is a page in the visitor’s language; the API keeps answering JSON', async () => {
      const browser = new WebClient(t.app);
      const page = await browser.get('/no-existe');
      assert.equal(page.statusCode, 404);
      assert.match(String(page.headers['content-type']), /text\/html/);
      assert.match(browser.text(), /No encontramos esa página/);
      const api = await t.app.inject({ url: '/api/v1/no-existe' });
      assert.equal(api.statusCode, 404);
      assert.equal(api.json().error.code, 'NOT_FOUND');
    });
  });
}
