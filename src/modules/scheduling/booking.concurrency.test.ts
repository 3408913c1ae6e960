// The database, not luck, keeps one professional's turnos from overlapping and the limits from being
// exceeded: many requests at once, in one process and across several processes sharing the database.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertPatient } from '../../../test/support/factories.js';
import { buildSeededApp, cardiology, postBooking, type Seed } from '../../../test/support/seeded-app.js';
import { TurneroProcess } from '../../../test/support/server-process.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { addDays, isoWeekday, todayIn } from '../../platform/time/zone.js';
import { createApiToken } from '../staff/api-tokens.service.js';

function tally(statuses: number[]) {
  const counts: Record<number, number> = {};
  for (const s of statuses) counts[s] = (counts[s] ?? 0) + 1;
  return counts;
}

for (const dialect of testDialects()) {
  describe(`concurrent bookings in one process (${dialect})`, () => {
    let t: TestApp;
    let seed: Seed;
    let admin: Record<string, string>;
    before(async () => {
      ({ t, seed, admin } = await buildSeededApp(dialect));
    });
    after(() => t.close());

    const book = (body: Record<string, unknown>) => postBooking(t, admin, cardiology(seed, body));

    test('40 patients racing for one slot: exactly one gets it, the rest 409', async () => {
      const patients = await Promise.all(Array.from({ length: 40 }, () => insertPatient(t.ctx.database.db)));
      const results = await Promise.all(
        patients.map((p) => book({ patientId: p.id, start: '2026-11-24T09:00:00-03:00' })),
      );
      assert.deepEqual(tally(results.map((r) => r.statusCode)), { 201: 1, 409: 39 });
    });

    test('one patient firing 12 web bookings at once cannot pass the limit of 4 upcoming turnos', async () => {
      const patient = await insertPatient(t.ctx.database.db);
      const days = ['25', '26', '27', '30']
        .map((d) => `2026-11-${d}`)
        .concat(['01', '02', '03', '04'].map((d) => `2026-12-${d}`));
      const starts = [...days, '2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10'].map(
        (d) => `${d}T11:20:00-03:00`,
      );
      const results = await Promise.all(
        starts.map((start) => book({ patientId: patient.id, start, origin: 'web', ip: '10.0.0.1' })),
      );
      const counts = tally(results.map((r) => r.statusCode));
      assert.deepEqual(counts, { 201: 4, 422: 8 });
      assert.ok(
        results.filter((r) => r.statusCode === 422).every((r) => r.json().error.code === 'LIMIT_FUTURE_PATIENT'),
      );
    });

    test('ten patients on one connection at once cannot pass the per-IP limit', async () => {
      await t.ctx.database.db.updateTable('centerSettings').set({ maxFuturePerIp: 3 }).where('id', '=', 1).execute();
      const patients = await Promise.all(Array.from({ length: 10 }, () => insertPatient(t.ctx.database.db)));
      const results = await Promise.all(
        patients.map((p, i) =>
          // Monday 14 to Friday 18 December, two slots a day.
          book({
            patientId: p.id,
            start: `2026-12-${14 + (i % 5)}T10:${i < 5 ? '00' : '40'}:00-03:00`,
            origin: 'web',
            ip: '203.0.113.7',
          }),
        ),
      );
      const counts = tally(results.map((r) => r.statusCode));
      assert.equal(
        counts[201],
        3,
        JSON.stringify(results.filter((r) => r.statusCode !== 201 && r.statusCode !== 422).map((r) => r.body)),
      );
      assert.ok(results.filter((r) => r.statusCode !== 201).every((r) => r.json().error.code === 'LIMIT_FUTURE_IP'));
    });
  });

  describe(`concurrent bookings across three server processes sharing one database (${dialect})`, () => {
    let t: TestApp;
    let seed: Seed;
    let servers: TurneroProcess[] = [];
    const urls: string[] = [];
    let token: string;
    before(async () => {
      // The processes keep the real clock: book well ahead of today.
      ({ t, seed } = await buildSeededApp(dialect, { now: Date.now() }));
      ({ token } = await createApiToken(t.ctx, { name: 'race', role: 'admin' }));
      const env = { DATABASE_URL: t.testDb.url, PORT: '0', HOST: '127.0.0.1', TURNERO_DEMO: 'false' };
      servers = [0, 1, 2].map(() => new TurneroProcess(['serve'], env));
      urls.push(...(await Promise.all(servers.map((s) => s.ready()))));
    });
    after(async () => {
      await Promise.all(servers.map((s) => s.dispose()));
      await t.close();
    });

    /** Weekdays from next week's Monday on: GONZALEZ works them, within his 30 days ahead. */
    function weekdaysFromNextMonday(count: number) {
      let day = todayIn('America/Argentina/Buenos_Aires', Date.now());
      do day = addDays(day, 1);
      while (isoWeekday(day) !== 1);
      const days: string[] = [];
      for (; days.length < count; day = addDays(day, 1)) if (isoWeekday(day) <= 5) days.push(day);
      return days;
    }
    const post = (i: number, body: Record<string, unknown>) =>
      fetch(`${urls[i % urls.length]}/api/v1/appointments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(cardiology(seed, body)),
      });

    test('60 requests for one slot spread over 3 processes: exactly one 201', async () => {
      const [monday] = weekdaysFromNextMonday(1);
      const patients = await Promise.all(Array.from({ length: 60 }, () => insertPatient(t.ctx.database.db)));
      const responses = await Promise.all(
        patients.map((p, i) => post(i, { patientId: p.id, start: `${monday}T10:00:00-03:00` })),
      );
      assert.deepEqual(tally(responses.map((r) => r.status)), { 201: 1, 409: 59 });
    });

    test('one patient booking 9 days at once through 3 processes gets exactly 4 (web limit)', async () => {
      const patient = await insertPatient(t.ctx.database.db);
      const starts = weekdaysFromNextMonday(9).map((day) => `${day}T08:00:00-03:00`);
      const responses = await Promise.all(
        starts.map((start, i) => post(i, { patientId: patient.id, start, origin: 'web', ip: '198.51.100.4' })),
      );
      const bodies = await Promise.all(responses.map((r) => r.json() as Promise<{ error?: { code: string } }>));
      assert.equal(responses.filter((r) => r.status === 201).length, 4, JSON.stringify(bodies));
      const refused = bodies.filter((_, i) => responses[i]?.status !== 201);
      assert.ok(
        refused.every((b) => b.error?.code === 'LIMIT_FUTURE_PATIENT'),
        JSON.stringify(refused),
      );
      const stored = await t.ctx.database.db
        .selectFrom('appointments')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('patientId', '=', patient.id)
        .executeTakeFirstOrThrow();
      assert.equal(Number(stored.n), 4);
    });
  });
}
