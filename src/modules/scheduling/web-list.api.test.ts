// "Turnos dados por web": each filter narrows the list, the CSV has everything filtered and is safe to
// open in Excel, cancel and delete work from it, and every read or change is in the audit log.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertPatient, insertProfessional } from '../../../test/support/factories.js';
import { buildSeededApp, type Seed } from '../../../test/support/seeded-app.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { insertTurno, type TurnoSpec } from './appointments.test-fixture.js';

const EVIL = '=HYPERLINK("http://evil.example";"ver")';

for (const dialect of testDialects()) {
  describe(`web appointments list (${dialect})`, () => {
    let t: TestApp;
    let seed: Seed;
    let admin: Record<string, string>;
    let reception: Record<string, string>;
    const ids: Record<string, number> = {};

    /** A web turno unless told otherwise: the list's own kind. */
    const insert = (s: TurnoSpec) => insertTurno(t.ctx.database.db, { origin: 'web', ...s });

    before(async () => {
      ({ t, seed, admin } = await buildSeededApp(dialect));
      reception = await t.auth('reception');
      const db = t.ctx.database.db;
      const perez = await insertPatient(db, { dni: '30111222', lastName: 'PÉREZ', insurerId: seed.osde.id });
      const evil = await insertPatient(db, { dni: '30222333', lastName: EVIL });
      const cardio = { specialtyId: seed.cardiology.id };
      ids.w1 = await insert({
        ...cardio,
        patientId: perez.id,
        professionalId: seed.gonzalez.id,
        insurerId: seed.osde.id,
        start: '2026-11-25T08:00:00-03:00',
        bookedAt: '2026-11-20T13:00:00.000Z',
        reason: 'Control; anual "urgente"',
      });
      // 23:30 of the 20th in Buenos Aires, already the 21st in UTC: booking dates are the center's.
      ids.w2 = await insert({
        patientId: evil.id,
        professionalId: seed.sonographer.id,
        studyId: seed.echo.id,
        start: '2026-11-30T14:00:00-03:00',
        bookedAt: '2026-11-21T02:30:00.000Z',
        status: 'cancelled',
      });
      ids.w3 = await insert({
        ...cardio,
        patientId: perez.id,
        professionalId: seed.alvarez.id,
        insurerId: seed.osde.id,
        start: '2026-12-07T14:00:00-03:00',
        bookedAt: '2026-11-22T15:00:00.000Z',
      });
      ids.w4 = await insert({
        ...cardio,
        patientId: evil.id,
        professionalId: seed.gonzalez.id,
        insurerId: seed.hiddenInsurer.id,
        start: '2026-11-23T08:00:00-03:00',
        bookedAt: '2026-11-19T12:00:00.000Z',
        status: 'present',
      });
      // Given at the desk: never in this list.
      ids.staff = await insert({
        ...cardio,
        patientId: perez.id,
        professionalId: seed.gonzalez.id,
        start: '2026-11-25T08:20:00-03:00',
        bookedAt: '2026-11-22T16:00:00.000Z',
        origin: 'staff',
      });
    });
    after(() => t.close());

    const list = async (query: string, headers = reception) => {
      const res = await t.app.inject({ url: `/api/v1/web-appointments?${query}`, headers });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as { items: Array<Record<string, unknown>>; total: number; page: number; pageSize: number };
    };
    const idsOf = async (query: string) => (await list(query)).items.map((i) => i.id);
    const auditRows = (action: string) =>
      t.ctx.database.db.selectFrom('auditLog').selectAll().where('action', '=', action).orderBy('id').execute();

    test('only web appointments, newest booking first, with names, dates in the center zone and the IP', async () => {
      const all = await list('');
      assert.deepEqual(
        all.items.map((i) => i.id),
        [ids.w3, ids.w2, ids.w1, ids.w4],
      );
      assert.equal(all.total, 4);
      const w1 = all.items.find((i) => i.id === ids.w1);
      assert.deepEqual(
        {
          patientName: w1?.patientName,
          patientDni: w1?.patientDni,
          professionalName: w1?.professionalName,
          serviceName: w1?.serviceName,
          insurerName: w1?.insurerName,
          date: w1?.date,
          time: w1?.time,
          status: w1?.status,
          reason: w1?.reason,
          bookedAt: w1?.bookedAt,
          bookedIp: w1?.bookedIp,
        },
        {
          patientName: 'PÉREZ Test',
          patientDni: '30111222',
          professionalName: 'GONZALEZ José',
          serviceName: 'CARDIOLOGÍA',
          insurerName: 'OSDE',
          date: '2026-11-25',
          time: '08:00',
          status: 'reserved',
          reason: 'Control; anual "urgente"',
          bookedAt: '2026-11-20T10:00:00-03:00',
          bookedIp: '190.1.1.1',
        },
      );
      assert.equal(all.items.find((i) => i.id === ids.w2)?.serviceName, 'Ecografía abdominal');
      const [row] = (await auditRows('appointment.list')).slice(-1);
      assert.equal(row?.patientId, null);
      assert.match(row?.detail ?? '', /origen web/);
    });

    test('each filter narrows the list', async () => {
      assert.deepEqual(await idsOf('bookedFrom=2026-11-20&bookedTo=2026-11-20'), [ids.w2, ids.w1]);
      assert.deepEqual(await idsOf('bookedFrom=2026-11-21'), [ids.w3]);
      assert.deepEqual(await idsOf('bookedTo=2026-11-19'), [ids.w4]);
      assert.deepEqual(await idsOf('from=2026-11-25&to=2026-11-30'), [ids.w2, ids.w1]);
      assert.deepEqual(await idsOf('to=2026-11-24'), [ids.w4]);
      assert.deepEqual(await idsOf(`specialtyId=${seed.cardiology.id}`), [ids.w3, ids.w1, ids.w4]);
      assert.deepEqual(await idsOf(`studyId=${seed.echo.id}`), [ids.w2]);
      assert.deepEqual(await idsOf(`professionalId=${seed.gonzalez.id}`), [ids.w1, ids.w4]);
      assert.deepEqual(await idsOf(`insurerId=${seed.osde.id}`), [ids.w3, ids.w1]);
      assert.deepEqual(await idsOf('status=cancelled'), [ids.w2]);
      assert.deepEqual(await idsOf(`professionalId=${seed.gonzalez.id}&status=reserved`), [ids.w1]);
      const page2 = await list('pageSize=2&page=2');
      assert.deepEqual(
        page2.items.map((i) => i.id),
        [ids.w1, ids.w4],
      );
      assert.equal(page2.total, 4);
      const [row] = (await auditRows('appointment.list')).slice(-1);
      assert.match(row?.detail ?? '', /página 2/);
    });

    test('bad filters answer 400', async () => {
      for (const query of ['from=2026-02-30', 'status=lost', 'professionalId=abc', 'page=0']) {
        const res = await t.app.inject({ url: `/api/v1/web-appointments?${query}`, headers: admin });
        assert.equal(res.statusCode, 400, query);
      }
    });

    test('CSV: the whole filtered list, UTF-8 with BOM, ; separated, quotes doubled, formulas defused', async () => {
      const res = await t.app.inject({ url: '/api/v1/web-appointments.csv', headers: reception });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8');
      assert.equal(res.headers['content-disposition'], 'attachment; filename="turnos-web-2026-11-23.csv"');
      assert.deepEqual([...res.rawPayload.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      const lines = res.body.replace(/^\uFEFF/, '').split('\r\n');
      assert.equal(lines.pop(), '', 'ends with CRLF');
      assert.equal(
        lines[0],
        'Turno;Fecha;Hora;Paciente;DNI;Profesional;Especialidad o estudio;Obra social;Estado;Motivo;Otorgado;IP',
      );
      assert.equal(lines.length, 5);
      assert.equal(
        lines[3],
        `${ids.w1};25/11/2026;08:00;PÉREZ Test;30111222;GONZALEZ José;CARDIOLOGÍA;OSDE;Reservado;` +
          '"Control; anual ""urgente""";20/11/2026 10:00;190.1.1.1',
      );
      assert.equal(
        lines[2],
        `${ids.w2};30/11/2026;14:00;"'=HYPERLINK(""http://evil.example"";""ver"") Test";30222333;PEREZ Ana;` +
          'Ecografía abdominal;;Cancelado;;20/11/2026 23:30;190.1.1.1',
      );
      const [row] = (await auditRows('appointment.export')).slice(-1);
      assert.equal(row?.patientId, null);
      assert.match(row?.detail ?? '', /4 turnos/);

      const cancelled = await t.app.inject({ url: '/api/v1/web-appointments.csv?status=cancelled', headers: admin });
      assert.equal(cancelled.body.trim().split('\r\n').length, 2);
    });

    test('the CSV is not cut at a page: 60 bookings of one professional are all there', async () => {
      const busy = await insertProfessional(t.ctx.database.db, { lastName: 'MASIVO', specialtyIds: [] });
      const patient = await insertPatient(t.ctx.database.db);
      for (let i = 0; i < 60; i++) {
        await insert({
          patientId: patient.id,
          professionalId: busy.id,
          start: new Date(Date.parse('2026-12-01T11:00:00Z') + i * 20 * 60_000).toISOString(),
          bookedAt: new Date(Date.parse('2026-11-10T12:00:00Z') + i * 60_000).toISOString(),
        });
      }
      const page = await list(`professionalId=${busy.id}`);
      assert.equal(page.items.length, 50);
      assert.equal(page.total, 60);
      const res = await t.app.inject({ url: `/api/v1/web-appointments.csv?professionalId=${busy.id}`, headers: admin });
      assert.equal(res.body.trim().split('\r\n').length, 61);
    });

    test('cancel and delete from the list, each audited with the patient', async () => {
      const patient = await insertPatient(t.ctx.database.db, { lastName: 'CANCELA' });
      const base = { specialtyId: seed.cardiology.id, patientId: patient.id, professionalId: seed.gonzalez.id };
      const a = await insert({ ...base, start: '2026-11-26T09:00:00-03:00', bookedAt: '2026-11-23T11:00:00.000Z' });
      const b = await insert({ ...base, start: '2026-11-26T09:20:00-03:00', bookedAt: '2026-11-23T11:01:00.000Z' });
      const cancel = await t.app.inject({
        method: 'POST',
        url: `/api/v1/appointments/${a}/cancel`,
        headers: reception,
      });
      assert.equal(cancel.statusCode, 200, cancel.body);
      const cancelledList = await list('bookedFrom=2026-11-23&status=cancelled');
      assert.deepEqual(
        cancelledList.items.map((i) => i.id),
        [a],
      );
      const del = await t.app.inject({ method: 'DELETE', url: `/api/v1/appointments/${b}`, headers: reception });
      assert.equal(del.statusCode, 204, del.body);
      assert.deepEqual(await idsOf('bookedFrom=2026-11-23'), [a]);
      for (const [action, id] of [
        ['appointment.cancel', a],
        ['appointment.delete', b],
      ] as const) {
        const rows = (await auditRows(action)).filter((r) => r.target === `turno:${id}`);
        assert.equal(rows.length, 1, action);
        assert.equal(rows[0]?.patientId, patient.id);
      }
    });

    test('professionals get 403 and no token 401, for the list and the CSV', async () => {
      const professional = await t.auth('professional', seed.gonzalez.id);
      for (const url of ['/api/v1/web-appointments', '/api/v1/web-appointments.csv']) {
        const forbidden = await t.app.inject({ url, headers: professional });
        assert.equal(forbidden.statusCode, 403, url);
        assert.equal(forbidden.json().error.code, 'FORBIDDEN');
        assert.equal((await t.app.inject({ url })).statusCode, 401, url);
      }
    });
  });
}
