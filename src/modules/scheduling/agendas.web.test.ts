// /staff/agendas: admins add and change working hours and exceptions; a change that would leave booked
// turnos outside the agenda lists them and saves only after "Guardar igual".
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { insertPatient, insertProfessional } from '../../../test/support/factories.js';
import { buildSeededApp, cardiology, postBooking, type Seed } from '../../../test/support/seeded-app.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { location, WebClient } from '../../../test/support/web-client.js';

/** The fields the "Guardar igual" form of the last page would send (hidden copies of what was typed). */
function confirmFields(html: string): Record<string, string> {
  const form = /<form method="post" action="[^"]*">(?:(?!<\/form>)[\s\S])*name="confirmar"[\s\S]*?<\/form>/.exec(
    html,
  )?.[0];
  assert.ok(form, 'the page offers to save anyway');
  const fields: Record<string, string> = {};
  for (const m of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) {
    fields[m[1] as string] = (m[2] as string).replace(/&amp;/g, '&').replace(/&quot;/g, '"');
  }
  return fields;
}

for (const dialect of testDialects()) {
  describe(`agendas page (${dialect})`, () => {
    let t: TestApp;
    let seed: Seed;
    let token: Record<string, string>;
    let admin: WebClient;

    beforeEach(async () => {
      // Monday 2026-11-23 09:00. GONZALEZ: Monday to Friday 08:00–12:00, cardiology, every 20 minutes.
      ({ t, seed, admin: token } = await buildSeededApp(dialect));
      admin = await WebClient.newStaff(t.app, t.ctx, { username: 'jefa', role: 'admin' });
    });
    afterEach(() => t.close());

    const book = async (start: string) => {
      const patient = await insertPatient(t.ctx.database.db, { dni: '30111222', lastName: 'QUIROGA' });
      const res = await postBooking(t, token, cardiology(seed, { start, patientId: patient.id }));
      assert.equal(res.statusCode, 201, res.body);
      return res.json().id as number;
    };
    const status = async (id: number) =>
      (await t.ctx.database.db.selectFrom('appointments').select('status').where('id', '=', id).executeTakeFirst())
        ?.status;

    test('added hours show in the table and in the patient availability; mistakes keep what was typed', async () => {
      const pro = await insertProfessional(t.ctx.database.db, {
        lastName: 'NUEVA',
        specialtyIds: [seed.cardiology.id],
      });
      await admin.get('/staff/agendas');
      assert.match(admin.html, /<option value="[0-9]+">NUEVA Ana<\/option>/);
      assert.equal((await admin.get(`/staff/agendas?profesional=${pro.id}`)).statusCode, 200);
      assert.match(admin.text(), /Horarios de NUEVA Ana Todavía no tiene horarios/);

      const fields = {
        profesional: String(pro.id),
        weekday: '2',
        startTime: '14:00',
        endTime: '16:00',
        slotMinutes: '30',
        service: `especialidad-${seed.cardiology.id}`,
        validFrom: '2026-11-01',
        validTo: '',
      };
      const bad = await admin.post('/staff/agendas/horarios', { ...fields, endTime: '4pm', slotMinutes: '2' });
      assert.equal(bad.statusCode, 400);
      assert.match(admin.text(), /Revisá estos datos: Hasta \(hora\) ?: Escribí la hora como HH:MM/);
      assert.match(admin.text(), /Turnos cada \(minutos\) ?: Escribí los minutos de cada turno, de 5 a 480/);
      assert.match(admin.html, /name="endTime" type="time" value="4pm"/);
      assert.match(admin.html, /name="startTime" type="time" value="14:00"/);
      const backwards = await admin.post('/staff/agendas/horarios', { ...fields, startTime: '17:00' });
      assert.equal(backwards.statusCode, 400);
      assert.match(admin.text(), /la hora de inicio debe ser anterior a la de fin/);
      const wrong = await admin.post('/staff/agendas/horarios', {
        ...fields,
        service: `especialidad-${seed.dermatology.id}`,
      });
      assert.equal(wrong.statusCode, 422);
      assert.match(admin.text(), /El profesional no atiende la especialidad DERMATOLOG/);

      const added = await admin.post('/staff/agendas/horarios', fields);
      assert.equal(location(added), `/staff/agendas?profesional=${pro.id}&ok=horario`);
      await admin.follow(added);
      assert.match(admin.text(), /Horario agregado\./);
      assert.match(admin.text(), /Martes 14:00 a 16:00 30 min CARDIOLOGÍA desde 01\/11\/2026 Modificar/);
      const overlap = await admin.post('/staff/agendas/horarios', { ...fields, startTime: '15:00', endTime: '17:00' });
      assert.equal(overlap.statusCode, 409);
      assert.match(admin.text(), /se superpone con otro horario/);

      const week = await t.app.inject({ url: `/api/v1/availability?professionalId=${pro.id}&from=2026-11-24&days=1` });
      assert.equal(week.statusCode, 200, week.body);
      assert.deepEqual(
        (week.json().slots as Array<{ start: string }>).map((s) => s.start.slice(11, 16)),
        ['14:00', '14:30', '15:00', '15:30'],
      );
    });

    test('a leave over a booked turno lists it, keeps the form, and saves only after "Guardar igual"', async () => {
      const turno = await book('2026-11-27T09:00:00-03:00');
      await admin.get(`/staff/agendas?profesional=${seed.gonzalez.id}`);
      const leave = {
        profesional: String(seed.gonzalez.id),
        scope: 'profesional',
        kind: 'leave',
        fromDate: '2026-11-27',
        toDate: '',
        fromTime: '',
        toTime: '',
        reason: 'Congreso de cardiología',
      };
      const refused = await admin.post('/staff/agendas/excepciones', leave);
      assert.equal(refused.statusCode, 409);
      assert.match(admin.text(), /El cambio deja 1 turno reservado fuera de la agenda/);
      assert.match(admin.text(), /Turnos que quedarían fuera de agenda/);
      assert.match(admin.text(), /viernes 27\/11 09:00 QUIROGA Test 30111222/);
      assert.match(admin.html, /name="reason" type="text" value="Congreso de cardiología"/, 'the form keeps it');
      assert.match(admin.text(), /No hay excepciones cargadas/, 'nothing was saved');
      const audited = await t.ctx.database.db
        .selectFrom('auditLog')
        .selectAll()
        .where('action', '=', 'appointment.list')
        .execute();
      assert.equal(audited.length, 1);

      const again = confirmFields(admin.html);
      assert.equal(again.reason, 'Congreso de cardiología');
      assert.equal(again.confirmar, '1');
      const saved = await admin.post('/staff/agendas/excepciones', again);
      assert.equal(location(saved), `/staff/agendas?profesional=${seed.gonzalez.id}&ok=excepcion&fuera=1`);
      await admin.follow(saved);
      assert.match(admin.text(), /Excepción agregada\. 1 turno reservado quedó fuera de agenda/);
      assert.match(admin.text(), /27\/11\/2026 Día completo Licencia GONZALEZ José Congreso de cardiología Quitar/);
      assert.equal(await status(turno), 'reserved', 'the turno is kept');

      const id = (await t.ctx.database.db.selectFrom('scheduleExceptions').select('id').executeTakeFirstOrThrow()).id;
      const removed = await admin.post(`/staff/agendas/excepciones/${id}/borrar`, {
        profesional: String(seed.gonzalez.id),
      });
      assert.equal(location(removed), `/staff/agendas?profesional=${seed.gonzalez.id}&ok=excepcion-quitada`);
      await admin.follow(removed);
      assert.match(admin.text(), /Excepción quitada/);
      assert.match(admin.text(), /No hay excepciones cargadas/);
    });

    test('shorter hours and a deletion list the turnos and go ahead when confirmed', async () => {
      const turno = await book('2026-11-24T11:20:00-03:00');
      const tuesday = await t.ctx.database.db
        .selectFrom('agendas')
        .selectAll()
        .where('professionalId', '=', seed.gonzalez.id)
        .where('weekday', '=', 2)
        .executeTakeFirstOrThrow();
      await admin.get(`/staff/agendas/horarios/${tuesday.id}`);
      assert.match(admin.text(), /Modificar horario de GONZALEZ José/);
      assert.match(admin.html, /name="endTime" type="time" value="12:00"/);
      const fields = {
        weekday: '2',
        startTime: '08:00',
        endTime: '11:00',
        slotMinutes: '20',
        service: `especialidad-${seed.cardiology.id}`,
        validFrom: '2020-01-01',
        validTo: '',
      };
      const refused = await admin.post(`/staff/agendas/horarios/${tuesday.id}`, fields);
      assert.equal(refused.statusCode, 409);
      assert.match(admin.text(), /martes 24\/11 11:20 QUIROGA/);
      assert.match(admin.html, /name="endTime" type="time" value="11:00"/);
      const saved = await admin.post(`/staff/agendas/horarios/${tuesday.id}`, confirmFields(admin.html));
      assert.equal(location(saved), `/staff/agendas?profesional=${seed.gonzalez.id}&ok=guardado&fuera=1`);
      await admin.follow(saved);
      assert.match(admin.text(), /Martes 08:00 a 11:00 20 min/);

      // Back to 12:00 gives the turno its place again; deleting the block then takes it away.
      const restored = await admin.post(`/staff/agendas/horarios/${tuesday.id}`, { ...fields, endTime: '12:00' });
      assert.equal(location(restored), `/staff/agendas?profesional=${seed.gonzalez.id}&ok=guardado`);
      await admin.get(`/staff/agendas?profesional=${seed.gonzalez.id}`);
      const deleting = await admin.post(`/staff/agendas/horarios/${tuesday.id}/borrar`);
      assert.equal(deleting.statusCode, 409);
      assert.match(admin.text(), /Borrar igual/);
      const deleted = await admin.post(`/staff/agendas/horarios/${tuesday.id}/borrar`, confirmFields(admin.html));
      assert.equal(location(deleted), `/staff/agendas?profesional=${seed.gonzalez.id}&ok=borrado&fuera=1`);
      await admin.follow(deleted);
      assert.doesNotMatch(admin.text(), /Martes 08:00/);
      assert.equal(await status(turno), 'reserved');
    });

    test('national holidays load for a year, once; a booked turno on one is listed first', async () => {
      await admin.get('/staff/agendas');
      const bad = await admin.post('/staff/agendas/feriados', { year: '27' });
      assert.equal(bad.statusCode, 400);
      assert.match(admin.text(), /Escribí un año entre 2000 y 2100/);
      const loaded = await admin.post('/staff/agendas/feriados', { year: '2027' });
      assert.equal(location(loaded), '/staff/agendas?ok=feriados&anio=2027&agregados=16&omitidos=0');
      await admin.follow(loaded);
      assert.match(admin.text(), /Feriados nacionales 2027: 16 agregados, 0 ya estaban cargados\./);
      const again = await admin.post('/staff/agendas/feriados', { year: '2027' });
      await admin.follow(again);
      assert.match(admin.text(), /Feriados nacionales 2027: 0 agregados, 16 ya estaban cargados\./);

      // Tuesday 8 December 2026 is a national holiday.
      const turno = await book('2026-12-08T09:00:00-03:00');
      const refused = await admin.post('/staff/agendas/feriados', { year: '2026' });
      assert.equal(refused.statusCode, 409);
      assert.match(admin.text(), /martes 08\/12 09:00 QUIROGA/);
      const confirmed = await admin.post('/staff/agendas/feriados', confirmFields(admin.html));
      assert.match(location(confirmed), /ok=feriados&fuera=1&anio=2026&agregados=16&omitidos=0/);
      await admin.follow(confirmed);
      assert.match(admin.text(), /08\/12\/2026 Día completo Feriado Todo el centro Inmaculada Concepción de María/);
      assert.equal(await status(turno), 'reserved');
    });

    test('only admins: reception gets the refusal page, a visitor goes to log in', async () => {
      const reception = await WebClient.newStaff(t.app, t.ctx, { username: 'recep', role: 'reception' });
      assert.equal((await reception.get('/staff/agendas')).statusCode, 403);
      assert.match(reception.text(), /No tenés permiso/);
      assert.doesNotMatch(reception.html, /href="\/staff\/agendas"/, 'the menu does not offer it');
      const post = await reception.post('/staff/agendas/feriados', { year: '2027' });
      assert.equal(post.statusCode, 403);
      const visitor = new WebClient(t.app);
      assert.match(location(await visitor.get('/staff/agendas')), /^\/staff\/ingresar\?volver=%2Fstaff%2Fagendas/);
      const none = await t.ctx.database.db.selectFrom('scheduleExceptions').selectAll().execute();
      assert.deepEqual(none, []);
    });
  });
}
