// GET /api/v1/messages: the outbox read as the send log — each filter, the default week, the center's day
// edges, the text as sent (without link keys), the CSV, the audit entry, and who may read it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertPatient } from '../../../test/support/factories.js';
import { buildSeededApp, type Seed } from '../../../test/support/seeded-app.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { enqueueMessages } from '../../platform/outbox/outbox.js';
import { type Fixture, seedSendLog } from './send-log.test-fixture.js';

for (const dialect of testDialects()) {
  describe(`send log API (${dialect})`, () => {
    let t: TestApp;
    let seed: Seed;
    let admin: Record<string, string>;
    let reception: Record<string, string>;
    let f: Fixture;

    before(async () => {
      ({ t, seed, admin } = await buildSeededApp(dialect));
      reception = await t.auth('reception');
      f = await seedSendLog(t, seed);
    });
    after(() => t.close());

    const list = async (query: string, headers = reception) => {
      const res = await t.app.inject({ url: `/api/v1/messages?${query}`, headers });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as { items: Array<Record<string, unknown>>; total: number; limit: number; offset: number };
    };
    const idsOf = async (query: string) => (await list(query)).items.map((i) => i.id);
    const lastAudit = async (action: string) =>
      (await t.ctx.database.db
        .selectFrom('auditLog')
        .selectAll()
        .where('action', '=', action)
        .orderBy('id', 'desc')
        .executeTakeFirst()) ?? null;

    test('without dates: the last 7 days of the center, newest queued first', async () => {
      const { m } = f;
      const all = await list('');
      assert.deepEqual(
        all.items.map((i) => i.id),
        [m.m4, m.m7, m.m3, m.m2, m.m1, m.m8, m.m5],
      );
      assert.equal(all.total, 7);
      const audit = await lastAudit('message.list');
      assert.equal(audit?.actorRef.startsWith('token:'), true);
      assert.match(audit?.detail ?? '', /registro de envíos, 2026-11-17 a 2026-11-23/);
    });

    test('each row says what was sent, to whom, by whom, and for which turno', async () => {
      const items = (await list('')).items;
      const m1 = items.find((i) => i.id === f.m.m1);
      assert.deepEqual(m1, {
        id: f.m.m1,
        channel: 'mail',
        kind: 'reminder',
        status: 'sent',
        state: 'sent',
        recipient: 'perez@example.com',
        subject: 'Recordatorio de tu turno',
        text: 'Hola PÉREZ, te esperamos el miércoles.\nConfirmá: https://turnos.example/turno/confirmar?token=…',
        error: null,
        attempts: 1,
        createdAt: '2026-11-20T09:00:00-03:00',
        sentAt: '2026-11-20T09:01:00-03:00',
        sentBy: 'Usuario mesa',
        batchId: 7,
        templateId: null,
        patientId: f.perez,
        appointmentId: f.turnoPerez,
        patient: { id: f.perez, name: 'PÉREZ Test', dni: '30111222' },
        appointment: { id: f.turnoPerez, startsAt: '2026-11-25T08:00:00-03:00', professional: 'GONZALEZ José' },
      });
      const m3 = items.find((i) => i.id === f.m.m3);
      assert.deepEqual(
        [m3?.status, m3?.state, m3?.error, m3?.attempts, m3?.sentAt, m3?.appointment],
        ['pending', 'retrying', 'Timeout del proveedor', 2, null, null],
      );
      const m4 = items.find((i) => i.id === f.m.m4);
      assert.equal(
        m4?.text,
        'Para elegir una contraseña nueva abrí https://turnos.example/restablecer?token=… (vale 1 hora).',
      );
      assert.ok(!JSON.stringify(items).includes('SECRETO'), 'no link key leaves the server');
    });

    test('type, state, batch and patient filters', async () => {
      const { m } = f;
      const cases: [string, number[]][] = [
        ['channel=mail', [m.m4, m.m7, m.m1, m.m8]],
        ['channel=sms', [m.m2, m.m5]],
        ['channel=whatsapp', [m.m3]],
        ['status=sent', [m.m1, m.m8, m.m5]],
        ['status=pending', [m.m4, m.m3]],
        ['status=error', [m.m3, m.m2]],
        ['status=cancelled', [m.m7]],
        ['channel=sms&status=error', [m.m2]],
        // A batch or a patient is listed whole, however old.
        ['batchId=7', [m.m2, m.m1, m.m9]],
        ['batchId=7&status=sent', [m.m1, m.m9]],
        [`patientId=${f.perez}`, [m.m3, m.m1, m.m5, m.m9]],
        ['patient=gomez', [m.m4, m.m2, m.m8]],
        ['patient=GÓMEZ%20Te', [m.m4, m.m2, m.m8]],
        ['patient=30.222.333', [m.m4, m.m2, m.m8]],
        ['patient=perez%40example', [m.m1]],
        ['patient=zzz', []],
      ];
      for (const [query, expected] of cases) assert.deepEqual(await idsOf(query), expected, query);
      const audit = await lastAudit('message.list');
      assert.doesNotMatch(audit?.detail ?? '', /zzz/, 'what was searched is not copied to the audit log');
      await list(`patientId=${f.perez}`);
      assert.equal((await lastAudit('message.list'))?.patientId, f.perez);
    });

    test('dates are the center’s: 23:30 of the last day is in, 00:00 of the next is not', async () => {
      const { m } = f;
      assert.deepEqual(await idsOf('from=2026-11-18&to=2026-11-18'), [m.m5]);
      assert.deepEqual(await idsOf('from=2026-11-19&to=2026-11-19'), [m.m8]);
      assert.deepEqual(await idsOf('from=2026-11-01&to=2026-11-18'), [m.m5, m.m9, m.m6]);
      assert.deepEqual(await idsOf('to=2026-11-17'), [m.m9, m.m6]);
      assert.deepEqual(await idsOf('from=2026-11-23'), [m.m4]);
    });

    test('limit and offset page the list; total counts it all', async () => {
      const page = await list('limit=2&offset=2');
      assert.deepEqual(
        page.items.map((i) => i.id),
        [f.m.m3, f.m.m2],
      );
      assert.deepEqual([page.total, page.limit, page.offset], [7, 2, 2]);
    });

    test('a message queued with enqueueMessages shows at once, in the queue', async () => {
      const patient = await insertPatient(t.ctx.database.db, { lastName: 'ENCOLADA' });
      const [id] = await enqueueMessages(
        t.ctx.database.db,
        [{ channel: 'sms', kind: 'reminder', to: '+5491133334444', text: 'Te esperamos', patientId: patient.id }],
        t.clock.now(),
      );
      const [row] = (await list(`patientId=${patient.id}`)).items;
      assert.deepEqual(
        [row?.id, row?.state, row?.sentAt, row?.createdAt, row?.sentBy],
        [id, 'pending', null, '2026-11-23T09:00:00-03:00', ''],
      );
    });

    test('bad filters answer 400 saying which', async () => {
      for (const query of [
        'from=2026-02-30',
        'to=23/11/2026',
        'channel=fax',
        'status=failed',
        'batchId=abc',
        'limit=0',
      ]) {
        const res = await t.app.inject({ url: `/api/v1/messages?${query}`, headers: admin });
        assert.equal(res.statusCode, 400, query);
        assert.equal(res.json().error.code, 'VALIDATION_ERROR');
      }
      const date = await t.app.inject({ url: '/api/v1/messages?from=2026-02-30', headers: admin });
      assert.match(date.json().error.message, /«from» debe ser una fecha válida con formato AAAA-MM-DD/);
      const range = await t.app.inject({ url: '/api/v1/messages?from=2026-11-20&to=2026-11-10', headers: admin });
      assert.equal(range.statusCode, 400);
      assert.match(range.json().error.message, /«from» \(2026-11-20\) es posterior a «to» \(2026-11-10\)/);
    });

    test('CSV: every filtered row with the page’s columns, formulas defused, audited', async () => {
      const res = await t.app.inject({ url: '/api/v1/messages.csv?batchId=7', headers: reception });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8');
      assert.equal(res.headers['content-disposition'], 'attachment; filename="registro-envios-2026-11-23.csv"');
      const lines = res.body.replace(/^\uFEFF/, '').split('\r\n');
      assert.equal(lines.pop(), '');
      assert.equal(
        lines[0],
        'Envío N°;Fecha y hora de envío;En cola desde;Usuario;Paciente;DNI;Tipo;Destinatario;Motivo;Estado;Error;' +
          'Intentos;Asunto;Mensaje;Fecha del turno;Hora del turno;Profesional del turno;Lote',
      );
      assert.equal(lines.length, 4);
      assert.equal(
        lines[1],
        `${f.m.m2};;21/11/2026 10:00;Usuario mesa;GÓMEZ Test;30222333;SMS;'+5491155556666;recordatorio;con error;` +
          `Número inexistente;1;;"'=HYPERLINK(""http://evil.example"";""ver"")";30/11/2026;14:00;PEREZ Ana;7`,
      );
      assert.equal(
        lines[2],
        `${f.m.m1};20/11/2026 09:01;20/11/2026 09:00;Usuario mesa;PÉREZ Test;30111222;Mail;perez@example.com;` +
          'recordatorio;enviado;;1;Recordatorio de tu turno;"Hola PÉREZ, te esperamos el miércoles.\n' +
          'Confirmá: https://turnos.example/turno/confirmar?token=…";25/11/2026;08:00;GONZALEZ José;7',
      );
      assert.match((await lastAudit('message.export'))?.detail ?? '', /lote 7, 3 envíos \(CSV\)/);
    });

    test('professionals get 403 and no token 401, for the list and the CSV', async () => {
      const professional = await t.auth('professional', seed.gonzalez.id);
      for (const url of ['/api/v1/messages', '/api/v1/messages.csv']) {
        const forbidden = await t.app.inject({ url, headers: professional });
        assert.equal(forbidden.statusCode, 403, url);
        assert.equal(forbidden.json().error.code, 'FORBIDDEN');
        assert.equal((await t.app.inject({ url })).statusCode, 401, url);
      }
    });
  });
}
