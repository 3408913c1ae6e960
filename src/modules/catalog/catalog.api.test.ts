import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertProfessional, insertStudy, seedCenter } from '../../../test/support/factories.js';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';

type Seeded = Awaited<ReturnType<typeof seedCenter>>;

for (const dialect of testDialects()) {
  describe(dialect, () => {
    let t: TestApp;
    let s: Seeded;
    let staff: Record<string, string>;

    before(async () => {
      t = await buildTestApp(dialect);
      s = await seedCenter(t.ctx.database.db);
      await insertStudy(t.ctx.database.db, 'Ergometría', { webEnabled: false });
      staff = await t.auth('reception');
    });
    after(() => t.close());

    const get = async <T = Array<Record<string, unknown>>>(url: string, headers: Record<string, string> = {}) => {
      const res = await t.app.inject({ url, headers });
      assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
      return res.json() as T;
    };
    const names = async (url: string, key: string, headers: Record<string, string> = {}) =>
      (await get(url, headers)).map((row) => row[key]);

    test('the public sees only web-enabled specialties; staff see them all', async () => {
      assert.deepEqual(await names('/api/v1/specialties', 'webName'), ['Cardiología', 'Dermatología']);
      assert.deepEqual(await names('/api/v1/specialties', 'webName', staff), ['Cardiología', 'Dermatología', 'Oculta']);
      const [cardiology] = await get('/api/v1/specialties');
      assert.deepEqual(cardiology, {
        id: s.cardiology.id,
        name: 'CARDIOLOGÍA',
        webName: 'Cardiología',
        webEnabled: true,
      });
    });

    test('the public sees only web-enabled insurers; staff see them all', async () => {
      assert.deepEqual(await names('/api/v1/insurers', 'name'), ['OSDE']);
      assert.deepEqual(await names('/api/v1/insurers', 'name', staff), ['OSDE', 'SIN CONVENIO']);
      const [osde] = await get('/api/v1/insurers');
      assert.equal(osde?.bookingMessage, 'Traé la credencial de OSDE');
      assert.equal(osde?.selfPay, false);
    });

    test('the public sees only web-enabled studies, with their indication; staff see them all', async () => {
      assert.deepEqual(await get('/api/v1/studies'), [
        {
          id: s.echo.id,
          name: 'Ecografía abdominal',
          indication: 'Presentarse con 6 horas de ayuno',
          webEnabled: true,
        },
      ]);
      assert.deepEqual(await names('/api/v1/studies', 'name', staff), ['Ecografía abdominal', 'Ergometría']);
    });

    test('professionals: web-enabled ones alphabetically for the public, all for staff', async () => {
      // Inserted GONZALEZ, ALVAREZ, ZAPATA, PEREZ: insertion order is not the answer.
      assert.deepEqual(await names('/api/v1/professionals', 'lastName'), ['ALVAREZ', 'GONZALEZ', 'PEREZ']);
      assert.deepEqual(await names('/api/v1/professionals', 'lastName', staff), [
        'ALVAREZ',
        'GONZALEZ',
        'PEREZ',
        'ZAPATA',
      ]);
      const pros = await get('/api/v1/professionals');
      const gonzalez = pros.find((p) => p.id === s.gonzalez.id);
      assert.deepEqual(
        { ...gonzalez },
        {
          id: s.gonzalez.id,
          lastName: 'GONZALEZ',
          firstName: 'José',
          fullName: 'GONZALEZ José',
          licenceNumber: '',
          webEnabled: true,
          generalMessage: '',
          bookingMessage: 'Traé estudios previos',
          maxDaysAhead: 30,
          specialtyIds: [s.cardiology.id],
          studyIds: [],
        },
      );
      assert.deepEqual(pros.find((p) => p.id === s.sonographer.id)?.studyIds, [s.echo.id]);
    });

    test('?specialtyId= keeps the professionals of that specialty', async () => {
      const url = `/api/v1/professionals?specialtyId=${s.cardiology.id}`;
      assert.deepEqual(await names(url, 'lastName'), ['ALVAREZ', 'GONZALEZ']);
      assert.deepEqual(await names(url, 'lastName', staff), ['ALVAREZ', 'GONZALEZ', 'ZAPATA']);
      assert.deepEqual(await names(`/api/v1/professionals?specialtyId=${s.dermatology.id}`, 'lastName'), ['PEREZ']);
      assert.deepEqual(await names('/api/v1/professionals?specialtyId=99999', 'lastName'), []);
    });

    test('?studyId= keeps the professionals who perform that study', async () => {
      assert.deepEqual(await names(`/api/v1/professionals?studyId=${s.echo.id}`, 'lastName'), ['PEREZ']);
      // Both filters together: must do both.
      const both = `/api/v1/professionals?studyId=${s.echo.id}&specialtyId=${s.cardiology.id}`;
      assert.deepEqual(await names(both, 'lastName'), []);
    });

    test('a filter that is not an id answers 400 naming it in Spanish', async () => {
      const res = await t.app.inject({ url: '/api/v1/professionals?specialtyId=cardio' });
      assert.equal(res.statusCode, 400);
      const { error } = res.json();
      assert.equal(error.code, 'VALIDATION_ERROR');
      assert.match(error.message, /«specialtyId» debe ser un número/);
    });

    test('GET /center shows the defaults of a new center', async () => {
      const center = await get<Record<string, unknown>>('/api/v1/center');
      assert.equal(center.timeZone, 'America/Argentina/Buenos_Aires');
      assert.deepEqual(center.limits, { maxPerDayProfessional: 1, maxFuturePerPatient: 4, maxFuturePerIp: 8 });
      assert.equal(center.webUserLabel, 'WEB');
      assert.equal(center.webAppointmentType, 'WEB');
      assert.equal(center.webBookingEnabled, true);
      assert.equal(center.selectionMode, 'BY_SPECIALTY');
      assert.equal(center.reasonRequired, false);
    });

    test('GET /center reflects what the center changed', async () => {
      await t.ctx.database.db
        .updateTable('centerSettings')
        .set({ name: 'CENTRO MEDICO DEMO', webBookingEnabled: 0, maxFuturePerPatient: 2 })
        .where('id', '=', 1)
        .execute();
      const center = await get<Record<string, unknown>>('/api/v1/center');
      assert.equal(center.name, 'CENTRO MEDICO DEMO');
      assert.equal(center.webBookingEnabled, false);
      assert.deepEqual(center.limits, { maxPerDayProfessional: 1, maxFuturePerPatient: 2, maxFuturePerIp: 8 });
    });

    // Last: it adds professionals that the lists above do not expect.
    test('alphabetical order is Spanish: Á sorts with A and Ñ between N and O', async () => {
      const db = t.ctx.database.db;
      for (const lastName of ['ÁVILA', 'MURO', 'MUÑOZ']) await insertProfessional(db, { lastName });
      assert.deepEqual(await names('/api/v1/professionals', 'lastName'), [
        'ALVAREZ',
        'ÁVILA',
        'GONZALEZ',
        'MUÑOZ',
        'MURO',
        'PEREZ',
      ]);
    });
  });
}
