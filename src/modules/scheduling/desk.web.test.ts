// The reception's Pantalla de turnos through the pages: the day's agenda, its remembered filter, giving,
// marking, cancelling and moving turnos, sobreturnos, refusals shown on the page, and a professional's view.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertPatient, insertStaffUser } from '../../../test/support/factories.js';
import { buildSeededApp, cardiology, postBooking, type Seed } from '../../../test/support/seeded-app.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { location, WebClient } from '../../../test/support/web-client.js';
import { DESK_COOKIE } from './desk.routes.js';

const decodeAmp = (s: string) => s.replace(/&amp;/g, '&');
/** The table row of a turno (its id is on the row). */
const rowOf = (html: string, id: number) => new RegExp(`<tr[^>]*id="turno-${id}"[\\s\\S]*?</tr>`).exec(html)?.[0] ?? '';
/** The agenda rows that start at a time (a slot and its sobreturnos). */
const rowsAt = (html: string, time: string) =>
  (html.match(/<tr class="row-[\s\S]*?<\/tr>/g) ?? []).filter((r) => r.includes(`>${time}</th>`));
const hrefs = (html: string, prefix: string) =>
  [...html.matchAll(/href="([^"]+)"/g)].map((m) => decodeAmp(m[1] as string)).filter((h) => h.startsWith(prefix));
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

for (const dialect of testDialects()) {
  describe(`Pantalla de turnos (${dialect})`, () => {
    let t: TestApp;
    let seed: Seed;
    let api: Record<string, string>;
    let reception: WebClient;
    let receptionId: number;
    let agenda: string;
    const turnos = { staff: 0, web: 0, overbook: 0, cancelled: 0 };

    const desk = (date = '2026-11-23', which = agenda) => `/staff/turnos?fecha=${date}&agenda=${which}`;
    const book = async (start: string, lastName: string, extra: Record<string, unknown> = {}) => {
      const patient = await insertPatient(t.ctx.database.db, { lastName, insurerId: seed.osde.id });
      const res = await postBooking(t, api, cardiology(seed, { start, patientId: patient.id, ...extra }));
      assert.equal(res.statusCode, 201, res.body);
      return res.json().id as number;
    };
    const statusOf = async (id: number) =>
      (await t.ctx.database.db.selectFrom('appointments').selectAll().where('id', '=', id).executeTakeFirstOrThrow())
        .status;

    before(async () => {
      ({ t, seed } = await buildSeededApp(dialect));
      api = await t.auth('reception');
      agenda = `profesional-${seed.gonzalez.id}`;
      // Monday 2026-11-23, 09:00 now. GONZALEZ: 08:00–12:00 every 20 minutes, cardiology.
      turnos.staff = await book('2026-11-23T09:20:00-03:00', 'ALONSO');
      turnos.web = await book('2026-11-23T09:40:00-03:00', 'BENITEZ', { origin: 'web', ip: '190.1.1.1' });
      turnos.overbook = await book('2026-11-23T09:40:00-03:00', 'CASTRO', { overbook: true });
      turnos.cancelled = await book('2026-11-23T10:00:00-03:00', 'DIAZ');
      const cancel = await t.app.inject({
        method: 'POST',
        url: `/api/v1/appointments/${turnos.cancelled}/cancel`,
        headers: api,
        payload: {},
      });
      assert.equal(cancel.statusCode, 200);
      receptionId = (await insertStaffUser(t.ctx.database.db, { username: 'recepcion', role: 'reception' })).id;
      reception = await WebClient.loggedInStaff(t.app, t.ctx, receptionId);
    });
    after(() => t.close());

    test('the agenda shows free and past slots, taken ones, the WEB badge, sobreturnos and the cancelled apart', async () => {
      const res = await reception.get(desk());
      assert.equal(res.statusCode, 200);
      const html = reception.html;
      assert.match(reception.text(), /Pantalla de turnos del lunes 23\/11/);
      assert.match(reception.text(), /GONZALEZ José · CARDIOLOGÍA/);
      assert.match(rowsAt(html, '08:00')[0] ?? '', /Libre[\s\S]*\(pasado\)/);
      assert.doesNotMatch(rowsAt(html, '08:00')[0] ?? '', /Dar turno/, 'a slot already gone cannot be given');
      assert.match(rowsAt(html, '10:00')[0] ?? '', /Libre[\s\S]*Dar turno/, 'a cancelled turno frees its slot');

      const staffRow = rowOf(html, turnos.staff);
      assert.match(text(staffRow), /Ocupado ALONSO Test DNI \d+ OSDE CARDIOLOGÍA Centro reservado/);
      assert.doesNotMatch(staffRow, />WEB</);
      assert.match(rowOf(html, turnos.web), /<abbr class="badge web" title="Turno tomado por internet">WEB<\/abbr>/);
      assert.match(text(rowOf(html, turnos.overbook)), /Sobreturno CASTRO Test/);
      assert.match(rowOf(html, turnos.overbook), /class="row-overbook"/);
      assert.equal(rowOf(html, turnos.cancelled), '', 'a cancelled turno is not in the day list');
      assert.match(
        reception.text(),
        /Turnos cancelados \(1\) Hora Paciente Estado del turno 10:00 DIAZ Test \(\d+\) cancelado Canceló: api:test-reception/,
      );
      assert.match(reception.text(), /12 horarios \(libres: 10, ocupados: 2\) · sobreturnos: 1 · presentes: 0/);
      // Every action names its turno for a screen reader.
      assert.match(text(staffRow), /Cancelar \(?turno de las 09:20 de ALONSO Test/);
      assert.match(html, /<button type="button" class="secondary" data-print="true">Imprimir<\/button>/);
    });

    test('leave and blocked hours of the day are a notice above the agenda', async () => {
      await t.ctx.database.db
        .insertInto('scheduleExceptions')
        .values([
          {
            professionalId: seed.gonzalez.id,
            fromDate: '2026-11-26',
            toDate: '2026-11-26',
            fromTime: '10:00',
            toTime: '12:00',
            kind: 'block',
            reason: 'Ateneo de cardiología',
          },
          {
            professionalId: null,
            fromDate: '2026-11-27',
            toDate: '2026-11-27',
            fromTime: null,
            toTime: null,
            kind: 'holiday',
            reason: 'Feriado puente',
          },
        ])
        .execute();
      await reception.get(desk('2026-11-26'));
      assert.match(reception.text(), /Horario bloqueado de 10:00 a 12:00: Ateneo de cardiología/);
      assert.equal(rowsAt(reception.html, '10:00').length, 0, 'the blocked hours offer no slot');
      await reception.get(desk('2026-11-27'));
      assert.match(reception.text(), /Feriado todo el día \(todo el centro\): Feriado puente No tiene horarios/);
    });

    test('the filter lives in the address and in a cookie, so a bare /staff/turnos opens the last agenda', async () => {
      const browser = await WebClient.loggedInStaff(t.app, t.ctx, receptionId);
      const bare = await browser.get('/staff/turnos');
      assert.equal(bare.statusCode, 200);
      assert.match(browser.text(), /Elegí un profesional o una especialidad para ver la agenda del día/);

      await browser.get(desk('2026-11-25', `especialidad-${seed.cardiology.id}`));
      assert.match(browser.text(), /miércoles 25\/11/);
      assert.match(browser.text(), /ALVAREZ Ana[\s\S]*GONZALEZ José[\s\S]*ZAPATA Ana/, 'the whole specialty, A to Z');
      const again = await browser.get('/staff/turnos');
      assert.equal(location(again), desk('2026-11-25', `especialidad-${seed.cardiology.id}`));

      // An agenda that does not open is not remembered.
      assert.equal((await browser.get(desk('2026-11-25', 'profesional-9999'))).statusCode, 404);
      assert.equal(
        location(await browser.get('/staff/turnos')),
        desk('2026-11-25', `especialidad-${seed.cardiology.id}`),
      );

      // Another day: the agenda is remembered, the date starts again from today.
      browser.cookies.set(DESK_COOKIE, encodeURIComponent(`fecha=2026-11-20&agenda=${agenda}&dia=2026-11-20`));
      const today = await browser.get('/staff/turnos');
      assert.equal(location(today), desk('2026-11-23'));
      await browser.follow(today);
      const next = hrefs(browser.html, '/staff/turnos?');
      assert.ok(next.includes(desk('2026-11-24')), 'a link to the next day keeps the agenda');
    });

    test('reception finds a patient by DNI and gives a free slot; the form opens with their insurer', async () => {
      const patient = await insertPatient(t.ctx.database.db, {
        dni: '30111222',
        lastName: 'ESPINOSA',
        insurerId: seed.osde.id,
      });
      await reception.get(desk());
      const give = hrefs(reception.html, '/staff/turnos/dar?').find(
        (h) => h.includes('inicio=2026-11-23T10%3A20') && !h.includes('sobreturno'),
      );
      assert.ok(give, 'the free 10:20 slot offers Dar turno');
      await reception.get(`${give}&buscar=1&dni=30.111.222`);
      assert.match(reception.text(), /Dar turno Profesional GONZALEZ José Horario lunes 23\/11 10:20/);
      assert.match(reception.text(), /1 paciente encontrado .* ESPINOSA Test 30111222 OSDE Elegir a ESPINOSA Test/);
      await reception.get(`${give}&buscar=1&apellido=espi`);
      assert.match(
        reception.text(),
        /1 paciente encontrado .* ESPINOSA Test 30111222/,
        'or by how the last name starts',
      );
      const pick = hrefs(reception.html, '/staff/turnos/dar?').find((h) => h.includes(`paciente=${patient.id}`));
      assert.ok(pick);
      await reception.get(pick);
      assert.match(reception.html, new RegExp(`<option value="especialidad-${seed.cardiology.id}" selected`));
      assert.match(reception.html, new RegExp(`<option value="${seed.osde.id}" selected`));

      const booked = await reception.post('/staff/turnos/dar', {
        fecha: '2026-11-23',
        agenda,
        profesional: String(seed.gonzalez.id),
        inicio: '2026-11-23T10:20:00-03:00',
        paciente: String(patient.id),
        servicio: `especialidad-${seed.cardiology.id}`,
        obraSocial: String(seed.osde.id),
        motivo: 'Control anual',
      });
      assert.equal(location(booked), `${desk()}&ok=dado`);
      await reception.follow(booked);
      assert.match(reception.text(), /Turno dado\./);
      const row = text(rowsAt(reception.html, '10:20')[0] ?? '');
      assert.match(row, /Ocupado ESPINOSA Test DNI 30111222 OSDE CARDIOLOGÍA Centro reservado Control anual/);
      const saved = await t.ctx.database.db
        .selectFrom('appointments')
        .selectAll()
        .where('patientId', '=', patient.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual([saved.origin, saved.overbook, saved.insurerId], ['staff', 0, seed.osde.id]);

      // The same person moved to tomorrow 08:00 from the list of free slots.
      await reception.get(
        `/staff/turnos/${saved.id}/reprogramar?fecha=2026-11-23&agenda=${agenda}&nuevaFecha=2026-11-24`,
      );
      assert.match(reception.text(), /Horarios libres del martes 24\/11 con GONZALEZ José/);
      assert.match(reception.html, /type="radio" name="inicio" value="2026-11-24T08:00:00-03:00"/);
      const none = await reception.post(`/staff/turnos/${saved.id}/reprogramar`, {
        fecha: '2026-11-23',
        agenda,
        nuevaFecha: '2026-11-24',
        nuevoProfesional: String(seed.gonzalez.id),
      });
      assert.equal(none.statusCode, 400);
      assert.match(reception.text(), /Elegí el nuevo horario de la lista/);
      const moved = await reception.post(`/staff/turnos/${saved.id}/reprogramar`, {
        fecha: '2026-11-23',
        agenda,
        nuevaFecha: '2026-11-24',
        nuevoProfesional: String(seed.gonzalez.id),
        inicio: '2026-11-24T08:00:00-03:00',
      });
      assert.equal(location(moved), `${desk()}&ok=reprogramado`);
      await reception.follow(moved);
      assert.match(reception.text(), /Turno reprogramado\./);
      assert.match(rowsAt(reception.html, '10:20')[0] ?? '', /Libre/);
      await reception.get(desk('2026-11-24'));
      assert.match(text(rowOf(reception.html, saved.id)), /08:00 Ocupado ESPINOSA Test/);
      // Tomorrow is not the turno's day yet: no attendance buttons, and the engine says why if forced.
      assert.doesNotMatch(rowOf(reception.html, saved.id), /estado/);
      const early = await reception.post(`/staff/turnos/${saved.id}/asistencia`, {
        fecha: '2026-11-24',
        agenda,
        estado: 'presente',
      });
      assert.equal(early.statusCode, 409);
      assert.match(reception.text(), /Todavía no es el día del turno/);
      assert.match(reception.text(), /Pantalla de turnos del martes 24\/11/, 'the same agenda, with the refusal');
    });

    test('marking present, then cancelling after a confirmation page', async () => {
      await reception.get(desk());
      const present = await reception.post(`/staff/turnos/${turnos.staff}/asistencia`, {
        fecha: '2026-11-23',
        agenda,
        estado: 'presente',
      });
      assert.equal(location(present), `${desk()}&ok=presente`);
      await reception.follow(present);
      assert.match(reception.text(), /Marcado presente\./);
      const row = rowOf(reception.html, turnos.staff);
      assert.match(text(row), /ALONSO Test .* presente/);
      assert.doesNotMatch(row, /value="presente"/, 'Presente is not offered twice');
      assert.match(row, /value="ausente"/);
      assert.doesNotMatch(row, /\/cancelar/, 'an attended turno cannot be cancelled');

      const page = await reception.get(`/staff/turnos/${turnos.overbook}/cancelar?fecha=2026-11-23&agenda=${agenda}`);
      assert.equal(page.statusCode, 200);
      assert.match(
        reception.text(),
        /¿Cancelar el turno del lunes 23\/11 a las 09:40 de CASTRO Test con GONZALEZ José\?/,
      );
      assert.equal(await statusOf(turnos.overbook), 'reserved', 'asking cancels nothing');
      const cancelled = await reception.post(`/staff/turnos/${turnos.overbook}/cancelar`, {
        fecha: '2026-11-23',
        agenda,
      });
      assert.equal(location(cancelled), `${desk()}&ok=cancelado`);
      await reception.follow(cancelled);
      assert.match(reception.text(), /Turno cancelado: el horario quedó libre\./);
      assert.equal(await statusOf(turnos.overbook), 'cancelled');
      assert.match(reception.text(), /Turnos cancelados \(2\)/);
      const twice = await reception.post(`/staff/turnos/${turnos.overbook}/cancelar`, { fecha: '2026-11-23', agenda });
      assert.equal(twice.statusCode, 409);
      assert.match(reception.text(), /Un turno cancelado no puede pasar a cancelado/);
    });

    test('a sobreturno on a taken slot, and a taken slot refused with the form kept', async () => {
      const patient = await insertPatient(t.ctx.database.db, { lastName: 'FARIAS', insurerId: seed.osde.id });
      await reception.get(desk());
      const over = hrefs(reception.html, '/staff/turnos/dar?').find(
        (h) => h.includes('inicio=2026-11-23T09%3A40') && h.includes('sobreturno=1'),
      );
      assert.ok(over, 'a taken slot offers a sobreturno');
      await reception.get(`${over}&paciente=${patient.id}`);
      assert.match(reception.text(), /Dar sobreturno .* Un sobreturno no ocupa el horario/);
      const fields = {
        fecha: '2026-11-23',
        agenda,
        profesional: String(seed.gonzalez.id),
        inicio: '2026-11-23T09:40:00-03:00',
        paciente: String(patient.id),
        servicio: `especialidad-${seed.cardiology.id}`,
        obraSocial: '',
        motivo: 'Dolor de pecho',
      };
      const taken = await reception.post('/staff/turnos/dar', fields);
      assert.equal(taken.statusCode, 409);
      assert.match(reception.text(), /Ese horario ya fue tomado\. Elegí otro horario libre\./);
      assert.match(reception.html, /<textarea[^>]*name="motivo"[^>]*>Dolor de pecho<\/textarea>/);
      assert.match(reception.text(), /Paciente FARIAS Test/, 'the chosen patient stays');

      const given = await reception.post('/staff/turnos/dar', { ...fields, sobreturno: '1' });
      assert.equal(location(given), `${desk()}&ok=sobreturno`);
      await reception.follow(given);
      assert.match(reception.text(), /Sobreturno dado\./);
      const overbooks = rowsAt(reception.html, '09:40').filter((r) => r.includes('row-overbook'));
      assert.ok(overbooks.some((r) => /Sobreturno[\s\S]*FARIAS Test/.test(r)));
    });

    test('the form offers the services the slot serves: a block tied to a study gives no specialty turnos', async () => {
      const perez = seed.sonographer.id;
      const slot = `profesional=${perez}&inicio=${encodeURIComponent('2026-11-30T14:00:00-03:00')}`;
      await reception.get(
        `/staff/turnos/dar?fecha=2026-11-30&agenda=profesional-${perez}&${slot}&paciente=${seed.patient.id}`,
      );
      const services = [...reception.html.matchAll(/<option value="((?:especialidad|estudio)-\d+)"/g)].map((m) => m[1]);
      assert.deepEqual(services, [`estudio-${seed.echo.id}`], 'PEREZ also attends dermatology, but not in this block');
    });

    test('a professional sees only their own agenda and marks attendance, nothing else', async () => {
      const doctor = await WebClient.newStaff(t.app, t.ctx, {
        username: 'drgonzalez',
        role: 'professional',
        professionalId: seed.gonzalez.id,
      });
      assert.equal(location(await doctor.get('/staff')), '/staff/turnos');
      // Even on a desk computer that remembers the receptionist's specialty view.
      doctor.cookies.set(DESK_COOKIE, encodeURIComponent(`agenda=profesional-${seed.alvarez.id}`));
      const start = await doctor.get('/staff/turnos');
      assert.equal(location(start), `/staff/turnos?fecha=2026-11-23&agenda=${agenda}`);
      await doctor.follow(start);
      const options = [...doctor.html.matchAll(/<option value(?:="([^"]*)")?/g)].map((m) => m[1] ?? '');
      assert.deepEqual(options, ['', agenda]);
      assert.doesNotMatch(doctor.html, /ALVAREZ|ZAPATA|PEREZ/);
      assert.doesNotMatch(doctor.html, /Dar turno|\/cancelar|\/reprogramar/);
      assert.match(rowOf(doctor.html, turnos.web), /value="presente"/);

      assert.equal((await doctor.get(desk('2026-11-23', `profesional-${seed.alvarez.id}`))).statusCode, 403);
      assert.equal((await doctor.get(`/staff/turnos/${turnos.web}/cancelar`)).statusCode, 403);
      await doctor.get(desk());
      const marked = await doctor.post(`/staff/turnos/${turnos.web}/asistencia`, {
        fecha: '2026-11-23',
        agenda,
        estado: 'ausente',
      });
      assert.equal(location(marked), `${desk()}&ok=ausente`);
      assert.equal(await statusOf(turnos.web), 'absent');
    });
  });
}
