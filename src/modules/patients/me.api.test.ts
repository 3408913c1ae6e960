// /api/v1/me with the patient's session cookie: only their own data, the web's rules, no cross-site writes.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertPatient } from '../../../test/support/factories.js';
import { buildSeededApp, type Seed } from '../../../test/support/seeded-app.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { WebClient } from '../../../test/support/web-client.js';

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
