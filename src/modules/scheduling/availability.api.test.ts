import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertProfessional, insertStudy, seedCenter } from '../../../test/support/factories.js';
import { buildTestApp, MONDAY_9AM, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { minutesToTime, timeToMinutes } from '../../platform/time/zone.js';

type SlotJson = { start: string; end: string; free: boolean };
type ProWeek = { professional: { id: number; fullName: string }; firstFree: SlotJson | null; slots: SlotJson[] };
type Week = ProWeek & { from: string; days: number; nextFrom: string };
type ServiceWeek = Omit<Week, keyof ProWeek> & { professionals: ProWeek[] };

const MINUTE = 60_000;
const dateOf = (s: SlotJson) => s.start.slice(0, 10);
const timeOf = (s: SlotJson) => s.start.slice(11, 16);
const datesOf = (slots: SlotJson[]) => [...new Set(slots.map(dateOf))];
/** Local start minutes, to compare slots by date and wall time in one string. */
const starts = (slots: SlotJson[] = []) => slots.map((x) => x.start.slice(0, 16));
const names = (w: ServiceWeek) => w.professionals.map((p) => p.professional.fullName);
const times = (from: string, to: string, step: number) =>
  Array.from({ length: (timeToMinutes(to) - timeToMinutes(from)) / step }, (_, i) =>
    minutesToTime(timeToMinutes(from) + i * step),
  );

for (const dialect of testDialects()) {
  describe(dialect, () => {
    let t: TestApp;
    let s: Awaited<ReturnType<typeof seedCenter>>;
    let benitezId: number;
    let dstId: number;
    let admin: Record<string, string>;
    let staff: Record<string, string>;

    before(async () => {
      t = await buildTestApp(dialect);
      const db = t.ctx.database.db;
      s = await seedCenter(db);
      const ergometry = await insertStudy(db, 'Ergometría');
      // One block per kind: only the general and the echo ones serve an echo.
      benitezId = (
        await insertProfessional(db, {
          lastName: 'BENITEZ',
          specialtyIds: [s.dermatology.id],
          studyIds: [s.echo.id, ergometry.id],
          agendas: [
            { weekday: 2, start: '08:00', end: '10:00', slotMinutes: 30, specialtyId: s.dermatology.id },
            { weekday: 3, start: '08:00', end: '09:00', slotMinutes: 30 },
            { weekday: 4, start: '08:00', end: '09:00', slotMinutes: 30, studyId: ergometry.id },
            { weekday: 5, start: '08:00', end: '09:00', slotMinutes: 30, studyId: s.echo.id },
          ],
        })
      ).id;
      const daily = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
        weekday,
        start: '08:00',
        end: '09:00',
        slotMinutes: 30,
      }));
      dstId = (await insertProfessional(db, { lastName: 'HORARIO', maxDaysAhead: 400, agendas: daily })).id;
      admin = await t.auth('admin');
      staff = await t.auth('reception');
    });
    after(() => t.close());

    const call = (query: string, headers: Record<string, string> = {}) =>
      t.app.inject({ url: `/api/v1/availability?${query}`, headers });
    const get = async <T = Week>(query: string, headers: Record<string, string> = {}) => {
      const res = await call(query, headers);
      assert.equal(res.statusCode, 200, `${query}: ${res.body}`);
      return res.json() as T;
    };
    const gonzalez = (query: string, headers?: Record<string, string>) =>
      get(`professionalId=${s.gonzalez.id}&${query}`, headers);

    test("a professional's week: ISO slots in -03:00, free flags, firstFree, nothing before now", async () => {
      const w = await gonzalez('from=2026-11-23&days=7');
      assert.deepEqual([w.from, w.days, w.nextFrom], ['2026-11-23', 7, '2026-11-30']);
      for (const slot of w.slots) {
        assert.match(slot.start, /^2026-11-2\dT\d\d:\d\d:00-03:00$/);
        assert.equal(Date.parse(slot.end) - Date.parse(slot.start), 20 * MINUTE, slot.start);
        assert.equal(slot.free, true);
      }
      // Now is Monday 09:00: 08:00, 08:20 and 08:40 are gone. No weekend.
      assert.deepEqual(w.slots.filter((x) => dateOf(x) === '2026-11-23').map(timeOf), times('09:00', '12:00', 20));
      assert.deepEqual(datesOf(w.slots), ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']);
      assert.equal(w.slots.length, 9 + 4 * 12);
      const nine = { start: '2026-11-23T09:00:00-03:00', end: '2026-11-23T09:20:00-03:00', free: true };
      assert.deepEqual(w.firstFree, nine);

      t.clock.set(MONDAY_9AM + 65 * MINUTE);
      try {
        assert.equal((await gonzalez('from=2026-11-23&days=1')).firstFree?.start, '2026-11-23T10:20:00-03:00');
      } finally {
        t.clock.set(MONDAY_9AM);
      }
      const lastWeek = await gonzalez('from=2026-11-16&days=7');
      assert.deepEqual([lastWeek.slots, lastWeek.firstFree], [[], null]);
    });

    test('a booked slot shows free:false and firstFree skips it; cancelling frees it again', async () => {
      const booked = await t.app.inject({
        method: 'POST',
        url: '/api/v1/appointments',
        headers: staff,
        payload: {
          professionalId: s.gonzalez.id,
          patientId: s.patient.id,
          start: '2026-11-24T08:00:00-03:00',
          specialtyId: s.cardiology.id,
        },
      });
      assert.equal(booked.statusCode, 201, booked.body);
      const day = await gonzalez('from=2026-11-24&days=1');
      const eight = { start: '2026-11-24T08:00:00-03:00', end: '2026-11-24T08:20:00-03:00', free: false };
      assert.deepEqual(day.slots[0], eight);
      assert.equal(day.slots.filter((x) => !x.free).length, 1);
      assert.equal(day.firstFree?.start, '2026-11-24T08:20:00-03:00');

      const cancelUrl = `/api/v1/appointments/${booked.json().id}/cancel`;
      const cancel = await t.app.inject({ method: 'POST', url: cancelUrl, headers: staff });
      assert.equal(cancel.statusCode, 200, cancel.body);
      assert.equal((await gonzalez('from=2026-11-24&days=1')).firstFree?.start, '2026-11-24T08:00:00-03:00');
    });

    test("a whole-day leave and a blocked morning remove that professional's slots only", async () => {
      const exception = (over: object, headers = admin) => {
        const payload = { professionalId: s.gonzalez.id, ...over };
        return t.app.inject({ method: 'POST', url: '/api/v1/exceptions', headers, payload });
      };
      const leave = { fromDate: '2026-11-25', toDate: '2026-11-25', kind: 'leave', reason: 'Congreso' };
      assert.equal((await exception(leave, staff)).statusCode, 403, 'only admins block agendas');
      assert.equal((await exception(leave)).statusCode, 201);
      const morning = { fromDate: '2026-11-26', toDate: '2026-11-26', kind: 'block' };
      assert.equal((await exception({ ...morning, fromTime: '08:00', toTime: '10:10' })).statusCode, 201);

      const w = await gonzalez('from=2026-11-25&days=2');
      assert.deepEqual(datesOf(w.slots), ['2026-11-26']);
      // 10:00-10:20 is cut by the block ending 10:10, so it goes too.
      assert.deepEqual(w.slots.map(timeOf), times('10:20', '12:00', 20));
      assert.equal(w.firstFree?.start, '2026-11-26T10:20:00-03:00');
      const zapata = await get(`professionalId=${s.offline.id}&from=2026-11-25&days=1&origin=staff`, staff);
      assert.equal(zapata.slots.length, 8);
    });

    test('a specialty lists its web professionals alphabetically with slots; nextFrom is the next week', async () => {
      const w = await get<ServiceWeek>(`specialtyId=${s.cardiology.id}&from=2026-11-30`);
      assert.deepEqual([w.from, w.days, w.nextFrom], ['2026-11-30', 7, '2026-12-07']);
      // ZAPATA is not web-enabled.
      assert.deepEqual(names(w), ['ALVAREZ Ana', 'GONZALEZ José']);
      const [alvarez, gonz] = w.professionals;
      assert.deepEqual(
        starts(alvarez?.slots),
        times('14:00', '16:00', 30).map((h) => `2026-11-30T${h}`),
      );
      assert.equal(alvarez?.firstFree?.start, '2026-11-30T14:00:00-03:00');
      assert.equal(gonz?.slots.length, 5 * 12);
      assert.equal(gonz?.firstFree?.start, '2026-11-30T08:00:00-03:00');

      const next = await get<ServiceWeek>(`specialtyId=${s.cardiology.id}&from=${w.nextFrom}`);
      assert.equal(next.nextFrom, '2026-12-14');
      assert.deepEqual(names(next), ['ALVAREZ Ana', 'GONZALEZ José']);
      for (const p of next.professionals) {
        for (const slot of p.slots) assert.ok(dateOf(slot) >= '2026-12-07' && dateOf(slot) <= '2026-12-13', slot.start);
      }
      assert.equal(next.professionals[0]?.firstFree?.start, '2026-12-07T14:00:00-03:00');

      const all = await get<ServiceWeek>(`specialtyId=${s.cardiology.id}&from=2026-11-30&origin=staff`, staff);
      assert.deepEqual(names(all), ['ALVAREZ Ana', 'GONZALEZ José', 'ZAPATA Ana']);
    });

    test("the web stops at the professional's max days ahead; staff see further but need a token", async () => {
      // GONZALEZ books 30 days ahead: from Monday 2026-11-23 that is Wednesday 2026-12-23.
      const web = await gonzalez('from=2026-12-21&days=4');
      assert.deepEqual(datesOf(web.slots), ['2026-12-21', '2026-12-22', '2026-12-23']);
      const staffView = await gonzalez('from=2026-12-21&days=4&origin=staff', staff);
      assert.deepEqual(datesOf(staffView.slots), ['2026-12-21', '2026-12-22', '2026-12-23', '2026-12-24']);
      const anonymous = await call(`professionalId=${s.gonzalez.id}&from=2026-12-21&origin=staff`);
      assert.equal(anonymous.statusCode, 401);
      assert.equal(anonymous.json().error.code, 'UNAUTHENTICATED');
      const hidden = await call(`professionalId=${s.offline.id}`);
      assert.equal(hidden.statusCode, 404, 'a web-disabled professional does not exist for the web');
    });

    test('a study query leaves out the blocks of other studies', async () => {
      const w = await get<ServiceWeek>(`studyId=${s.echo.id}&from=2026-11-30`);
      assert.deepEqual(names(w), ['BENITEZ Ana', 'PEREZ Ana']);
      const benitez = datesOf(w.professionals[0]?.slots ?? []);
      assert.ok(benitez.includes('2026-12-02'), 'the general block (Wednesday) serves every study');
      assert.ok(benitez.includes('2026-12-04'), 'the echo block (Friday) serves echos');
      assert.ok(!benitez.includes('2026-12-03'), 'the ergometry block (Thursday) does not');
      assert.deepEqual(w.professionals[1]?.slots.map(timeOf), times('14:00', '18:00', 30));
      // Without a service, every block of the professional counts.
      const any = await get(`professionalId=${benitezId}&from=2026-11-30`);
      assert.deepEqual(datesOf(any.slots), ['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04']);
    });

    test('studies are booked regardless of the specialty of the hours; a study block serves no specialty', async () => {
      // The manual books studies "indistinto de lo que tenga configurado en el Sistema como ESPECIALIDAD":
      // BENITEZ's dermatology Tuesday serves the echos he performs; his ergometry Thursday does not.
      const echo = [
        '2026-12-01T08:00',
        '2026-12-01T08:30',
        '2026-12-01T09:00',
        '2026-12-01T09:30',
        '2026-12-02T08:00',
        '2026-12-02T08:30',
        '2026-12-04T08:00',
        '2026-12-04T08:30',
      ];
      const one = await get(`professionalId=${benitezId}&studyId=${s.echo.id}&from=2026-11-30`);
      assert.deepEqual(starts(one.slots), echo);
      const derm = await get<ServiceWeek>(`specialtyId=${s.dermatology.id}&from=2026-11-30`);
      const perez = derm.professionals.find((p) => p.professional.id === s.sonographer.id);
      assert.deepEqual(perez?.slots ?? [], []);
    });

    test('bad queries answer 400/422 with a clear Spanish message', async () => {
      const pro = `professionalId=${s.gonzalez.id}`;
      const cases: Array<[string, number, RegExp]> = [
        [`${pro}&from=2026-13-01`, 400, /«from» debe ser una fecha válida con formato AAAA-MM-DD/],
        [`${pro}&days=0`, 400, /«days» debe ser al menos 1/],
        [`${pro}&days=32`, 400, /«days» puede ser hasta 31/],
        ['professionalId=dr-gonzalez', 400, /«professionalId» debe ser un número/],
        ['from=2026-11-30', 422, /^Indicá la especialidad o el estudio del turno/],
        [`specialtyId=${s.cardiology.id}&studyId=${s.echo.id}`, 422, /^Indicá la especialidad .*\(solo uno\)/],
        ['professionalId=99999', 404, /^No existe el profesional 99999\.$/],
      ];
      for (const [query, status, message] of cases) {
        const res = await call(query);
        assert.equal(res.statusCode, status, `${query}: ${res.body}`);
        assert.match(res.json().error.message, message, query);
      }
    });

    test('in a zone with daylight saving the wall times stay and the offset changes', async () => {
      const setZone = (timeZone: string) =>
        t.ctx.database.db.updateTable('centerSettings').set({ timeZone }).where('id', '=', 1).execute();
      await setZone('America/New_York');
      try {
        // New York springs forward on Sunday 2027-03-14.
        const w = await get(`professionalId=${dstId}&from=2027-03-11&days=7`);
        const expected = ['11', '12', '13', '14', '15', '16', '17'].flatMap((d) => {
          const offset = d < '14' ? '-05:00' : '-04:00';
          return [`2027-03-${d}T08:00:00${offset}`, `2027-03-${d}T08:30:00${offset}`];
        });
        assert.deepEqual(
          w.slots.map((x) => x.start),
          expected,
        );
        for (const slot of w.slots) assert.equal(Date.parse(slot.end) - Date.parse(slot.start), 30 * MINUTE);
        // Same 08:00 on the wall, one hour less in UTC.
        assert.equal(Date.parse(expected[4] ?? '') - Date.parse(expected[6] ?? ''), -(24 - 1) * 60 * MINUTE);
      } finally {
        await setZone('America/Argentina/Buenos_Aires');
      }
    });

    // Last: 2026's holidays include today (Soberanía, Friday 20 → Monday 23 November), which the tests above use.
    test("loading Argentina's holidays blocks those days for everyone, and loading twice adds nothing", async () => {
      const load = (headers: Record<string, string>) =>
        t.app.inject({ method: 'POST', url: '/api/v1/holidays', headers, payload: { year: 2026 } });
      assert.equal((await load(staff)).statusCode, 403);
      const first = await load(admin);
      assert.equal(first.statusCode, 200, first.body);
      const body = first.json() as { added: number; skipped: number; holidays: Array<{ date: string; name: string }> };
      assert.deepEqual([body.added, body.skipped], [16, 0]);
      const may25 = body.holidays.find((h) => h.date === '2026-05-25');
      assert.deepEqual(may25, { date: '2026-05-25', name: 'Día de la Revolución de Mayo' });
      const again = (await load(admin)).json();
      assert.deepEqual([again.added, again.skipped], [0, 16]);

      // Tuesday 8 December, Inmaculada Concepción.
      const december = await gonzalez('from=2026-12-07');
      assert.deepEqual(datesOf(december.slots), ['2026-12-07', '2026-12-09', '2026-12-10', '2026-12-11']);
      assert.deepEqual((await gonzalez('from=2026-11-23&days=1')).slots, []);
      const cardiology = await get<ServiceWeek>(`specialtyId=${s.cardiology.id}&from=2026-12-07`);
      const onHoliday = cardiology.professionals.filter((p) => datesOf(p.slots).includes('2026-12-08'));
      assert.deepEqual(names({ ...cardiology, professionals: onHoliday }), []);
    });
  });
}
