// Invoices over JSON: /me/invoices with the patient's session, /invoices with a staff token; numbers that are
// consecutive even when issued at the same time, never taken by a refused invoice, kept by a voided one.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { WebClient } from '../../../test/support/web-client.js';
import type { AppError } from '../../errors.js';
import { insertTurno } from '../scheduling/appointments.test-fixture.js';
import {
  consultation,
  type InvoiceCenter,
  invoiceCenter,
  issue,
  nextNumber,
  pdfText,
} from './invoices.test-helpers.js';

for (const dialect of testDialects()) {
  describe(`Facturas por la API (${dialect})`, () => {
    let t: TestApp;
    let c: InvoiceCenter;
    let desk: Record<string, string>;
    const db = () => t.ctx.database.db;

    before(async () => {
      t = await buildTestApp(dialect);
      c = await invoiceCenter(t);
      desk = await t.auth('reception');
    });
    after(() => t.close());

    const post = (payload: object, headers = desk) =>
      t.app.inject({ method: 'POST', url: '/api/v1/invoices', headers, payload });
    const patch = (id: number, payload: object, headers = desk) =>
      t.app.inject({ method: 'PATCH', url: `/api/v1/invoices/${id}`, headers, payload });
    const lines = [{ concept: 'Consulta', quantity: 1, unitCents: 5000_00, insurerCents: 3000_00 }];

    test('issue, list, pay, void: a voided invoice keeps its number and the next one is +1', async () => {
      const number = await nextNumber(t);
      const res = await post({ patientId: c.ana.id, lines });
      assert.equal(res.statusCode, 201, res.body);
      const created = res.json();
      assert.equal(created.number, number);
      assert.equal(created.numberText, String(number).padStart(8, '0'));
      assert.deepEqual(
        [created.insurerName, created.memberNumber, created.insurerCents, created.patientCents, created.totalCents],
        ['OSDE', '12345/01', 3000_00, 2000_00, 5000_00],
        "the record's insurer and member number, snapshotted",
      );
      assert.equal(created.issuedOn, '2026-11-23');
      assert.equal(created.status, 'due');

      const listed = await t.app.inject({ url: `/api/v1/invoices?patientId=${c.ana.id}`, headers: desk });
      assert.equal(listed.statusCode, 200);
      assert.ok(listed.json().items.some((i: { id: number }) => i.id === created.id));

      const paid = await patch(created.id, { status: 'paid', paidOn: '2026-11-23' });
      assert.equal(paid.statusCode, 200, paid.body);
      assert.deepEqual([paid.json().status, paid.json().paidOn], ['paid', '2026-11-23']);
      assert.equal((await patch(created.id, { status: 'paid' })).statusCode, 409);
      assert.equal((await patch(created.id, { status: 'due' })).json().status, 'due');
      const noReason = await patch(created.id, { status: 'void', reason: '' });
      assert.equal(noReason.statusCode, 400);
      assert.match(noReason.json().error.message, /Motivo de la anulación: es obligatorio/);
      const voided = await patch(created.id, { status: 'void', reason: 'Mal emitida' });
      assert.deepEqual(
        [voided.json().status, voided.json().voidReason, voided.json().number],
        ['void', 'Mal emitida', number],
      );
      const again = await patch(created.id, { status: 'due' });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, 'INVOICE_VOIDED');

      const next = await post({ patientId: c.ana.id, lines, insurerId: null, memberNumber: '' });
      assert.equal(next.statusCode, 400, 'no insurer: an insurer share is a mistake');
      const ok = await post({ patientId: c.ana.id, lines: [{ ...lines[0], insurerCents: 0 }], insurerId: null });
      assert.equal(ok.json().number, number + 1);
      assert.equal(ok.json().insurerName, '');
      assert.ok(await db().selectFrom('invoices').select('id').where('id', '=', created.id).executeTakeFirst());
    });

    test('bad input is refused naming the field, and takes no number', async () => {
      const number = await nextNumber(t);
      const cases: [object, RegExp][] = [
        [{ patientId: c.ana.id, lines: [] }, /Líneas: cargá al menos una línea/],
        [
          { patientId: c.ana.id, lines: [{ ...lines[0], unitCents: -1 }] },
          /Precio unitario \(línea 1\): no puede ser negativo/,
        ],
        [
          { patientId: c.ana.id, lines: [{ ...lines[0], insurerCents: 6000_00 }] },
          /Parte de la obra social \(línea 1\): supera/,
        ],
        [{ patientId: c.ana.id, lines: [{ ...lines[0], concept: ' ' }] }, /Concepto \(línea 1\): es obligatorio/],
        [
          { patientId: c.ana.id, lines: [{ ...lines[0], quantity: 0 }] },
          /Cantidad \(línea 1\): tiene que ser al menos 1/,
        ],
        [
          { patientId: c.ana.id, lines: [{ ...lines[0], unitCents: 100_000_000_000 }] },
          /Precio unitario \(línea 1\): es demasiado grande/,
        ],
        [{ patientId: c.ana.id, lines, issuedOn: '2026-12-01' }, /Fecha de emisión: no puede ser posterior a hoy/],
        [{ patientId: c.ana.id, lines: [{ ...lines[0], unitCents: 10.5 }] }, /unitCents/],
        [{ patientId: c.ana.id, lines: [{ ...lines[0], unitCents: '1.000' }] }, /unitCents/],
      ];
      for (const [payload, message] of cases) {
        const res = await post(payload);
        assert.equal(res.statusCode, 400, JSON.stringify(payload));
        assert.match(res.json().error.message, message);
      }
      assert.equal((await post({ patientId: 999999, lines })).statusCode, 404);
      assert.equal(await nextNumber(t), number);
    });

    test("from a turno: its insurer; a second valid invoice for it is refused; another patient's turno is 404", async () => {
      const turno = await insertTurno(db(), {
        patientId: c.ana.id,
        professionalId: c.seed.gonzalez.id,
        specialtyId: c.seed.cardiology.id,
        insurerId: c.seed.osde.id,
        start: '2026-11-16T10:00:00-03:00',
        status: 'present',
      });
      const first = await post({ patientId: c.ana.id, appointmentId: turno, lines });
      assert.equal(first.statusCode, 201);
      assert.equal(first.json().appointmentId, turno);
      const second = await post({ patientId: c.ana.id, appointmentId: turno, lines });
      assert.equal(second.statusCode, 409);
      assert.match(second.json().error.message, new RegExp(`ya tiene la factura N.º ${first.json().number}`));
      assert.equal((await post({ patientId: c.beto.id, appointmentId: turno, lines })).statusCode, 404);
    });

    test('issued at the same time, invoices get distinct consecutive numbers', async () => {
      const from = await nextNumber(t);
      const many = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          issue(t, i % 2 ? c.ana.id : c.beto.id, { lines: [consultation({ unitCents: 100 * (i + 1) })] }),
        ),
      );
      const numbers = many.map((inv) => inv.number).sort((a, b) => a - b);
      assert.deepEqual(
        numbers,
        Array.from({ length: 8 }, (_, i) => from + i),
      );
      // Two at once for one turno: one is issued, the other refused, and the refused one leaves no gap.
      const turno = await insertTurno(db(), {
        patientId: c.beto.id,
        professionalId: c.seed.alvarez.id,
        start: '2026-11-16T14:00:00-03:00',
        status: 'present',
      });
      const both = await Promise.allSettled([
        issue(t, c.beto.id, { appointmentId: turno }),
        issue(t, c.beto.id, { appointmentId: turno }),
        issue(t, c.beto.id, { appointmentId: turno }),
      ]);
      const done = both.filter((r) => r.status === 'fulfilled');
      const refused = both.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      assert.equal(done.length, 1);
      for (const r of refused) assert.equal((r.reason as AppError).code, 'INVOICE_TURNO_INVOICED');
      assert.equal(done[0]?.value.number, from + 8);
      assert.equal((await issue(t, c.beto.id)).number, from + 9);
    });

    test("the patient: own invoices and PDF with the session; another's is 404; without a session 401", async () => {
      const mine = await issue(t, c.ana.id, { lines: [consultation({ unitCents: 7777_77 })] });
      const theirs = await issue(t, c.beto.id);
      const ana = await WebClient.loggedIn(t.app, t.ctx, c.ana.id);
      const list = await ana.get('/api/v1/me/invoices');
      assert.equal(list.statusCode, 200, list.body);
      const ids = list.json().items.map((i: { id: number }) => i.id);
      assert.ok(ids.includes(mine.id));
      assert.ok(!ids.includes(theirs.id));
      assert.equal(list.json().items[0].createdByName, undefined, 'who issued it is not shown to the patient');
      const one = await ana.get(`/api/v1/me/invoices/${mine.id}`);
      assert.deepEqual([one.statusCode, one.json().totalCents], [200, 7777_77]);
      const pdf = await ana.get(`/api/v1/me/invoices/${mine.id}/pdf`);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.match(await pdfText(pdf.rawPayload), /Total \$ 7\.777,77/);
      const download = await ana.get(`/api/v1/me/invoices/${mine.id}/pdf?download=1`);
      assert.match(String(download.headers['content-disposition']), /^attachment; filename="factura-\d{8}\.pdf"$/);
      for (const url of [
        `/api/v1/me/invoices/${theirs.id}`,
        `/api/v1/me/invoices/${theirs.id}/pdf`,
        '/api/v1/me/invoices/999999',
      ]) {
        const res = await ana.get(url);
        assert.equal(res.statusCode, 404, url);
        assert.equal(res.json().error.code, 'NOT_FOUND');
      }
      for (const url of [
        '/api/v1/me/invoices',
        `/api/v1/me/invoices/${mine.id}`,
        `/api/v1/me/invoices/${mine.id}/pdf`,
      ]) {
        assert.equal((await t.app.inject({ url })).statusCode, 401, url);
      }
      // The staff side: a token is needed, and only admin or reception.
      assert.equal((await t.app.inject({ url: '/api/v1/invoices' })).statusCode, 401);
      assert.equal((await post({ patientId: c.ana.id, lines }, {})).statusCode, 401);
      assert.equal((await ana.get('/api/v1/invoices')).statusCode, 403, 'a patient session is not staff');
      const pro = await t.auth('professional', c.seed.gonzalez.id);
      assert.equal((await t.app.inject({ url: '/api/v1/invoices', headers: pro })).statusCode, 403);
      assert.equal((await patch(mine.id, { status: 'paid' }, pro)).statusCode, 403);
      const staffPdf = await t.app.inject({ url: `/api/v1/invoices/${theirs.id}/pdf`, headers: desk });
      assert.equal(staffPdf.statusCode, 200);
    });
  });
}
