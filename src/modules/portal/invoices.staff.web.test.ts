// The back office's invoices as reception uses them: by hand and from a turno, consecutive numbers, mistakes
// shown on the form with everything kept, paid / due / void, the record's tab, the PDF, and the audit log.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { auditTrail } from '../../../test/support/audit-log.js';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { location, WebClient } from '../../../test/support/web-client.js';
import { insertTurno } from '../scheduling/appointments.test-fixture.js';
import { type InvoiceCenter, invoiceCenter, nextNumber, pdfText } from './invoices.test-helpers.js';

/** The value of an input (by name) on the last page; undefined when there is no such input. */
const inputValue = (html: string, name: string) =>
  new RegExp(`<input[^>]*name="${name}"[^>]*value="([^"]*)"`).exec(html)?.[1] ??
  (new RegExp(`<input[^>]*name="${name}"`).test(html) ? '' : undefined);

const selected = (html: string, name: string) =>
  new RegExp(`<select[^>]*name="${name}"[\\s\\S]*?<option value="([^"]*)" selected`).exec(html)?.[1];

for (const dialect of testDialects()) {
  describe(`Facturas en el back office (${dialect})`, () => {
    let t: TestApp;
    let c: InvoiceCenter;
    let desk: WebClient;
    let turnoId = 0;
    const db = () => t.ctx.database.db;

    before(async () => {
      t = await buildTestApp(dialect);
      c = await invoiceCenter(t);
      desk = await WebClient.newStaff(t.app, t.ctx, { username: 'recepcion', role: 'reception' });
      // A past turno (the clock says Monday 2026-11-23 09:00 in Buenos Aires), booked with OSDE.
      turnoId = await insertTurno(db(), {
        patientId: c.ana.id,
        professionalId: c.seed.gonzalez.id,
        specialtyId: c.seed.cardiology.id,
        insurerId: c.seed.osde.id,
        start: '2026-11-20T10:00:00-03:00',
        status: 'present',
      });
    });
    after(() => t.close());

    const byHand = (fields: Record<string, string> = {}) => ({
      dni: '30.333.444',
      issuedOn: '2026-11-23',
      insurerId: '',
      memberNumber: '',
      turno: '',
      'concept-1': 'Consulta clínica',
      'quantity-1': '1',
      'unit-1': '1.234,56',
      'insurer-1': '0',
      'concept-2': '',
      'quantity-2': '1',
      'unit-2': '',
      'insurer-2': '0',
      accion: 'emitir',
      ...fields,
    });

    test('an invoice by hand takes the next number; the next one is +1', async () => {
      const first = await nextNumber(t);
      await desk.get('/staff/portal/facturas/nueva');
      assert.equal(inputValue(desk.html, 'issuedOn'), '2026-11-23', 'issued today in the center by default');
      const res = await desk.post('/staff/portal/facturas/nueva', byHand());
      assert.equal(res.statusCode, 303, desk.text());
      assert.match(location(res), /^\/staff\/portal\/facturas\/\d+\?ok=creada$/);
      await desk.follow(res);
      const number = String(first).padStart(8, '0');
      assert.match(desk.text(), new RegExp(`Factura N.º ${number} emitida`));
      assert.match(desk.text(), /BETO, Test \(DNI 30333444\)/);
      assert.match(desk.text(), /Sin obra social \(particular\)/);
      assert.match(desk.text(), /A cargo del paciente \$ 1\.234,56 Total \$ 1\.234,56/);
      assert.match(desk.text(), /A pagar/);

      const again = await desk.post('/staff/portal/facturas/nueva', byHand({ 'unit-1': '10' }));
      await desk.follow(again);
      assert.match(desk.text(), new RegExp(`Factura N.º ${String(first + 1).padStart(8, '0')} emitida`));
    });

    test('money mistakes are shown on the form, naming the field, with every line kept; no number is taken', async () => {
      const before = await nextNumber(t);
      await desk.get('/staff/portal/facturas/nueva');
      const res = await desk.post(
        '/staff/portal/facturas/nueva',
        byHand({
          'unit-1': '-5',
          'concept-2': 'Electrocardiograma',
          'quantity-2': '2',
          'unit-2': '1.500,555',
          'concept-3': 'Ecografía',
          'quantity-3': '1',
          'unit-3': 'mil',
          'insurer-3': '0',
        }),
      );
      assert.equal(res.statusCode, 400);
      assert.match(desk.html, /role="alert"/);
      assert.match(desk.text(), /Precio unitario \(línea 1\): no puede ser negativo\./);
      assert.match(desk.text(), /Precio unitario \(línea 2\): tiene más de dos decimales\./);
      assert.match(desk.text(), /Precio unitario \(línea 3\): no es un importe válido/);
      assert.match(desk.html, /id="f-unit-1"[^>]*aria-invalid="true"/);
      assert.equal(inputValue(desk.html, 'unit-1'), '-5');
      assert.equal(inputValue(desk.html, 'unit-2'), '1.500,555');
      assert.equal(inputValue(desk.html, 'concept-2'), 'Electrocardiograma');
      assert.equal(inputValue(desk.html, 'concept-3'), 'Ecografía');
      assert.equal(inputValue(desk.html, 'dni'), '30.333.444');

      const share = await desk.post('/staff/portal/facturas/nueva', byHand({ 'insurer-1': '5' }));
      assert.equal(share.statusCode, 400);
      assert.match(desk.text(), /Parte de la obra social \(línea 1\): la factura no tiene obra social/);
      const over = await desk.post(
        '/staff/portal/facturas/nueva',
        byHand({ dni: '30111222', insurerId: String(c.seed.osde.id), 'insurer-1': '2.000' }),
      );
      assert.equal(over.statusCode, 400);
      assert.match(desk.text(), /Parte de la obra social \(línea 1\): supera el importe de la línea/);
      const nobody = await desk.post('/staff/portal/facturas/nueva', byHand({ dni: '39999999' }));
      assert.equal(nobody.statusCode, 400);
      assert.match(desk.text(), /DNI del paciente: no hay un paciente con ese DNI\./);
      const future = await desk.post('/staff/portal/facturas/nueva', byHand({ issuedOn: '2026-11-24' }));
      assert.equal(future.statusCode, 400);
      assert.match(desk.text(), /Fecha de emisión: no puede ser posterior a hoy\./);
      assert.equal(inputValue(desk.html, 'concept-1'), 'Consulta clínica');
      assert.equal(await nextNumber(t), before, 'refused invoices took no number');
    });

    test('"Buscar" fills the insurer and member number from the record; "Agregar línea" adds a row', async () => {
      await desk.get('/staff/portal/facturas/nueva');
      const found = await desk.post('/staff/portal/facturas/nueva', byHand({ dni: '30111222', accion: 'buscar' }));
      assert.equal(found.statusCode, 200);
      assert.match(desk.text(), /Paciente: GARCÍA, Ana\./);
      assert.equal(selected(desk.html, 'insurerId'), String(c.seed.osde.id));
      assert.equal(inputValue(desk.html, 'memberNumber'), '12345/01');
      assert.equal(inputValue(desk.html, 'concept-1'), 'Consulta clínica');
      const rows = (html: string) => (html.match(/name="concept-\d+"/g) ?? []).length;
      const shown = rows(desk.html);
      await desk.post(
        '/staff/portal/facturas/nueva',
        byHand({ 'concept-2': 'Otra', 'unit-2': '1', accion: 'agregar' }),
      );
      assert.ok(rows(desk.html) >= 3, 'a row for the new line');
      assert.equal(inputValue(desk.html, 'concept-2'), 'Otra');
      assert.ok(shown >= 2);
    });

    test('from a turno: prefilled, linked to it, and the turno leaves the record\'s "sin factura" list', async () => {
      const tab = await desk.get(`/staff/pacientes/${c.ana.id}/facturas`);
      assert.equal(tab.statusCode, 200);
      assert.match(desk.html, /aria-current="page"[^>]*>Facturas</);
      assert.match(desk.html, new RegExp(`href="/staff/portal/facturas/nueva\\?turno=${turnoId}"`));
      assert.match(desk.text(), /Turnos pasados sin factura .*20\/11\/2026 10:00 GONZALEZ José Cardiología Facturar/);

      await desk.get(`/staff/portal/facturas/nueva?turno=${turnoId}`);
      assert.equal(inputValue(desk.html, 'dni'), '30111222');
      assert.equal(selected(desk.html, 'insurerId'), String(c.seed.osde.id));
      assert.equal(inputValue(desk.html, 'memberNumber'), '12345/01');
      assert.equal(inputValue(desk.html, 'concept-1'), 'Consulta Cardiología — GONZALEZ José — 20/11/2026');
      assert.equal(inputValue(desk.html, 'turno'), String(turnoId));
      const number = await nextNumber(t);
      const res = await desk.post('/staff/portal/facturas/nueva', {
        dni: '30111222',
        issuedOn: '2026-11-23',
        insurerId: String(c.seed.osde.id),
        memberNumber: '12345/01',
        turno: String(turnoId),
        'concept-1': 'Consulta Cardiología — GONZALEZ José — 20/11/2026',
        'quantity-1': '1',
        'unit-1': '20.000',
        'insurer-1': '15.000,50',
        accion: 'emitir',
      });
      assert.equal(res.statusCode, 303, desk.text());
      const id = Number(/facturas\/(\d+)/.exec(location(res))?.[1]);
      const row = await db().selectFrom('invoices').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(row.appointmentId, turnoId);
      assert.equal(row.number, number);
      assert.deepEqual(
        [row.insurerName, row.memberNumber, row.customerName, row.customerDni],
        ['OSDE', '12345/01', 'GARCÍA, Ana', '30111222'],
      );
      assert.deepEqual([row.insurerCents, row.patientCents, row.totalCents], [1500050, 499950, 2000000]);

      await desk.get(`/staff/pacientes/${c.ana.id}/facturas`);
      assert.match(desk.text(), /No hay turnos pasados sin factura\./);
      assert.match(desk.text(), new RegExp(String(number).padStart(8, '0')));

      await desk.get(`/staff/portal/facturas/nueva?turno=${turnoId}`);
      assert.match(desk.text(), /Este turno ya tiene la factura N.º/);
      const twice = await desk.post('/staff/portal/facturas/nueva', {
        ...byHand({ dni: '30111222', insurerId: String(c.seed.osde.id) }),
        turno: String(turnoId),
      });
      assert.equal(twice.statusCode, 409);
      assert.match(desk.text(), new RegExp(`El turno ya tiene la factura N.º ${number}`));

      // Voided, it keeps its number; the turno can be invoiced again, with the next number.
      await desk.get(`/staff/portal/facturas/${id}`);
      const voided = await desk.post(`/staff/portal/facturas/${id}/estado`, {
        estado: 'void',
        reason: 'Importe mal cargado',
      });
      assert.equal(voided.statusCode, 303);
      await desk.get(`/staff/pacientes/${c.ana.id}/facturas`);
      assert.match(
        desk.text(),
        new RegExp(`${String(number).padStart(8, '0')} .*Anulada Motivo de la anulación: Importe mal cargado`),
      );
      assert.match(desk.text(), /Turnos pasados sin factura .*20\/11\/2026 10:00 GONZALEZ José Cardiología Facturar/);
      const redo = await desk.post('/staff/portal/facturas/nueva', {
        ...byHand({ dni: '30111222', insurerId: String(c.seed.osde.id) }),
        turno: String(turnoId),
      });
      assert.equal(redo.statusCode, 303);
      await desk.follow(redo);
      assert.match(desk.text(), new RegExp(`Factura N.º ${String(number + 1).padStart(8, '0')} emitida`));
    });

    test('paid on a date, back to due, void with a reason; a void invoice never changes again', async () => {
      const number = await nextNumber(t);
      const created = await desk.post('/staff/portal/facturas/nueva', byHand());
      const path = location(created).split('?')[0] as string;
      await desk.get(path);
      assert.equal(inputValue(desk.html, 'paidOn'), '2026-11-23');
      const early = await desk.post(`${path}/estado`, { estado: 'paid', paidOn: '2026-11-22' });
      assert.equal(early.statusCode, 400);
      assert.match(desk.text(), /Fecha de pago: no puede ser anterior a la fecha de emisión\./);
      assert.equal(inputValue(desk.html, 'paidOn'), '2026-11-22');
      await desk.follow(await desk.post(`${path}/estado`, { estado: 'paid', paidOn: '2026-11-23' }));
      assert.match(desk.text(), /Estado guardado\. .*Pagada Pagada el 23\/11\/2026/);
      await desk.follow(await desk.post(`${path}/estado`, { estado: 'due' }));
      assert.match(desk.text(), /Estado: A pagar|Estado A pagar/);
      const noReason = await desk.post(`${path}/estado`, { estado: 'void', reason: '  ' });
      assert.equal(noReason.statusCode, 400);
      assert.match(desk.text(), /Motivo de la anulación: es obligatorio\./);
      await desk.follow(await desk.post(`${path}/estado`, { estado: 'void', reason: 'Emitida por error' }));
      assert.match(desk.text(), /Anulada Motivo de la anulación: Emitida por error/);
      assert.match(desk.text(), /conserva su número/);
      const after = await desk.post(`${path}/estado`, { estado: 'paid', paidOn: '2026-11-23' });
      assert.equal(after.statusCode, 409);
      assert.match(desk.text(), new RegExp(`La factura N.º ${number} está anulada`));

      // The list shows it as voided, found by number, DNI or state; the next invoice is +1.
      await desk.get(`/staff/portal/facturas?numero=${number}`);
      assert.match(desk.text(), new RegExp(`1 factura .* ${String(number).padStart(8, '0')} .*Anulada`));
      await desk.get('/staff/portal/facturas?estado=void&dni=30.333.444');
      assert.match(desk.text(), new RegExp(String(number).padStart(8, '0')));
      await desk.get('/staff/portal/facturas?numero=abc');
      assert.match(desk.text(), /sólo con dígitos/);
      const next = await desk.post('/staff/portal/facturas/nueva', byHand());
      await desk.follow(next);
      assert.match(desk.text(), new RegExp(`Factura N.º ${String(number + 1).padStart(8, '0')} emitida`));
      assert.equal(
        (await db().selectFrom('invoices').select('id').where('number', '=', number).executeTakeFirst()) !== undefined,
        true,
      );
    });

    test('the staff PDF prints the patient, the number and the total; every read is audited', async () => {
      const staff = await WebClient.newStaff(t.app, t.ctx, { username: 'auditada', role: 'admin' });
      const ref = `usuario:${(await db().selectFrom('staffUsers').select('id').where('username', '=', 'auditada').executeTakeFirstOrThrow()).id}`;
      await staff.get('/staff/portal/facturas/nueva');
      const created = await staff.post('/staff/portal/facturas/nueva', byHand({ 'quantity-1': '2' }));
      const path = location(created).split('?')[0] as string;
      const row = await db()
        .selectFrom('invoices')
        .selectAll()
        .where('id', '=', Number(path.split('/').pop()))
        .executeTakeFirstOrThrow();
      await staff.get(path);
      const pdf = await staff.get(`${path}/pdf`);
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      const text = await pdfText(pdf.rawPayload);
      assert.match(text, /BETO, Test/);
      assert.match(text, new RegExp(`Factura N.º ${String(row.number).padStart(8, '0')}`));
      assert.match(text, /Total \$ 2\.469,12/);
      await staff.get('/staff/portal/facturas');
      await staff.get(`/staff/pacientes/${c.beto.id}/facturas`);
      const trail = await auditTrail(db(), c.beto.id, ref);
      assert.deepEqual(
        trail.filter((a) => a.startsWith('invoice.')),
        ['invoice.create', 'invoice.read', 'invoice.read', 'invoice.list'],
      );
      const targets = await db()
        .selectFrom('auditLog')
        .select(['action', 'target', 'detail'])
        .where('actorRef', '=', ref)
        .where('action', 'like', 'invoice.%')
        .orderBy('id')
        .execute();
      const target = `factura:${row.number}`;
      assert.deepEqual(targets.slice(0, 3), [
        { action: 'invoice.create', target, detail: '' },
        { action: 'invoice.read', target, detail: '' },
        { action: 'invoice.read', target, detail: 'pdf' },
      ]);
      assert.ok(
        targets.some((e) => e.action === 'invoice.list' && e.target === ''),
        'the list is audited',
      );
    });

    test('only admin and reception; no session goes to log in; an unknown invoice is 404', async () => {
      const pro = await WebClient.newStaff(t.app, t.ctx, {
        username: 'medica',
        role: 'professional',
        professionalId: c.seed.gonzalez.id,
      });
      assert.equal((await pro.get('/staff/portal/facturas')).statusCode, 403);
      assert.equal((await pro.get(`/staff/pacientes/${c.ana.id}/facturas`)).statusCode, 403);
      const nobody = new WebClient(t.app);
      const res = await nobody.get('/staff/portal/facturas');
      assert.equal(res.statusCode, 303);
      assert.match(location(res), /^\/staff\/ingresar\?volver=/);
      assert.equal((await desk.get('/staff/portal/facturas/999999')).statusCode, 404);
      assert.equal((await desk.get('/staff/portal/facturas/999999/pdf')).statusCode, 404);
      assert.equal((await desk.get('/staff/pacientes/999999/facturas')).statusCode, 404);
    });
  });
}
