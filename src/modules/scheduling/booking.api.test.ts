import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertPatient } from '../../../test/support/factories.js';
import { buildSeededApp, cardiology, postBooking, type Seed } from '../../../test/support/seeded-app.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';

for (const dialect of testDialects()) {
  describe(`booking rules (${dialect})`, () => {
    let t: TestApp;
    let seed: Seed;
    let admin: Record<string, string>;

    before(async () => {
      ({ t, seed, admin } = await buildSeededApp(dialect));
    });
    after(() => t.close());

    const book = (body: Record<string, unknown>, headers = admin) => postBooking(t, headers, body);
    const newPatient = async () => (await insertPatient(t.ctx.database.db, { insurerId: seed.osde.id })).id;
    const cardio = (start: string, extra: Record<string, unknown> = {}) => cardiology(seed, { start, ...extra });
    const setCenter = (changes: Record<string, unknown>) =>
      t.ctx.database.db.updateTable('centerSettings').set(changes).where('id', '=', 1).execute();

    test('staff books a free slot: 201 with the turno, its messages, and the slot is then taken', async () => {
      const patientId = await newPatient();
      const res = await book(cardio('2026-11-24T10:00:00-03:00', { patientId }));
      assert.equal(res.statusCode, 201, res.body);
      const a = res.json();
      assert.equal(a.start, '2026-11-24T10:00:00-03:00');
      assert.equal(a.end, '2026-11-24T10:20:00-03:00');
      assert.equal(a.status, 'reserved');
      assert.equal(a.origin, 'staff');
      assert.equal(a.insurerId, seed.osde.id, 'defaults to the patient insurer');
      assert.deepEqual(a.messages, ['Traé estudios previos', 'Traé la credencial de OSDE']);

      const week = await t.app.inject(`/api/v1/availability?professionalId=${seed.gonzalez.id}&from=2026-11-24&days=1`);
      const slot = week.json().slots.find((s: { start: string }) => s.start === '2026-11-24T10:00:00-03:00');
      assert.equal(slot.free, false);

      const again = await book(cardio('2026-11-24T10:00:00-03:00', { patientId: await newPatient() }));
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, 'SLOT_TAKEN');
      assert.match(again.json().error.message, /ya fue tomado/);
    });

    test('a study is booked with its indication among the messages', async () => {
      const res = await book({
        professionalId: seed.sonographer.id,
        studyId: seed.echo.id,
        patientId: await newPatient(),
        start: '2026-11-30T14:30:00-03:00',
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().messages[0], 'Presentarse con 6 horas de ayuno');
    });

    test('times that are not an agenda slot, or in the past, are refused with their own code', async () => {
      const patientId = await newPatient();
      const cases: Array<[string, string]> = [
        ['2026-11-24T10:10:00-03:00', 'NOT_IN_AGENDA'], // between two slots
        ['2026-11-28T10:00:00-03:00', 'NOT_IN_AGENDA'], // Saturday
        ['2026-11-24T13:00:00-03:00', 'NOT_IN_AGENDA'], // after hours
        ['2026-11-23T08:20:00-03:00', 'IN_THE_PAST'],
      ];
      for (const [start, code] of cases) {
        const res = await book(cardio(start, { patientId }));
        assert.equal(res.statusCode, 422, `${start}: ${res.body}`);
        assert.equal(res.json().error.code, code, start);
      }
    });

    test('the specialty or study must be one the professional attends in that block', async () => {
      const patientId = await newPatient();
      const wrong = await book({ ...cardio('2026-11-24T10:40:00-03:00'), specialtyId: seed.dermatology.id, patientId });
      assert.equal(wrong.json().error.code, 'WRONG_SERVICE');
      const both = await book({ ...cardio('2026-11-24T10:40:00-03:00'), studyId: seed.echo.id, patientId });
      assert.equal(both.json().error.code, 'SERVICE_REQUIRED');
      const none = await book({ professionalId: seed.gonzalez.id, start: '2026-11-24T10:40:00-03:00', patientId });
      assert.equal(none.json().error.code, 'SERVICE_REQUIRED');
    });

    test('web origin: only web-enabled professional, specialty and insurer; not beyond max days ahead', async () => {
      const patientId = await newPatient();
      const web = { origin: 'web', ip: '190.1.1.1', patientId };
      const offline = await book({
        professionalId: seed.offline.id,
        specialtyId: seed.cardiology.id,
        start: '2026-11-24T08:15:00-03:00',
        ...web,
      });
      assert.equal(offline.json().error.code, 'NOT_WEB_ENABLED');
      assert.match(offline.json().error.message, /ZAPATA/);
      const insurer = await book(cardio('2026-11-24T08:00:00-03:00', { ...web, insurerId: seed.hiddenInsurer.id }));
      assert.equal(insurer.json().error.code, 'NOT_WEB_ENABLED');
      const specialty = await book({
        professionalId: seed.alvarez.id,
        specialtyId: seed.hiddenSpecialty.id,
        start: '2026-11-30T14:00:00-03:00',
        ...web,
      });
      assert.equal(specialty.json().error.code, 'NOT_WEB_ENABLED');
      // GONZALEZ takes web bookings up to 30 days ahead: 2026-12-23 is the last day.
      const far = await book(cardio('2026-12-24T08:00:00-03:00', web));
      assert.equal(far.json().error.code, 'TOO_FAR_AHEAD');
      assert.match(far.json().error.message, /30 días/);
      const edge = await book(cardio('2026-12-23T08:00:00-03:00', web));
      assert.equal(edge.statusCode, 201, edge.body);
      // Staff are not bound by the web rules.
      const staff = await book({
        professionalId: seed.offline.id,
        specialtyId: seed.cardiology.id,
        start: '2026-11-24T08:15:00-03:00',
        patientId,
      });
      assert.equal(staff.statusCode, 201, staff.body);
    });

    test('web origin: reason required when configured, disabled patients and switched-off web booking refused', async () => {
      await setCenter({ reasonRequired: 1 });
      try {
        const patientId = await newPatient();
        const noReason = await book(
          cardio('2026-11-25T08:00:00-03:00', { origin: 'web', ip: '190.2.2.2', patientId, reason: '  ' }),
        );
        assert.equal(noReason.json().error.code, 'REASON_REQUIRED');
        const withReason = await book(
          cardio('2026-11-25T08:00:00-03:00', { origin: 'web', ip: '190.2.2.2', patientId, reason: 'Control' }),
        );
        assert.equal(withReason.statusCode, 201, withReason.body);
        assert.equal(withReason.json().typeLabel, 'WEB');
        assert.equal(withReason.json().bookedBy, 'WEB');
      } finally {
        await setCenter({ reasonRequired: 0 });
      }
      const disabled = await insertPatient(t.ctx.database.db, {
        disabled: true,
        disabledNote: 'Comunicate con administración.',
      });
      const res = await book(
        cardio('2026-11-25T08:20:00-03:00', { origin: 'web', ip: '190.2.2.2', patientId: disabled.id }),
      );
      assert.equal(res.json().error.code, 'PATIENT_DISABLED');
      assert.match(res.json().error.message, /Comunicate con administración/);

      await setCenter({ webBookingEnabled: 0 });
      try {
        const off = await book(
          cardio('2026-11-25T08:40:00-03:00', { origin: 'web', ip: '190.2.2.2', patientId: await newPatient() }),
        );
        assert.equal(off.json().error.code, 'WEB_BOOKING_DISABLED');
      } finally {
        await setCenter({ webBookingEnabled: 1 });
      }
    });

    test('web limits: per day with a professional, future per patient, future per IP', async () => {
      const patientId = await newPatient();
      const web = (start: string, ip = '200.0.0.1', pid = patientId) =>
        book(cardio(start, { origin: 'web', ip, patientId: pid }));
      assert.equal((await web('2026-11-26T08:00:00-03:00')).statusCode, 201);
      const sameDay = await web('2026-11-26T09:00:00-03:00');
      assert.equal(sameDay.json().error.code, 'LIMIT_PER_DAY');
      for (const day of ['27', '30']) assert.equal((await web(`2026-11-${day}T08:00:00-03:00`)).statusCode, 201);
      assert.equal((await web('2026-12-01T08:00:00-03:00')).statusCode, 201);
      const fifth = await web('2026-12-02T08:00:00-03:00');
      assert.equal(fifth.statusCode, 422);
      assert.equal(fifth.json().error.code, 'LIMIT_FUTURE_PATIENT');
      assert.match(fifth.json().error.message, /4 turnos/);

      // 8 upcoming turnos from one connection, whoever the patients are.
      const ip = '181.0.0.9';
      for (let i = 0; i < 8; i++) {
        const res = await web(
          `2026-12-0${3 + (i % 2)}T${String(8 + Math.floor(i / 2)).padStart(2, '0')}:20:00-03:00`,
          ip,
          await newPatient(),
        );
        assert.equal(res.statusCode, 201, res.body);
      }
      const ninth = await web('2026-12-07T11:40:00-03:00', ip, await newPatient());
      assert.equal(ninth.json().error.code, 'LIMIT_FUTURE_IP');
      // Cancelling one frees the quota.
      const list = await t.app.inject({ url: '/api/v1/appointments?from=2026-12-03&to=2026-12-04', headers: admin });
      const fromIp = list.json().filter((a: { bookedIp: string }) => a.bookedIp === ip);
      await t.app.inject({ method: 'POST', url: `/api/v1/appointments/${fromIp[0].id}/cancel`, headers: admin });
      assert.equal((await web('2026-12-07T11:40:00-03:00', ip, await newPatient())).statusCode, 201);
    });

    test('overbooking: staff may add a flagged sobreturno on a taken slot; the web may not', async () => {
      const start = '2026-11-24T11:00:00-03:00';
      assert.equal((await book(cardio(start, { patientId: await newPatient() }))).statusCode, 201);
      const over = await book(cardio(start, { patientId: await newPatient(), overbook: true }));
      assert.equal(over.statusCode, 201, over.body);
      assert.equal(over.json().overbook, true);
      const squeezed = await book(
        cardio('2026-11-24T11:10:00-03:00', { patientId: await newPatient(), overbook: true }),
      );
      assert.equal(squeezed.statusCode, 201, squeezed.body);
      assert.equal(squeezed.json().end, '2026-11-24T11:30:00-03:00');
      const web = await book(
        cardio(start, { patientId: await newPatient(), overbook: true, origin: 'web', ip: '190.2.2.2' }),
      );
      assert.equal(web.json().error.code, 'OVERBOOK_STAFF_ONLY');
    });

    test('a turno with attendance recorded is not deleted; set back to reserved, it is', async () => {
      const id = (await book(cardio('2026-11-23T11:20:00-03:00', { patientId: await newPatient() }))).json().id;
      const reception = await t.auth('reception');
      const call = (method: 'PATCH' | 'DELETE', payload?: object) =>
        t.app.inject({
          method,
          url: `/api/v1/appointments/${id}`,
          headers: reception,
          ...(payload ? { payload } : {}),
        });
      for (const status of ['present', 'absent']) {
        assert.equal((await call('PATCH', { status })).statusCode, 200);
        const refused = await call('DELETE');
        assert.equal(refused.statusCode, 409, status);
        assert.equal(refused.json().error.code, 'ATTENDANCE_RECORDED');
        assert.match(refused.json().error.message, /Un turno con asistencia registrada .* no se borra/);
      }
      const english = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/appointments/${id}`,
        headers: { ...reception, 'accept-language': 'en' },
      });
      assert.equal(english.statusCode, 409);
      assert.match(english.json().error.message, /attendance recorded/);
      assert.equal((await call('PATCH', { status: 'reserved' })).statusCode, 200, 'a mistake is corrected first');
      assert.equal((await call('DELETE')).statusCode, 204);
    });

    test('cancel frees the slot and records who; attendance; delete', async () => {
      const start = '2026-11-24T11:40:00-03:00';
      const created = (await book(cardio(start, { patientId: await newPatient() }))).json();
      const cancel = await t.app.inject({
        method: 'POST',
        url: `/api/v1/appointments/${created.id}/cancel`,
        headers: admin,
      });
      assert.equal(cancel.statusCode, 200);
      assert.equal(cancel.json().status, 'cancelled');
      assert.equal(cancel.json().cancelledBy, 'api:test-admin');
      assert.ok(cancel.json().cancelledAt);
      const twice = await t.app.inject({
        method: 'POST',
        url: `/api/v1/appointments/${created.id}/cancel`,
        headers: admin,
      });
      assert.equal(twice.statusCode, 409);
      const rebooked = await book(cardio(start, { patientId: await newPatient() }));
      assert.equal(rebooked.statusCode, 201, 'the cancelled slot is free again');

      const id = rebooked.json().id;
      const reception = await t.auth('reception');
      const early = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/appointments/${id}`,
        headers: reception,
        payload: { status: 'absent' },
      });
      assert.equal(early.statusCode, 409, 'nobody is absent from a turno that is tomorrow');
      assert.equal(early.json().error.code, 'ATTENDANCE_TOO_EARLY');
      t.clock.advance(24 * 3600_000); // Tuesday: the day of the turno.
      const present = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/appointments/${id}`,
        headers: reception,
        payload: { status: 'present', reason: 'Control anual' },
      });
      assert.equal(present.statusCode, 200, present.body);
      assert.equal(present.json().status, 'present');
      assert.equal(present.json().reason, 'Control anual');
      const toCancelled = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/appointments/${created.id}`,
        headers: admin,
        payload: { status: 'absent' },
      });
      assert.equal(toCancelled.statusCode, 409);
      const bad = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/appointments/${id}`,
        headers: admin,
        payload: { status: 'lost' },
      });
      assert.equal(bad.statusCode, 400);

      const attended = await t.app.inject({ method: 'DELETE', url: `/api/v1/appointments/${id}`, headers: admin });
      assert.equal(attended.statusCode, 409, 'a turno with attendance stays');
      const del = await t.app.inject({ method: 'DELETE', url: `/api/v1/appointments/${created.id}`, headers: admin });
      assert.equal(del.statusCode, 204);
      const gone = await t.app.inject({ url: `/api/v1/appointments/${created.id}`, headers: admin });
      assert.equal(gone.statusCode, 404);
      t.clock.advance(-24 * 3600_000);
    });

    test('who may do what: no token 401, professional token 403 on booking and sees only its own agenda', async () => {
      const patientId = await newPatient();
      const anonymous = await book(cardio('2026-11-25T11:00:00-03:00', { patientId }), {});
      assert.equal(anonymous.statusCode, 401);
      assert.equal(anonymous.json().error.code, 'UNAUTHENTICATED');
      const badToken = await book(cardio('2026-11-25T11:00:00-03:00', { patientId }), {
        authorization: 'Bearer trn_nope',
      });
      assert.equal(badToken.statusCode, 401);
      const pro = await t.auth('professional', seed.alvarez.id);
      const forbidden = await book(cardio('2026-11-25T11:00:00-03:00', { patientId }), pro);
      assert.equal(forbidden.statusCode, 403);
      const own = await t.app.inject({ url: '/api/v1/appointments', headers: pro });
      assert.equal(own.statusCode, 200);
      assert.ok(own.json().every((a: { professionalId: number }) => a.professionalId === seed.alvarez.id));
      const other = await t.app.inject({
        url: `/api/v1/appointments?professionalId=${seed.gonzalez.id}`,
        headers: pro,
      });
      assert.equal(other.statusCode, 403);
    });

    test('malformed requests get 400 naming each field, in Spanish', async () => {
      const res = await book({ professionalId: 'x', start: '24/11/2026 10:00', origin: 'phone' });
      assert.equal(res.statusCode, 400);
      const body = res.json();
      assert.equal(body.error.code, 'VALIDATION_ERROR');
      const fields = body.error.details.map((d: { field: string }) => d.field);
      for (const f of ['professionalId', 'patientId', 'start', 'origin'])
        assert.ok(fields.includes(f), `${f} in ${fields}`);
      assert.match(body.error.message, /«start» debe ser fecha y hora ISO 8601/);
      const notJson = await t.app.inject({
        method: 'POST',
        url: '/api/v1/appointments',
        headers: { ...admin, 'content-type': 'application/json' },
        payload: '{"professionalId":',
      });
      assert.equal(notJson.statusCode, 400);
      assert.match(notJson.json().error.message, /JSON/);
      const missing = await book(cardio('2026-11-25T11:00:00-03:00', { patientId: 999999 }));
      assert.equal(missing.statusCode, 404);
      assert.match(missing.json().error.message, /paciente 999999/);
    });
  });
}
