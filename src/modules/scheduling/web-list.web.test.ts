// /staff/web/turnos through the pages: each filter narrows the list, the filters live in the address and a
// cookie, the CSV has the filtered list, and cancelling or deleting asks first and comes back to the same list.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertPatient } from '../../../test/support/factories.js';
import { buildSeededApp, type Seed } from '../../../test/support/seeded-app.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { location, WebClient } from '../../../test/support/web-client.js';
import { inputValue } from '../patients/accounts.test-helpers.js';
import { insertTurno, type TurnoSpec } from './appointments.test-fixture.js';

const REASONS = ['Motivo A1', 'Motivo A2', 'Motivo A3', 'Motivo S1'] as const;

for (const dialect of testDialects()) {
  describe(`staff web appointments list pages (${dialect})`, () => {
    let t: TestApp;
    let seed: Seed;
    let desk: WebClient;
    const ids: Record<string, number> = {};

    /** A web turno unless told otherwise: the list's own kind. */
    const insert = (s: TurnoSpec) => insertTurno(t.ctx.database.db, { origin: 'web', ...s });

    before(async () => {
      ({ t, seed } = await buildSeededApp(dialect));
      const db = t.ctx.database.db;
      desk = await WebClient.newStaff(t.app, t.ctx, { username: 'mesa-turnos', role: 'reception' });
      const perez = await insertPatient(db, { dni: '30111222', lastName: 'PÉREZ', insurerId: seed.osde.id });
      const gomez = await insertPatient(db, { dni: '30222333', lastName: 'GÓMEZ' });
      const cardio = { specialtyId: seed.cardiology.id };
      ids.a1 = await insert({
        ...cardio,
        patientId: perez.id,
        professionalId: seed.gonzalez.id,
        insurerId: seed.osde.id,
        start: '2026-11-25T08:00:00-03:00',
        bookedAt: '2026-11-20T13:00:00.000Z',
        reason: 'Motivo A1',
      });
      ids.a2 = await insert({
        patientId: gomez.id,
        professionalId: seed.sonographer.id,
        studyId: seed.echo.id,
        start: '2026-11-30T14:00:00-03:00',
        bookedAt: '2026-11-22T15:00:00.000Z',
        status: 'cancelled',
        reason: 'Motivo A2',
      });
      ids.a3 = await insert({
        ...cardio,
        patientId: perez.id,
        professionalId: seed.alvarez.id,
        insurerId: seed.osde.id,
        start: '2026-12-07T14:00:00-03:00',
        bookedAt: '2026-11-23T11:00:00.000Z',
        reason: 'Motivo A3',
      });
      ids.s1 = await insert({
        ...cardio,
        patientId: gomez.id,
        professionalId: seed.gonzalez.id,
        start: '2026-11-26T08:00:00-03:00',
        bookedAt: '2026-11-21T13:00:00.000Z',
        origin: 'staff',
        reason: 'Motivo S1',
      });
    });
    after(() => t.close());

    /** The rows' reasons the last page lists, in order. */
    const listed = () => REASONS.filter((r) => desk.text().includes(r));
    const show = async (query: string) => {
      const res = await desk.get(`/staff/web/turnos?${query}`);
      assert.equal(res.statusCode, 200, desk.text());
      return listed();
    };

    test('the list shows only web turnos with every column; each filter narrows it', async () => {
      assert.deepEqual(await show('otorgadoDesde='), ['Motivo A1', 'Motivo A2', 'Motivo A3']);
      const text = desk.text();
      assert.match(text, /3 turnos web/);
      assert.match(
        text,
        /miércoles 25\/11\/2026 08:00 PÉREZ Test DNI 30111222 GONZALEZ José CARDIOLOGÍA OSDE reservado Motivo A1 20\/11\/2026 10:00 190\.1\.1\.1/,
      );
      assert.match(text, /GÓMEZ Test DNI 30222333 PEREZ Ana Ecografía abdominal Particular cancelado Motivo A2/);
      for (const header of [
        'Día y hora',
        'Paciente',
        'Profesional \\(especialidad o estudio\\)',
        'Obra social',
        'Estado',
        'Otorgado \\(IP\\)',
      ]) {
        assert.match(desk.html, new RegExp(`<th scope="col">${header}</th>`), header);
      }
      const cases: [string, string[]][] = [
        ['otorgadoDesde=2026-11-22', ['Motivo A2', 'Motivo A3']],
        ['otorgadoHasta=2026-11-20', ['Motivo A1']],
        ['desde=2026-11-26&hasta=2026-11-30', ['Motivo A2']],
        [`servicio=especialidad-${seed.cardiology.id}`, ['Motivo A1', 'Motivo A3']],
        [`servicio=estudio-${seed.echo.id}`, ['Motivo A2']],
        [`profesional=${seed.alvarez.id}`, ['Motivo A3']],
        [`obraSocial=${seed.osde.id}`, ['Motivo A1', 'Motivo A3']],
        ['estado=cancelado', ['Motivo A2']],
        [`profesional=${seed.gonzalez.id}&otorgadoDesde=2026-11-20&otorgadoHasta=2026-11-20`, ['Motivo A1']],
      ];
      for (const [query, expected] of cases) assert.deepEqual(await show(query), expected, query);
      // The form shows the filters it applied.
      await show(`estado=cancelado&obraSocial=${seed.osde.id}&otorgadoDesde=2026-11-01`);
      assert.match(desk.html, /<option value="cancelado" selected/);
      assert.match(desk.html, new RegExp(`<option value="${seed.osde.id}" selected`));
      assert.equal(inputValue(desk.html, 'otorgadoDesde'), '2026-11-01');
      assert.match(desk.text(), /No hay turnos web con estos filtros/);
    });

    test('the filters are remembered in a cookie for /staff; "Limpiar filtros" forgets them', async () => {
      const filtered = await desk.get(`/staff/web/turnos?profesional=${seed.alvarez.id}&desde=2026-12-01`);
      const cookie = (filtered.cookies as { name: string; path?: string }[]).find(
        (c) => c.name === 'turnero_turnos_web',
      );
      assert.equal(cookie?.path, '/staff');
      const reopened = await desk.get('/staff/web/turnos');
      assert.equal(reopened.statusCode, 303);
      assert.equal(location(reopened), `/staff/web/turnos?desde=2026-12-01&profesional=${seed.alvarez.id}`);
      await desk.follow(reopened);
      assert.deepEqual(listed(), ['Motivo A3']);

      const cleared = await desk.get('/staff/web/turnos?limpiar=1');
      assert.equal(location(cleared), '/staff/web/turnos');
      await desk.follow(cleared);
      assert.deepEqual(listed(), ['Motivo A1', 'Motivo A2', 'Motivo A3']);
      assert.equal((await desk.get('/staff/web/turnos')).statusCode, 200);
    });

    test('a wrong filter is marked beside itself, kept as typed, and not remembered', async () => {
      const bad = await desk.get('/staff/web/turnos?otorgadoDesde=2026-02-31&estado=perdido');
      assert.equal(bad.statusCode, 400);
      assert.match(desk.text(), /Revisá los filtros marcados/);
      assert.match(desk.text(), /No es una fecha válida/);
      assert.match(desk.text(), /Elegí una opción de la lista/);
      assert.equal(inputValue(desk.html, 'otorgadoDesde'), '2026-02-31');
      assert.match(desk.html, /id="f-otorgadoDesde"[^>]*aria-invalid="true"/);
      assert.ok(!bad.headers['set-cookie'], 'nothing remembered');
    });

    test('"Exportar CSV" downloads the filtered list as an attachment', async () => {
      await show(`obraSocial=${seed.osde.id}`);
      const href = /href="(\/staff\/web\/turnos\/exportar\.csv[^"]*)"/.exec(desk.html)?.[1]?.replace(/&amp;/g, '&');
      assert.equal(href, `/staff/web/turnos/exportar.csv?obraSocial=${seed.osde.id}`);
      const res = await desk.get(href);
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^text\/csv/);
      assert.match(String(res.headers['content-disposition']), /^attachment; filename="turnos-web-2026-11-23\.csv"$/);
      const lines = res.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r?\n/);
      assert.match(lines[0] ?? '', /^Turno;Fecha;Hora;Paciente;DNI;Profesional/);
      assert.equal(lines.length, 3, res.body);
      assert.ok(lines.some((l) => l.includes('25/11/2026') && l.includes('Motivo A1')));
      assert.ok(lines.some((l) => l.includes('Motivo A3')));
      assert.ok(!res.body.includes('Motivo A2'));
    });

    test('cancelling asks first, names the turno, and comes back to the same filtered list', async () => {
      const filters = `profesional=${seed.gonzalez.id}&otorgadoHasta=2026-11-21`;
      await show(filters);
      const cancelHref = /href="(\/staff\/web\/turnos\/\d+\/cancelar[^"]*)"/
        .exec(desk.html)?.[1]
        ?.replace(/&amp;/g, '&');
      assert.equal(
        cancelHref,
        `/staff/web/turnos/${ids.a1}/cancelar?otorgadoHasta=2026-11-21&profesional=${seed.gonzalez.id}`,
      );
      assert.match(desk.html, new RegExp(`Cancelar el turno<span class="sr-only">: Turno N° ${ids.a1}, PÉREZ Test`));
      await desk.get(cancelHref);
      assert.match(
        desk.text(),
        new RegExp(
          `¿Cancelar el turno N° ${ids.a1} del miércoles 25/11/2026 a las 08:00 de PÉREZ Test \\(DNI 30111222\\) con GONZALEZ José\\?`,
        ),
      );
      assert.match(desk.html, /name="profesional" value/);
      const done = await desk.post(`/staff/web/turnos/${ids.a1}/cancelar`, {
        profesional: String(seed.gonzalez.id),
        otorgadoHasta: '2026-11-21',
      });
      assert.equal(
        location(done),
        `/staff/web/turnos?otorgadoHasta=2026-11-21&profesional=${seed.gonzalez.id}&ok=cancelado&turno=${ids.a1}`,
      );
      await desk.follow(done);
      assert.match(desk.text(), new RegExp(`Se canceló el turno N° ${ids.a1}\\.`));
      assert.match(desk.text(), /PÉREZ Test DNI 30111222 .* cancelado Motivo A1/);
      assert.doesNotMatch(desk.html, new RegExp(`/staff/web/turnos/${ids.a1}/cancelar`), 'no cancel link any more');

      const again = await desk.post(`/staff/web/turnos/${ids.a1}/cancelar`, {});
      assert.equal(again.statusCode, 409);
      assert.match(desk.text(), /Un turno cancelado no puede pasar a cancelado/);
      const row = await t.ctx.database.db
        .selectFrom('appointments')
        .select(['status', 'cancelledBy'])
        .where('id', '=', ids.a1 as number)
        .executeTakeFirstOrThrow();
      assert.deepEqual(row, { status: 'cancelled', cancelledBy: 'Usuario mesa-turnos' });
    });

    test('deleting asks first and removes the turno', async () => {
      await show('estado=cancelado');
      await desk.get(`/staff/web/turnos/${ids.a2}/borrar?estado=cancelado`);
      assert.match(
        desk.text(),
        new RegExp(`¿Borrar el turno N° ${ids.a2} del lunes 30/11/2026 a las 14:00 de GÓMEZ Test`),
      );
      assert.match(desk.text(), /No se puede deshacer/);
      const done = await desk.post(`/staff/web/turnos/${ids.a2}/borrar`, { estado: 'cancelado' });
      assert.equal(location(done), `/staff/web/turnos?estado=cancelado&ok=borrado&turno=${ids.a2}`);
      await desk.follow(done);
      assert.match(desk.text(), new RegExp(`Se borró el turno N° ${ids.a2}\\.`));
      assert.ok(!listed().includes('Motivo A2'));
      const gone = await t.ctx.database.db
        .selectFrom('appointments')
        .select('id')
        .where('id', '=', ids.a2 as number)
        .executeTakeFirst();
      assert.equal(gone, undefined);
      assert.equal((await desk.get(`/staff/web/turnos/${ids.a2}/borrar`)).statusCode, 404);
    });

    test('a long list comes in pages with its total; a turno given by staff is not this list’s', async () => {
      const db = t.ctx.database.db;
      const many = await insertPatient(db, { dni: '31000000', lastName: 'MUCHOS' });
      for (let i = 0; i < 51; i++) {
        await insert({
          patientId: many.id,
          professionalId: seed.sonographer.id,
          studyId: seed.echo.id,
          start: new Date(Date.parse('2027-01-04T11:00:00.000Z') + i * 24 * 3600_000).toISOString(),
          bookedAt: '2026-11-10T12:00:00.000Z',
          reason: `lote ${i}`,
        });
      }
      await show('otorgadoDesde=2026-11-10&otorgadoHasta=2026-11-10');
      assert.match(desk.text(), /51 turnos web/);
      assert.match(desk.text(), /Página 1 de 2/);
      assert.equal(desk.html.match(/<th scope="row">MUCHOS/g)?.length, 50);
      await show('otorgadoDesde=2026-11-10&otorgadoHasta=2026-11-10&pagina=2');
      assert.equal(desk.html.match(/<th scope="row">MUCHOS/g)?.length, 1);
      assert.equal((await desk.get(`/staff/web/turnos/${ids.s1}/cancelar`)).statusCode, 404);
    });

    test('the actions refuse a turno given by staff (404, as their confirmation) and keep one with attendance', async () => {
      const db = t.ctx.database.db;
      await desk.get(`/staff/web/turnos/${ids.a3}/borrar`);
      for (const action of ['borrar', 'cancelar']) {
        const res = await desk.post(`/staff/web/turnos/${ids.s1}/${action}`, {});
        assert.equal(res.statusCode, 404, action);
      }
      const staffTurno = await db
        .selectFrom('appointments')
        .select('status')
        .where('id', '=', ids.s1 as number)
        .executeTakeFirst();
      assert.deepEqual(staffTurno, { status: 'reserved' }, 'the staff turno is untouched');

      const attended = await insert({
        patientId: (await insertPatient(db, { lastName: 'ATENDIDA' })).id,
        professionalId: seed.gonzalez.id,
        specialtyId: seed.cardiology.id,
        start: '2026-11-20T08:00:00-03:00',
        bookedAt: '2026-11-10T13:00:00.000Z',
        status: 'present',
        reason: 'Control',
      });
      await desk.get(`/staff/web/turnos/${attended}/borrar`);
      const refused = await desk.post(`/staff/web/turnos/${attended}/borrar`, {});
      assert.equal(refused.statusCode, 409);
      assert.match(desk.text(), /Un turno con asistencia registrada \(presente o ausente\) no se borra/);
      const kept = await db.selectFrom('appointments').select('id').where('id', '=', attended).executeTakeFirst();
      assert.ok(kept, 'the attended turno is still there');
    });

    test('in English the list and the confirmation say the same', async () => {
      desk.cookies.set('turnero_idioma', 'en');
      try {
        await show(`obraSocial=${seed.osde.id}`);
        assert.match(desk.text(), /Web appointments .*Booking date .*web appointment/);
        assert.match(
          desk.text(),
          /Monday 12\/07\/2026 2:00 PM PÉREZ Test DNI 30111222 ALVAREZ Ana CARDIOLOGÍA OSDE booked/,
        );
        await desk.get(`/staff/web/turnos/${ids.a3}/cancelar`);
        assert.match(desk.text(), /Cancel appointment no\. \d+ on Monday 12\/07\/2026 at 2:00 PM of PÉREZ Test/);
      } finally {
        desk.cookies.delete('turnero_idioma');
      }
    });

    test('professionals get 403 on the list, the export and the actions', async () => {
      const pro = await WebClient.newStaff(t.app, t.ctx, {
        username: 'medico-turnos',
        role: 'professional',
        professionalId: seed.alvarez.id,
      });
      await pro.get('/staff/mi-cuenta');
      for (const url of ['/staff/web/turnos', '/staff/web/turnos/exportar.csv', `/staff/web/turnos/${ids.a3}/borrar`]) {
        assert.equal((await pro.get(url)).statusCode, 403, url);
      }
      assert.equal((await pro.post(`/staff/web/turnos/${ids.a3}/cancelar`)).statusCode, 403);
      assert.equal((await pro.post(`/staff/web/turnos/${ids.a3}/borrar`)).statusCode, 403);
      const still = await t.ctx.database.db
        .selectFrom('appointments')
        .select('status')
        .where('id', '=', ids.a3 as number)
        .executeTakeFirstOrThrow();
      assert.equal(still.status, 'reserved');
    });
  });
}
