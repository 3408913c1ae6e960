// Changing the center's configuration through the API, and what patients then meet.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertPatient } from '../../../test/support/factories.js';
import { buildSeededApp, cardiology, postBooking, type Seed } from '../../../test/support/seeded-app.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';

type Headers = Record<string, string>;

for (const dialect of testDialects()) {
  describe(`center configuration (${dialect})`, () => {
    let t: TestApp;
    let seed: Seed;
    let admin: Headers;
    let ips = 0;

    before(async () => {
      ({ t, seed, admin } = await buildSeededApp(dialect));
    });
    after(() => t.close());

    const patch = (payload: object, headers: Headers = admin) =>
      t.app.inject({ method: 'PATCH', url: '/api/v1/center', headers, payload });
    const patchOk = async (payload: object) => {
      const res = await patch(payload);
      assert.equal(res.statusCode, 200, `${JSON.stringify(payload)}: ${res.body}`);
      return res.json();
    };
    const center = async () => (await t.app.inject('/api/v1/center')).json();
    /** A web booking of a new patient from a new address, so per-patient and per-IP limits stay out of the way. */
    const webBooking = async (start: string, extra: Record<string, unknown> = {}) => {
      const patient = await insertPatient(t.ctx.database.db, { insurerId: seed.osde.id });
      ips += 1;
      return postBooking(
        t,
        admin,
        cardiology(seed, { start, patientId: patient.id, origin: 'web', ip: `190.0.0.${ips}`, ...extra }),
      );
    };

    test('every field changes, and the answer is what GET /center shows', async () => {
      t.clock.set(Date.parse('2026-11-23T12:30:00Z'));
      const changed = await patchOk({
        name: ' CENTRO MEDICO DEMO ',
        welcomePhrase: 'Bienvenidos a nuestro portal de turnos',
        webAddress: 'https://turnos.centrodemo.com.ar',
        contactEmail: ' Turnos@CentroDemo.com.ar ',
        phones: '4444-4444',
        address: ' Av. Corrientes 1234, CABA ',
        contactHours: 'Lunes a Viernes de 10 a 18hs.',
        timeZone: 'America/Argentina/Cordoba',
        webBookingEnabled: true,
        webUserLabel: 'INTERNET',
        webAppointmentType: 'TURNO WEB',
        selectionMode: 'BY_STUDY',
        maxPerDayProfessional: 2,
        maxFuturePerPatient: 6,
        maxFuturePerIp: 20,
        reasonRequired: false,
        mailPhrase: 'Recuerde concurrir con su carnet de obra social y su DNI',
        tokenDigits: 8,
        tokenStepSeconds: 60,
        tokenAlgorithm: 'sha256',
        profileCheckEnabled: true,
      });
      const expected = {
        name: 'CENTRO MEDICO DEMO',
        welcomePhrase: 'Bienvenidos a nuestro portal de turnos',
        webAddress: 'https://turnos.centrodemo.com.ar',
        contactEmail: 'turnos@centrodemo.com.ar',
        phones: '4444-4444',
        address: 'Av. Corrientes 1234, CABA',
        contactHours: 'Lunes a Viernes de 10 a 18hs.',
        timeZone: 'America/Argentina/Cordoba',
        webBookingEnabled: true,
        webUserLabel: 'INTERNET',
        webAppointmentType: 'TURNO WEB',
        selectionMode: 'BY_STUDY',
        limits: { maxPerDayProfessional: 2, maxFuturePerPatient: 6, maxFuturePerIp: 20 },
        reasonRequired: false,
        mailPhrase: 'Recuerde concurrir con su carnet de obra social y su DNI',
        portalIdentityCheck: 'birth_date',
        tokenDigits: 8,
        tokenStepSeconds: 60,
        tokenAlgorithm: 'sha256',
        profileCheckEnabled: true,
        profileCheckEnabledAt: '2026-11-23T12:30:00.000Z',
      };
      assert.deepEqual(changed, expected);
      assert.deepEqual(await center(), expected);
      const row = await t.ctx.database.db.selectFrom('centerSettings').select('updatedAt').executeTakeFirstOrThrow();
      assert.equal(row.updatedAt, '2026-11-23T12:30:00.000Z');

      // Only what is sent changes.
      const again = await patchOk({
        phones: '5555-5555',
        selectionMode: 'BY_SPECIALTY',
        timeZone: 'America/Argentina/Buenos_Aires',
      });
      assert.deepEqual(again, {
        ...expected,
        phones: '5555-5555',
        selectionMode: 'BY_SPECIALTY',
        timeZone: 'America/Argentina/Buenos_Aires',
      });
      // Empty optional texts are allowed: the center may have no web address or e-mail.
      const cleared = await patchOk({ webAddress: '', contactEmail: '', welcomePhrase: '' });
      assert.deepEqual([cleared.webAddress, cleared.contactEmail, cleared.welcomePhrase], ['', '', '']);
      assert.deepEqual(await patchOk({}), cleared);
    });

    test('invalid values answer 400 VALIDATION_ERROR naming the field, and change nothing', async () => {
      const before = await center();
      const cases: Array<[object, RegExp]> = [
        [{ timeZone: 'America/Springfield' }, /«timeZone» no es una zona horaria válida/],
        [{ name: '  ' }, /«name» no puede quedar vacío/],
        [{ name: 'x'.repeat(121) }, /«name» es demasiado largo \(máximo 120 caracteres\)/],
        [{ webUserLabel: '' }, /«webUserLabel» no puede quedar vacío/],
        [{ webAppointmentType: 'w'.repeat(31) }, /«webAppointmentType» es demasiado largo/],
        [{ maxFuturePerIp: 0 }, /«maxFuturePerIp» debe ser al menos 1/],
        [{ maxFuturePerPatient: 1.5 }, /«maxFuturePerPatient» debe ser un número entero/],
        [{ maxPerDayProfessional: '2' }, /«maxPerDayProfessional» debe ser un número entero/],
        [{ maxPerDayProfessional: 21 }, /«maxPerDayProfessional» puede ser hasta 20/],
        [{ selectionMode: 'study' }, /«selectionMode» debe ser BY_SPECIALTY o BY_STUDY/],
        [{ webBookingEnabled: 0 }, /«webBookingEnabled» debe ser true o false/],
        [{ reasonRequired: 'true' }, /«reasonRequired» debe ser true o false/],
        [{ contactEmail: 'centro@' }, /«contactEmail» no es un e-mail válido/],
        [{ webAddress: 'centromedico.com' }, /«webAddress» debe ser una dirección completa/],
        [{ webAddress: 'javascript:alert(1)' }, /«webAddress» debe ser una dirección completa/],
        [{ mailPhrase: 'm'.repeat(2001) }, /«mailPhrase» es demasiado largo \(máximo 2000 caracteres\)/],
        [{ limits: { maxFuturePerIp: 3 } }, /no se reconoce el campo «limits»/],
        [{ timezone: 'UTC' }, /no se reconoce el campo «timezone» \(¿quisiste decir «timeZone»\?\)/],
      ];
      for (const [payload, message] of cases) {
        const res = await patch(payload);
        assert.equal(res.statusCode, 400, `${JSON.stringify(payload)}: ${res.body}`);
        const { error } = res.json();
        assert.equal(error.code, 'VALIDATION_ERROR');
        assert.match(error.message, message, JSON.stringify(payload));
      }
      assert.deepEqual(await center(), before);
    });

    test('only admins change it: reception and professionals 403, no token 401', async () => {
      const before = await center();
      for (const headers of [await t.auth('reception'), await t.auth('professional', seed.gonzalez.id)]) {
        const res = await patch({ webBookingEnabled: false }, headers);
        assert.equal(res.statusCode, 403, res.body);
        assert.equal(res.json().error.code, 'FORBIDDEN');
      }
      const anonymous = await patch({ webBookingEnabled: false }, {});
      assert.equal(anonymous.statusCode, 401, anonymous.body);
      assert.equal(anonymous.json().error.code, 'UNAUTHENTICATED');
      assert.deepEqual(await center(), before);
    });

    test('web booking switched off: web bookings and the public week refuse; switched on again, they work', async () => {
      await patchOk({ webBookingEnabled: false });
      try {
        const refused = await webBooking('2026-11-24T08:00:00-03:00');
        assert.equal(refused.statusCode, 422, refused.body);
        assert.equal(refused.json().error.code, 'WEB_BOOKING_DISABLED');
        const week = await t.app.inject(`/api/v1/availability?specialtyId=${seed.cardiology.id}`);
        assert.equal(week.json().error.code, 'WEB_BOOKING_DISABLED');
        // Staff keep booking by phone or at the desk.
        const patient = await insertPatient(t.ctx.database.db);
        const staff = await postBooking(
          t,
          admin,
          cardiology(seed, { start: '2026-11-24T08:20:00-03:00', patientId: patient.id }),
        );
        assert.equal(staff.statusCode, 201, staff.body);
      } finally {
        await patchOk({ webBookingEnabled: true });
      }
      const booked = await webBooking('2026-11-24T08:00:00-03:00');
      assert.equal(booked.statusCode, 201, booked.body);
    });

    test('reason required, the per-patient limit and the web labels apply to the next web booking', async () => {
      await patchOk({ reasonRequired: true, webUserLabel: 'INTERNET', webAppointmentType: 'TURNO WEB' });
      try {
        const noReason = await webBooking('2026-11-25T08:00:00-03:00');
        assert.equal(noReason.json().error.code, 'REASON_REQUIRED');
        const withReason = await webBooking('2026-11-25T08:00:00-03:00', { reason: 'Control anual' });
        assert.equal(withReason.statusCode, 201, withReason.body);
        assert.equal(withReason.json().bookedBy, 'INTERNET');
        assert.equal(withReason.json().typeLabel, 'TURNO WEB');
      } finally {
        await patchOk({ reasonRequired: false });
      }

      await patchOk({ maxFuturePerPatient: 1 });
      try {
        const patient = await insertPatient(t.ctx.database.db);
        const web = { patientId: patient.id, origin: 'web', ip: '190.1.2.3' };
        const first = await postBooking(t, admin, cardiology(seed, { start: '2026-11-26T08:00:00-03:00', ...web }));
        assert.equal(first.statusCode, 201, first.body);
        const second = await postBooking(t, admin, cardiology(seed, { start: '2026-11-27T08:00:00-03:00', ...web }));
        assert.equal(second.json().error.code, 'LIMIT_FUTURE_PATIENT');
      } finally {
        await patchOk({ maxFuturePerPatient: 4 });
      }
    });

    test('the home page shows the new name and welcome phrase', async () => {
      await patchOk({ name: 'CLINICA DEL SOL', welcomePhrase: 'Atendemos también los sábados.' });
      const res = await t.app.inject('/');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /CLINICA DEL SOL/);
      assert.match(res.body, /Atendemos también los sábados\./);
    });
  });
}
