// When the file store cannot delete (S3 down, a disk error): the store is the second system, so a document or a
// photo that the database already let go of stays gone, and a new photo already saved stays the patient's. What is
// left behind is an orphan file, which costs only space.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertPatient, insertStaffUser } from '../../../test/support/factories.js';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { location, WebClient } from '../../../test/support/web-client.js';
import type { Patient } from '../../platform/db/schema.js';
import { withAccount } from '../patients/accounts.test-helpers.js';
import { PDF, PNG, portalPatient } from './documents.test-helpers.js';

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 7)]);

for (const dialect of testDialects()) {
  describe(`when the file store cannot delete (${dialect})`, () => {
    let t: TestApp;
    let ana: Patient;
    let desk: WebClient;

    before(async () => {
      t = await buildTestApp(dialect);
      ana = await portalPatient(t.ctx.database.db, { lastName: 'ANA' });
      const user = await insertStaffUser(t.ctx.database.db, { username: 'recepcion', role: 'reception' });
      desk = await WebClient.loggedInStaff(t.app, t.ctx, user.id);
    });
    after(() => t.close());

    /** Runs `body` with a store whose every delete fails, as an unreachable bucket's would; counts the calls. */
    async function withFailingDeletes(body: () => Promise<void>): Promise<number> {
      const files = t.ctx.files;
      const original = files.delete;
      let calls = 0;
      files.delete = async () => {
        calls++;
        throw new Error('the store is unreachable');
      };
      try {
        await body();
      } finally {
        files.delete = original;
      }
      return calls;
    }

    const documents = (patientId: number) =>
      t.ctx.database.db
        .selectFrom('patientDocuments')
        .selectAll()
        .where('patientId', '=', patientId)
        .orderBy('id')
        .execute();

    test('the patient deletes their document: the row is gone and the page says so', async () => {
      const client = await WebClient.loggedIn(t.app, t.ctx, ana.id);
      await client.get('/portal/documentos');
      const sent = await client.upload(
        '/portal/documentos',
        { description: 'Receta vieja' },
        { file: { name: 'receta.pdf', type: 'application/pdf', bytes: PDF } },
      );
      assert.equal(sent.statusCode, 303, sent.body);
      const [document] = await documents(ana.id);
      assert.ok(document);
      await client.get(`/portal/documentos/${document.id}/borrar`);

      const calls = await withFailingDeletes(async () => {
        const done = await client.post(`/portal/documentos/${document.id}/borrar`);
        assert.equal(location(done), '/portal/documentos?hecho=borrado');
        await client.follow(done);
      });
      assert.equal(calls, 1, 'the store was asked, after the row went');
      assert.match(client.text(), /Se borró el documento\./);
      assert.doesNotMatch(client.text(), /Receta vieja/);
      assert.deepEqual(await documents(ana.id), []);
      assert.equal((await client.get(`/portal/documentos/${document.id}/ver`)).statusCode, 404);
    });

    test('staff delete a document: the row is gone, the deletion audited, the tab says so', async () => {
      const tab = `/staff/pacientes/${ana.id}/documentos`;
      await desk.get(tab);
      const made = await desk.upload(
        tab,
        { category: 'image', turno: '', description: 'Foto equivocada' },
        { file: { name: 'x.png', type: 'image/png', bytes: PNG } },
      );
      assert.equal(made.statusCode, 303, made.body);
      const [document] = await documents(ana.id);
      assert.ok(document);
      await desk.get(`${tab}/${document.id}/borrar`);

      await withFailingDeletes(async () => {
        const done = await desk.post(`${tab}/${document.id}/borrar`);
        assert.equal(location(done), `${tab}?ok=borrado`);
        await desk.follow(done);
      });
      assert.doesNotMatch(desk.text(), /Foto equivocada/);
      assert.deepEqual(await documents(ana.id), []);
      const audited = await t.ctx.database.db
        .selectFrom('auditLog')
        .select('action')
        .where('action', '=', 'document.delete')
        .where('target', '=', `documento:${document.id}`)
        .execute();
      assert.equal(audited.length, 1);
    });

    test('replacing the photo: the new one is kept and served, even though the old file could not go', async () => {
      const beto = await insertPatient(t.ctx.database.db, { dni: '30999888', lastName: 'BETO' });
      await withAccount(t, beto.id, 'clave de beto');
      await t.ctx.database.db.updateTable('patients').set({ portalEnabled: 1 }).where('id', '=', beto.id).execute();
      const client = await WebClient.loggedIn(t.app, t.ctx, beto.id);
      const photoKey = async () =>
        (
          await t.ctx.database.db
            .selectFrom('webAccounts')
            .select('photoKey')
            .where('patientId', '=', beto.id)
            .executeTakeFirstOrThrow()
        ).photoKey;
      await client.get('/portal/perfil');
      const first = await client.upload(
        '/portal/perfil/foto',
        {},
        { foto: { name: 'a.png', type: 'image/png', bytes: PNG } },
      );
      assert.equal(location(first), '/portal/perfil?ok=foto');
      const oldKey = await photoKey();

      await client.get('/portal/perfil');
      await withFailingDeletes(async () => {
        const second = await client.upload(
          '/portal/perfil/foto',
          {},
          { foto: { name: 'b.jpg', type: 'image/jpeg', bytes: JPEG } },
        );
        assert.equal(location(second), '/portal/perfil?ok=foto');
      });
      const newKey = await photoKey();
      assert.notEqual(newKey, oldKey);
      assert.deepEqual(await t.ctx.files.get(newKey), JPEG, 'the new file is still in the store');
      const served = await client.get('/portal/perfil/foto');
      assert.equal(served.statusCode, 200);
      assert.equal(served.headers['content-type'], 'image/jpeg');
      assert.deepEqual(served.rawPayload, JPEG);

      // Removing it works the same way: the account lets go of it whatever the store says.
      await client.get('/portal/perfil');
      await withFailingDeletes(async () => {
        const removed = await client.post('/portal/perfil/foto/quitar');
        assert.equal(location(removed), '/portal/perfil?ok=foto-quitada');
      });
      assert.equal(await photoKey(), '');
      assert.equal((await client.get('/portal/perfil/foto')).statusCode, 404);
    });
  });
}
