// Series impresas as the patient uses them: make a sheet (count, valid until), list it with its state and used
// codes, print it (the PDF's codes are the stored ones), revoke it; another patient's sheet does not exist;
// a past date is refused with what was typed kept. The JSON API does the same.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { location, WebClient } from '../../../test/support/web-client.js';
import { SESSION_COOKIE } from '../../platform/http/sessions.js';
import { pdfText, type TokenCenter, tokenCenter } from './token.test-helpers.js';
import { printedCodeHash } from './token-secret.js';

for (const dialect of testDialects()) {
  describe(`Series impresas (${dialect})`, () => {
    let t: TestApp;
    let c: TokenCenter;
    const db = () => t.ctx.database.db;

    before(async () => {
      t = await buildTestApp(dialect);
      c = await tokenCenter(t);
    });
    after(() => t.close());

    const codesOfPdf = (text: string) =>
      [...text.matchAll(/(\d+)\.\s*(\d{5}) (\d{5})/g)].map((m) => [Number(m[1]), `${m[2]}${m[3]}`] as const);

    test('the form offers 10 codes valid 90 days; creating lists the sheet and its PDF has the stored codes', async () => {
      const ana = await WebClient.loggedIn(t.app, t.ctx, c.ana.id);
      const page = await ana.get('/portal/token/series');
      assert.equal(page.statusCode, 200);
      assert.match(ana.html, /name="count" type="number" value="10"/);
      assert.match(ana.html, /name="validUntil" type="date" value="2027-02-21"/);
      assert.match(ana.text(), /Todavía no imprimiste ninguna serie/);

      const res = await ana.post('/portal/token/series', { count: '12', validUntil: '2027-01-31' });
      assert.equal(res.statusCode, 303);
      const [, id] = /serie=(\d+)/.exec(location(res)) ?? [];
      await ana.follow(res);
      assert.match(ana.text(), /Listo: creamos tu serie/);
      assert.match(ana.text(), new RegExp(`Serie N.º ${id} Vigente .*Válida hasta 31/01/2027 .*Usados 0 de 12`));
      assert.match(ana.html, new RegExp(`href="/portal/token/series/${id}/pdf"`));

      const rows = await db()
        .selectFrom('tokenSeriesCodes')
        .select(['position', 'codeHash'])
        .where('seriesId', '=', Number(id))
        .orderBy('position')
        .execute();
      assert.equal(rows.length, 12);

      const pdf = await ana.get(`/portal/token/series/${id}/pdf`);
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      const text = await pdfText(pdf.rawPayload);
      assert.match(text, /Centro Médico Sur/);
      assert.match(text, /GARCÍA, Ana/);
      assert.match(text, /30111222/);
      assert.match(text, /Válida hasta 31\/01\/2027/);
      assert.match(text, /Cada código sirve una sola vez/);
      const printed = codesOfPdf(text);
      assert.deepEqual(
        printed.map(([p]) => p),
        rows.map((r) => r.position),
      );
      assert.equal(new Set(printed.map(([, code]) => code)).size, 12, 'unique within the sheet');
      for (const [position, code] of printed) {
        const hash = await printedCodeHash(t.ctx, c.ana.id, code);
        assert.equal(hash, rows[position - 1]?.codeHash, `code ${position}`);
      }
    });

    test('used codes show which and when; a revoked sheet is no longer printed', async () => {
      const ana = await WebClient.loggedIn(t.app, t.ctx, c.ana.id);
      await ana.get('/portal/token/series');
      const res = await ana.post('/portal/token/series', { count: '3', validUntil: '2026-12-31' });
      const id = Number(/serie=(\d+)/.exec(location(res))?.[1]);
      await db()
        .updateTable('tokenSeriesCodes')
        .set({ usedAt: '2026-11-23T13:15:00.000Z' })
        .where('seriesId', '=', id)
        .where('position', '=', 2)
        .execute();
      await ana.get('/portal/token/series');
      assert.match(
        ana.text(),
        new RegExp(`Serie N.º ${id} Vigente .*Usados 1 de 3 Códigos usados N.º 2: 23/11/2026 10:15`),
      );
      const text = await pdfText((await ana.get(`/portal/token/series/${id}/pdf`)).rawPayload);
      assert.match(text, /usado el 23\/11\/2026 10:15/);

      const confirm = await ana.get(`/portal/token/series/${id}/revocar`);
      assert.equal(confirm.statusCode, 200);
      assert.match(ana.text(), new RegExp(`¿Revocar la serie N.º ${id}\\?`));
      const revoked = await ana.post(`/portal/token/series/${id}/revocar`);
      assert.equal(revoked.statusCode, 303);
      await ana.follow(revoked);
      assert.match(ana.text(), /La serie quedó revocada/);
      assert.match(ana.text(), new RegExp(`Serie N.º ${id} Revocada`));
      assert.doesNotMatch(ana.html, new RegExp(`href="/portal/token/series/${id}/pdf"`));
      const row = await db()
        .selectFrom('tokenSeries')
        .select('revokedAt')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.ok(row.revokedAt);
      const again = await ana.get(`/portal/token/series/${id}/pdf`);
      assert.equal(again.statusCode, 409);
      assert.match(ana.text(), /Esta serie está revocada/);
    });

    test('an expired sheet says so and is not printed', async () => {
      const ana = await WebClient.loggedIn(t.app, t.ctx, c.ana.id);
      await ana.get('/portal/token/series');
      const res = await ana.post('/portal/token/series', { count: '1', validUntil: '2026-11-23' });
      const id = Number(/serie=(\d+)/.exec(location(res))?.[1]);
      assert.equal((await ana.get(`/portal/token/series/${id}/pdf`)).statusCode, 200, 'valid through its last day');
      t.clock.advance(24 * 3600_000);
      try {
        // A day later the old session has ended: a new one.
        const later = await WebClient.loggedIn(t.app, t.ctx, c.ana.id);
        await later.get('/portal/token/series');
        assert.match(later.text(), new RegExp(`Serie N.º ${id} Vencida`));
        assert.equal((await later.get(`/portal/token/series/${id}/pdf`)).statusCode, 409);
      } finally {
        t.clock.advance(-24 * 3600_000);
      }
    });

    test('a past or too far date, or a wrong count, is refused naming the field, with the typed values kept', async () => {
      const ana = await WebClient.loggedIn(t.app, t.ctx, c.ana.id);
      await ana.get('/portal/token/series');
      const before = await db()
        .selectFrom('tokenSeries')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      let res = await ana.post('/portal/token/series', { count: '7', validUntil: '2026-11-22' });
      assert.equal(res.statusCode, 422);
      assert.match(
        ana.text(),
        /Válida hasta: esa fecha ya pasó\. Elegí una fecha desde hoy \(23\/11\/2026\) en adelante/,
      );
      assert.match(ana.html, /name="count" type="number" value="7"/);
      assert.match(ana.html, /name="validUntil" type="date" value="2026-11-22"/);
      assert.match(ana.html, /aria-invalid="true"/);
      res = await ana.post('/portal/token/series', { count: '7', validUntil: '2027-11-24' });
      assert.equal(res.statusCode, 422);
      assert.match(ana.text(), /como mucho un año después de hoy \(hasta el 23\/11\/2027\)/);
      res = await ana.post('/portal/token/series', { count: '51', validUntil: '2027-01-01' });
      assert.equal(res.statusCode, 422);
      assert.match(ana.text(), /Cantidad de códigos: elegí un número entero entre 1 y 50/);
      res = await ana.post('/portal/token/series', { count: '', validUntil: '' });
      assert.equal(res.statusCode, 422);
      const after = await db()
        .selectFrom('tokenSeries')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(after.n), Number(before.n));
    });

    test("another patient's sheet does not exist: list, PDF, revoke, as pages and over JSON", async () => {
      const ana = await WebClient.loggedIn(t.app, t.ctx, c.ana.id);
      await ana.get('/portal/token/series');
      const res = await ana.post('/portal/token/series', { count: '2', validUntil: '2027-01-01' });
      const id = Number(/serie=(\d+)/.exec(location(res))?.[1]);
      const beto = await WebClient.loggedIn(t.app, t.ctx, c.beto.id);
      await beto.get('/portal/token/series');
      assert.doesNotMatch(beto.text(), new RegExp(`Serie N.º ${id}`));
      assert.equal((await beto.get(`/portal/token/series/${id}/pdf`)).statusCode, 404);
      assert.equal((await beto.get(`/portal/token/series/${id}/revocar`)).statusCode, 404);
      assert.equal((await beto.post(`/portal/token/series/${id}/revocar`)).statusCode, 404);
      const cookie = `${SESSION_COOKIE}=${beto.cookies.get(SESSION_COOKIE)}`;
      const api = (method: 'GET' | 'POST', url: string) =>
        t.app.inject({
          method,
          url,
          headers: { cookie, 'content-type': 'application/json' },
          payload: method === 'POST' ? '{}' : undefined,
        });
      assert.equal((await api('GET', `/api/v1/me/token-series/${id}/pdf`)).statusCode, 404);
      assert.equal((await api('POST', `/api/v1/me/token-series/${id}/revoke`)).statusCode, 404);
      const list = await api('GET', '/api/v1/me/token-series');
      assert.ok(!list.json().some((s: { id: number }) => s.id === id));
      const row = await db()
        .selectFrom('tokenSeries')
        .select('revokedAt')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.equal(row.revokedAt, null);
    });

    test('the JSON API: create with defaults or values, list, PDF, revoke; errors say what; no session 401', async () => {
      const ana = await WebClient.loggedIn(t.app, t.ctx, c.ana.id);
      const cookie = `${SESSION_COOKIE}=${ana.cookies.get(SESSION_COOKIE)}`;
      const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
        t.app.inject({
          method,
          url,
          headers: { cookie, 'content-type': 'application/json' },
          payload: payload ?? (method === 'POST' ? {} : undefined),
        });
      const created = await call('POST', '/api/v1/me/token-series', {});
      assert.equal(created.statusCode, 201, created.body);
      const s = created.json();
      assert.deepEqual(
        [s.codeCount, s.validUntil, s.state, s.usedCount, s.codes.length],
        [10, '2027-02-21', 'active', 0, 10],
      );
      const listed = await call('GET', '/api/v1/me/token-series');
      assert.equal(listed.json()[0].id, s.id, 'newest first');
      const pdf = await call('GET', `/api/v1/me/token-series/${s.id}/pdf?download=1`);
      assert.equal(pdf.statusCode, 200);
      assert.match(String(pdf.headers['content-disposition']), /^attachment/);
      const past = await call('POST', '/api/v1/me/token-series', { count: 5, validUntil: '2020-01-01' });
      assert.equal(past.statusCode, 422);
      assert.equal(past.json().error.code, 'TOKEN_SERIES_DATE_PAST');
      const revoked = await call('POST', `/api/v1/me/token-series/${s.id}/revoke`);
      assert.equal(revoked.statusCode, 200);
      assert.equal(revoked.json().state, 'revoked');
      assert.equal((await call('GET', `/api/v1/me/token-series/${s.id}/pdf`)).json().error.code, 'TOKEN_SERIES_CLOSED');
      const nobody = await t.app.inject({ url: '/api/v1/me/token-series' });
      assert.equal(nobody.statusCode, 401);
    });
  });
}
