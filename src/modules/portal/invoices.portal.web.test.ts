// Mis facturas as the patient sees it: the list by date, each with its shares, total and state; the PDF opens in
// the browser or downloads; another patient's invoice does not exist; without a session, log in first.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { location, WebClient } from '../../../test/support/web-client.js';
import { LANG_COOKIE } from '../../platform/i18n/lang.js';
import { setInvoiceStatus } from './invoices.service.js';
import {
  consultation,
  type InvoiceCenter,
  invoiceCenter,
  issue,
  pdfText,
  staffActor,
} from './invoices.test-helpers.js';

for (const dialect of testDialects()) {
  describe(`Mis facturas (${dialect})`, () => {
    let t: TestApp;
    let c: InvoiceCenter;
    let older: Awaited<ReturnType<typeof issue>>;
    let newer: Awaited<ReturnType<typeof issue>>;
    let voided: Awaited<ReturnType<typeof issue>>;
    let betos: Awaited<ReturnType<typeof issue>>;

    before(async () => {
      t = await buildTestApp(dialect);
      c = await invoiceCenter(t);
      const osde = c.seed.osde.id;
      // Issued out of date order on purpose: the list goes by issue date.
      newer = await issue(t, c.ana.id, {
        issuedOn: '2026-11-20',
        insurerId: osde,
        lines: [
          consultation({
            concept: 'Consulta Cardiología — GONZALEZ José — 20/11/2026',
            unitCents: 20_000_00,
            insurerCents: 15_000_00,
          }),
          consultation({ concept: 'Electrocardiograma', quantity: 2, unitCents: 1_500_50, insurerCents: 0 }),
        ],
      });
      older = await issue(t, c.ana.id, { issuedOn: '2026-10-05' });
      voided = await issue(t, c.ana.id, { issuedOn: '2026-11-01' });
      await setInvoiceStatus(t.ctx, {
        actor: staffActor,
        id: voided.id,
        change: { status: 'void', reason: 'Duplicada' },
      });
      await setInvoiceStatus(t.ctx, {
        actor: staffActor,
        id: older.id,
        change: { status: 'paid', paidOn: '2026-10-06' },
      });
      betos = await issue(t, c.beto.id);
    });
    after(() => t.close());

    test('the list: newest date first, number, date, concepts, shares, total and state in words', async () => {
      const ana = await WebClient.loggedIn(t.app, t.ctx, c.ana.id);
      const res = await ana.get('/portal/facturas');
      assert.equal(res.statusCode, 200);
      assert.match(ana.html, /<nav aria-label="Secciones del portal"/);
      const text = ana.text();
      const n = (x: { numberText: string }) => `Factura N.º ${x.numberText}`;
      assert.ok(text.indexOf(n(newer)) < text.indexOf(n(voided)), 'by issue date');
      assert.ok(text.indexOf(n(voided)) < text.indexOf(n(older)), 'by issue date');
      assert.match(
        text,
        new RegExp(
          `${n(newer)} 20/11/2026 Consulta Cardiología — GONZALEZ José — 20/11/2026 y 1 más ` +
            'A cargo de la obra social \\$ 15\\.000,00 A cargo del paciente \\$ 8\\.001,00 Total \\$ 23\\.001,00 Estado A pagar',
        ),
      );
      assert.match(text, new RegExp(`${n(voided)} 01/11/2026 .*Estado Anulada Motivo de la anulación: Duplicada`));
      assert.match(text, new RegExp(`${n(older)} 05/10/2026 .*Estado Pagada Pagada el 06/10/2026`));
      assert.doesNotMatch(text, new RegExp(betos.numberText), "not another patient's invoice");
      assert.match(ana.html, new RegExp(`href="/portal/facturas/${newer.id}/pdf"`));
      assert.match(ana.html, new RegExp(`href="/portal/facturas/${newer.id}/pdf\\?descargar=1"`));
    });

    test('the PDF opens in the browser with the name, the number and the total; ?descargar=1 downloads it', async () => {
      const ana = await WebClient.loggedIn(t.app, t.ctx, c.ana.id);
      const res = await ana.get(`/portal/facturas/${newer.id}/pdf`);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'application/pdf');
      assert.equal(res.headers['content-disposition'], `inline; filename="factura-${newer.numberText}.pdf"`);
      assert.match(String(res.headers['cache-control']), /no-store/);
      const text = await pdfText(res.rawPayload);
      assert.match(text, /Centro Médico Sur/);
      assert.match(text, /Av\. Siempreviva 742, CABA/);
      assert.match(text, new RegExp(`Factura N.º ${newer.numberText}`));
      assert.match(text, /Fecha de emisión: 20\/11\/2026/);
      assert.match(text, /GARCÍA, Ana/);
      assert.match(text, /30111222/);
      assert.match(text, /OSDE/);
      assert.match(text, /12345\/01/);
      assert.match(text, /Electrocardiograma 2 \$ 1\.500,50 \$ 0,00 \$ 3\.001,00 \$ 3\.001,00/);
      assert.match(text, /A cargo de la obra social \$ 15\.000,00/);
      assert.match(text, /A cargo del paciente \$ 8\.001,00/);
      assert.match(text, /Total \$ 23\.001,00/);
      assert.match(text, /A PAGAR/);
      assert.match(text, /no es una factura electrónica fiscal/);

      const download = await ana.get(`/portal/facturas/${newer.id}/pdf?descargar=1`);
      assert.equal(download.statusCode, 200);
      assert.equal(download.headers['content-disposition'], `attachment; filename="factura-${newer.numberText}.pdf"`);

      const paid = await pdfText((await ana.get(`/portal/facturas/${older.id}/pdf`)).rawPayload);
      assert.match(paid, /PAGADA el 06\/10\/2026/);
      const gone = await pdfText((await ana.get(`/portal/facturas/${voided.id}/pdf`)).rawPayload);
      assert.match(gone, /ANULADA/);
      assert.match(gone, /Motivo: Duplicada/);
    });

    test("another patient's invoice is not found, as a page, a PDF and a download", async () => {
      const ana = await WebClient.loggedIn(t.app, t.ctx, c.ana.id);
      for (const url of [`/portal/facturas/${betos.id}/pdf`, `/portal/facturas/${betos.id}/pdf?descargar=1`]) {
        const res = await ana.get(url);
        assert.equal(res.statusCode, 404, url);
        assert.match(String(res.headers['content-type']), /text\/html/);
      }
      const missing = await ana.get('/portal/facturas/999999/pdf');
      assert.equal(missing.statusCode, 404);
      assert.equal((await ana.get('/portal/facturas/abc/pdf')).statusCode, 404);
    });

    test('without a session: to log in, and back here after it; a record without the portal is told so', async () => {
      const nobody = new WebClient(t.app);
      for (const url of ['/portal/facturas', `/portal/facturas/${newer.id}/pdf`]) {
        const res = await nobody.get(url);
        assert.equal(res.statusCode, 303, url);
        assert.match(
          location(res),
          new RegExp(`^/ingresar\\?volver=${encodeURIComponent(url).replace(/[.?]/g, '\\$&')}`),
        );
      }
      await t.ctx.database.db.updateTable('patients').set({ portalEnabled: 0 }).where('id', '=', c.beto.id).execute();
      const beto = await WebClient.loggedIn(t.app, t.ctx, c.beto.id);
      const res = await beto.get('/portal/facturas');
      assert.equal(res.statusCode, 403);
      assert.match(beto.text(), /todavía no habilitó tu portal del paciente/);
      assert.equal((await beto.get(`/portal/facturas/${betos.id}/pdf`)).statusCode, 403);
      await t.ctx.database.db.updateTable('patients').set({ portalEnabled: 1 }).where('id', '=', c.beto.id).execute();
    });

    test('in English, the same list and PDF in English words, pesos as in Argentina', async () => {
      const ana = await WebClient.loggedIn(t.app, t.ctx, c.ana.id);
      ana.cookies.set(LANG_COOKIE, 'en');
      await ana.get('/portal/facturas');
      assert.match(ana.text(), new RegExp(`Invoice no. ${newer.numberText} .*Total \\$ 23\\.001,00 Status Due`));
      const text = await pdfText((await ana.get(`/portal/facturas/${newer.id}/pdf`)).rawPayload);
      assert.match(text, new RegExp(`Invoice no. ${newer.numberText}`));
      assert.match(text, /Total \$ 23\.001,00/);
    });
  });
}
