// Writing the catalog through the API: every action and its answers.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertPatient } from '../../../test/support/factories.js';
import { buildSeededApp, postBooking, type Seed } from '../../../test/support/seeded-app.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { catalogApi } from './web-catalog.test-helpers.js';

type Headers = Record<string, string>;
type Json = Record<string, unknown>;

for (const dialect of testDialects()) {
  describe(`catalog administration (${dialect})`, () => {
    let t: TestApp;
    let seed: Seed;
    let admin: Headers;
    let reception: Headers;
    let api: ReturnType<typeof catalogApi>;

    before(async () => {
      ({ t, seed, admin } = await buildSeededApp(dialect));
      api = catalogApi(t, admin);
      reception = await t.auth('reception');
    });
    after(() => t.close());

    test('specialties: created trimmed, webName defaults to the name, changed field by field', async () => {
      const created = await api.ok('POST', '/specialties', { name: '  TRAUMATOLOGÍA   INFANTIL ' }, 201);
      assert.deepEqual(created, {
        id: created.id,
        name: 'TRAUMATOLOGÍA INFANTIL',
        webName: 'TRAUMATOLOGÍA INFANTIL',
        webEnabled: true,
      });
      const url = `/specialties/${created.id}`;
      assert.deepEqual(await api.ok('PATCH', url, { webName: 'Traumatología infantil' }), {
        ...created,
        webName: 'Traumatología infantil',
      });
      const hidden = await api.ok('PATCH', url, { webEnabled: false });
      assert.equal(hidden.webName, 'Traumatología infantil', 'fields not sent stay');
      assert.equal(hidden.webEnabled, false);
      // An empty web name goes back to the name; an empty body changes nothing.
      assert.equal((await api.ok('PATCH', url, { webName: '' })).webName, 'TRAUMATOLOGÍA INFANTIL');
      assert.deepEqual(await api.ok('PATCH', url, {}), { ...hidden, webName: 'TRAUMATOLOGÍA INFANTIL' });
      assert.deepEqual(await api.get(url, reception), await api.get(url, admin));
      await api.failure('PATCH', '/specialties/99999', { webEnabled: true }, 404, 'NOT_FOUND');
    });

    test('studies: created with their indication, changed, and the public reads the change', async () => {
      const created = await api.ok(
        'POST',
        '/studies',
        { name: 'Ecografía de tiroides', indication: ' Sin preparación ', webEnabled: false },
        201,
      );
      assert.deepEqual(created, {
        id: created.id,
        name: 'Ecografía de tiroides',
        indication: 'Sin preparación',
        webEnabled: false,
      });
      const url = `/studies/${created.id}`;
      assert.equal((await t.app.inject({ url: `/api/v1${url}` })).statusCode, 404, 'hidden from the public');
      await api.ok('PATCH', url, { webEnabled: true, indication: 'Presentarse con vejiga llena' });
      assert.deepEqual(await api.get(url), {
        ...created,
        webEnabled: true,
        indication: 'Presentarse con vejiga llena',
      });
      const names = (await api.get<Json[]>('/studies')).map((s) => s.name);
      assert.ok(names.includes('Ecografía de tiroides'));
    });

    test('a study nobody uses is deleted, and leaves the professionals that performed it', async () => {
      const study = await api.ok('POST', '/studies', { name: 'Holter' }, 201);
      const pro = await api.ok(
        'POST',
        '/professionals',
        { lastName: 'RIOS', firstName: 'Eva', studyIds: [study.id] },
        201,
      );
      assert.deepEqual(pro.studyIds, [study.id]);
      const res = await api.send('DELETE', `/studies/${study.id}`);
      assert.equal(res.statusCode, 204, res.body);
      assert.deepEqual((await api.get(`/professionals/${pro.id}`, admin)).studyIds, []);
      await api.failure('DELETE', `/studies/${study.id}`, undefined, 404, 'NOT_FOUND');
    });

    test('a study used by an agenda or a turno is not deleted: 409 IN_USE says why and what to do', async () => {
      const study = await api.ok('POST', '/studies', { name: 'Mamografía' }, 201);
      const pro = await api.ok(
        'POST',
        '/professionals',
        { lastName: 'SOSA', firstName: 'Ana', studyIds: [study.id] },
        201,
      );
      const agenda = {
        professionalId: pro.id,
        weekday: 2,
        startTime: '08:00',
        endTime: '10:00',
        slotMinutes: 30,
        studyId: study.id,
        validFrom: '2026-01-01',
      };
      await api.ok('POST', '/agendas', agenda, 201);
      let error = await api.failure('DELETE', `/studies/${study.id}`, undefined, 409, 'IN_USE');
      assert.equal(
        error.message,
        'No se puede borrar el estudio «Mamografía»: lo usa 1 horario de atención. Si ya no se ofrece, deshabilitalo para la web.',
      );
      const patient = await insertPatient(t.ctx.database.db);
      const booked = await postBooking(t, admin, {
        professionalId: pro.id,
        studyId: study.id,
        patientId: patient.id,
        start: '2026-11-24T08:30:00-03:00',
      });
      assert.equal(booked.statusCode, 201, booked.body);
      error = await api.failure('DELETE', `/studies/${study.id}`, undefined, 409, 'IN_USE');
      assert.match(error.message, /lo usan 1 turno y 1 horario de atención/);
      assert.equal((await api.get(`/studies/${study.id}`, admin)).name, 'Mamografía', 'still there');
    });

    test('insurers: name for the web, messages and activation', async () => {
      const created = await api.ok(
        'POST',
        '/insurers',
        { name: 'SWISS MEDICAL', webName: 'Swiss Medical', generalMessage: 'Solo planes SMG20 en adelante' },
        201,
      );
      assert.deepEqual(created, {
        id: created.id,
        name: 'SWISS MEDICAL',
        webName: 'Swiss Medical',
        webEnabled: true,
        selfPay: false,
        generalMessage: 'Solo planes SMG20 en adelante',
        bookingMessage: '',
      });
      const changed = await api.ok('PATCH', `/insurers/${created.id}`, {
        bookingMessage: 'Traé el bono autorizado',
        webEnabled: false,
        selfPay: true,
      });
      assert.deepEqual(changed, {
        ...created,
        bookingMessage: 'Traé el bono autorizado',
        webEnabled: false,
        selfPay: true,
      });
      const publicNames = (await api.get<Json[]>('/insurers')).map((i) => i.name);
      assert.ok(!publicNames.includes('SWISS MEDICAL'));
    });

    test('professionals: created with specialties and studies, changed field by field', async () => {
      const created = await api.ok(
        'POST',
        '/professionals',
        {
          lastName: ' MARTÍNEZ ',
          firstName: 'Laura  Inés',
          licenceNumber: 'MN 12345',
          generalMessage: 'Atiende solo mayores de 16 años',
          maxDaysAhead: 45,
          specialtyIds: [seed.dermatology.id, seed.cardiology.id, seed.cardiology.id],
          studyIds: [seed.echo.id],
        },
        201,
      );
      assert.deepEqual(created, {
        id: created.id,
        lastName: 'MARTÍNEZ',
        firstName: 'Laura Inés',
        fullName: 'MARTÍNEZ Laura Inés',
        licenceNumber: 'MN 12345',
        email: '',
        webEnabled: true,
        generalMessage: 'Atiende solo mayores de 16 años',
        bookingMessage: '',
        maxDaysAhead: 45,
        specialtyIds: [seed.cardiology.id, seed.dermatology.id].sort((a, b) => a - b),
        studyIds: [seed.echo.id],
      });
      const url = `/professionals/${created.id}`;
      const changed = await api.ok('PATCH', url, { bookingMessage: 'Traé estudios previos', maxDaysAhead: 7 });
      assert.deepEqual(changed, { ...created, bookingMessage: 'Traé estudios previos', maxDaysAhead: 7 });
      const { email: _private, ...publicView } = changed;
      assert.deepEqual(await api.get(url), publicView, 'the public reads the same, without the e-mail');
      const fewer = await api.ok('PATCH', url, { specialtyIds: [seed.dermatology.id], webEnabled: false });
      assert.deepEqual(fewer.specialtyIds, [seed.dermatology.id]);
      assert.deepEqual(fewer.studyIds, [seed.echo.id], 'lists not sent stay');
      assert.equal((await t.app.inject({ url: `/api/v1${url}` })).statusCode, 404, 'no longer public');
      // A new professional takes the center's default of 60 days.
      assert.equal(
        (await api.ok('POST', '/professionals', { lastName: 'PAZ', firstName: 'Juan' }, 201)).maxDaysAhead,
        60,
      );
    });

    test('PUT studies and specialties sets exactly those; unknown ids answer 404 naming them', async () => {
      const pro = await api.ok('POST', '/professionals', { lastName: 'LUNA', firstName: 'Sol' }, 201);
      const other = await api.ok('POST', '/studies', { name: 'Doppler' }, 201);
      let res = await api.ok('PUT', `/professionals/${pro.id}/studies`, {
        studyIds: [other.id, seed.echo.id, other.id],
      });
      assert.deepEqual(
        res.studyIds,
        [seed.echo.id, other.id as number].sort((a, b) => a - b),
      );
      res = await api.ok('PUT', `/professionals/${pro.id}/studies`, { studyIds: [other.id] });
      assert.deepEqual(res.studyIds, [other.id]);
      res = await api.ok('PUT', `/professionals/${pro.id}/specialties`, { specialtyIds: [seed.dermatology.id] });
      assert.deepEqual([res.specialtyIds, res.studyIds], [[seed.dermatology.id], [other.id]]);
      res = await api.ok('PUT', `/professionals/${pro.id}/studies`, { studyIds: [] });
      assert.deepEqual(res.studyIds, []);

      let error = await api.failure(
        'PUT',
        `/professionals/${pro.id}/studies`,
        { studyIds: [seed.echo.id, 99999] },
        404,
        'NOT_FOUND',
      );
      assert.equal(error.message, 'No existe el estudio 99999.');
      error = await api.failure(
        'PUT',
        `/professionals/${pro.id}/specialties`,
        { specialtyIds: [88888] },
        404,
        'NOT_FOUND',
      );
      assert.equal(error.message, 'No existe la especialidad 88888.');
      assert.deepEqual((await api.get(`/professionals/${pro.id}`)).studyIds, [], 'nothing changed');
      error = await api.failure('PUT', '/professionals/99999/studies', { studyIds: [] }, 404, 'NOT_FOUND');
      assert.equal(error.message, 'No existe el profesional 99999.');
    });

    test('taking away a specialty its agenda in force is cut for is refused until the agenda changes', async () => {
      // GONZALEZ's Monday to Friday mornings are cardiology blocks.
      const error = await api.failure(
        'PUT',
        `/professionals/${seed.gonzalez.id}/specialties`,
        { specialtyIds: [seed.dermatology.id] },
        409,
        'IN_USE',
      );
      assert.equal(
        error.message,
        'No se puede quitar la especialidad «CARDIOLOGÍA» a GONZALEZ José: la usan sus horarios de atención de los ' +
          'lunes, martes, miércoles, jueves, viernes. Cambiá o borrá esos horarios primero.',
      );
      await api.failure('PATCH', `/professionals/${seed.gonzalez.id}`, { specialtyIds: [] }, 409, 'IN_USE');
      // Adding one is fine; a block that serves everything ties no specialty.
      const more = await api.ok('PUT', `/professionals/${seed.gonzalez.id}/specialties`, {
        specialtyIds: [seed.cardiology.id, seed.dermatology.id],
      });
      assert.equal((more.specialtyIds as number[]).length, 2);
      const alvarez = await api.ok('PUT', `/professionals/${seed.alvarez.id}/specialties`, { specialtyIds: [] });
      assert.deepEqual(alvarez.specialtyIds, []);
    });

    test('a block that ended yesterday no longer keeps its study; one ending today still does', async () => {
      const study = await api.ok('POST', '/studies', { name: 'Espirometría' }, 201);
      const pro = await api.ok(
        'POST',
        '/professionals',
        { lastName: 'VERA', firstName: 'Ana', studyIds: [study.id] },
        201,
      );
      const block = { professionalId: pro.id, weekday: 3, startTime: '08:00', endTime: '09:00', slotMinutes: 30 };
      const agenda = await api.ok('POST', '/agendas', { ...block, studyId: study.id, validFrom: '2026-01-01' }, 201);
      const studies = `/professionals/${pro.id}/studies`;
      // Today is 2026-11-23.
      await api.ok('PATCH', `/agendas/${agenda.id}`, { validTo: '2026-11-23' });
      await api.failure('PUT', studies, { studyIds: [] }, 409, 'IN_USE');
      await api.ok('PATCH', `/agendas/${agenda.id}`, { validTo: '2026-11-22' });
      assert.deepEqual((await api.ok('PUT', studies, { studyIds: [] })).studyIds, []);
    });

    test('a name already in use, whatever its case and accents, is a 409 that names it', async () => {
      let error = await api.failure('POST', '/specialties', { name: 'cardiologia' }, 409, 'NAME_TAKEN');
      assert.equal(error.message, 'Ya existe una especialidad con el nombre «CARDIOLOGÍA»: elegí otro nombre.');
      error = await api.failure('POST', '/studies', { name: 'ECOGRAFIA ABDOMINAL' }, 409, 'NAME_TAKEN');
      assert.match(error.message, /un estudio con el nombre «Ecografía abdominal»/);
      await api.failure('POST', '/insurers', { name: 'osde' }, 409, 'NAME_TAKEN');
      await api.failure('PATCH', `/specialties/${seed.dermatology.id}`, { name: 'Cardiología' }, 409, 'NAME_TAKEN');
      await api.failure('PATCH', `/insurers/${seed.hiddenInsurer.id}`, { name: 'OSDE' }, 409, 'NAME_TAKEN');
      // Its own name (even spelled otherwise) is not a clash.
      const same = await api.ok('PATCH', `/specialties/${seed.dermatology.id}`, { name: 'Dermatología' });
      assert.equal(same.name, 'Dermatología');
    });
  });
}
