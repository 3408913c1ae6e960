// POST /api/v1/teleconsultations/verify for video platforms and insurers, and the conformity it leaves.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { auditTrail } from '../../../test/support/audit-log.js';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { pdfText } from '../portal/invoices.test-helpers.js';
import { codeOf, printedSeries, statusOf, type VerifyCenter, verifyCenter } from './verify.test-helpers.js';

for (const dialect of testDialects()) {
  describe(`Validar token por la API (${dialect})`, () => {
    let t: TestApp;
    let c: VerifyCenter;
    let desk: Record<string, string>;
    before(async () => {
      t = await buildTestApp(dialect);
      c = await verifyCenter(t);
      desk = await t.auth('reception');
    });
    after(() => t.close());

    const verify = (payload: object, headers = desk) =>
      t.app.inject({ method: 'POST', url: '/api/v1/teleconsultations/verify', headers, payload });

    test('a valid code: 200 with the conformity; the turno is present; the record and its PDF read back', async () => {
      const p = await c.patient({ lastName: 'MÉNDEZ' });
      await t.ctx.database.db
        .updateTable('patients')
        .set({ memberNumber: '60-111222-3', firstName: 'Lucía' })
        .where('id', '=', p.id)
        .execute();
      const turno = await c.turno(p.id);
      const res = await verify({ dni: p.dni, code: await codeOf(t, p.id), appointmentId: turno });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.deepEqual(
        [body.patientId, body.patientName, body.appointmentId, body.codeKind, body.verifiedAt],
        [p.id, 'MÉNDEZ, Lucía', turno, 'dynamic', new Date(t.clock.now()).toISOString()],
      );
      assert.equal(await statusOf(t, turno), 'present');
      const again = await verify({ dni: p.dni, code: await codeOf(t, p.id), appointmentId: turno });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, 'TOKEN_CONFORMITY_EXISTS');

      const record = await t.app.inject({
        url: `/api/v1/teleconsultations/conformities/${body.conformityId}`,
        headers: desk,
      });
      assert.equal(record.statusCode, 200, record.body);
      assert.deepEqual(
        [record.json().dni, record.json().insurerName, record.json().memberNumber, record.json().teleconsult],
        [p.dni, 'OSDE', '60-111222-3', true],
      );
      const pdf = await t.app.inject({
        url: `/api/v1/teleconsultations/conformities/${body.conformityId}/pdf`,
        headers: desk,
      });
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.equal(pdf.headers['cache-control'], 'private, no-store');
      const text = await pdfText(pdf.rawPayload);
      assert.match(text, /Constancia de conformidad de teleconsulta/);
      assert.match(text, /MÉNDEZ, Lucía/);
      assert.match(text, new RegExp(p.dni));
      assert.match(text, /60-111222-3/);
      assert.match(text, /Teleconsulta/);
      assert.match(text, /GONZALEZ José/);
      assert.match(text, /CARDIOLOGÍA/i);
      assert.match(text, /23\/11\/2026/);
      assert.deepEqual(await auditTrail(t.ctx.database.db, p.id), [
        'token.verify',
        'conformity.read',
        'conformity.read',
      ]);
    });

    test('errors: 422 wrong or unknown (same answer), 423 locked, 404 turno, 400 bad body, 401 no token', async () => {
      const p = await c.patient();
      const wrong = await verify({ dni: p.dni, code: '000000' });
      const unknown = await verify({ dni: '1.234.567', code: '000000' });
      assert.equal(wrong.statusCode, 422);
      assert.deepEqual(unknown.json(), wrong.json());
      assert.equal(wrong.json().error.code, 'TOKEN_INVALID');
      for (let i = 0; i < 4; i++) await verify({ dni: p.dni, code: '000000' });
      const locked = await verify({ dni: p.dni, code: await codeOf(t, p.id) });
      assert.equal(locked.statusCode, 423, locked.body);
      assert.equal(locked.json().error.code, 'TOKEN_LOCKED');
      const q = await c.patient();
      assert.equal((await verify({ dni: q.dni, code: await codeOf(t, q.id), appointmentId: 987_654 })).statusCode, 404);
      assert.equal((await verify({ dni: q.dni })).statusCode, 400);
      const noToken = await t.app.inject({
        method: 'POST',
        url: '/api/v1/teleconsultations/verify',
        payload: { dni: q.dni, code: '123456' },
      });
      assert.equal(noToken.statusCode, 401);
    });

    test("a professional's token: own turnos only; another's turno and its conformity look missing", async () => {
      const p = await c.patient();
      const gonzalez = await t.auth('professional', c.seed.gonzalez.id);
      const alvarez = await t.auth('professional', c.seed.alvarez.id);
      const theirs = await c.turno(p.id, { professionalId: c.seed.alvarez.id });
      const refused = await verify({ dni: p.dni, code: await codeOf(t, p.id), appointmentId: theirs }, gonzalez);
      assert.equal(refused.statusCode, 404);
      await printedSeries(t, p.id, ['4445556667']);
      const ok = await verify({ dni: p.dni, code: '4445556667', appointmentId: theirs }, alvarez);
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().codeKind, 'printed');
      const id = ok.json().conformityId;
      const url = `/api/v1/teleconsultations/conformities/${id}`;
      assert.equal((await t.app.inject({ url, headers: gonzalez })).statusCode, 404);
      assert.equal((await t.app.inject({ url, headers: alvarez })).statusCode, 200);
    });

    test('documented in OpenAPI', async () => {
      const spec = (await t.app.inject({ url: '/api/openapi.json' })).json();
      assert.ok(spec.paths['/api/v1/teleconsultations/verify']?.post);
      assert.ok(spec.paths['/api/v1/teleconsultations/conformities/{id}/pdf']?.get);
    });
  });
}
