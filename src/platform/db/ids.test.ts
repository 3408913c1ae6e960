// A deleted row never lends its id to the next one: merged patients and deleted turnos keep their audit
// history to themselves (SQLite needs AUTOINCREMENT for that; PostgreSQL's serial never reuses).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertPatient } from '../../../test/support/factories.js';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';

for (const dialect of testDialects()) {
  describe(`ids (${dialect})`, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(dialect);
    });
    after(() => t.close());

    test('the id of the newest patient, once deleted, is not given to the next one', async () => {
      const db = t.ctx.database.db;
      await insertPatient(db);
      const newest = await insertPatient(db);
      await db.deleteFrom('patients').where('id', '=', newest.id).execute();
      const next = await insertPatient(db);
      assert.ok(next.id > newest.id, `${next.id} must be greater than ${newest.id}`);
    });
  });
}
