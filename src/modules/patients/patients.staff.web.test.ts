// /staff/pacientes: search, create, edit and merge, with the audit trail each leaves.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertPatient, insertStaffUser } from '../../../test/support/factories.js';
import { buildSeededApp, type Seed } from '../../../test/support/seeded-app.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { WebClient } from '../../../test/support/web-client.js';
import { withAccount } from './accounts.test-helpers.js';

const location = (r: { headers: Record<string, unknown> }) => String(r.headers.location ?? '');

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

    const auditActions = async (patientId: number) =>
      (
        await t.ctx.database.db
          .selectFrom('auditLog')
          .select('action')
          .where('patientId', '=', patientId)
          .where('actorRef', '=', `usuario:${userId}`)
          .orderBy('id')
          .execute()
      ).map((r) => r.action);

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

      await desk.get(`/staff/pacientes/${keep.id}`);
      const missing = await desk.get(`/staff/pacientes/${keep.id}/fusionar?dni=99999999`);
      assert.equal(missing.statusCode, 400);
      assert.match(desk.text(), /No hay ningún paciente con DNI 99999999/);
      await desk.get(`/staff/pacientes/${keep.id}/fusionar?dni=27.111.223`);
      assert.match(desk.text(), /Se conserva LOPEZ, Test \(DNI 27111222\)/);
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
      const kept = await db.selectFrom('patients').select('email').where('id', '=', keep.id).executeTakeFirstOrThrow();
      assert.equal(kept.email, drop.email, 'the empty e-mail was filled from the duplicate');
      assert.ok((await auditActions(keep.id)).includes('patient.merge'));
    });

    test('professionals do not browse the register', async () => {
      const proUser = await insertStaffUser(t.ctx.database.db, {
        username: 'medico',
        role: 'professional',
        professionalId: seed.gonzalez.id,
      });
      const pro = await WebClient.loggedInStaff(t.app, t.ctx, proUser.id);
      assert.equal((await pro.get('/staff/pacientes?q=lopez')).statusCode, 403);
    });
  });
}
