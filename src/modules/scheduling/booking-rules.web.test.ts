// The booking pages when something is not allowed: every rule said on the same page with the form kept,
// booking switched off, a disabled patient, and one patient trying another's turnos.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertInsurer, insertPatient } from '../../../test/support/factories.js';
import { buildSeededApp, cardiology, postBooking, type Seed } from '../../../test/support/seeded-app.js';
import { MONDAY_9AM, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { WebClient } from '../../../test/support/web-client.js';
import { createSession, SESSION_COOKIE } from '../../platform/http/sessions.js';
import { patientSessionPolicy } from '../../web/session.js';

for (const dialect of testDialects()) {
  describe(`booking pages refuse what the rules refuse (${dialect})`, () => {
    let t: TestApp;
    let seed: Seed;
    let admin: Record<string, string>;
    let swiss: { id: number };
    let cardio = '';

    before(async () => {
      ({ t, seed, admin } = await buildSeededApp(dialect));
      await setCenter({ maxFuturePerIp: 1000, phones: '4444-4444' });
      swiss = await insertInsurer(t.ctx.database.db, 'SWISS MEDICAL');
      cardio = `especialidad=${seed.cardiology.id}`;
    });
    after(() => t.close());

    const setCenter = (changes: Record<string, unknown>) =>
      t.ctx.database.db.updateTable('centerSettings').set(changes).where('id', '=', 1).execute();
    const newPatient = (extra: Parameters<typeof insertPatient>[1] = {}) =>
      insertPatient(t.ctx.database.db, { insurerId: seed.osde.id, ...extra });
    const confirmUrl = (start: string, extra = '') =>
      `/turnos/confirmar?profesional=${seed.gonzalez.id}&${cardio}&inicio=${encodeURIComponent(start)}${extra}`;
    const confirmFields = (start: string, fields: Record<string, string> = {}) => ({
      profesional: String(seed.gonzalez.id),
      especialidad: String(seed.cardiology.id),
      inicio: start,
      obraSocial: String(seed.osde.id),
      motivo: '',
      ...fields,
    });
    /** The alert of the page, as a patient hears it. */
    const alertOf = (html: string) => /<p class="notice" role="alert">([^<]*)<\/p>/.exec(html)?.[1];

    test('a time taken meanwhile: 409 on the same page, the typed reason and the chosen insurer kept', async () => {
      const patient = await newPatient();
      const browser = await WebClient.loggedIn(t.app, t.ctx, patient.id);
      const start = '2026-11-24T10:00:00-03:00';
      await browser.get(confirmUrl(start));
      const other = await postBooking(t, admin, cardiology(seed, { patientId: (await newPatient()).id, start }));
      assert.equal(other.statusCode, 201);

      const res = await browser.post(
        '/turnos/confirmar',
        confirmFields(start, { motivo: 'Me falta el aire', obraSocial: String(swiss.id) }),
      );
      assert.equal(res.statusCode, 409);
      assert.equal(alertOf(browser.html), 'Ese horario ya fue tomado. Elegí otro horario libre.');
      assert.match(browser.html, /<textarea[^>]*name="motivo"[^>]*>Me falta el aire<\/textarea>/);
      assert.match(browser.html, new RegExp(`<option value="${swiss.id}" selected>SWISS MEDICAL</option>`));
      assert.match(browser.html, /Elegir otro horario/);

      // The grid shows it taken, and a taken time is not a link.
      await browser.get(`/turnos/profesional/${seed.gonzalez.id}?${cardio}&visto=1`);
      assert.match(browser.html, /<span class="slot taken">10:00<span class="sr-only">, ocupado<\/span><\/span>/);
      assert.doesNotMatch(browser.html, /<a [^>]*inicio=2026-11-24T10%3A00%3A00-03%3A00/);
      // Opening the stale confirm link says so at once.
      await browser.get(confirmUrl(start));
      assert.equal(alertOf(browser.html), 'Ese horario ya fue tomado. Elegí otro horario libre.');
    });

    test('the legend explains the grid in words, not only colours', async () => {
      const browser = await WebClient.loggedIn(t.app, t.ctx, (await newPatient()).id);
      await browser.get(`/turnos/profesional/${seed.gonzalez.id}?${cardio}&visto=1`);
      assert.match(
        browser.text(),
        /Referencias 08:00 Horario libre: tocalo para elegirlo 08:00 Horario ocupado \(tachado\) 08:00 Primer turno disponible \(recuadrado\)/,
      );
      assert.match(
        browser.html,
        /<a class="slot free first" href="[^"]+">09:00<span class="sr-only">, libre, primer turno disponible<\/span><\/a>/,
      );
    });

    test('reason required: said on the field, and the booking goes through once it is given', async () => {
      await setCenter({ reasonRequired: 1 });
      try {
        const browser = await WebClient.loggedIn(t.app, t.ctx, (await newPatient()).id);
        const start = '2026-11-24T10:20:00-03:00';
        await browser.get(confirmUrl(start));
        assert.match(browser.text(), /Motivo del turno \(obligatorio\)/);
        assert.match(browser.html, /<textarea[^>]*required/);
        const res = await browser.post('/turnos/confirmar', confirmFields(start, { motivo: '   ' }));
        assert.equal(res.statusCode, 422);
        assert.equal(alertOf(browser.html), 'Contanos el motivo del turno.');
        assert.match(browser.html, /<textarea[^>]*aria-invalid="true"/);
        const ok = await browser.post('/turnos/confirmar', confirmFields(start, { motivo: 'Control' }));
        assert.equal(ok.statusCode, 303);
      } finally {
        await setCenter({ reasonRequired: 0 });
      }
    });

    test('a reason longer than 500 characters is refused with the text kept', async () => {
      const browser = await WebClient.loggedIn(t.app, t.ctx, (await newPatient()).id);
      const start = '2026-11-24T10:40:00-03:00';
      await browser.get(confirmUrl(start));
      const long = 'a'.repeat(501);
      const res = await browser.post('/turnos/confirmar', confirmFields(start, { motivo: long }));
      assert.equal(res.statusCode, 422);
      assert.equal(alertOf(browser.html), 'El motivo es demasiado largo: escribí hasta 500 caracteres.');
      assert.ok(browser.html.includes(`>${long}</textarea>`));
    });

    test('per-patient and per-day limits are sentences on the confirm page', async () => {
      await setCenter({ maxFuturePerPatient: 1 });
      try {
        const browser = await WebClient.loggedIn(t.app, t.ctx, (await newPatient()).id);
        await browser.get(confirmUrl('2026-11-25T08:00:00-03:00'));
        const first = await browser.post('/turnos/confirmar', confirmFields('2026-11-25T08:00:00-03:00'));
        assert.equal(first.statusCode, 303);
        await browser.get(confirmUrl('2026-11-26T08:00:00-03:00'));
        const second = await browser.post(
          '/turnos/confirmar',
          confirmFields('2026-11-26T08:00:00-03:00', { motivo: 'Control' }),
        );
        assert.equal(second.statusCode, 422);
        assert.match(alertOf(browser.html) ?? '', /^Ya tenés un turno pendiente, el máximo permitido\./);
        assert.match(browser.html, />Control<\/textarea>/);
      } finally {
        await setCenter({ maxFuturePerPatient: 4 });
      }
      const browser = await WebClient.loggedIn(t.app, t.ctx, (await newPatient()).id);
      await browser.get(confirmUrl('2026-11-27T08:00:00-03:00'));
      await browser.post('/turnos/confirmar', confirmFields('2026-11-27T08:00:00-03:00'));
      await browser.get(confirmUrl('2026-11-27T09:00:00-03:00'));
      const sameDay = await browser.post('/turnos/confirmar', confirmFields('2026-11-27T09:00:00-03:00'));
      assert.equal(sameDay.statusCode, 422);
      assert.equal(alertOf(browser.html), 'Ya tenés un turno ese día con este profesional.');
    });

    test('web booking switched off: Tomar turno says so with the contact data; nothing can be booked', async () => {
      await setCenter({ webBookingEnabled: 0 });
      try {
        const browser = await WebClient.loggedIn(t.app, t.ctx, (await newPatient()).id);
        await browser.get('/turnos/nuevo');
        assert.match(
          browser.text(),
          /Los turnos por internet no están disponibles en este momento Para pedir un turno comunicate con el centro: Teléfono: 4444-4444/,
        );
        assert.doesNotMatch(browser.html, /Ver profesionales/);
        const list = await browser.get(`/turnos/profesionales?${cardio}`);
        assert.equal(list.statusCode, 422);
        assert.match(browser.text(), /Los turnos por internet están desactivados/);
        const res = await browser.post('/turnos/confirmar', confirmFields('2026-11-30T08:00:00-03:00'));
        assert.equal(res.statusCode, 422);
        assert.match(browser.text(), /Los turnos por internet están desactivados/);
      } finally {
        await setCenter({ webBookingEnabled: 1 });
      }
    });

    test('a disabled patient reads the center’s note and cannot book', async () => {
      const patient = await newPatient({ disabled: true, disabledNote: 'Comunicate con administración.' });
      const browser = await WebClient.loggedIn(t.app, t.ctx, patient.id);
      await browser.get('/turnos/nuevo');
      assert.match(
        browser.text(),
        /Tu usuario no puede tomar turnos por internet El centro dejó esta observación: Comunicate con administración\./,
      );
      assert.doesNotMatch(browser.html, /Ver profesionales/);
      const list = await browser.get(`/turnos/profesionales?${cardio}`);
      assert.equal(list.statusCode, 422);
      assert.match(browser.text(), /Comunicate con administración/);
      await browser.get(confirmUrl('2026-11-30T08:20:00-03:00'));
      assert.match(
        alertOf(browser.html) ?? '',
        /Tu usuario no puede tomar turnos por internet\. Comunicate con administración\./,
      );
      const res = await browser.post('/turnos/confirmar', confirmFields('2026-11-30T08:20:00-03:00', { motivo: 'x' }));
      assert.equal(res.statusCode, 422);
      assert.match(alertOf(browser.html) ?? '', /Comunicate con administración/);
    });

    test('patient A cannot see, print, cancel or edit B’s turno: 404 exactly like a missing one', async () => {
      const b = await newPatient();
      const booked = await postBooking(
        t,
        admin,
        cardiology(seed, { patientId: b.id, start: '2026-12-01T08:00:00-03:00', reason: 'Privado' }),
      );
      const id = booked.json().id as number;
      const a = await WebClient.loggedIn(t.app, t.ctx, (await newPatient()).id);
      await a.get('/mis-turnos');
      const missing = 2_000_000_000;
      for (const [method, path] of [
        ['GET', '/turnos/ID/comprobante.pdf'],
        ['GET', '/turnos/ID/listo'],
        ['GET', '/mis-turnos/ID/motivo'],
        ['GET', '/mis-turnos/ID/cancelar'],
        ['POST', '/mis-turnos/ID/motivo'],
        ['POST', '/mis-turnos/ID/cancelar'],
      ] as const) {
        const send = (n: number) =>
          method === 'GET'
            ? a.get(path.replace('ID', String(n)))
            : a.post(path.replace('ID', String(n)), { motivo: 'x' });
        const theirs = await send(id);
        const theirsText = a.text();
        const none = await send(missing);
        assert.equal(theirs.statusCode, 404, `${method} ${path}`);
        assert.equal(none.statusCode, 404, `${method} ${path} (missing)`);
        assert.match(String(theirs.headers['content-type']), /text\/html/);
        assert.equal(theirsText.replace(String(id), 'N'), a.text().replace(String(missing), 'N'), `${method} ${path}`);
      }
      const after = await t.app.inject({ url: `/api/v1/appointments/${id}`, headers: admin });
      assert.equal(after.json().status, 'reserved');
      assert.equal(after.json().reason, 'Privado');
      await a.get('/mis-turnos');
      assert.doesNotMatch(a.text(), /Privado/);
    });

    test('a past turno cannot be cancelled, and an attended one keeps its reason', async () => {
      const patient = await newPatient();
      const res = await postBooking(
        t,
        admin,
        cardiology(seed, { patientId: patient.id, start: '2026-11-23T10:00:00-03:00', reason: 'Control' }),
      );
      const id = res.json().id as number;
      t.clock.set(MONDAY_9AM + 2 * 3600_000);
      try {
        const browser = await WebClient.loggedIn(t.app, t.ctx, patient.id);
        await browser.get('/mis-turnos');
        assert.doesNotMatch(browser.html, new RegExp(`/mis-turnos/${id}/cancelar`));
        await browser.get(`/mis-turnos/${id}/cancelar`);
        assert.match(browser.text(), /Este turno ya no se puede cancelar por internet/);
        const refused = await browser.post(`/mis-turnos/${id}/cancelar`);
        assert.equal(refused.statusCode, 422);
        assert.equal(alertOf(browser.html), 'Ese horario ya pasó.');

        const present = await t.app.inject({
          method: 'PATCH',
          url: `/api/v1/appointments/${id}`,
          headers: admin,
          payload: { status: 'present' },
        });
        assert.equal(present.statusCode, 200, present.body);
        await browser.get('/mis-turnos');
        assert.match(browser.text(), /lunes, 23 de noviembre de 2026, 10:00 presente/);
        assert.doesNotMatch(browser.html, new RegExp(`/mis-turnos/${id}/motivo`));
        const edit = await browser.post(`/mis-turnos/${id}/motivo`, { motivo: 'Otro' });
        assert.equal(edit.statusCode, 409);
        assert.equal(alertOf(browser.html), 'Solo se puede cambiar el motivo de un turno reservado.');
      } finally {
        t.clock.set(MONDAY_9AM);
      }
    });

    test('not logged in: every booking page sends the patient to log in first', async () => {
      const browser = new WebClient(t.app);
      for (const url of [
        '/turnos/nuevo',
        `/turnos/profesionales?${cardio}`,
        '/mis-turnos',
        '/turnos/1/comprobante.pdf',
      ]) {
        const res = await browser.get(url);
        assert.equal(res.statusCode, 303, url);
        assert.equal(res.headers.location, `/ingresar?volver=${encodeURIComponent(url)}`, url);
      }
    });

    test('a confirm form sent after the session ended comes back filled once the patient logs in again', async () => {
      const patient = await newPatient();
      const browser = await WebClient.loggedIn(t.app, t.ctx, patient.id);
      const start = '2026-12-02T08:00:00-03:00';
      await browser.get(confirmUrl(start));
      t.clock.advance(t.ctx.web.patientIdleSeconds * 1000 + 1000);
      try {
        const sent = await browser.post(
          '/turnos/confirmar',
          confirmFields(start, { motivo: 'Palpitaciones', obraSocial: String(swiss.id) }),
        );
        assert.equal(sent.statusCode, 303, browser.text());
        const location = new URL(String(sent.headers.location), 'http://x');
        assert.equal(location.pathname, '/ingresar');
        assert.equal(location.searchParams.get('inactivo'), '1');
        const back = location.searchParams.get('volver') as string;
        assert.match(back, /^\/turnos\/confirmar\?/);
        assert.doesNotMatch(back, /_csrf/);
        const none = await t.app.inject({ url: `/api/v1/appointments?patientId=${patient.id}`, headers: admin });
        assert.deepEqual(none.json(), [], 'nothing was booked without a session');

        // Logging in again (a new session, as /ingresar makes) and following "volver" shows the same form.
        const session = await createSession(
          t.ctx.database.db,
          { kind: 'patient', id: patient.id },
          patientSessionPolicy(t.ctx.web),
          t.ctx.clock.now(),
        );
        browser.cookies.set(SESSION_COOKIE, session);
        const page = await browser.get(back);
        assert.equal(page.statusCode, 200);
        assert.match(browser.text(), /Confirmar turno .* Día miércoles, 2 de diciembre de 2026 Hora 08:00/);
        assert.match(browser.html, />Palpitaciones<\/textarea>/);
        assert.match(browser.html, new RegExp(`<option value="${swiss.id}" selected>SWISS MEDICAL</option>`));
        const booked = await browser.post('/turnos/confirmar', confirmFields(start, { motivo: 'Palpitaciones' }));
        assert.equal(booked.statusCode, 303);

        // The same for the reason form of Mis turnos.
        const id = Number(/\/turnos\/(\d+)\/listo/.exec(String(booked.headers.location))?.[1]);
        await browser.get(`/mis-turnos/${id}/motivo`);
        t.clock.advance(t.ctx.web.patientIdleSeconds * 1000 + 1000);
        const edit = await browser.post(`/mis-turnos/${id}/motivo`, { motivo: 'Palpitaciones y mareos' });
        const editBack = new URL(String(edit.headers.location), 'http://x').searchParams.get('volver') as string;
        assert.equal(editBack, `/mis-turnos/${id}/motivo?motivo=Palpitaciones+y+mareos`);
        const again = await createSession(
          t.ctx.database.db,
          { kind: 'patient', id: patient.id },
          patientSessionPolicy(t.ctx.web),
          t.ctx.clock.now(),
        );
        browser.cookies.set(SESSION_COOKIE, again);
        await browser.get(editBack);
        assert.match(browser.html, />Palpitaciones y mareos<\/textarea>/);
      } finally {
        t.clock.set(MONDAY_9AM);
      }
    });

    test('addresses that name nothing answer 404 pages', async () => {
      const browser = await WebClient.loggedIn(t.app, t.ctx, (await newPatient()).id);
      for (const url of [
        '/turnos/profesionales?especialidad=abc',
        `/turnos/profesionales?especialidad=${seed.cardiology.id}&estudio=${seed.echo.id}`,
        `/turnos/profesionales?especialidad=${seed.hiddenSpecialty.id}`,
        `/turnos/profesional/${seed.offline.id}?${cardio}`,
        '/turnos/confirmar?profesional=1',
        '/mis-turnos/abc/cancelar',
      ]) {
        const res = await browser.get(url);
        assert.equal(res.statusCode, 404, url);
        assert.match(String(res.headers['content-type']), /text\/html/, url);
      }
      const empty = await browser.get('/turnos/profesionales?especialidad=');
      assert.equal(empty.statusCode, 422);
      assert.match(browser.text(), /Elegí una especialidad para ver sus profesionales\./);
    });
  });
}
