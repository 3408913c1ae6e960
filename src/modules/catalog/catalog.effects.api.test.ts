// What a patient meets after the center changes its catalog: the public side reads the same rows.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertPatient } from '../../../test/support/factories.js';
import { buildSeededApp, postBooking, type Seed } from '../../../test/support/seeded-app.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { WebClient } from '../../../test/support/web-client.js';

type Headers = Record<string, string>;
type Json = Record<string, unknown>;
type Week = { professionals: Array<{ professional: { fullName: string }; slots: Array<{ start: string }> }> };

for (const dialect of testDialects()) {
  describe(`catalog changes seen by patients (${dialect})`, () => {
    let t: TestApp;
    let seed: Seed;
    let admin: Headers;
    let ips = 0;

    before(async () => {
      ({ t, seed, admin } = await buildSeededApp(dialect));
    });
    after(() => t.close());

    const send = async (method: 'POST' | 'PATCH' | 'PUT', url: string, payload: object, status = 200) => {
      const res = await t.app.inject({ method, url: `/api/v1${url}`, headers: admin, payload });
      assert.equal(res.statusCode, status, `${method} ${url}: ${res.body}`);
      return res.json() as Json;
    };
    const publicGet = (url: string) => t.app.inject({ url: `/api/v1${url}` });
    const publicNames = async (url: string) => ((await publicGet(url)).json() as Json[]).map((p) => p.lastName);
    const weekNames = async (query: string) => {
      const res = await publicGet(`/availability?${query}&from=2026-11-23&days=7`);
      assert.equal(res.statusCode, 200, res.body);
      return (res.json() as Week).professionals.map((p) => p.professional.fullName);
    };

    /** A professional made through the API, seeing patients Monday to Friday 08:00–12:00 for anything they do. */
    const newProfessional = async (body: Json) => {
      const pro = await send('POST', '/professionals', { firstName: 'Ana', ...body }, 201);
      for (const weekday of [1, 2, 3, 4, 5]) {
        const agenda = { weekday, startTime: '08:00', endTime: '12:00', slotMinutes: 20, validFrom: '2026-01-01' };
        await send('POST', '/agendas', { professionalId: pro.id, ...agenda }, 201);
      }
      return pro as Json & { id: number };
    };
    /** A web booking by a new patient from a new address: no per-patient or per-IP limit gets in the way. */
    const webBooking = async (body: Json) => {
      const patient = await insertPatient(t.ctx.database.db, { insurerId: seed.osde.id });
      ips += 1;
      return postBooking(t, admin, { patientId: patient.id, origin: 'web', ip: `200.0.0.${ips}`, ...body });
    };
    const refusedWith = (
      res: { statusCode: number; body: string; json(): { error: { code: string } } },
      code: string,
    ) => {
      assert.equal(res.statusCode, 422, res.body);
      assert.equal(res.json().error.code, code, res.body);
    };

    test('a professional switched off for the web leaves the public lists and weeks; web bookings are refused', async () => {
      const pro = await newProfessional({ lastName: 'BUSTOS', specialtyIds: [seed.cardiology.id] });
      const booking = { professionalId: pro.id, specialtyId: seed.cardiology.id };
      assert.ok((await publicNames(`/professionals?specialtyId=${seed.cardiology.id}`)).includes('BUSTOS'));
      assert.ok((await weekNames(`specialtyId=${seed.cardiology.id}`)).includes('BUSTOS Ana'));

      await send('PATCH', `/professionals/${pro.id}`, { webEnabled: false });
      assert.ok(!(await publicNames(`/professionals?specialtyId=${seed.cardiology.id}`)).includes('BUSTOS'));
      assert.ok(!(await weekNames(`specialtyId=${seed.cardiology.id}`)).includes('BUSTOS Ana'));
      assert.equal((await publicGet(`/availability?professionalId=${pro.id}`)).statusCode, 404);
      const refused = await webBooking({ ...booking, start: '2026-11-24T08:00:00-03:00' });
      refusedWith(refused, 'NOT_WEB_ENABLED');
      assert.equal(
        refused.json().error.message,
        'El profesional BUSTOS Ana no está disponible para turnos por internet.',
      );
      // The desk still books them.
      const patient = await insertPatient(t.ctx.database.db);
      const staff = await postBooking(t, admin, {
        ...booking,
        patientId: patient.id,
        start: '2026-11-24T08:00:00-03:00',
      });
      assert.equal(staff.statusCode, 201, staff.body);

      await send('PATCH', `/professionals/${pro.id}`, { webEnabled: true });
      const booked = await webBooking({ ...booking, start: '2026-11-24T08:20:00-03:00' });
      assert.equal(booked.statusCode, 201, booked.body);
    });

    test('max days ahead: the web week ends there and a web booking beyond it is refused', async () => {
      const pro = await newProfessional({ lastName: 'CORREA', specialtyIds: [seed.cardiology.id] });
      const booking = { professionalId: pro.id, specialtyId: seed.cardiology.id };
      await send('PATCH', `/professionals/${pro.id}`, { maxDaysAhead: 5 });
      // Today is Monday 2026-11-23: ten days ahead is Thursday 2026-12-03.
      const far = await webBooking({ ...booking, start: '2026-12-03T08:00:00-03:00' });
      refusedWith(far, 'TOO_FAR_AHEAD');
      assert.equal(far.json().error.message, 'Solo se pueden tomar turnos hasta 5 días adelante con este profesional.');
      const week = await publicGet(`/availability?professionalId=${pro.id}&from=2026-11-23&days=14`);
      const dates = new Set((week.json().slots as Array<{ start: string }>).map((s) => s.start.slice(0, 10)));
      assert.deepEqual([...dates].sort().at(-1), '2026-11-27', 'Saturday the 28th is the fifth day, and has no hours');
      const near = await webBooking({ ...booking, start: '2026-11-27T08:00:00-03:00' });
      assert.equal(near.statusCode, 201, near.body);
    });

    test('choosing by study: PUT studies decides which studies a web booking may take', async () => {
      await send('PATCH', '/center', { selectionMode: 'BY_STUDY' });
      try {
        const ergometry = await send(
          'POST',
          '/studies',
          { name: 'Ergometría', indication: 'Venir con ropa cómoda' },
          201,
        );
        const pro = await newProfessional({ lastName: 'DIAZ' });
        const echo = { professionalId: pro.id, studyId: seed.echo.id };
        const ergo = { professionalId: pro.id, studyId: ergometry.id };
        refusedWith(await webBooking({ ...echo, start: '2026-11-24T09:00:00-03:00' }), 'WRONG_SERVICE');
        assert.ok(!(await weekNames(`studyId=${seed.echo.id}`)).includes('DIAZ Ana'));

        const patient = await insertPatient(t.ctx.database.db, { insurerId: seed.osde.id });
        const browser = await WebClient.loggedIn(t.app, t.ctx, patient.id);
        await browser.get(`/turnos/profesionales?estudio=${seed.echo.id}`);
        assert.doesNotMatch(browser.text(), /DIAZ Ana/);

        await send('PUT', `/professionals/${pro.id}/studies`, { studyIds: [seed.echo.id] });
        assert.ok((await weekNames(`studyId=${seed.echo.id}`)).includes('DIAZ Ana'));
        await browser.get(`/turnos/profesionales?estudio=${seed.echo.id}`);
        assert.match(browser.text(), /DIAZ Ana/, 'the booking pages offer them for that study');
        assert.deepEqual(await weekNames(`studyId=${ergometry.id}`), []);
        const booked = await webBooking({ ...echo, start: '2026-11-24T09:00:00-03:00' });
        assert.equal(booked.statusCode, 201, booked.body);
        assert.equal(booked.json().messages[0], 'Presentarse con 6 horas de ayuno', 'the study indication');
        refusedWith(await webBooking({ ...ergo, start: '2026-11-24T09:20:00-03:00' }), 'WRONG_SERVICE');

        await send('PUT', `/professionals/${pro.id}/studies`, { studyIds: [ergometry.id] });
        assert.deepEqual(await publicNames(`/professionals?studyId=${ergometry.id}`), ['DIAZ']);
        refusedWith(await webBooking({ ...echo, start: '2026-11-24T09:40:00-03:00' }), 'WRONG_SERVICE');
        const other = await webBooking({ ...ergo, start: '2026-11-24T09:40:00-03:00' });
        assert.equal(other.statusCode, 201, other.body);
        assert.equal(other.json().messages[0], 'Venir con ropa cómoda');
      } finally {
        await send('PATCH', '/center', { selectionMode: 'BY_SPECIALTY' });
      }
    });

    test('a specialty or study switched off for the web leaves the public lists and cannot be booked there', async () => {
      const pro = await newProfessional({ lastName: 'ESPINOZA', specialtyIds: [seed.dermatology.id] });
      const booking = { professionalId: pro.id, specialtyId: seed.dermatology.id };
      await send('PATCH', `/specialties/${seed.dermatology.id}`, { webEnabled: false, webName: 'Piel' });
      try {
        const names = ((await publicGet('/specialties')).json() as Json[]).map((s) => s.webName);
        assert.ok(!names.includes('Piel') && !names.includes('Dermatología'));
        assert.equal((await publicGet(`/availability?specialtyId=${seed.dermatology.id}`)).statusCode, 404);
        const refused = await webBooking({ ...booking, start: '2026-11-25T08:00:00-03:00' });
        refusedWith(refused, 'NOT_WEB_ENABLED');
      } finally {
        await send('PATCH', `/specialties/${seed.dermatology.id}`, { webEnabled: true });
      }
      const names = ((await publicGet('/specialties')).json() as Json[]).map((s) => s.webName);
      assert.ok(names.includes('Piel'), 'patients see the name for the web');
      assert.equal((await webBooking({ ...booking, start: '2026-11-25T08:00:00-03:00' })).statusCode, 201);

      await send('PATCH', `/studies/${seed.echo.id}`, { webEnabled: false });
      try {
        assert.ok(!((await publicGet('/studies')).json() as Json[]).some((s) => s.id === seed.echo.id));
        assert.equal((await publicGet(`/availability?studyId=${seed.echo.id}`)).statusCode, 404);
        const study = { professionalId: seed.sonographer.id, studyId: seed.echo.id };
        refusedWith(await webBooking({ ...study, start: '2026-11-30T14:00:00-03:00' }), 'NOT_WEB_ENABLED');
      } finally {
        await send('PATCH', `/studies/${seed.echo.id}`, { webEnabled: true });
      }
    });

    test("an insurer switched off refuses its patients' web bookings; its and the professional's messages follow", async () => {
      const pro = await newProfessional({ lastName: 'FUENTES', specialtyIds: [seed.cardiology.id] });
      const booking = { professionalId: pro.id, specialtyId: seed.cardiology.id };
      await send('PATCH', `/insurers/${seed.osde.id}`, { webEnabled: false });
      try {
        const refused = await webBooking({ ...booking, start: '2026-11-26T08:00:00-03:00' });
        refusedWith(refused, 'NOT_WEB_ENABLED');
        assert.match(refused.json().error.message, /La obra social OSDE/);
        assert.ok(!((await publicGet('/insurers')).json() as Json[]).some((i) => i.name === 'OSDE'));
      } finally {
        await send('PATCH', `/insurers/${seed.osde.id}`, {
          webEnabled: true,
          bookingMessage: 'Traé el bono autorizado',
        });
      }
      await send('PATCH', `/professionals/${pro.id}`, { bookingMessage: 'Llegá 10 minutos antes' });
      const booked = await webBooking({ ...booking, start: '2026-11-26T08:00:00-03:00' });
      assert.equal(booked.statusCode, 201, booked.body);
      assert.deepEqual(booked.json().messages, ['Llegá 10 minutos antes', 'Traé el bono autorizado']);
    });
  });
}
