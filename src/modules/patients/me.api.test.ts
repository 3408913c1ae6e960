// /api/v1/me with the patient's session cookie: only their own data, the web's rules, no cross-site writes.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertPatient } from '../../../test/support/factories.js';
import { buildSeededApp, type Seed } from '../../../test/support/seeded-app.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { WebClient } from '../../../test/support/web-client.js';
import { SESSION_COOKIE } from '../../platform/http/sessions.js';
import { forgetLimits, withAccount } from './accounts.test-helpers.js';

for (const dialect of testDialects()) {
  describe(`/api/v1/me (${dialect})`, () => {
    let t: TestApp;
    let seed: Seed;
    let ana: string;
    let beto: string;
    let betoTurno: number;

    const cookieOf = async (patientId: number) => {
      const client = await WebClient.loggedIn(t.app, t.ctx, patientId);
      return [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    };
    const call = (cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
      t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });
    const book = (cookie: string, start: string, reason = 'Control') =>
      call(cookie, 'POST', '/me/appointments', {
        professionalId: seed.gonzalez.id,
        specialtyId: seed.cardiology.id,
        start,
        reason,
      });

    before(async () => {
      ({ t, seed } = await buildSeededApp(dialect));
      ana = await cookieOf(seed.patient.id);
      const other = await insertPatient(t.ctx.database.db, { lastName: 'BETO' });
      beto = await cookieOf(other.id);
      const res = await book(beto, '2026-11-24T10:00:00-03:00');
      assert.equal(res.statusCode, 201, res.body);
      betoTurno = res.json().id;
    });
    after(() => t.close());

    test('without a session every endpoint asks to log in', async () => {
      for (const url of ['/me', '/me/appointments', `/me/appointments/${betoTurno}`]) {
        const res = await call('', 'GET', url);
        assert.equal(res.statusCode, 401, url);
        assert.equal(res.json().error.code, 'UNAUTHENTICATED');
      }
    });

    test('GET /me is the logged-in patient', async () => {
      const res = await call(ana, 'GET', '/me');
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().id, seed.patient.id);
    });

    test('booking applies the web rules, answers the post-booking messages, and lists newest first', async () => {
      const first = await book(ana, '2026-11-24T08:00:00-03:00');
      assert.equal(first.statusCode, 201, first.body);
      assert.equal(first.json().origin, 'web');
      assert.ok(first.json().messages.includes('Traé estudios previos'));
      const sameDay = await book(ana, '2026-11-24T08:20:00-03:00');
      assert.equal(sameDay.statusCode, 422);
      assert.equal(sameDay.json().error.code, 'LIMIT_PER_DAY');
      const second = await book(ana, '2026-11-25T08:00:00-03:00');
      assert.equal(second.statusCode, 201, second.body);
      const list = await call(ana, 'GET', '/me/appointments');
      assert.deepEqual(
        list.json().map((a: { id: number }) => a.id),
        [second.json().id, first.json().id],
      );
    });

    test("another patient's turno is 404 to read, to edit and to cancel", async () => {
      for (const [method, url, body] of [
        ['GET', `/me/appointments/${betoTurno}`, undefined],
        ['PATCH', `/me/appointments/${betoTurno}`, { reason: 'hackeado' }],
        ['POST', `/me/appointments/${betoTurno}/cancel`, {}],
      ] as const) {
        const res = await call(ana, method, url, body);
        assert.equal(res.statusCode, 404, `${method} ${url}`);
      }
      const still = await call(beto, 'GET', `/me/appointments/${betoTurno}`);
      assert.equal(still.json().status, 'reserved');
      assert.equal(still.json().reason, 'Control');
    });

    test('a form post with the session cookie (what another site could make the browser send) is refused', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/me/appointments',
        headers: { cookie: ana, 'content-type': 'application/x-www-form-urlencoded' },
        payload: `professionalId=${seed.gonzalez.id}&specialtyId=${seed.cardiology.id}&start=2026-11-26T08:00:00-03:00`,
      });
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().error.code, 'CSRF_FAILED');
    });

    test('a mobile app logs in with DNI and password, gets a session cookie, and logs out', async () => {
      await forgetLimits(t);
      const carla = await insertPatient(t.ctx.database.db, { lastName: 'CARLA', insurerId: seed.osde.id });
      await withAccount(t, carla.id, 'clave-de-carla');
      const logIn = (password: string) =>
        t.app.inject({ method: 'POST', url: '/api/v1/me/session', payload: { dni: carla.dni, password } });

      const wrong = await logIn('otra-clave');
      assert.equal(wrong.statusCode, 401);
      assert.equal(wrong.json().error.code, 'INVALID_CREDENTIALS');
      assert.equal(wrong.headers['set-cookie'], undefined);

      const ok = await logIn('clave-de-carla');
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().id, carla.id);
      const session = ok.cookies.find((c) => c.name === SESSION_COOKIE);
      assert.ok(session?.httpOnly, 'the session cookie is httpOnly');
      const cookie = `${SESSION_COOKIE}=${session.value}`;
      assert.equal((await call(cookie, 'GET', '/me')).json().lastName, 'CARLA');

      const out = await t.app.inject({ method: 'DELETE', url: '/api/v1/me/session', headers: { cookie } });
      assert.equal(out.statusCode, 204);
      assert.equal((await call(cookie, 'GET', '/me')).statusCode, 401, 'the old cookie no longer opens anything');
    });

    test('a login posted as a form (what another site could make a browser send) is refused', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/me/session',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: `dni=${seed.patient.dni}&password=x`,
      });
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().error.code, 'CSRF_FAILED');
    });

    test('PATCH /me changes only the fields sent and refuses what Mis datos would refuse', async () => {
      const before = (await call(ana, 'GET', '/me')).json();
      const changed = await call(ana, 'PATCH', '/me', { mobile: '11 4444-5555', address: 'Mitre 123' });
      assert.equal(changed.statusCode, 200, changed.body);
      assert.equal(changed.json().mobile, '+5491144445555');
      assert.equal(changed.json().address, 'Mitre 123');
      assert.equal(changed.json().lastName, before.lastName);

      const future = await call(ana, 'PATCH', '/me', { birthDate: '2030-01-01' });
      assert.equal(future.statusCode, 400);
      assert.match(future.json().error.message, /fecha de nacimiento/);
      const emptied = await call(ana, 'PATCH', '/me', { sex: null });
      assert.equal(emptied.statusCode, 400);
      assert.match(emptied.json().error.message, /sex/);
      const email = await call(ana, 'PATCH', '/me', { email: 'otro@example.com' });
      assert.equal(email.statusCode, 400, 'the e-mail changes only through the confirmation mail');
      const other = await call(ana, 'PATCH', '/me', { dni: '30111222' });
      assert.equal(other.statusCode, 400);

      const after = (await call(ana, 'GET', '/me')).json();
      assert.deepEqual(after, { ...before, mobile: '+5491144445555', address: 'Mitre 123' });
    });

    test("the slip of one's own turno is a PDF; another patient's is 404", async () => {
      const created = await book(ana, '2026-11-26T08:00:00-03:00');
      const slip = await call(ana, 'GET', `/me/appointments/${created.json().id}/slip.pdf`);
      assert.equal(slip.statusCode, 200, slip.body);
      assert.equal(slip.headers['content-type'], 'application/pdf');
      assert.equal(slip.rawPayload.subarray(0, 5).toString(), '%PDF-');
      const other = await call(ana, 'GET', `/me/appointments/${betoTurno}/slip.pdf`);
      assert.equal(other.statusCode, 404);
      assert.equal((await call('', 'GET', `/me/appointments/${betoTurno}/slip.pdf`)).statusCode, 401);
    });

    test('the patient edits the reason and cancels their own turno', async () => {
      const created = await book(ana, '2026-11-27T08:00:00-03:00');
      const id = created.json().id;
      const edited = await call(ana, 'PATCH', `/me/appointments/${id}`, { reason: 'Dolor de pecho' });
      assert.equal(edited.json().reason, 'Dolor de pecho');
      const cancelled = await call(ana, 'POST', `/me/appointments/${id}/cancel`, {});
      assert.equal(cancelled.statusCode, 200, cancelled.body);
      assert.equal(cancelled.json().status, 'cancelled');
    });
  });
}
