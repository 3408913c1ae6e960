// The record's "Documentos" tab: staff upload a report for a turno and the patient finds it under that visit;
// every staff list, read, upload and delete is in the audit trail; professionals only for their own patients.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { auditTrail } from '../../../test/support/audit-log.js';
import { insertStaffUser, seedCenter } from '../../../test/support/factories.js';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { location, WebClient } from '../../../test/support/web-client.js';
import type { Patient } from '../../platform/db/schema.js';
import { inputValue } from '../patients/accounts.test-helpers.js';
import { insertTurno } from '../scheduling/appointments.test-fixture.js';
import { HTML, PDF, PNG, portalPatient } from './documents.test-helpers.js';

for (const dialect of testDialects()) {
  describe(`Documentos del paciente, the back office (${dialect})`, () => {
    let t: TestApp;
    let seed: Awaited<ReturnType<typeof seedCenter>>;
    let ana: Patient;
    let beto: Patient;
    let anaTurno: number;
    let betoTurno: number;
    let desk: WebClient;
    let deskRef: string;

    before(async () => {
      t = await buildTestApp(dialect);
      const db = t.ctx.database.db;
      seed = await seedCenter(db);
      ana = await portalPatient(db, { lastName: 'ANA' });
      beto = await portalPatient(db, { lastName: 'BETO' });
      // Friday 20/11 08:00 in Buenos Aires, with GONZALEZ; an older one with ALVAREZ.
      anaTurno = await insertTurno(db, {
        patientId: ana.id,
        professionalId: seed.gonzalez.id,
        start: '2026-11-20T11:00:00Z',
        status: 'present',
      });
      await insertTurno(db, { patientId: ana.id, professionalId: seed.alvarez.id, start: '2026-10-05T17:00:00Z' });
      betoTurno = await insertTurno(db, {
        patientId: beto.id,
        professionalId: seed.gonzalez.id,
        start: '2026-11-19T11:00:00Z',
      });
      const user = await insertStaffUser(db, { username: 'recepcion', role: 'reception' });
      desk = await WebClient.loggedInStaff(t.app, t.ctx, user.id);
      deskRef = `usuario:${user.id}`;
    });
    after(() => t.close());

    const tab = (patientId: number) => `/staff/pacientes/${patientId}/documentos`;
    const rows = (patientId: number) =>
      t.ctx.database.db
        .selectFrom('patientDocuments')
        .selectAll()
        .where('patientId', '=', patientId)
        .orderBy('id')
        .execute();

    test('staff upload a report tied to a turno; the patient sees it under that visit, from the center', async () => {
      const page = await desk.get(`${tab(ana.id)}?turno=${anaTurno}`);
      assert.equal(page.statusCode, 200);
      assert.match(desk.html, /<nav aria-label="[^"]*" class="tabs">[\s\S]*aria-current="page">Documentos</);
      assert.match(
        desk.html,
        new RegExp(`<option value="${anaTurno}" selected>20/11/2026 08:00 · GONZALEZ, José · [^<]+</option>`),
      );
      assert.ok(
        desk.html.indexOf(`value="${anaTurno}"`) < desk.html.indexOf('ALVAREZ'),
        "the patient's turnos, newest first",
      );
      assert.doesNotMatch(desk.html, new RegExp(`value="${betoTurno}"`), "no other patient's turnos");

      const res = await desk.upload(
        tab(ana.id),
        { category: 'report', turno: String(anaTurno), description: 'Informe de ecocardiograma' },
        { file: { name: 'eco.pdf', type: 'application/pdf', bytes: PDF } },
      );
      assert.equal(res.statusCode, 303, res.body);
      await desk.follow(res);
      assert.match(desk.text(), /Listo: se subió «Informe de ecocardiograma»/);
      assert.match(
        desk.text(),
        /Informe Informe de ecocardiograma Turno del 20\/11\/2026 08:00 con GONZALEZ, José El centro \(Usuario recepcion\)/,
      );
      const [row] = await rows(ana.id);
      assert.equal(row?.source, 'center');
      assert.equal(row?.category, 'report');
      assert.equal(row?.appointmentId, anaTurno);

      const patient = await WebClient.loggedIn(t.app, t.ctx, ana.id);
      await patient.get('/portal/documentos');
      assert.match(
        patient.text(),
        /Turno del 20\/11\/2026 08:00 con GONZALEZ, José Informe de ecocardiograma Tipo Informe .* Subido por El centro \(Usuario recepcion\)/,
      );
      assert.doesNotMatch(
        patient.html,
        new RegExp(`/portal/documentos/${row?.id}/borrar`),
        "the center's is not theirs to delete",
      );
      assert.equal((await patient.get(`/portal/documentos/${row?.id}/borrar`)).statusCode, 403);
      await patient.get('/portal/documentos');
      assert.equal((await patient.post(`/portal/documentos/${row?.id}/borrar`)).statusCode, 403);
      assert.equal((await patient.get(`/portal/documentos/${row?.id}/ver`)).statusCode, 200);
    });

    test('every staff list, read and upload is audited with the patient and the document', async () => {
      const [row] = await rows(ana.id);
      assert.ok(row);
      const view = await desk.get(`${tab(ana.id)}/${row.id}/ver`);
      assert.equal(view.statusCode, 200);
      assert.equal(view.headers['content-disposition'], `inline; filename="eco.pdf"; filename*=UTF-8''eco.pdf`);
      assert.equal(view.headers['content-security-policy'], 'sandbox');
      const download = await desk.get(`${tab(ana.id)}/${row.id}/descargar`);
      assert.match(String(download.headers['content-disposition']), /^attachment; /);
      assert.deepEqual(await auditTrail(t.ctx.database.db, ana.id, deskRef), [
        'document.list',
        'document.upload',
        'document.list',
        'document.read',
        'document.read',
      ]);
      const reads = await t.ctx.database.db
        .selectFrom('auditLog')
        .select(['target', 'detail'])
        .where('action', 'in', ['document.read', 'document.upload'])
        .where('patientId', '=', ana.id)
        .orderBy('id')
        .execute();
      assert.deepEqual(
        reads.map((r) => r.target),
        [`documento:${row.id}`, `documento:${row.id}`, `documento:${row.id}`],
      );
      assert.deepEqual(
        reads.slice(1).map((r) => r.detail),
        ['vista', 'descarga'],
      );
    });

    test('bad input on the staff form is shown by field and keeps what was typed', async () => {
      await desk.get(tab(ana.id));
      const res = await desk.upload(
        tab(ana.id),
        { category: '', turno: String(betoTurno), description: 'Foto de lesión' },
        { file: { name: 'lesion.png', type: 'image/png', bytes: HTML } },
      );
      assert.equal(res.statusCode, 422);
      assert.match(desk.text(), /Tipo : Elegí el tipo de documento\./);
      assert.match(
        desk.text(),
        /«lesion\.png» dice ser una imagen PNG, pero su contenido no es una imagen PNG \(parece una página web HTML\)/,
      );
      assert.equal(inputValue(desk.html, 'description'), 'Foto de lesión');

      await desk.get(tab(ana.id));
      const other = await desk.upload(
        tab(ana.id),
        { category: 'image', turno: String(betoTurno), description: 'Foto de lesión' },
        { file: { name: 'lesion.png', type: 'image/png', bytes: PNG } },
      );
      assert.equal(other.statusCode, 422);
      assert.match(desk.text(), new RegExp(`El turno ${betoTurno} no es de este paciente: elegí uno de la lista\\.`));
      assert.equal((await rows(ana.id)).length, 1);
    });

    test('staff delete after confirming, audited; the file leaves the store', async () => {
      await desk.get(tab(ana.id));
      const made = await desk.upload(
        tab(ana.id),
        { category: 'image', turno: '', description: 'Foto equivocada' },
        { file: { name: 'x.png', type: 'image/png', bytes: PNG } },
      );
      assert.equal(made.statusCode, 303);
      const wrong = (await rows(ana.id)).at(-1);
      assert.ok(wrong);
      await desk.get(`${tab(ana.id)}/${wrong.id}/borrar`);
      assert.match(desk.text(), /¿Borrás «Foto equivocada»\?/);
      const done = await desk.post(`${tab(ana.id)}/${wrong.id}/borrar`);
      assert.equal(location(done), `${tab(ana.id)}?ok=borrado`);
      assert.equal(await t.ctx.files.get(wrong.storageKey), null);
      const entry = await t.ctx.database.db
        .selectFrom('auditLog')
        .select(['actorRef', 'detail'])
        .where('action', '=', 'document.delete')
        .where('target', '=', `documento:${wrong.id}`)
        .executeTakeFirstOrThrow();
      assert.deepEqual(entry, { actorRef: deskRef, detail: 'center image image/png' });
    });

    test('a professional reaches only patients with turnos of theirs, and deletes only what they uploaded', async () => {
      const db = t.ctx.database.db;
      const own = await insertStaffUser(db, {
        username: 'gonzalez',
        role: 'professional',
        professionalId: seed.gonzalez.id,
      });
      const stranger = await insertStaffUser(db, {
        username: 'perez',
        role: 'professional',
        professionalId: seed.sonographer.id,
      });
      const doctor = await WebClient.loggedInStaff(t.app, t.ctx, own.id);
      const other = await WebClient.loggedInStaff(t.app, t.ctx, stranger.id);
      assert.equal((await other.get(tab(ana.id))).statusCode, 403);
      const [report] = await rows(ana.id);
      assert.equal((await other.get(`${tab(ana.id)}/${report?.id}/ver`)).statusCode, 403);

      // From the day's desk, each turno links to its patient's documents with that turno chosen.
      await doctor.get(`/staff/turnos?fecha=2026-11-20&profesional=${seed.gonzalez.id}`);
      assert.ok(doctor.html.includes(`href="${tab(ana.id)}?turno=${anaTurno}"`), 'the desk links the turno');
      assert.equal((await doctor.get(`${tab(ana.id)}?turno=${anaTurno}`)).statusCode, 200);
      assert.match(doctor.html, new RegExp(`<option value="${anaTurno}" selected`));
      assert.doesNotMatch(doctor.html, /ALVAREZ/, "only the professional's own turnos are offered");
      assert.doesNotMatch(doctor.text(), /Ficha|Facturas/, 'a professional gets only the tabs they can open');
      const res = await doctor.upload(
        tab(ana.id),
        { category: 'report', turno: String(anaTurno), description: 'Informe del control' },
        { file: { name: 'control.pdf', type: 'application/pdf', bytes: PDF } },
      );
      assert.equal(res.statusCode, 303);
      assert.equal((await doctor.get(`${tab(ana.id)}/${report?.id}/borrar`)).statusCode, 403);
      assert.deepEqual(await auditTrail(db, ana.id, `usuario:${own.id}`), ['document.list', 'document.upload']);
    });

    test("a document id of another patient's record answers 404", async () => {
      const [anas] = await rows(ana.id);
      assert.equal((await desk.get(`${tab(beto.id)}/${anas?.id}/ver`)).statusCode, 404);
      assert.equal((await desk.get(`${tab(999999)}`)).statusCode, 404);
    });
  });
}
