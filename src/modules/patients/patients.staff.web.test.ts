// /staff/pacientes: search, create, edit and merge, with the audit trail each leaves.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { auditTrail } from '../../../test/support/audit-log.js';
import { insertPatient, insertStaffUser } from '../../../test/support/factories.js';
import { buildSeededApp, type Seed } from '../../../test/support/seeded-app.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { location, WebClient } from '../../../test/support/web-client.js';
import { withAccount } from './accounts.test-helpers.js';

for (const dialect of testDialects()) {
  describe(`staff patient register (${dialect})`, () => {
    let t: TestApp;
    let seed: Seed;
    let desk: WebClient;
    let userId: number;
    before(async () => {
      ({ t, seed } = await buildSeededApp(dialect));
      userId = (await insertStaffUser(t.ctx.database.db, { username: 'mesa', role: 'reception' })).id;
      desk = await WebClient.loggedInStaff(t.app, t.ctx, userId);
    });
    after(() => t.close());

    const auditActions = (patientId: number) => auditTrail(t.ctx.database.db, patientId, `usuario:${userId}`);

    test('reception creates a patient, errors name their field and keep what was typed', async () => {
      await desk.get('/staff/pacientes/nuevo?dni=30.555.111');
      assert.match(desk.html, /value="30.555.111"/);
      const bad = await desk.post('/staff/pacientes/nuevo', {
        dni: '30.555.111',
        lastName: 'Núñez',
        firstName: 'Rosa',
        mobile: '123',
      });
      assert.equal(bad.statusCode, 400);
      assert.match(desk.text(), /Celular ?: no es un celular válido/);
      assert.match(desk.html, /value="Núñez"/);
      const ok = await desk.post('/staff/pacientes/nuevo', {
        dni: '30.555.111',
        lastName: 'Núñez',
        firstName: 'Rosa',
        mobile: '11 4444-5555',
        insurerId: String(seed.osde.id),
      });
      assert.match(location(ok), /^\/staff\/pacientes\/\d+\?ok=creado$/);
      await desk.follow(ok);
      assert.match(desk.text(), /Paciente creado/);
      const again = await desk.post('/staff/pacientes/nuevo', {
        dni: '30555111',
        lastName: 'Otra',
        firstName: 'Persona',
      });
      assert.equal(again.statusCode, 409);
      assert.match(desk.text(), /Ya hay un paciente con el DNI 30555111/);
    });

    test('search by DNI (with dots) or by last name without accents finds the record; changes are saved', async () => {
      await desk.get('/staff/pacientes?q=30.555.111');
      assert.match(desk.text(), /1 paciente .*Núñez, Rosa 30555111/);
      await desk.get('/staff/pacientes?q=nunez');
      assert.match(desk.text(), /Núñez, Rosa/);
      const id = Number(/\/staff\/pacientes\/(\d+)/.exec(desk.html)?.[1]);
      await desk.get(`/staff/pacientes/${id}`);
      const saved = await desk.post(`/staff/pacientes/${id}`, {
        dni: '30555111',
        lastName: 'Núñez',
        firstName: 'Rosa María',
        mobile: '11 4444-5555',
        email: 'rosa@example.com',
      });
      assert.equal(location(saved), `/staff/pacientes/${id}?ok=guardado`);
      await desk.follow(saved);
      assert.match(desk.html, /value="Rosa María"/);
      // The record page reads the patient and their turnos at once, so those two rows come in either order.
      assert.deepEqual((await auditActions(id)).sort(), [
        'appointment.list',
        'appointment.list',
        'appointment.list',
        'patient.create',
        'patient.read',
        'patient.read',
        'patient.read',
        'patient.update',
      ]);
    });

    test('merging a duplicate moves its turnos and web account, fills empty data, and deletes it', async () => {
      const db = t.ctx.database.db;
      const keep = await insertPatient(db, { dni: '27111222', lastName: 'LOPEZ' });
      await db.updateTable('patients').set({ email: null }).where('id', '=', keep.id).execute();
      const drop = await insertPatient(db, { dni: '27111223', lastName: 'LOPEZ' });
      await withAccount(t, drop.id, 'clave-de-lopez');
      await db
        .insertInto('appointments')
        .values({
          professionalId: seed.gonzalez.id,
          patientId: drop.id,
          specialtyId: seed.cardiology.id,
          startsAt: '2026-11-24T11:00:00.000Z',
          endsAt: '2026-11-24T11:20:00.000Z',
          status: 'reserved',
          origin: 'web',
          typeLabel: 'WEB',
          bookedAt: '2026-11-20T10:00:00.000Z',
          bookedBy: 'WEB',
          updatedAt: '2026-11-20T10:00:00.000Z',
        })
        .execute();
      // What the portal holds for the duplicate: an uploaded document and an invoice (it cannot be deleted).
      const at = '2026-11-20T10:00:00.000Z';
      await db
        .insertInto('patientDocuments')
        .values({
          patientId: drop.id,
          appointmentId: null,
          source: 'patient',
          category: 'document',
          fileName: 'estudio.pdf',
          mediaType: 'application/pdf',
          sizeBytes: 10,
          sha256: 'x',
          storageKey: 'mergetestkey00000000',
          uploadedByRef: 'patient',
          uploadedByName: 'LOPEZ',
          createdAt: at,
        })
        .execute();
      await db
        .insertInto('invoices')
        .values({
          number: 9001,
          patientId: drop.id,
          appointmentId: null,
          issuedOn: '2026-11-20',
          customerName: 'LOPEZ, Test',
          customerDni: '27111223',
          insurerId: null,
          insurerCents: 0,
          patientCents: 1000,
          totalCents: 1000,
          status: 'due',
          paidAt: null,
          createdByRef: 'staff:1',
          createdByName: 'Recepción',
          createdAt: at,
          updatedAt: at,
        })
        .execute();

      await desk.get(`/staff/pacientes/${keep.id}`);
      const missing = await desk.get(`/staff/pacientes/${keep.id}/fusionar?dni=99999999`);
      assert.equal(missing.statusCode, 400);
      assert.match(desk.text(), /No hay ningún paciente con DNI 99999999/);
      await desk.get(`/staff/pacientes/${keep.id}/fusionar?dni=27.111.223`);
      assert.match(desk.text(), /Se conserva LOPEZ, Test \(DNI 27111222\)/);
      assert.match(desk.text(), /Turnos\s+0\s+1\b/, 'each record counts its turnos');
      const merged = await desk.post(`/staff/pacientes/${keep.id}/fusionar`, { dropId: String(drop.id) });
      assert.equal(location(merged), `/staff/pacientes/${keep.id}?ok=fusionado&turnos=1`);

      assert.equal(
        await db.selectFrom('patients').select('id').where('id', '=', drop.id).executeTakeFirst(),
        undefined,
      );
      const moved = await db
        .selectFrom('appointments')
        .select('patientId')
        .where('startsAt', '=', '2026-11-24T11:00:00.000Z')
        .executeTakeFirstOrThrow();
      assert.equal(moved.patientId, keep.id);
      const account = await db
        .selectFrom('webAccounts')
        .select('patientId')
        .where('patientId', '=', keep.id)
        .executeTakeFirst();
      assert.ok(account, 'the web account moved to the kept record');
      const portalRows = await Promise.all(
        (['patientDocuments', 'invoices'] as const).map((table) =>
          db.selectFrom(table).select('patientId').executeTakeFirstOrThrow(),
        ),
      );
      assert.deepEqual(
        portalRows.map((r) => r.patientId),
        [keep.id, keep.id],
        "the duplicate's document and invoice are the kept record's now",
      );
      const kept = await db.selectFrom('patients').select('email').where('id', '=', keep.id).executeTakeFirstOrThrow();
      assert.equal(kept.email, drop.email, 'the empty e-mail was filled from the duplicate');
      assert.ok((await auditActions(keep.id)).includes('patient.merge'));
    });

    const mergeDetail = async (keepId: number) =>
      (
        await t.ctx.database.db
          .selectFrom('auditLog')
          .select('detail')
          .where('patientId', '=', keepId)
          .where('action', '=', 'patient.merge')
          .executeTakeFirstOrThrow()
      ).detail;

    test('merging a disabled duplicate with a web account into a clean record keeps the person disabled', async () => {
      const db = t.ctx.database.db;
      const keep = await insertPatient(db, { dni: '27333444', lastName: 'RUIZ' });
      const drop = await insertPatient(db, {
        dni: '27333445',
        lastName: 'RUIZ',
        disabled: true,
        disabledNote: 'Faltó a tres turnos',
      });
      await withAccount(t, drop.id, 'clave-de-ruiz');

      await desk.get(`/staff/pacientes/${keep.id}`);
      assert.match(desk.text(), /y su usuario web también si esta ficha no tiene uno/);
      await desk.get(`/staff/pacientes/${keep.id}/fusionar?dni=27333445`);
      assert.match(desk.text(), /Usuario web no sí/);
      assert.match(desk.text(), /El usuario web del registro que se borra pasa al que se conserva/);
      assert.match(desk.text(), /el que se conserva queda deshabilitado/);
      const merged = await desk.post(`/staff/pacientes/${keep.id}/fusionar`, { dropId: String(drop.id) });
      assert.equal(merged.statusCode, 303);

      const kept = await db
        .selectFrom('patients')
        .select(['disabled', 'disabledNote'])
        .where('id', '=', keep.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(kept, { disabled: 1, disabledNote: 'Faltó a tres turnos' });
      const account = await db
        .selectFrom('webAccounts')
        .select('patientId')
        .where('patientId', '=', keep.id)
        .executeTakeFirst();
      assert.ok(account, 'the web account moved, and with it the block');
      const detail = await mergeDetail(keep.id);
      assert.match(detail, /deshabilitado como el duplicado/);
      assert.match(detail, /usuario web movido/);
    });

    test('when both records have a web account the page says the duplicate’s is deleted, and the log says so', async () => {
      const db = t.ctx.database.db;
      const keep = await insertPatient(db, {
        dni: '27555666',
        lastName: 'DIAZ',
        disabled: true,
        disabledNote: 'Deuda',
      });
      const drop = await insertPatient(db, {
        dni: '27555667',
        lastName: 'DIAZ',
        disabled: true,
        disabledNote: 'Sin credencial',
      });
      await withAccount(t, keep.id, 'clave-de-diaz-1');
      await withAccount(t, drop.id, 'clave-de-diaz-2');

      await desk.get(`/staff/pacientes/${keep.id}/fusionar?dni=27555667`);
      assert.match(desk.text(), /Usuario web sí sí/);
      assert.match(
        desk.text(),
        /Los dos registros tienen usuario web: queda el del registro que se conserva, y el usuario web del duplicado se borra con él/,
      );
      await desk.post(`/staff/pacientes/${keep.id}/fusionar`, { dropId: String(drop.id) });

      const accounts = await db
        .selectFrom('webAccounts')
        .select('patientId')
        .where('patientId', 'in', [keep.id, drop.id])
        .execute();
      assert.deepEqual(accounts, [{ patientId: keep.id }], "the kept record's account stays, the other is gone");
      const kept = await db
        .selectFrom('patients')
        .select(['disabled', 'disabledNote'])
        .where('id', '=', keep.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(kept, { disabled: 1, disabledNote: 'Deuda; Sin credencial' });
      const detail = await mergeDetail(keep.id);
      assert.match(detail, /usuario web del duplicado borrado/);
      assert.doesNotMatch(detail, /usuario web movido/);
    });

    test('professionals do not browse the register', async () => {
      const pro = await WebClient.newStaff(t.app, t.ctx, {
        username: 'medico',
        role: 'professional',
        professionalId: seed.gonzalez.id,
      });
      assert.equal((await pro.get('/staff/pacientes?q=lopez')).statusCode, 403);
    });
  });
}
