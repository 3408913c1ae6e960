// Mi credencial: the card with the patient's own data and a QR code of the staff's scan address; full screen
// without JavaScript; the PDF; the API; and the scan itself — staff only, after logging in, audited, in reach.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { auditTrail } from '../../../test/support/audit-log.js';
import { insertInsurer, insertPatient, insertStaffUser, seedCenter } from '../../../test/support/factories.js';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { location, WebClient } from '../../../test/support/web-client.js';
import type { Patient } from '../../platform/db/schema.js';
import { pdfText } from '../portal/invoices.test-helpers.js';
import { insertTurno } from '../scheduling/appointments.test-fixture.js';

const BASE = 'https://turnos.centro.example';

for (const dialect of testDialects()) {
  describe(`Mi credencial (${dialect})`, () => {
    let t: TestApp;
    let seed: Awaited<ReturnType<typeof seedCenter>>;
    let ana: Patient;
    let beto: Patient;
    let carla: Patient;

    before(async () => {
      t = await buildTestApp(dialect, { web: { publicUrl: `${BASE}/` } });
      const db = t.ctx.database.db;
      seed = await seedCenter(db);
      const particular = await insertInsurer(db, 'PARTICULAR');
      await db.updateTable('insurers').set({ selfPay: 1 }).where('id', '=', particular.id).execute();
      await db.updateTable('centerSettings').set({ name: 'Centro Médico Sur' }).execute();
      ana = await insertPatient(db, { dni: '30111222', lastName: 'GARCÍA', insurerId: seed.osde.id });
      beto = await insertPatient(db, { dni: '7654321', lastName: 'BETO' });
      carla = await insertPatient(db, { dni: '28999000', lastName: 'CARLA', insurerId: particular.id });
      await db
        .updateTable('patients')
        .set({ portalEnabled: 1, firstName: 'Ana', memberNumber: '12345/01', insurancePlan: 'PLAN 310' })
        .where('id', '=', ana.id)
        .execute();
      await db.updateTable('patients').set({ portalEnabled: 1 }).where('id', 'in', [beto.id, carla.id]).execute();
      // Ana has a turno with GONZALEZ only.
      await insertTurno(db, { patientId: ana.id, professionalId: seed.gonzalez.id, start: '2026-11-24T13:00:00Z' });
    });
    after(() => t.close());

    test('the card: center, insurer, name, DNI grouped, plan, member number and the QR code as SVG', async () => {
      const client = await WebClient.loggedIn(t.app, t.ctx, ana.id);
      const res = await client.get('/portal/credencial');
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['cache-control']), /no-store/);
      assert.match(client.html, /<nav aria-label="Secciones del portal"/);
      assert.match(client.html, /href="\/portal\/credencial" aria-current="page"/);
      const text = client.text();
      assert.match(
        text,
        /Centro Médico Sur OSDE Nombre y apellido Ana GARCÍA DNI 30\.111\.222 Obra social OSDE Plan PLAN 310 N\.º de afiliado 12345\/01/,
      );
      assert.match(client.html, /<section class="credential" id="credencial" aria-label="Credencial de Ana GARCÍA">/);
      assert.match(
        client.html,
        /class="credential-qr" role="img" aria-label="Código QR[^"]*"><svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/,
      );
      assert.match(client.html, /<path stroke="#000000" d="M/);
      assert.match(client.html, /href="\/portal\/credencial\?pantalla=completa" data-fullscreen="credencial"/);
      assert.match(client.html, /href="\/portal\/credencial\/pdf\?descargar=1"/);
      assert.match(client.html, /\/static\/credential\.js\?v=/);
      assert.match(client.html, /\/static\/credential\.css\?v=/);
      // Nobody else's data.
      assert.doesNotMatch(text, /BETO|7\.654\.321|CARLA/);
    });

    test('without an insurer, or with the self-pay one, the card says Particular and has no member number', async () => {
      for (const who of [beto, carla]) {
        const client = await WebClient.loggedIn(t.app, t.ctx, who.id);
        await client.get('/portal/credencial');
        const text = client.text();
        assert.match(text, /Obra social Particular/, who.lastName);
        assert.doesNotMatch(text, /N\.º de afiliado|Plan /, who.lastName);
      }
      const client = await WebClient.loggedIn(t.app, t.ctx, beto.id);
      await client.get('/portal/credencial');
      assert.match(client.text(), /DNI 7\.654\.321/);
    });

    test('?pantalla=completa is the card alone, with the way back, and works without JavaScript', async () => {
      const client = await WebClient.loggedIn(t.app, t.ctx, ana.id);
      const res = await client.get('/portal/credencial?pantalla=completa');
      assert.equal(res.statusCode, 200);
      assert.match(client.html, /<body class="credential-screen">/);
      assert.match(client.html, /<section class="credential"/);
      assert.doesNotMatch(client.html, /portal-nav|<script/);
      assert.match(client.html, /href="\/portal\/credencial">Volver a Mi credencial/);
      assert.match(client.text(), /Ana GARCÍA DNI 30\.111\.222/);
    });

    test('the PDF: name, DNI, insurer, plan and member number; inline or as a download', async () => {
      const client = await WebClient.loggedIn(t.app, t.ctx, ana.id);
      const res = await client.get('/portal/credencial/pdf');
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'application/pdf');
      assert.equal(res.headers['content-disposition'], 'inline; filename="credencial-30111222.pdf"');
      assert.match(String(res.headers['cache-control']), /no-store/);
      const text = await pdfText(res.rawPayload);
      assert.match(text, /Centro Médico Sur/);
      assert.match(text, /Ana GARCÍA/);
      assert.match(text, /30\.111\.222/);
      assert.match(text, /OSDE/);
      assert.match(text, /PLAN 310/);
      assert.match(text, /12345\/01/);
      assert.match(res.rawPayload.toString('latin1'), /\/Subtype \/Image/, 'the QR code is embedded');
      const download = await client.get('/portal/credencial/pdf?descargar=1');
      assert.equal(download.headers['content-disposition'], 'attachment; filename="credencial-30111222.pdf"');
      const particular = await pdfText(
        (await (await WebClient.loggedIn(t.app, t.ctx, beto.id)).get('/portal/credencial/pdf')).rawPayload,
      );
      assert.match(particular, /Particular/);
      assert.doesNotMatch(particular, /GARCÍA|12345\/01/);
    });

    test('the API gives the card and the address the QR code holds: the staff scan of this patient', async () => {
      const client = await WebClient.loggedIn(t.app, t.ctx, ana.id);
      const res = await client.get('/api/v1/me/credential');
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json(), {
        patientId: ana.id,
        fullName: 'Ana GARCÍA',
        dni: '30111222',
        dniGrouped: '30.111.222',
        insurer: 'OSDE',
        plan: 'PLAN 310',
        memberNumber: '12345/01',
        centerName: 'Centro Médico Sur',
        qrUrl: `${BASE}/staff/credencial/${ana.id}`,
      });
      const pdf = await client.get('/api/v1/me/credential/pdf?download=1');
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-disposition'], 'attachment; filename="credencial-30111222.pdf"');
      assert.match(await pdfText(pdf.rawPayload), /12345\/01/);

      const nobody = await t.app.inject({ method: 'GET', url: '/api/v1/me/credential' });
      assert.equal(nobody.statusCode, 401);
      const staff = await t.app.inject({ method: 'GET', url: '/api/v1/me/credential', headers: await t.auth() });
      assert.equal(staff.statusCode, 401, 'a staff token is not a patient session');
    });

    test('the endpoints are documented with their session security', async () => {
      const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
      for (const path of ['/api/v1/me/credential', '/api/v1/me/credential/pdf']) {
        const operation = spec.paths[path]?.get;
        assert.ok(operation?.summary, path);
        assert.deepEqual(operation.security, [{ session: [] }]);
      }
      assert.ok(
        spec.paths['/api/v1/me/credential'].get.responses['200'].content['application/json'].schema.properties.qrUrl,
      );
    });

    test('without a session, log in first; without the portal, the page says so', async () => {
      const anon = new WebClient(t.app);
      for (const url of ['/portal/credencial', '/portal/credencial/pdf']) {
        const res = await anon.get(url);
        assert.equal(res.statusCode, 303, url);
        assert.match(location(res), /^\/ingresar\?volver=/, url);
      }
      const noPortal = await insertPatient(t.ctx.database.db, { lastName: 'SINPORTAL' });
      const client = await WebClient.loggedIn(t.app, t.ctx, noPortal.id);
      const res = await client.get('/portal/credencial');
      assert.equal(res.statusCode, 403);
      assert.match(client.text(), /Tu portal todavía no está habilitado/);
      assert.doesNotMatch(client.html, /class="credential"/);
      const api = await client.get('/api/v1/me/credential');
      assert.equal(api.statusCode, 403);
    });

    test("a scan without a staff login goes to the staff's login, and back to the scan after it", async () => {
      const phone = new WebClient(t.app);
      const res = await phone.get(`/staff/credencial/${ana.id}`);
      assert.equal(res.statusCode, 303);
      assert.equal(location(res), `/staff/ingresar?volver=${encodeURIComponent(`/staff/credencial/${ana.id}`)}`);
      // A patient's session is not a staff login.
      const patient = await WebClient.loggedIn(t.app, t.ctx, ana.id);
      const asPatient = await patient.get(`/staff/credencial/${ana.id}`);
      assert.equal(asPatient.statusCode, 303);
      assert.match(location(asPatient), /^\/staff\/ingresar\?volver=/);
    });

    test('the desk lands on the record, and the scan is in the audit log', async () => {
      const user = await insertStaffUser(t.ctx.database.db, { username: 'recepcion-scan', role: 'reception' });
      const desk = await WebClient.loggedInStaff(t.app, t.ctx, user.id);
      const res = await desk.get(`/staff/credencial/${ana.id}`);
      assert.equal(res.statusCode, 303);
      assert.equal(location(res), `/staff/pacientes/${ana.id}`);
      assert.deepEqual(await auditTrail(t.ctx.database.db, ana.id, `usuario:${user.id}`), ['credential.scan']);
      const record = await desk.follow(res);
      assert.equal(record.statusCode, 200);
      assert.match(desk.text(), /GARCÍA/);
      const missing = await desk.get('/staff/credencial/999999');
      assert.equal(missing.statusCode, 404);
      const bad = await desk.get('/staff/credencial/abc');
      assert.equal(bad.statusCode, 404);
    });

    test("a professional reaches only their own patients' cards: their documents tab, audited; others refused", async () => {
      const db = t.ctx.database.db;
      const gonzalez = await insertStaffUser(db, {
        username: 'dr-gonzalez-scan',
        role: 'professional',
        professionalId: seed.gonzalez.id,
      });
      const alvarez = await insertStaffUser(db, {
        username: 'dr-alvarez-scan',
        role: 'professional',
        professionalId: seed.alvarez.id,
      });
      const own = await WebClient.loggedInStaff(t.app, t.ctx, gonzalez.id);
      const res = await own.get(`/staff/credencial/${ana.id}`);
      assert.equal(res.statusCode, 303);
      assert.equal(location(res), `/staff/pacientes/${ana.id}/documentos`);
      assert.deepEqual(await auditTrail(db, ana.id, `usuario:${gonzalez.id}`), ['credential.scan']);

      const other = await WebClient.loggedInStaff(t.app, t.ctx, alvarez.id);
      const refused = await other.get(`/staff/credencial/${ana.id}`);
      assert.equal(refused.statusCode, 403);
      assert.deepEqual(await auditTrail(db, ana.id, `usuario:${alvarez.id}`), []);
    });
  });
}
