// The database, not luck, keeps one professional's turnos from overlapping and the limits from being
// exceeded: many requests at once, in one process and across several processes sharing the database.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { insertPatient } from '../../../test/support/factories.js';
import { buildSeededApp, cardiology, postBooking, type Seed } from '../../../test/support/seeded-app.js';
import { TurneroProcess } from '../../../test/support/server-process.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { AppError } from '../../errors.js';
import { lockKey } from '../../platform/db/dialect.js';
import { addDays, isoWeekday, todayIn } from '../../platform/time/zone.js';
import type { StaffActor } from '../staff/actor.js';
import { createApiToken } from '../staff/api-tokens.service.js';
import { createException } from './agendas.service.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` inside a transaction that holds professional `id`'s booking lock (on SQLite: the write lock,
 * as every write transaction does) until `release` is called, as an agenda change being saved would.
 */
function holdProfessional(t: TestApp, id: number, work: (trx: TestApp['ctx']['database']['db']) => Promise<void>) {
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  let holding = () => {};
  const held = new Promise<void>((resolve) => {
    holding = resolve;
  });
  const done = t.ctx.database.db.transaction().execute(async (trx) => {
    await lockKey(trx, t.ctx.database.dialect, `professional:${id}`);
    await work(trx);
    holding();
    await gate;
  });
  return { held, done, release };
}

/** PostgreSQL: until `n` transactions of this database wait for an advisory lock (or 5 s, or `until` settles). */
async function lockWaiters(t: TestApp, n: number, until?: Promise<unknown>) {
  let settled = false;
  void until?.then(
    () => {
      settled = true;
    },
    () => {
      settled = true;
    },
  );
  for (let i = 0; i < 250 && !settled; i++) {
    const { rows } = await sql<{ n: number }>`select count(*) as n from pg_locks
      where locktype = 'advisory' and not granted
        and database = (select oid from pg_database where datname = current_database())`.execute(t.ctx.database.db);
    if (Number(rows[0]?.n) >= n) return;
    await sleep(20);
  }
}

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

    test('a center-wide exception saved while a booking waits: the booking is refused or the exception lists it', {
      skip: dialect === 'sqlite' && 'SQLite runs one write transaction at a time: the two cannot interleave',
    }, async () => {
      const patient = await insertPatient(t.ctx.database.db);
      const date = '2026-12-21';
      // Someone holds GONZALEZ's agenda (a booking in progress): the new booking queues up behind it.
      const holder = holdProfessional(t, seed.gonzalez.id, async () => {});
      await holder.held;
      const booking = book({ patientId: patient.id, start: `${date}T09:00:00-03:00` });
      await lockWaiters(t, 1);
      const actor: StaffActor = {
        kind: 'staff',
        ref: 'cli',
        name: 'Admin',
        role: 'admin',
        professionalId: null,
        ip: '',
      };
      const exception = createException(t.ctx, {
        actor,
        exception: { professionalId: null, fromDate: date, toDate: date, kind: 'block', reason: 'Corte de luz' },
      });
      // A center-wide change waits for every professional's lock; before, it did not wait at all.
      await lockWaiters(t, 2, exception);
      holder.release();
      await holder.done;
      const [res, saved] = await Promise.allSettled([booking, exception]);
      assert.equal(res.status, 'fulfilled');
      const booked = res.status === 'fulfilled' && res.value.statusCode === 201;
      if (booked) {
        assert.ok(
          saved.status === 'rejected' &&
            saved.reason instanceof AppError &&
            saved.reason.code === 'ORPHANED_APPOINTMENTS',
          'a turno booked on that day must stop the exception until confirmed',
        );
      } else {
        assert.equal(res.status === 'fulfilled' && res.value.json().error.code, 'NOT_IN_AGENDA');
        assert.equal(saved.status, 'fulfilled');
      }
      await t.ctx.database.db.deleteFrom('scheduleExceptions').where('fromDate', '=', date).execute();
    });

    test('a turno moved while a leave is being saved for that day is refused once the leave is in', {
      skip: dialect === 'sqlite' && 'SQLite runs one write transaction at a time: the two cannot interleave',
    }, async () => {
      const patient = await insertPatient(t.ctx.database.db);
      const booked = await book({ patientId: patient.id, start: '2026-12-22T09:00:00-03:00' });
      assert.equal(booked.statusCode, 201);
      const day = '2026-12-23';
      const holder = holdProfessional(t, seed.gonzalez.id, async (trx) => {
        await trx
          .insertInto('scheduleExceptions')
          .values({ professionalId: seed.gonzalez.id, fromDate: day, toDate: day, kind: 'leave', reason: 'Licencia' })
          .execute();
      });
      await holder.held;
      const moved = t.app.inject({
        method: 'POST',
        url: `/api/v1/appointments/${booked.json().id}/reschedule`,
        headers: admin,
        payload: { start: `${day}T09:00:00-03:00` },
      });
      await lockWaiters(t, 1);
      holder.release();
      await holder.done;
      const res = await moved;
      assert.equal(res.statusCode, 422, res.body);
      assert.equal(res.json().error.code, 'NOT_IN_AGENDA');
      await t.ctx.database.db.deleteFrom('scheduleExceptions').where('fromDate', '=', day).execute();
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

    test('a leave saved while another process checks a booking against the agenda is seen by that booking', async () => {
      const day = weekdaysFromNextMonday(12)[11] as string;
      const patient = await insertPatient(t.ctx.database.db);
      // The leave is written (not yet committed) while the agenda change holds GONZALEZ's lock.
      const holder = holdProfessional(t, seed.gonzalez.id, async (trx) => {
        await trx
          .insertInto('scheduleExceptions')
          .values({
            professionalId: seed.gonzalez.id,
            fromDate: day,
            toDate: day,
            fromTime: null,
            toTime: null,
            kind: 'leave',
            reason: 'Congreso',
          })
          .execute();
      });
      await holder.held;
      const response = post(0, { patientId: patient.id, start: `${day}T09:00:00-03:00` });
      // The booking reaches the lock (PostgreSQL: seen waiting; SQLite: the other process polls the write lock).
      if (dialect === 'postgres') await lockWaiters(t, 1);
      else await sleep(500);
      holder.release();
      await holder.done;
      const res = await response;
      const body = (await res.json()) as { error?: { code: string } };
      assert.equal(res.status, 422, JSON.stringify(body));
      assert.equal(body.error?.code, 'NOT_IN_AGENDA');
      await t.ctx.database.db.deleteFrom('scheduleExceptions').where('fromDate', '=', day).execute();
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
