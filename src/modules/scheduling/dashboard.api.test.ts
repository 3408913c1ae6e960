// The dashboard's figures equal what the turnos below add up to, counted by hand.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildSeededApp, type Seed } from '../../../test/support/seeded-app.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import type { AppointmentOrigin, AppointmentStatus } from '../../platform/db/schema.js';
import { insertTurno } from './appointments.test-fixture.js';

for (const dialect of testDialects()) {
  describe(`dashboard (${dialect})`, () => {
    let t: TestApp;
    let seed: Seed;
    let reception: Record<string, string>;

    const turno = (
      professionalId: number,
      start: string,
      status: AppointmentStatus,
      origin: AppointmentOrigin = 'staff',
      overbook = false,
    ) =>
      insertTurno(t.ctx.database.db, {
        patientId: seed.patient.id,
        professionalId,
        specialtyId: seed.cardiology.id,
        start,
        status,
        origin,
        overbook,
      });
    const get = (query: string, headers = reception) => t.app.inject({ url: `/api/v1/dashboard${query}`, headers });

    before(async () => {
      ({ t, seed } = await buildSeededApp(dialect));
      reception = await t.auth('reception');
      const g = seed.gonzalez.id;
      // This week (Monday 23 – Sunday 29 November). Today, Monday:
      await turno(g, '2026-11-23T08:00:00-03:00', 'present');
      await turno(g, '2026-11-23T08:20:00-03:00', 'absent');
      await turno(g, '2026-11-23T08:40:00-03:00', 'cancelled', 'web');
      await turno(g, '2026-11-23T09:00:00-03:00', 'reserved', 'web');
      await turno(g, '2026-11-23T09:00:00-03:00', 'reserved', 'staff', true);
      // Wednesday, and the last half hour of Sunday; Monday 30 at 00:00 is next week.
      await turno(g, '2026-11-25T10:00:00-03:00', 'reserved', 'web');
      await turno(seed.offline.id, '2026-11-25T08:00:00-03:00', 'cancelled');
      await turno(g, '2026-11-29T23:30:00-03:00', 'reserved');
      await turno(g, '2026-11-30T00:00:00-03:00', 'reserved');
      // Earlier weeks: the one before, the eighth (first of the trend), and the ninth (out of it).
      await turno(g, '2026-11-16T08:00:00-03:00', 'absent');
      await turno(g, '2026-11-16T08:20:00-03:00', 'cancelled');
      await turno(g, '2026-10-05T08:00:00-03:00', 'absent', 'web');
      await turno(g, '2026-10-04T23:00:00-03:00', 'cancelled');
    });
    after(() => t.close());

    test('today and the week by status and origin, day by day', async () => {
      const res = await get('');
      assert.equal(res.statusCode, 200, res.body);
      const d = res.json();
      assert.equal(d.date, '2026-11-23');
      assert.deepEqual(d.today, { total: 5, reserved: 2, present: 1, absent: 1, cancelled: 1 });
      const { days, origin, ...week } = d.week;
      assert.deepEqual(week, {
        from: '2026-11-23',
        to: '2026-11-29',
        total: 8,
        reserved: 4,
        present: 1,
        absent: 1,
        cancelled: 2,
      });
      assert.deepEqual(origin, { web: 3, staff: 5, webShare: 3 / 8 });
      assert.deepEqual(
        days.map((day: { date: string; total: number }) => [day.date.slice(8), day.total]),
        [
          ['23', 5],
          ['24', 0],
          ['25', 2],
          ['26', 0],
          ['27', 0],
          ['28', 0],
          ['29', 1],
        ],
      );
    });

    test('occupancy: taken agenda slots over agenda slots, without cancelled turnos or sobreturnos', async () => {
      const { occupancy } = (await get('')).json();
      assert.deepEqual(
        occupancy.map((o: { professional: { id: number }; slots: number; taken: number }) => [
          o.professional.id,
          o.slots,
          o.taken,
        ]),
        [
          [seed.alvarez.id, 4, 0], // Mondays 14–16 every 30'
          [seed.gonzalez.id, 60, 4], // 12 a day Monday to Friday; the Sunday turno is off the agenda
          [seed.sonographer.id, 8, 0],
          [seed.offline.id, 40, 0], // its only turno was cancelled
        ],
      );
      assert.equal(occupancy[1].rate, 4 / 60);
    });

    test('eight weeks of cancellations and no-shows, the oldest first', async () => {
      const { weeks } = (await get('')).json();
      assert.equal(weeks.length, 8);
      assert.deepEqual(
        weeks.map((w: { from: string; total: number; cancelled: number; absent: number }) => [
          w.from,
          w.total,
          w.cancelled,
          w.absent,
        ]),
        [
          ['2026-10-05', 1, 0, 1],
          ['2026-10-12', 0, 0, 0],
          ['2026-10-19', 0, 0, 0],
          ['2026-10-26', 0, 0, 0],
          ['2026-11-02', 0, 0, 0],
          ['2026-11-09', 0, 0, 0],
          ['2026-11-16', 2, 1, 1],
          ['2026-11-23', 8, 2, 1],
        ],
      );
      assert.deepEqual(weeks[0].origin, { web: 1, staff: 0, webShare: 1 });
      assert.deepEqual(weeks[1].origin, { web: 0, staff: 0, webShare: null });
    });

    test('another reference date moves "today" within the same week; admin and reception only', async () => {
      const wednesday = (await get('?date=2026-11-25')).json();
      assert.deepEqual(wednesday.today, { total: 2, reserved: 1, present: 0, absent: 0, cancelled: 1 });
      assert.equal(wednesday.week.total, 8);
      const nextWeek = (await get('?date=2026-11-30')).json();
      assert.equal(nextWeek.today.total, 1);
      assert.equal(nextWeek.weeks[6].total, 8);
      assert.equal((await get('', await t.auth('admin'))).statusCode, 200);
      assert.equal((await get('', await t.auth('professional', seed.gonzalez.id))).statusCode, 403);
      assert.equal((await get('', {})).statusCode, 401);
      assert.equal((await get('?date=2026-02-30')).statusCode, 400);
    });
  });
}
