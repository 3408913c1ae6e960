import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertProfessional, insertSpecialty, insertStudy } from '../../../test/support/factories.js';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';

interface ApiError {
  error: { code: string; message: string; details?: Array<{ field: string; message: string }> };
}

for (const dialect of testDialects()) {
  describe(dialect, () => {
    let t: TestApp;
    let admin: Record<string, string>;
    let proId: number;
    let cardiologyId: number;
    let dermatologyId: number;
    let echoId: number;

    before(async () => {
      t = await buildTestApp(dialect);
      const db = t.ctx.database.db;
      cardiologyId = (await insertSpecialty(db, 'Cardiología')).id;
      dermatologyId = (await insertSpecialty(db, 'Dermatología')).id;
      echoId = (await insertStudy(db, 'Ecografía')).id;
      proId = (await insertProfessional(db, { lastName: 'GONZALEZ', specialtyIds: [cardiologyId] })).id;
      admin = await t.auth('admin');
    });
    after(() => t.close());

    /** A Monday morning block of the professional; each test overrides what it is about. */
    const block = (over: Record<string, unknown> = {}) => ({
      professionalId: proId,
      weekday: 1,
      startTime: '08:00',
      endTime: '12:00',
      slotMinutes: 20,
      specialtyId: cardiologyId,
      validFrom: '2026-01-01',
      ...over,
    });
    const create = (payload: object, headers: Record<string, string> = admin) =>
      t.app.inject({ method: 'POST', url: '/api/v1/agendas', headers, payload });
    const agendas = async () => {
      const res = await t.app.inject({ url: `/api/v1/professionals/${proId}/agendas`, headers: admin });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as Array<{ weekday: number; startTime: string; endTime: string }>;
    };

    test('an admin creates a weekly block (201) and its slots appear in the availability', async () => {
      const res = await create(block());
      assert.equal(res.statusCode, 201, res.body);
      const { id, ...rest } = res.json();
      assert.equal(typeof id, 'number');
      assert.deepEqual(rest, { ...block(), studyId: null, validTo: null });
      assert.deepEqual(await agendas(), [{ id, ...block(), studyId: null, validTo: null }]);

      // Monday 2026-11-30, seen by the public: 08:00 to 12:00 in 20-minute slots.
      const week = await t.app.inject({ url: `/api/v1/availability?professionalId=${proId}&from=2026-11-30&days=1` });
      assert.equal(week.statusCode, 200, week.body);
      const starts = (week.json().slots as Array<{ start: string }>).map((s) => s.start.slice(11, 16));
      assert.deepEqual(starts, [
        '08:00',
        '08:20',
        '08:40',
        '09:00',
        '09:20',
        '09:40',
        '10:00',
        '10:20',
        '10:40',
        '11:00',
        '11:20',
        '11:40',
      ]);
    });

    test('an overlapping block of the same professional and weekday is 409 AGENDA_OVERLAP', async () => {
      for (const [startTime, endTime] of [
        ['11:00', '13:00'],
        ['07:00', '08:01'],
        ['09:00', '10:00'],
        ['07:00', '13:00'],
      ]) {
        const res = await create(block({ startTime, endTime }));
        assert.equal(res.statusCode, 409, `${startTime}-${endTime}: ${res.body}`);
        const { error } = res.json() as ApiError;
        assert.equal(error.code, 'AGENDA_OVERLAP');
        assert.equal(error.message, 'Ese horario se superpone con otro horario de atención del mismo profesional.');
      }
      // A general block (any service) clashes as well: the professional cannot be in two places.
      const study = await create(block({ specialtyId: null, startTime: '10:00', endTime: '14:00' }));
      assert.equal(study.statusCode, 409);
      assert.equal((await agendas()).length, 1);
    });

    test('blocks that only touch, fall on another weekday or another period are accepted', async () => {
      assert.equal((await create(block({ startTime: '12:00', endTime: '14:00' }))).statusCode, 201);
      assert.equal((await create(block({ weekday: 2 }))).statusCode, 201);
      // A summer timetable and the one that replaces it, same hours, periods that do not intersect.
      const summer = block({ weekday: 3, validFrom: '2027-01-01', validTo: '2027-02-28' });
      assert.equal((await create(summer)).statusCode, 201);
      assert.equal((await create(block({ weekday: 3, validFrom: '2027-03-01' }))).statusCode, 201);
      const clash = await create(block({ weekday: 3, validFrom: '2027-02-01', validTo: '2027-02-15' }));
      assert.equal(clash.statusCode, 409);
    });

    test('start not before end is 400 with a Spanish message', async () => {
      for (const [startTime, endTime] of [
        ['12:00', '10:00'],
        ['10:00', '10:00'],
      ]) {
        const res = await create(block({ weekday: 5, startTime, endTime }));
        assert.equal(res.statusCode, 400, res.body);
        const { error } = res.json() as ApiError;
        assert.equal(error.code, 'VALIDATION_ERROR');
        assert.equal(error.message, 'Datos inválidos: la hora de inicio debe ser anterior a la de fin');
      }
    });

    test('weekday 8, slotMinutes 3 and a malformed time are 400, each field named in Spanish', async () => {
      const res = await create(block({ weekday: 8, slotMinutes: 3, endTime: '25:00' }));
      assert.equal(res.statusCode, 400, res.body);
      const { error } = res.json() as ApiError;
      assert.equal(error.code, 'VALIDATION_ERROR');
      const details = new Map(error.details?.map((d) => [d.field, d.message]));
      assert.deepEqual([...details.keys()].sort(), ['endTime', 'slotMinutes', 'weekday']);
      assert.equal(details.get('weekday'), 'debe ser de 1 (lunes) a 7 (domingo)');
      assert.equal(details.get('slotMinutes'), 'debe ser al menos 5 minutos');
      assert.match(details.get('endTime') ?? '', /HH:MM/);
      assert.match(error.message, /«weekday» debe ser de 1 \(lunes\) a 7 \(domingo\)/);
      assert.match(error.message, /«slotMinutes» debe ser al menos 5 minutos/);
    });

    test('a validity that ends before it starts is 400', async () => {
      const res = await create(block({ weekday: 6, validFrom: '2026-06-01', validTo: '2026-05-31' }));
      assert.equal(res.statusCode, 400);
      assert.match((res.json() as ApiError).error.message, /vigencia termina antes de empezar/);
    });

    test('a specialty or study the professional does not offer is 422 SERVICE_NOT_OFFERED, named', async () => {
      const specialty = await create(block({ weekday: 6, specialtyId: dermatologyId }));
      assert.equal(specialty.statusCode, 422, specialty.body);
      const { error } = specialty.json() as ApiError;
      assert.equal(error.code, 'SERVICE_NOT_OFFERED');
      assert.match(error.message, /^El profesional no atiende la especialidad DERMATOLOG.*asignásela primero/);
      const study = await create(block({ weekday: 6, specialtyId: null, studyId: echoId }));
      assert.equal(study.statusCode, 422);
      assert.match((study.json() as ApiError).error.message, /no atiende el estudio Ecograf.*asignáselo primero/);
    });

    test('an unknown professional is 404', async () => {
      const res = await create(block({ weekday: 6, professionalId: 99999, specialtyId: null }));
      assert.equal(res.statusCode, 404);
      assert.equal((res.json() as ApiError).error.message, 'No existe el profesional 99999.');
    });

    test('only admins change agendas: reception and professional tokens get 403, no token 401', async () => {
      const before = (await agendas()).length;
      for (const role of ['reception', 'professional'] as const) {
        const res = await create(block({ weekday: 7 }), await t.auth(role, proId));
        assert.equal(res.statusCode, 403, `${role}: ${res.body}`);
        assert.equal((res.json() as ApiError).error.code, 'FORBIDDEN');
      }
      const anonymous = await create(block({ weekday: 7 }), {});
      assert.equal(anonymous.statusCode, 401);
      assert.equal((await agendas()).length, before);
    });

    test("a professional token reads its own professional's hours, not another's", async () => {
      const other = await insertProfessional(t.ctx.database.db, {
        lastName: 'OTRA',
        agendas: [{ weekday: 2, start: '09:00', end: '12:00', slotMinutes: 30 }],
      });
      const pro = await t.auth('professional', proId);
      const own = await t.app.inject({ url: `/api/v1/professionals/${proId}/agendas`, headers: pro });
      assert.equal(own.statusCode, 200, own.body);
      const theirs = await t.app.inject({ url: `/api/v1/professionals/${other.id}/agendas`, headers: pro });
      assert.equal(theirs.statusCode, 403, theirs.body);
      assert.equal((theirs.json() as ApiError).error.code, 'FORBIDDEN');
      const reception = await t.app.inject({
        url: `/api/v1/professionals/${other.id}/agendas`,
        headers: await t.auth('reception'),
      });
      assert.equal(reception.statusCode, 200, 'the desk reads everyone');
      assert.equal(reception.json().length, 1);
    });
  });
}
