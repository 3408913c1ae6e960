// The profile photo leaves the server the same way from the Perfil page and from the API: its type from its
// bytes, nosniff, never cached, and a sandboxing CSP (opened on its own, nothing in it runs as this site).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertPatient } from '../../../test/support/factories.js';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { WebClient } from '../../../test/support/web-client.js';
import { withAccount } from '../patients/accounts.test-helpers.js';
import { PNG } from './documents.test-helpers.js';

for (const dialect of testDialects()) {
  describe(`the profile photo's reply (${dialect})`, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(dialect);
    });
    after(() => t.close());

    test('page and API send the photo with the same headers, the sandbox CSP included', async () => {
      const patient = await insertPatient(t.ctx.database.db, { dni: '32111222', lastName: 'FOTO' });
      await withAccount(t, patient.id, 'clave de foto');
      await t.ctx.database.db.updateTable('patients').set({ portalEnabled: 1 }).where('id', '=', patient.id).execute();
      const client = await WebClient.loggedIn(t.app, t.ctx, patient.id);
      await client.get('/portal/perfil');
      const sent = await client.upload(
        '/portal/perfil/foto',
        {},
        { foto: { name: 'a.png', type: 'image/png', bytes: PNG } },
      );
      assert.equal(sent.statusCode, 303);

      const page = await client.get('/portal/perfil/foto');
      const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      const api = await t.app.inject({ method: 'GET', url: '/api/v1/me/profile/photo', headers: { cookie } });
      for (const [name, res] of [
        ['page', page],
        ['API', api],
      ] as const) {
        assert.equal(res.statusCode, 200, name);
        assert.deepEqual(res.rawPayload, PNG, name);
        assert.equal(res.headers['content-type'], 'image/png', name);
        assert.equal(res.headers['content-security-policy'], "default-src 'none'; sandbox", name);
        assert.equal(res.headers['x-content-type-options'], 'nosniff', name);
        assert.equal(res.headers['cache-control'], 'no-store', name);
        assert.equal(res.headers['content-disposition'], 'inline', name);
      }
    });
  });
}
