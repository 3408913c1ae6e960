// The reception desk: one day's agenda with who holds each slot, and moving a turno to another slot.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertPatient } from '../../../test/support/factories.js';
import { buildSeededApp, cardiology, postBooking, type Seed } from '../../../test/support/seeded-app.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';

interface Row {
  kind: string;
  start: string;
  past: boolean;
  turno: { id: number; origin: string; overbook: boolean; status: string; patient: { dni: string } } | null;
}
interface ProfessionalDay {
  professional: { id: number; fullName: string; specialties: Array<{ name: string }> };
  rows: Row[];
  cancelled: Array<{ id: number; status: string; cancelledBy: string }>;
  counts: Record<string, number>;
}

const hhmm = (iso: string) => iso.slice(11, 16);

for (const dialect of testDialects()) {
  describe(`day agenda and reschedule (${dialect})`, () => {
    let t: TestApp;
    let seed: Seed;
    let admin: Record<string, string>;
    let reception: Record<string, string>;
    const turnos = { staff: 0, web: 0, overbook: 0, cancelled: 0, present: 0, absent: 0 };

    const newPatient = async () => (await insertPatient(t.ctx.database.db, { insurerId: seed.osde.id })).id;
    const book = async (start: string, extra: Record<string, unknown> = {}) => {
      const res = await postBooking(t, reception, cardiology(seed, { start, patientId: await newPatient(), ...extra }));
      assert.equal(res.statusCode, 201, res.body);
      return res.json().id as number;
    };
    const call = (method: 'POST' | 'PATCH', url: string, payload: object = {}, headers = reception) =>
      t.app.inject({ method, url: `/api/v1${url}`, headers, payload });
    const agenda = (query: string, headers = reception) =>
      t.app.inject({ url: `/api/v1/day-agenda?${query}`, headers });
    const dayOf = async (query: string) => {
      const res = await agenda(query);
      assert.equal(res.statusCode, 200, res.body);
      return res.json().professionals as ProfessionalDay[];
    };

    before(async () => {
      ({ t, seed, admin } = await buildSeededApp(dialect));
      reception = await t.auth('reception');
      // Monday 2026-11-23, 09:00 now. GONZALEZ: 08:00–12:00 every 20 minutes.
      turnos.staff = await book('2026-11-23T09:20:00-03:00');
      turnos.web = await book('2026-11-23T09:40:00-03:00', { origin: 'web', ip: '190.1.1.1' });
      turnos.overbook = await book('2026-11-23T09:40:00-03:00', { overbook: true });
      turnos.cancelled = await book('2026-11-23T10:00:00-03:00');
      turnos.present = await book('2026-11-23T10:20:00-03:00');
      turnos.absent = await book('2026-11-23T10:40:00-03:00');
      assert.equal((await call('POST', `/appointments/${turnos.cancelled}/cancel`)).statusCode, 200);
      assert.equal((await call('PATCH', `/appointments/${turnos.present}`, { status: 'present' })).statusCode, 200);
      assert.equal((await call('PATCH', `/appointments/${turnos.absent}`, { status: 'absent' })).statusCode, 200);
    });
    after(() => t.close());

    test("one professional's day: free, taken, web, sobreturno and past slots in order, cancelled apart", async () => {
      const [day] = await dayOf(`date=2026-11-23&professionalId=${seed.gonzalez.id}`);
      assert.ok(day);
      assert.equal(day.professional.fullName, 'GONZALEZ José');
      assert.deepEqual(
        day.professional.specialties.map((s) => s.name),
        ['CARDIOLOGÍA'],
      );
      const shown = day.rows.map((r) => [hhmm(r.start), r.kind, r.turno?.id ?? null]);
      assert.deepEqual(shown, [
        ['08:00', 'free', null],
        ['08:20', 'free', null],
        ['08:40', 'free', null],
        ['09:00', 'free', null],
        ['09:20', 'taken', turnos.staff],
        ['09:40', 'taken', turnos.web],
        ['09:40', 'overbook', turnos.overbook],
        ['10:00', 'free', null], // freed by the cancellation
        ['10:20', 'taken', turnos.present],
        ['10:40', 'taken', turnos.absent],
        ['11:00', 'free', null],
        ['11:20', 'free', null],
        ['11:40', 'free', null],
      ]);
      assert.deepEqual(
        day.rows.filter((r) => r.past).map((r) => hhmm(r.start)),
        ['08:00', '08:20', '08:40'],
      );
      const byId = new Map(day.rows.flatMap((r) => (r.turno ? [[r.turno.id, r.turno]] : [])));
      assert.equal(byId.get(turnos.web)?.origin, 'web');
      assert.equal(byId.get(turnos.staff)?.origin, 'staff');
      assert.equal(byId.get(turnos.overbook)?.overbook, true);
      assert.equal(byId.get(turnos.present)?.status, 'present');
      assert.equal(byId.get(turnos.absent)?.status, 'absent');
      const first = day.rows[4]?.turno as unknown as Record<string, unknown>;
      assert.match(String((first.patient as { dni: string }).dni), /^\d+$/);
      assert.deepEqual(first.insurer, { id: seed.osde.id, name: 'OSDE' });
      assert.deepEqual(first.specialty, { id: seed.cardiology.id, name: 'CARDIOLOGÍA' });
      assert.deepEqual(
        day.cancelled.map((c) => [c.id, c.status, c.cancelledBy]),
        [[turnos.cancelled, 'cancelled', 'api:test-reception']],
      );
      assert.deepEqual(day.counts, {
        slots: 12,
        free: 8,
        taken: 4,
        overbooks: 1,
        outside: 0,
        reserved: 3,
        present: 1,
        absent: 1,
        cancelled: 1,
      });
    });

    test('by specialty: every professional who attends it, alphabetically, each with their own day', async () => {
      const days = await dayOf(`date=2026-11-23&specialtyId=${seed.cardiology.id}`);
      assert.deepEqual(
        days.map((d) => [d.professional.id, d.counts.slots]),
        [
          [seed.alvarez.id, 4],
          [seed.gonzalez.id, 12],
          [seed.offline.id, 8],
        ],
      );
    });

    test('a professional sees only their own agenda; the query needs one of professionalId or specialtyId', async () => {
      const pro = await t.auth('professional', seed.gonzalez.id);
      assert.equal((await agenda(`date=2026-11-23&professionalId=${seed.gonzalez.id}`, pro)).statusCode, 200);
      const other = await agenda(`date=2026-11-23&professionalId=${seed.alvarez.id}`, pro);
      assert.equal(other.statusCode, 403);
      assert.equal(other.json().error.code, 'FORBIDDEN');
      const specialty = await agenda(`date=2026-11-23&specialtyId=${seed.cardiology.id}`, pro);
      assert.deepEqual(
        specialty.json().professionals.map((d: ProfessionalDay) => d.professional.id),
        [seed.gonzalez.id],
      );
      assert.equal((await agenda('date=2026-11-23', admin)).statusCode, 400);
      assert.equal((await agenda(`professionalId=${seed.gonzalez.id}`, admin)).statusCode, 400);
      assert.equal((await agenda(`date=2026-11-23&professionalId=${seed.gonzalez.id}`, {})).statusCode, 401);
      assert.equal((await agenda('date=2026-11-23&professionalId=999999', admin)).statusCode, 404);
    });

    test('reschedule keeps the turno and moves it to a free slot, of the same or another professional', async () => {
      const id = await book('2026-11-24T08:00:00-03:00', { reason: 'Control' });
      const moved = await call('POST', `/appointments/${id}/reschedule`, { start: '2026-11-24T08:40:00-03:00' });
      assert.equal(moved.statusCode, 200, moved.body);
      const a = moved.json();
      assert.equal(a.id, id);
      assert.equal(a.start, '2026-11-24T08:40:00-03:00');
      assert.equal(a.end, '2026-11-24T09:00:00-03:00');
      assert.equal(a.reason, 'Control');
      assert.equal(a.insurerId, seed.osde.id);
      assert.equal(a.status, 'reserved');
      const [day] = await dayOf(`date=2026-11-24&professionalId=${seed.gonzalez.id}`);
      const at = (time: string) => day?.rows.find((r) => hhmm(r.start) === time);
      assert.equal(at('08:00')?.kind, 'free');
      assert.equal(at('08:40')?.turno?.id, id);

      // ZAPATA also attends cardiology, every 15 minutes.
      const other = await call('POST', `/appointments/${id}/reschedule`, {
        start: '2026-11-24T08:15:00-03:00',
        professionalId: seed.offline.id,
      });
      assert.equal(other.statusCode, 200, other.body);
      assert.equal(other.json().professionalId, seed.offline.id);
      assert.equal(other.json().end, '2026-11-24T08:30:00-03:00');
      assert.equal(other.json().patientId, a.patientId);
    });

    test('reschedule refuses a taken slot, a time off the agenda, a wrong professional and a cancelled turno', async () => {
      const id = await book('2026-11-25T08:00:00-03:00');
      await book('2026-11-25T09:00:00-03:00');
      const to = (start: string, extra: object = {}) =>
        call('POST', `/appointments/${id}/reschedule`, { start, ...extra });
      const cases: Array<[string, object, number, string]> = [
        ['2026-11-25T09:00:00-03:00', {}, 409, 'SLOT_TAKEN'],
        ['2026-11-25T08:10:00-03:00', {}, 422, 'NOT_IN_AGENDA'], // between two slots
        ['2026-11-28T08:00:00-03:00', {}, 422, 'NOT_IN_AGENDA'], // Saturday
        ['2026-11-23T08:00:00-03:00', {}, 422, 'IN_THE_PAST'],
        ['2026-11-30T14:00:00-03:00', { professionalId: seed.sonographer.id }, 422, 'WRONG_SERVICE'],
      ];
      for (const [start, extra, status, code] of cases) {
        const res = await to(start, extra);
        assert.equal(res.statusCode, status, `${start}: ${res.body}`);
        assert.equal(res.json().error.code, code, start);
      }
      const pro = await t.auth('professional', seed.gonzalez.id);
      assert.equal(
        (await call('POST', `/appointments/${id}/reschedule`, { start: '2026-11-25T08:20:00-03:00' }, pro)).statusCode,
        403,
      );
      assert.equal((await call('POST', `/appointments/${id}/cancel`)).statusCode, 200);
      const cancelled = await to('2026-11-25T08:20:00-03:00');
      assert.equal(cancelled.statusCode, 409);
      assert.equal(cancelled.json().error.code, 'INVALID_TRANSITION');
      assert.match(cancelled.json().error.message, /Un turno cancelado no puede pasar a otro horario/);
      assert.equal(
        (await call('POST', '/appointments/999999/reschedule', { start: '2026-11-25T08:20:00-03:00' })).statusCode,
        404,
      );
    });
  });
}
