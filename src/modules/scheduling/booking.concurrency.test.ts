// The database, not luck, keeps one professional's turnos from overlapping and the limits from being
// exceeded: many requests at once, in one process and across several processes sharing the database.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertPatient, seedCenter } from '../../../test/support/factories.js';
import { TurneroProcess } from '../../../test/support/server-process.js';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { createApiToken } from '../staff/api-tokens.service.js';

type Seed = Awaited<ReturnType<typeof seedCenter>>;

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
      t = await buildTestApp(dialect);
      seed = await seedCenter(t.ctx.database.db);
      admin = await t.auth('admin');
    });
    after(() => t.close());

    const book = (body: Record<string, unknown>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/appointments',
        headers: admin,
        payload: { professionalId: seed.gonzalez.id, specialtyId: seed.cardiology.id, ...body },
      });

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
      t = await buildTestApp(dialect, { now: Date.now() });
      seed = await seedCenter(t.ctx.database.db);
      ({ token } = await createApiToken(t.ctx, { name: 'race', role: 'admin' }));
      const env = { DATABASE_URL: t.testDb.url, PORT: '0', HOST: '127.0.0.1', TURNERO_DEMO: 'false' };
      servers = [0, 1, 2].map(() => new TurneroProcess(['serve'], env));
      urls.push(...(await Promise.all(servers.map((s) => s.ready()))));
    });
    after(async () => {
      await Promise.all(servers.map((s) => s.dispose()));
      await t.close();
    });

    async function nextMonday(weeks: number) {
      const d = new Date();
      d.setUTCDate(d.getUTCDate() + ((8 - d.getUTCDay()) % 7 || 7) + weeks * 7);
      return d.toISOString().slice(0, 10);
    }
    const post = (i: number, body: Record<string, unknown>) =>
      fetch(`${urls[i % urls.length]}/api/v1/appointments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ professionalId: seed.gonzalez.id, specialtyId: seed.cardiology.id, ...body }),
      });

    test('60 requests for one slot spread over 3 processes: exactly one 201', async () => {
      const monday = await nextMonday(1);
      const patients = await Promise.all(Array.from({ length: 60 }, () => insertPatient(t.ctx.database.db)));
      const responses = await Promise.all(
        patients.map((p, i) => post(i, { patientId: p.id, start: `${monday}T10:00:00-03:00` })),
      );
      assert.deepEqual(tally(responses.map((r) => r.status)), { 201: 1, 409: 59 });
    });

    test('one patient booking 9 distinct slots at once through 3 processes gets exactly 4 (web limit)', async () => {
      const patient = await insertPatient(t.ctx.database.db);
      const monday = await nextMonday(2);
      const starts = [0, 1, 2, 3, 4].flatMap((d) => {
        const date = new Date(`${monday}T12:00:00Z`);
        date.setUTCDate(date.getUTCDate() + d);
        const day = date.toISOString().slice(0, 10);
        return d < 4
          ? [`${day}T08:00:00-03:00`, `${day}T08:40:00-03:00`].slice(0, d === 0 ? 1 : 2)
          : [`${day}T08:00:00-03:00`];
      });
      const distinctDays = starts.slice(0, 9);
      const responses = await Promise.all(
        distinctDays.map((start, i) => post(i, { patientId: patient.id, start, origin: 'web', ip: '198.51.100.4' })),
      );
      const bodies = await Promise.all(responses.map((r) => r.json() as Promise<{ error?: { code: string } }>));
      const created = responses.filter((r) => r.status === 201).length;
      assert.equal(created, 4, JSON.stringify(bodies));
      assert.ok(
        bodies.every(
          (b, i) =>
            responses[i]?.status === 201 || ['LIMIT_FUTURE_PATIENT', 'LIMIT_PER_DAY'].includes(b.error?.code ?? ''),
        ),
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
