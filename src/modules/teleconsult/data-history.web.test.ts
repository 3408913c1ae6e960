// "Historial de datos": every path that changes a patient's data writes who changed what (staff record edit,
// the patient's Mis datos, the web account desk); reception and admins read it on the record and through the
// API, each read audited; professionals do not; a merge takes the duplicate's history and token rows along.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { auditTrail } from '../../../test/support/audit-log.js';
import { insertPatient } from '../../../test/support/factories.js';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { location, WebClient } from '../../../test/support/web-client.js';
import { isoUtc } from '../../platform/time/zone.js';
import { portalPatient, seeded } from './profile-check.test-helpers.js';
import { patientTokenSecret } from './token-secret.js';

for (const dialect of testDialects()) {
  describe(`historial de datos del paciente (${dialect})`, () => {
    let t: TestApp;
    let seed: Awaited<ReturnType<typeof seeded>>;
    let reception: WebClient;
    const db = () => t.ctx.database.db;
    const changes = (patientId: number) =>
      db().selectFrom('patientDataChanges').selectAll().where('patientId', '=', patientId).orderBy('id').execute();

    before(async () => {
      t = await buildTestApp(dialect);
      seed = await seeded(t);
      reception = await WebClient.newStaff(t.app, t.ctx, { username: 'recepcion', role: 'reception' });
    });
    after(() => t.close());

    test('the staff record edit writes a row per changed field with the staff member; the Plan field is saved', async () => {
      const patient = await insertPatient(db(), { insurerId: seed.osde.id });
      await reception.get(`/staff/pacientes/${patient.id}`);
      assert.match(reception.html, /<label for="f-insurancePlan">Plan<\/label>/);
      const res = await reception.post(`/staff/pacientes/${patient.id}`, {
        dni: patient.dni,
        lastName: patient.lastName,
        firstName: 'Ana',
        sex: 'F',
        birthDate: '1980-05-04',
        email: patient.email ?? '',
        mobile: '+5491112345678',
        address: '',
        insurerId: String(seed.osde.id),
        memberNumber: '123/4',
        insurancePlan: 'Plan 310',
        dniTramite: '',
      });
      assert.equal(res.statusCode, 303, reception.html);
      const rows = await changes(patient.id);
      assert.deepEqual(
        rows.map((r) => [r.field, r.oldValue, r.newValue]),
        [
          ['first_name', 'Test', 'Ana'],
          ['member_number', '', '123/4'],
          ['insurance_plan', '', 'Plan 310'],
        ],
      );
      assert.ok(rows.every((r) => r.changedByRef.startsWith('usuario:') && r.changedByName !== ''));

      // Too long a plan is refused next to its field, with what was typed kept.
      const long = await reception.post(`/staff/pacientes/${patient.id}`, {
        dni: patient.dni,
        lastName: patient.lastName,
        firstName: 'Ana',
        insurancePlan: 'P'.repeat(61),
      });
      assert.equal(long.statusCode, 400);
      assert.match(reception.html, /máximo 60 caracteres/);
      assert.match(reception.html, new RegExp(`value="${'P'.repeat(61)}"`));
    });

    test("the patient's Mis datos writes rows as the patient", async () => {
      const { patient, client } = await portalPatient(t);
      await client.get('/mis-datos');
      const res = await client.post('/mis-datos', {
        lastName: patient.lastName,
        firstName: patient.firstName,
        sex: 'F',
        birthDate: '04/05/1980',
        mobile: '11 4444-3333',
        address: 'Calle Falsa 123',
        insurerId: String(seed.osde.id),
        memberNumber: '',
      });
      assert.equal(res.statusCode, 303, client.html);
      const rows = await changes(patient.id);
      assert.deepEqual(
        rows.map((r) => [r.field, r.oldValue, r.newValue, r.changedByRef]),
        [
          ['mobile', '+5491112345678', '+5491144443333', `paciente:${patient.id}`],
          ['address', '', 'Calle Falsa 123', `paciente:${patient.id}`],
          ['insurer', '', String(seed.osde.id), `paciente:${patient.id}`],
        ],
      );
    });

    test('reception reads the history on the record and through the API, each read audited; professionals cannot', async () => {
      const { patient, client } = await portalPatient(t);
      await client.get('/mis-datos');
      await client.post('/mis-datos', {
        lastName: patient.lastName,
        firstName: patient.firstName,
        sex: 'F',
        birthDate: '04/05/1980',
        mobile: '11 4444-3333',
        address: 'Calle Falsa 123',
        insurerId: String(seed.osde.id),
        memberNumber: '',
      });
      const page = await reception.get(`/staff/pacientes/${patient.id}/historial`);
      assert.equal(page.statusCode, 200);
      const text = reception.text();
      assert.match(
        reception.html,
        /<a href="\/staff\/pacientes\/\d+\/historial" aria-current="page">Historial de datos<\/a>/,
      );
      assert.match(text, /Domicilio \(vacío\) Calle Falsa 123 El paciente/);
      assert.match(text, /Obra social \(vacío\) OSDE/);
      assert.ok((await auditTrail(db(), patient.id)).includes('patient.data_history'));

      const headers = await t.auth('reception');
      const api = await t.app.inject({ url: `/api/v1/patients/${patient.id}/data-changes`, headers });
      assert.equal(api.statusCode, 200, api.body);
      const body = api.json();
      assert.equal(body.total, 3);
      assert.deepEqual(body.items.map((i: { field: string }) => i.field).sort(), ['address', 'insurer', 'mobile']);
      assert.equal(body.items[0].changedByRef, `paciente:${patient.id}`);
      const reads = (await auditTrail(db(), patient.id)).filter((a) => a === 'patient.data_history');
      assert.equal(reads.length, 2);

      const pro = await t.auth('professional', seed.gonzalez.id);
      const refused = await t.app.inject({ url: `/api/v1/patients/${patient.id}/data-changes`, headers: pro });
      assert.equal(refused.statusCode, 403);
      const missing = await t.app.inject({ url: '/api/v1/patients/999999/data-changes', headers });
      assert.equal(missing.statusCode, 404);
      const professional = await WebClient.newStaff(t.app, t.ctx, {
        username: 'medico',
        role: 'professional',
        professionalId: seed.gonzalez.id,
      });
      const denied = await professional.get(`/staff/pacientes/${patient.id}/historial`);
      assert.equal(denied.statusCode, 403);
      const anonymous = new WebClient(t.app);
      assert.match(location(await anonymous.get(`/staff/pacientes/${patient.id}/historial`)) ?? '', /ingresar/);
    });

    test("a merge moves the duplicate's history, series, conformities and failures; its token secret goes", async () => {
      const keep = await insertPatient(db());
      const drop = await insertPatient(db());
      const now = isoUtc(t.clock.now());
      await patientTokenSecret(t.ctx, keep.id);
      await patientTokenSecret(t.ctx, drop.id);
      await db()
        .insertInto('patientDataChanges')
        .values({
          patientId: drop.id,
          field: 'mobile',
          oldValue: '',
          newValue: '+5491112345678',
          changedAt: now,
          changedByRef: 'usuario:1',
          changedByName: 'Recepción',
        })
        .execute();
      const series = await db()
        .insertInto('tokenSeries')
        .values({ patientId: drop.id, codeCount: 1, validUntil: '2027-01-01', createdAt: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      const conformity = (patientId: number, counter: number) => ({
        patientId,
        codeKind: 'dynamic' as const,
        totpCounter: counter,
        verifiedAt: now,
        verifiedByRef: 'usuario:1',
        verifiedByName: 'Dra. X',
        via: 'staff' as const,
      });
      // Both records used the same time step: the moved conformity keeps its time, not its step.
      await db()
        .insertInto('teleconsultConformities')
        .values([conformity(keep.id, 500), conformity(drop.id, 500)])
        .execute();
      await db().insertInto('teleconsultConformities').values(conformity(drop.id, 501)).execute();
      await db()
        .insertInto('tokenFailures')
        .values({
          patientId: drop.id,
          dni: drop.dni,
          reason: 'invalid',
          at: now,
          actorRef: 'usuario:1',
          actorName: 'X',
        })
        .execute();

      await reception.get(`/staff/pacientes/${keep.id}/fusionar?dni=${drop.dni}`);
      const res = await reception.post(`/staff/pacientes/${keep.id}/fusionar`, { dropId: String(drop.id) });
      assert.equal(res.statusCode, 303, reception.html);

      const owner = async (table: 'tokenSeries' | 'tokenFailures' | 'patientDataChanges' | 'teleconsultConformities') =>
        (await db().selectFrom(table).select('patientId').where('patientId', 'in', [keep.id, drop.id]).execute()).map(
          (r) => r.patientId,
        );
      assert.deepEqual(await owner('tokenSeries'), [keep.id]);
      // Its codes were keyed to the duplicate: the sheet shows as revoked rather than failing code by code.
      const moved = await db().selectFrom('tokenSeries').select('revokedAt').where('patientId', '=', keep.id).execute();
      assert.ok(moved.every((s) => s.revokedAt !== null));
      assert.deepEqual(await owner('tokenFailures'), [keep.id]);
      assert.ok((await owner('patientDataChanges')).every((id) => id === keep.id));
      assert.deepEqual(await owner('teleconsultConformities'), [keep.id, keep.id, keep.id]);
      const steps = await db()
        .selectFrom('teleconsultConformities')
        .select('totpCounter')
        .where('patientId', '=', keep.id)
        .orderBy('id')
        .execute();
      assert.deepEqual(
        steps.map((s) => s.totpCounter),
        [500, null, 501],
      );
      const secrets = await db()
        .selectFrom('patientTokenSecrets')
        .select('patientId')
        .where('patientId', 'in', [keep.id, drop.id])
        .execute();
      assert.deepEqual(
        secrets.map((s) => s.patientId),
        [keep.id],
      );
      assert.ok(series.id > 0);
    });
  });
}
