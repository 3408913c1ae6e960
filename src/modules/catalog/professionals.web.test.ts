// TURNOS WEB → Profesionales activados: an admin sets a professional's messages and days ahead, ticks their
// studies and specialties, creates one; the patient's booking pages follow at once.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildSeededApp, type Seed } from '../../../test/support/seeded-app.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { location, WebClient } from '../../../test/support/web-client.js';
import { fieldError, forbidden, section } from './web-catalog.test-helpers.js';

for (const dialect of testDialects()) {
  describe(`profesionales activados para turnos web (${dialect})`, () => {
    let t: TestApp;
    let seed: Seed;
    let admin: WebClient;
    let reception: WebClient;

    before(async () => {
      ({ t, seed } = await buildSeededApp(dialect));
      const db = t.ctx.database.db;
      // Room for every booking these tests make from the same address.
      await db.updateTable('centerSettings').set({ maxFuturePerIp: 1000 }).execute();
      admin = await WebClient.newStaff(t.app, t.ctx, { username: 'jefa', role: 'admin' });
      reception = await WebClient.newStaff(t.app, t.ctx, { username: 'recepcion', role: 'reception' });
    });
    after(() => t.close());

    const editUrl = () => `/staff/web/profesionales/${seed.gonzalez.id}`;
    const gonzalezFields = (changes: Record<string, string> = {}) => ({
      lastName: 'GONZALEZ',
      firstName: 'José',
      licenceNumber: 'MN 112345',
      webEnabled: '1',
      generalMessage: 'Atiende solo mayores de 18 años.',
      bookingMessage: 'Traé estudios previos',
      maxDaysAhead: '3',
      ...changes,
    });

    test('the list: enabled first, those dados de baja below, and links that name the professional', async () => {
      assert.equal((await admin.get('/staff/web/profesionales')).statusCode, 200);
      const text = admin.text();
      const enabled = section(text, 'Activados para la web', 'Dados de baja');
      assert.match(enabled, /ALVAREZ Ana Sí Especialidades: Cardiología, Oculta Estudios: — 60 — —/);
      assert.match(enabled, /GONZALEZ José Sí Especialidades: Cardiología Estudios: — 30 — Traé estudios previos/);
      assert.match(enabled, /PEREZ Ana Sí Especialidades: Dermatología Estudios: Ecografía abdominal 60/);
      assert.doesNotMatch(enabled, /ZAPATA/);
      assert.match(section(text, 'Dados de baja para la web'), /ZAPATA Ana No Especialidades: Cardiología/);
      for (const action of ['Modificar activación', 'Estudios', 'Especialidades']) {
        assert.match(admin.html, new RegExp(`>${action}<span class="sr-only"> GONZALEZ José</span></a>`), action);
      }
      assert.match(admin.html, /<th scope="col">Mensaje general \(previo al turno\)<\/th>/);
    });

    test('general message and días máximos: the patient reads the message first and cannot book past the days', async () => {
      await admin.get(editUrl());
      const text = admin.text();
      assert.match(text, /Modificar activación de GONZALEZ José/);
      assert.match(text, /Mensaje general \(previo al turno\) Aparece al entrar al calendario web del profesional/);
      assert.match(text, /Mensaje p\/ turnos \(posterior al turno\) Aparece después de confirmar cada turno web/);
      assert.match(text, /Días máximos Cuántos días a futuro, contando desde el día en que el paciente entra/);
      assert.match(admin.html, /<input id="f-maxDaysAhead" name="maxDaysAhead" type="number" value="30"/);

      const saved = await admin.post(editUrl(), gonzalezFields());
      assert.equal(saved.statusCode, 303, admin.text());
      assert.equal(
        location(saved),
        `/staff/web/profesionales?ok=guardado&id=${seed.gonzalez.id}#fila-${seed.gonzalez.id}`,
      );
      await admin.follow(saved);
      assert.match(admin.text(), /✓ Se guardaron los cambios de «GONZALEZ José»\./);
      assert.match(
        admin.text(),
        /GONZALEZ José · MN 112345 recién guardado Sí Especialidades: Cardiología Estudios: — 3 Atiende solo mayores de 18 años\./,
      );

      // Monday 23/11 plus 3 days: Thursday 26/11 is the last day on the web.
      const patient = await WebClient.loggedIn(t.app, t.ctx, seed.patient.id);
      const cardio = `especialidad=${seed.cardiology.id}`;
      await patient.get(`/turnos/profesional/${seed.gonzalez.id}?${cardio}`);
      assert.match(
        patient.text(),
        /Mensaje de GONZALEZ José Leé este mensaje antes de elegir tu turno\. Atiende solo mayores de 18 años\./,
      );
      assert.doesNotMatch(patient.html, /class="slot/);
      await patient.get(`/turnos/profesional/${seed.gonzalez.id}?${cardio}&visto=1`);
      assert.match(patient.html, /inicio=2026-11-26T11%3A40%3A00-03%3A00/, 'Thursday is offered');
      assert.doesNotMatch(patient.html, /inicio=2026-11-27/, 'Friday is not');
      assert.match(
        patient.text(),
        /viernes 27\/11 Todavía no se dan turnos por internet para este día/,
        'a day past the limit does not read as a day off',
      );
      assert.match(patient.text(), /Los turnos por internet se toman hasta 3 días adelante\./);
      assert.doesNotMatch(patient.text(), /Ver horarios libres semana siguiente/);

      const far = '2026-11-27T09:00:00-03:00';
      await patient.get(
        `/turnos/confirmar?profesional=${seed.gonzalez.id}&${cardio}&inicio=${encodeURIComponent(far)}`,
      );
      const refused = await patient.post('/turnos/confirmar', {
        profesional: String(seed.gonzalez.id),
        especialidad: String(seed.cardiology.id),
        inicio: far,
        obraSocial: String(seed.osde.id),
        motivo: '',
      });
      assert.equal(refused.statusCode, 422);
      assert.match(patient.text(), /Solo se pueden tomar turnos hasta 3 días adelante con este profesional\./);

      // The message after booking is the one typed on the page.
      await admin.post(editUrl(), gonzalezFields({ bookingMessage: 'Traiga el electrocardiograma anterior.' }));
      const near = '2026-11-26T11:40:00-03:00';
      await patient.get(
        `/turnos/confirmar?profesional=${seed.gonzalez.id}&${cardio}&inicio=${encodeURIComponent(near)}`,
      );
      const booked = await patient.post('/turnos/confirmar', {
        profesional: String(seed.gonzalez.id),
        especialidad: String(seed.cardiology.id),
        inicio: near,
        obraSocial: String(seed.osde.id),
        motivo: '',
      });
      assert.equal(booked.statusCode, 303, patient.text());
      await patient.follow(booked);
      assert.match(patient.text(), /Mensaje del profesional: Traiga el electrocardiograma anterior\./);
    });

    test('mistakes come back next to their field with everything typed; unticked goes below and off the web', async () => {
      await admin.get(editUrl());
      for (const [typed, problem] of [
        ['', /es obligatorio/],
        ['tres', /debe ser un número entero de días/],
        ['-1', /no puede ser negativo \(0: solo el día de hoy\)/],
        ['2.5', /debe ser un número entero de días/],
        ['9999', /puede ser hasta 730 días/],
      ] as const) {
        const res = await admin.post(
          editUrl(),
          gonzalezFields({ maxDaysAhead: typed, lastName: '', generalMessage: 'Nuevo mensaje' }),
        );
        assert.equal(res.statusCode, 400, typed);
        fieldError(admin.html, 'maxDaysAhead', problem);
        fieldError(admin.html, 'lastName', /no puede quedar vacío/);
        const kept = typed === '' ? 'value ' : `value="${typed.replace('.', '\\.')}"`;
        assert.match(admin.html, new RegExp(`name="maxDaysAhead" type="number" ${kept}`));
        assert.match(admin.html, />Nuevo mensaje<\/textarea>/);
        assert.match(admin.text(), /Revisá estos datos: Apellido : no puede quedar vacío Días máximos : /);
      }
      const unchanged = await t.ctx.database.db
        .selectFrom('professionals')
        .selectAll()
        .where('id', '=', seed.gonzalez.id)
        .executeTakeFirstOrThrow();
      assert.notEqual(unchanged.generalMessage, 'Nuevo mensaje');

      const alvarez = `/staff/web/profesionales/${seed.alvarez.id}`;
      await admin.get(alvarez);
      const off = await admin.post(alvarez, { lastName: 'ALVAREZ', firstName: 'Ana', maxDaysAhead: '60' });
      await admin.follow(off);
      assert.match(section(admin.text(), 'Dados de baja para la web'), /ALVAREZ Ana recién guardado No/);
      const patient = await WebClient.loggedIn(t.app, t.ctx, seed.patient.id);
      await patient.get('/turnos/nuevo');
      assert.doesNotMatch(patient.text(), /ALVAREZ/);
      await admin.post(alvarez, { lastName: 'ALVAREZ', firstName: 'Ana', maxDaysAhead: '60', webEnabled: '1' });
    });

    test('Estudios: every study as a checkbox, ticked for those performed; an agenda in use keeps its study', async () => {
      const perez = `/staff/web/profesionales/${seed.sonographer.id}/estudios`;
      await admin.get(perez);
      assert.match(admin.text(), /Estudios de PEREZ Ana Tildá los estudios que realiza/);
      assert.match(admin.html, new RegExp(`name="studyIds" value="${seed.echo.id}" checked`));

      // Add a study for GONZALEZ (what patients then see is in catalog.effects.api.test.ts).
      const ecg = await t.ctx.database.db
        .insertInto('studies')
        .values({ name: 'Electrocardiograma', indication: '', webEnabled: 0 })
        .returningAll()
        .executeTakeFirstOrThrow();
      const gonzalez = `/staff/web/profesionales/${seed.gonzalez.id}/estudios`;
      await admin.get(gonzalez);
      assert.match(admin.html, new RegExp(`name="studyIds" value="${seed.echo.id}"/>`), 'not ticked');
      assert.match(admin.text(), /Electrocardiograma \(no habilitado para la web\)/);
      assert.match(
        admin.html,
        new RegExp(
          `<input type="checkbox" id="f-studyIds-${ecg.id}" name="studyIds" value="${ecg.id}"/><label for="f-studyIds-${ecg.id}">`,
        ),
      );
      const saved = await admin.post(gonzalez, { studyIds: [String(seed.echo.id), String(ecg.id)] });
      assert.equal(
        location(saved),
        `/staff/web/profesionales?ok=estudios&id=${seed.gonzalez.id}#fila-${seed.gonzalez.id}`,
      );
      await admin.follow(saved);
      assert.match(admin.text(), /✓ Se guardaron los estudios de «GONZALEZ José»\./);
      assert.match(
        admin.text(),
        /GONZALEZ José · MN 112345 recién guardado Sí Especialidades: Cardiología Estudios: Ecografía abdominal, Electrocardiograma/,
      );

      // PEREZ's Monday agenda is cut for the echo: taking it away is refused, the ticks kept as posted.
      await admin.get(perez);
      const refused = await admin.post(perez, { studyIds: String(ecg.id) });
      assert.equal(refused.statusCode, 409);
      assert.match(
        admin.text(),
        /No se puede quitar el estudio «Ecografía abdominal» a PEREZ Ana: lo usan sus horarios de atención de los lunes\. Cambiá o borrá esos horarios primero\./,
      );
      assert.match(admin.html, new RegExp(`name="studyIds" value="${ecg.id}" checked`));
      assert.match(admin.html, new RegExp(`name="studyIds" value="${seed.echo.id}"/>`));

      // Nothing ticked is a valid answer: GONZALEZ performs no study.
      await admin.get(gonzalez);
      assert.equal((await admin.post(gonzalez, {})).statusCode, 303);
      const left = await t.ctx.database.db
        .selectFrom('professionalStudies')
        .selectAll()
        .where('professionalId', '=', seed.gonzalez.id)
        .execute();
      assert.deepEqual(left, []);
    });

    test('Especialidades and Nuevo profesional', async () => {
      const alvarez = `/staff/web/profesionales/${seed.alvarez.id}/especialidades`;
      await admin.get(alvarez);
      assert.match(admin.text(), /Oculta \(no habilitada para la web\)/);
      const saved = await admin.post(alvarez, {
        specialtyIds: [String(seed.cardiology.id), String(seed.dermatology.id)],
      });
      await admin.follow(saved);
      assert.match(admin.text(), /✓ Se guardaron las especialidades de «ALVAREZ Ana»\./);
      const patient = await WebClient.loggedIn(t.app, t.ctx, seed.patient.id);
      await patient.get(`/turnos/profesionales?especialidad=${seed.dermatology.id}`);
      assert.match(patient.text(), /Profesionales de Dermatología .*ALVAREZ Ana/);

      await admin.get('/staff/web/profesionales/nuevo');
      assert.match(admin.text(), /Nuevo profesional/);
      const missing = await admin.post('/staff/web/profesionales/nuevo', {
        lastName: 'ROMERO',
        firstName: '',
        licenceNumber: 'MP 1',
        webEnabled: '1',
        specialtyIds: String(seed.dermatology.id),
      });
      assert.equal(missing.statusCode, 400);
      fieldError(admin.html, 'firstName', /no puede quedar vacío/);
      assert.match(admin.html, /value="ROMERO"/);
      assert.match(admin.html, new RegExp(`name="specialtyIds" value="${seed.dermatology.id}" checked`));
      const created = await admin.post('/staff/web/profesionales/nuevo', {
        lastName: 'ROMERO',
        firstName: 'Lucía',
        licenceNumber: 'MP 1',
        webEnabled: '1',
        specialtyIds: String(seed.dermatology.id),
      });
      assert.match(location(created), /^\/staff\/web\/profesionales\?ok=creado&id=\d+#fila-\d+$/);
      await admin.follow(created);
      assert.match(admin.text(), /✓ Se creó «ROMERO Lucía»\./);
      assert.match(
        section(admin.text(), 'Activados para la web', 'Dados de baja'),
        /ROMERO Lucía · MP 1 recién guardado Sí Especialidades: Dermatología Estudios: — 60/,
      );
    });

    test('reception gets 403', async () => {
      for (const url of [
        '/staff/web/profesionales',
        editUrl(),
        `${editUrl()}/estudios`,
        `${editUrl()}/especialidades`,
        '/staff/web/profesionales/nuevo',
      ]) {
        forbidden(reception, await reception.get(url), url);
      }
      await reception.get('/staff');
      forbidden(reception, await reception.post(editUrl(), gonzalezFields({ maxDaysAhead: '700' })), 'edit');
      forbidden(reception, await reception.post(`${editUrl()}/estudios`, {}), 'studies');
      const row = await t.ctx.database.db
        .selectFrom('professionals')
        .selectAll()
        .where('id', '=', seed.gonzalez.id)
        .executeTakeFirstOrThrow();
      assert.notEqual(row.maxDaysAhead, 700);
    });
  });
}
