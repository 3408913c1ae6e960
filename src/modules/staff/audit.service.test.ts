// The audit log records staff access with who, what, patient, when and where, and nobody can rewrite it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertPatient } from '../../../test/support/factories.js';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import type { StaffActor } from './actor.js';
import { audit, readAuditLog } from './audit.service.js';

const reception: StaffActor = {
  kind: 'staff',
  ref: 'usuario:7',
  name: 'Marta Recepción',
  role: 'reception',
  professionalId: null,
  ip: '10.0.0.8',
};
const admin: StaffActor = { ...reception, ref: 'usuario:1', name: 'Admin', role: 'admin' };

for (const dialect of testDialects()) {
  describe(`audit log (${dialect})`, () => {
    let t: TestApp;
    let patientId: number;
    before(async () => {
      t = await buildTestApp(dialect);
      patientId = (await insertPatient(t.ctx.database.db)).id;
    });
    after(() => t.close());

    test('a staff action is recorded with who, what, which patient, when and from where', async () => {
      await audit(t.ctx, reception, { action: 'patient.read', patientId, detail: 'ficha' });
      const [entry] = await readAuditLog(t.ctx, { actor: admin, filter: { patientId, limit: 10, offset: 0 } });
      assert.equal(entry?.actorRef, 'usuario:7');
      assert.equal(entry?.actorName, 'Marta Recepción');
      assert.equal(entry?.action, 'patient.read');
      assert.equal(entry?.ip, '10.0.0.8');
      assert.equal(Date.parse(entry?.at ?? ''), t.clock.now());
    });

    test("a patient's own actions are not staff access and leave no row", async () => {
      const before = await readAuditLog(t.ctx, { actor: admin, filter: { limit: 100, offset: 0 } });
      await audit(t.ctx, { kind: 'patient', patientId }, { action: 'patient.update', patientId });
      const afterRows = await readAuditLog(t.ctx, { actor: admin, filter: { limit: 100, offset: 0 } });
      assert.equal(afterRows.length, before.length);
    });

    test('rows cannot be changed or deleted, not even by the application', async () => {
      const db = t.ctx.database.db;
      // A row of its own: on an empty table the statements would touch nothing and refuse nothing.
      await audit(t.ctx, reception, { action: 'patient.read', patientId, detail: 'intento de borrar' });
      await assert.rejects(db.updateTable('auditLog').set({ actorName: 'otro' }).execute(), /append-only/);
      await assert.rejects(db.deleteFrom('auditLog').execute(), /append-only/);
      const rows = await readAuditLog(t.ctx, { actor: admin, filter: { limit: 100, offset: 0 } });
      assert.ok(rows.every((r) => r.actorName !== 'otro') && rows.length > 0);
    });

    test('only admins read the log', async () => {
      await assert.rejects(readAuditLog(t.ctx, { actor: reception, filter: { limit: 1, offset: 0 } }), {
        code: 'FORBIDDEN',
      });
    });
  });
}
