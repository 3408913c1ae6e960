// Inputs at the edges answer 4xx on both databases, never 500, and never do something else than asked.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertPatient } from '../../../test/support/factories.js';
import { buildSeededApp, cardiology, postBooking, type Seed } from '../../../test/support/seeded-app.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';

for (const dialect of testDialects()) {
  describe(`edges (${dialect})`, () => {
    let t: TestApp;
    let seed: Seed;
    let admin: Record<string, string>;
    before(async () => {
      ({ t, seed, admin } = await buildSeededApp(dialect));
    });
    after(() => t.close());

    const book = (body: Record<string, unknown>) => postBooking(t, admin, cardiology(seed, body));

    test('ids beyond 32 bits, impossible or far-away dates are 400, not 500', async () => {
      for (const url of [
        '/api/v1/availability?professionalId=3000000000',
        `/api/v1/availability?professionalId=${seed.gonzalez.id}&from=9999-12-31`,
        `/api/v1/availability?professionalId=${seed.gonzalez.id}&from=0001-01-01`,
        `/api/v1/availability?professionalId=${seed.gonzalez.id}&from=2026-13-01`,
      ]) {
        const res = await t.app.inject(url);
        assert.equal(res.statusCode, 400, `${url}: ${res.body}`);
      }
      const patient = await insertPatient(t.ctx.database.db);
      for (const start of ['2026-11-31T08:00:00-03:00', '2026-02-30T08:00:00-03:00', '9999-12-31T08:00:00-03:00']) {
        const res = await book({ patientId: patient.id, start });
        assert.equal(res.statusCode, 400, `${start} must not book another day: ${res.body}`);
      }
      const weird = await book({
        patientId: true,
        professionalId: [seed.gonzalez.id],
        start: '2026-11-24T08:00:00-03:00',
      });
      assert.equal(weird.statusCode, 400);
      const big = await t.app.inject({ url: '/api/v1/appointments/3000000000', headers: admin });
      assert.equal(big.statusCode, 400);
    });

    test('web bookings must carry the IP, and one address counts once however it is written', async () => {
      await t.ctx.database.db.updateTable('centerSettings').set({ maxFuturePerIp: 1 }).where('id', '=', 1).execute();
      try {
        const first = await insertPatient(t.ctx.database.db);
        const noIp = await book({ patientId: first.id, start: '2026-11-25T08:00:00-03:00', origin: 'web' });
        assert.equal(noIp.statusCode, 400);
        assert.match(noIp.json().error.message, /«ip» es obligatoria/);
        const ok = await book({
          patientId: first.id,
          start: '2026-11-25T08:00:00-03:00',
          origin: 'web',
          ip: '10.9.9.9',
        });
        assert.equal(ok.statusCode, 201, ok.body);
        const second = await insertPatient(t.ctx.database.db);
        const mapped = await book({
          patientId: second.id,
          start: '2026-11-25T08:20:00-03:00',
          origin: 'web',
          ip: '::ffff:10.9.9.9',
        });
        assert.equal(mapped.json().error?.code, 'LIMIT_FUTURE_IP');
      } finally {
        await t.ctx.database.db.updateTable('centerSettings').set({ maxFuturePerIp: 8 }).where('id', '=', 1).execute();
      }
    });

    test("a professional's grid for a service it does not offer, or a hidden one, offers nothing bookable", async () => {
      const wrong = await t.app.inject(
        `/api/v1/availability?professionalId=${seed.alvarez.id}&specialtyId=${seed.dermatology.id}`,
      );
      assert.equal(wrong.statusCode, 422);
      assert.equal(wrong.json().error.code, 'WRONG_SERVICE');
      const hidden = await t.app.inject(
        `/api/v1/availability?professionalId=${seed.alvarez.id}&specialtyId=${seed.hiddenSpecialty.id}`,
      );
      assert.equal(hidden.statusCode, 404);
    });

    test('an overbook does not take the slot from the grid, as it does not in the database', async () => {
      const patient = await insertPatient(t.ctx.database.db);
      const start = '2026-11-26T09:40:00-03:00';
      assert.equal((await book({ patientId: patient.id, start, overbook: true })).statusCode, 201);
      const week = await t.app.inject(`/api/v1/availability?professionalId=${seed.gonzalez.id}&from=2026-11-26&days=1`);
      assert.equal(week.json().slots.find((s: { start: string }) => s.start === start).free, true);
      assert.equal((await book({ patientId: (await insertPatient(t.ctx.database.db)).id, start })).statusCode, 201);
    });

    test('the patient register is for admin and reception; a stale token does not break public pages', async () => {
      const pro = await t.auth('professional', seed.gonzalez.id);
      assert.equal((await t.app.inject({ url: '/api/v1/patients', headers: pro })).statusCode, 403);
      assert.equal((await t.app.inject({ url: `/api/v1/patients/${seed.patient.id}`, headers: pro })).statusCode, 403);
      const stale = { authorization: 'Bearer trn_revoked' };
      assert.equal((await t.app.inject({ url: '/healthz', headers: stale })).statusCode, 200);
      assert.equal((await t.app.inject({ url: '/', headers: stale })).statusCode, 200);
      assert.equal((await t.app.inject({ url: '/api/v1/center', headers: stale })).statusCode, 401);
    });

    test('a cancelled turno is not brought back by a late attendance change', async () => {
      const patient = await insertPatient(t.ctx.database.db);
      const created = (await book({ patientId: patient.id, start: '2026-11-23T11:20:00-03:00' })).json();
      await t.app.inject({ method: 'POST', url: `/api/v1/appointments/${created.id}/cancel`, headers: admin });
      const back = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/appointments/${created.id}`,
        headers: admin,
        payload: { status: 'reserved' },
      });
      assert.equal(back.statusCode, 409);
      assert.equal(back.json().error.code, 'INVALID_TRANSITION');
    });
  });
}
