// Changing and removing agenda blocks and exceptions: a change that would leave booked turnos outside the
// agenda answers 409 with the list, and saves only when confirmed; the turnos are kept.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { insertPatient, insertProfessional } from '../../../test/support/factories.js';
import { buildSeededApp, cardiology, postBooking, type Seed } from '../../../test/support/seeded-app.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';

interface Orphan {
  id: number;
  date: string;
  time: string;
  professional: { id: number; fullName: string };
  patient: { dni: string; lastName: string };
  specialty: { name: string } | null;
}
interface Conflict {
  error: { code: string; message: string; orphans?: Orphan[] };
}
interface Block {
  id: number;
  weekday: number;
  startTime: string;
  endTime: string;
  slotMinutes: number;
  validTo: string | null;
}

for (const dialect of testDialects()) {
  describe(`agenda changes over the API (${dialect})`, () => {
    let t: TestApp;
    let seed: Seed;
    let admin: Record<string, string>;

    beforeEach(async () => {
      // Monday 2026-11-23 09:00. GONZALEZ: Monday to Friday 08:00–12:00, cardiology, every 20 minutes.
      ({ t, seed, admin } = await buildSeededApp(dialect));
    });
    afterEach(() => t.close());

    const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, headers = admin) =>
      t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
    const book = async (start: string, extra: Record<string, unknown> = {}) => {
      const patientId = (await insertPatient(t.ctx.database.db, { lastName: `PAC${start.slice(8, 16)}` })).id;
      const res = await postBooking(t, admin, cardiology(seed, { start, patientId, ...extra }));
      assert.equal(res.statusCode, 201, res.body);
      return res.json().id as number;
    };
    const blocks = async (professionalId = seed.gonzalez.id) => {
      const res = await api('GET', `/professionals/${professionalId}/agendas`);
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as Block[];
    };
    const blockOn = async (weekday: number) => (await blocks()).find((b) => b.weekday === weekday) as Block;
    const status = async (id: number) =>
      (await t.ctx.database.db.selectFrom('appointments').select('status').where('id', '=', id).executeTakeFirst())
        ?.status;
    const auditLists = () =>
      t.ctx.database.db.selectFrom('auditLog').selectAll().where('action', '=', 'appointment.list').execute();
    const conflict = (res: { statusCode: number; body: string; json(): unknown }) => {
      assert.equal(res.statusCode, 409, res.body);
      const { error } = res.json() as Conflict;
      assert.equal(error.code, 'ORPHANED_APPOINTMENTS');
      return error;
    };

    test('shorter hours list the turnos left out (409), save nothing, then save when confirmed', async () => {
      const early = await book('2026-11-24T08:00:00-03:00');
      const late = await book('2026-11-24T11:20:00-03:00');
      const tuesday = await blockOn(2);

      const refused = conflict(await api('PATCH', `/agendas/${tuesday.id}`, { endTime: '11:00' }));
      assert.equal(
        refused.message,
        'El cambio deja 1 turno reservado fuera de la agenda. Revisalo y confirmá para guardar igual: el turno no se cancela.',
      );
      assert.deepEqual(
        refused.orphans?.map((o) => [o.id, o.date, o.time, o.professional.fullName, o.specialty?.name]),
        [[late, '2026-11-24', '11:20', 'GONZALEZ José', 'CARDIOLOGÍA']],
      );
      assert.equal(refused.orphans?.[0]?.patient.lastName, 'PAC24T11:20');
      assert.equal((await blockOn(2)).endTime, '12:00', 'nothing was saved');
      const lists = await auditLists();
      assert.equal(lists.length, 1, 'showing the list is one audited read');
      assert.equal(lists[0]?.target, `agenda:${tuesday.id}`);

      const saved = await api('PATCH', `/agendas/${tuesday.id}`, { endTime: '11:00', confirmOrphans: true });
      assert.equal(saved.statusCode, 200, saved.body);
      assert.equal(saved.json().orphaned, 1);
      assert.equal(saved.json().endTime, '11:00');
      assert.equal(await status(late), 'reserved', 'the turno is kept, not cancelled');
      assert.equal(await status(early), 'reserved');

      const day = await api('GET', `/availability?professionalId=${seed.gonzalez.id}&from=2026-11-24&days=1`);
      assert.equal(day.json().slots.at(-1).start, '2026-11-24T10:40:00-03:00');
    });

    test('a change that leaves nothing out saves at once; the usual checks still apply', async () => {
      await book('2026-11-24T11:20:00-03:00');
      const tuesday = await blockOn(2);
      const longer = await api('PATCH', `/agendas/${tuesday.id}`, { endTime: '13:00' });
      assert.equal(longer.statusCode, 200, longer.body);
      assert.deepEqual([longer.json().endTime, longer.json().orphaned], ['13:00', 0]);

      const overlap = await api('PATCH', `/agendas/${tuesday.id}`, { weekday: 3 });
      assert.equal(overlap.statusCode, 409);
      assert.equal((overlap.json() as Conflict).error.code, 'AGENDA_OVERLAP');
      assert.equal((overlap.json() as Conflict).error.orphans, undefined);
      const backwards = await api('PATCH', `/agendas/${tuesday.id}`, { startTime: '14:00' });
      assert.equal(backwards.statusCode, 400);
      assert.match(backwards.json().error.message, /hora de inicio debe ser anterior/);
      const notOffered = await api('PATCH', `/agendas/${tuesday.id}`, { specialtyId: seed.dermatology.id });
      assert.equal(notOffered.statusCode, 422);
      assert.equal(notOffered.json().error.code, 'SERVICE_NOT_OFFERED');
      assert.equal((await api('PATCH', '/agendas/99999', { endTime: '11:00' })).statusCode, 404);
    });

    test('a new slot length or a validity ending earlier leaves out turnos that no longer fit', async () => {
      const wednesday = await blockOn(3);
      const on820 = await book('2026-11-25T08:20:00-03:00');
      await book('2026-11-25T09:00:00-03:00');
      const refused = conflict(await api('PATCH', `/agendas/${wednesday.id}`, { slotMinutes: 30 }));
      assert.deepEqual(
        refused.orphans?.map((o) => o.id),
        [on820],
      );

      const nextWeek = await book('2026-12-02T08:00:00-03:00');
      const ended = conflict(await api('PATCH', `/agendas/${wednesday.id}`, { validTo: '2026-11-30' }));
      assert.deepEqual(
        ended.orphans?.map((o) => o.id),
        [nextWeek],
      );
    });

    test('deleting a block lists its turnos; ?confirmOrphans=true deletes it and keeps them', async () => {
      const thursday = await blockOn(4);
      const turno = await book('2026-11-26T10:00:00-03:00');
      const refused = conflict(await api('DELETE', `/agendas/${thursday.id}`));
      assert.deepEqual(
        refused.orphans?.map((o) => o.id),
        [turno],
      );
      assert.equal((await blocks()).length, 5);
      const deleted = await api('DELETE', `/agendas/${thursday.id}?confirmOrphans=true`);
      assert.equal(deleted.statusCode, 200, deleted.body);
      assert.deepEqual([deleted.json().id, deleted.json().orphaned], [thursday.id, 1]);
      assert.deepEqual(
        (await blocks()).map((b) => b.weekday),
        [1, 2, 3, 5],
      );
      assert.equal(await status(turno), 'reserved');
      assert.equal((await api('DELETE', `/agendas/${thursday.id}`)).statusCode, 404);
    });

    test('a leave over a booked turno is 409 with the list; confirmed, it is saved and the turno kept', async () => {
      const turno = await book('2026-11-27T09:00:00-03:00');
      const cancelled = await book('2026-11-27T10:00:00-03:00');
      assert.equal((await api('POST', `/appointments/${cancelled}/cancel`)).statusCode, 200);
      const leave = { professionalId: seed.gonzalez.id, fromDate: '2026-11-27', toDate: '2026-11-27', kind: 'leave' };
      const refused = conflict(await api('POST', '/exceptions', leave));
      assert.deepEqual(
        refused.orphans?.map((o) => o.id),
        [turno],
        'cancelled turnos are not listed',
      );
      const none = await api('GET', `/exceptions?professionalId=${seed.gonzalez.id}`);
      assert.deepEqual(none.json(), []);

      const saved = await api('POST', '/exceptions', { ...leave, reason: 'Congreso', confirmOrphans: true });
      assert.equal(saved.statusCode, 201, saved.body);
      assert.equal(saved.json().orphaned, 1);
      assert.equal(await status(turno), 'reserved');
      const free = await api('GET', `/availability?professionalId=${seed.gonzalez.id}&from=2026-11-27&days=1`);
      assert.deepEqual(free.json().slots, []);
    });

    test('a blocked morning for the whole center lists the turnos of every professional it touches', async () => {
      const gonzalez = await book('2026-11-30T08:20:00-03:00');
      const alvarezPatient = (await insertPatient(t.ctx.database.db)).id;
      const alvarez = await postBooking(t, admin, {
        professionalId: seed.alvarez.id,
        specialtyId: seed.cardiology.id,
        patientId: alvarezPatient,
        start: '2026-11-30T14:00:00-03:00',
      });
      assert.equal(alvarez.statusCode, 201, alvarez.body);
      await book('2026-11-30T11:00:00-03:00');
      const block = { fromDate: '2026-11-30', toDate: '2026-11-30', fromTime: '08:00', toTime: '10:00', kind: 'block' };
      const preview = await api('POST', '/agenda-changes/preview', { kind: 'exception', exception: block });
      assert.equal(preview.statusCode, 200, preview.body);
      assert.deepEqual(
        (preview.json().orphans as Orphan[]).map((o) => o.id),
        [gonzalez],
      );
      const wholeDay = { ...block, fromTime: null, toTime: null, kind: 'holiday' };
      const refused = conflict(await api('POST', '/exceptions', wholeDay));
      assert.deepEqual(
        refused.orphans?.map((o) => [o.time, o.professional.fullName]),
        [
          ['08:20', 'GONZALEZ José'],
          ['11:00', 'GONZALEZ José'],
          ['14:00', 'ALVAREZ Ana'],
        ],
      );
      assert.equal((await api('GET', '/exceptions')).json().length, 0, 'the preview saved nothing');
    });

    test('exceptions are listed per professional with the center-wide ones, and removed', async () => {
      const other = await insertProfessional(t.ctx.database.db, { lastName: 'OTRO' });
      const add = async (payload: object) => {
        const res = await api('POST', '/exceptions', payload);
        assert.equal(res.statusCode, 201, res.body);
        return res.json().id as number;
      };
      const holiday = await add({ fromDate: '2026-12-08', toDate: '2026-12-08', kind: 'holiday', reason: 'Feriado' });
      const leave = await add({
        professionalId: seed.gonzalez.id,
        fromDate: '2027-01-04',
        toDate: '2027-01-15',
        kind: 'leave',
      });
      const past = await add({
        professionalId: seed.gonzalez.id,
        fromDate: '2026-11-02',
        toDate: '2026-11-06',
        kind: 'leave',
      });
      await add({ professionalId: other.id, fromDate: '2026-12-01', toDate: '2026-12-01', kind: 'leave' });

      const ids = async (query: string) =>
        ((await api('GET', `/exceptions${query}`)).json() as Block[]).map((e) => e.id);
      assert.deepEqual(await ids(`?professionalId=${seed.gonzalez.id}`), [past, holiday, leave]);
      assert.deepEqual(await ids(`?professionalId=${seed.gonzalez.id}&from=2026-11-23`), [holiday, leave]);
      assert.deepEqual(await ids(''), [holiday]);

      const removed = await api('DELETE', `/exceptions/${leave}`);
      assert.equal(removed.statusCode, 200, removed.body);
      assert.equal(removed.json().kind, 'leave');
      assert.equal((await api('DELETE', `/exceptions/${leave}`)).statusCode, 404);
      assert.deepEqual(await ids(`?professionalId=${seed.gonzalez.id}`), [past, holiday]);
    });

    test('only admins change agendas; reception reads the exceptions; no token is 401', async () => {
      const tuesday = await blockOn(2);
      const exception = (
        await api('POST', '/exceptions', { fromDate: '2026-12-08', toDate: '2026-12-08', kind: 'holiday' })
      ).json();
      for (const role of ['reception', 'professional'] as const) {
        const headers = await t.auth(role, seed.gonzalez.id);
        const attempts = [
          await api('PATCH', `/agendas/${tuesday.id}`, { endTime: '11:00' }, headers),
          await api('DELETE', `/agendas/${tuesday.id}`, undefined, headers),
          await api('DELETE', `/exceptions/${exception.id}`, undefined, headers),
          await api('POST', '/agenda-changes/preview', { kind: 'delete', id: tuesday.id }, headers),
        ];
        for (const res of attempts) assert.equal(res.statusCode, 403, `${role}: ${res.body}`);
      }
      const reception = await t.auth('reception');
      assert.equal((await api('GET', '/exceptions', undefined, reception)).statusCode, 200);
      const other = await t.auth('professional', seed.alvarez.id);
      assert.equal(
        (await api('GET', `/exceptions?professionalId=${seed.gonzalez.id}`, undefined, other)).statusCode,
        403,
      );
      assert.equal((await api('GET', '/exceptions', undefined, {})).statusCode, 401);
      assert.equal((await blockOn(2)).endTime, '12:00');
    });
  });
}
