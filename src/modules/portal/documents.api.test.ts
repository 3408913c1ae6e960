// /api/v1/me/documents with the patient's session: list, content, upload in base64 (type read from the bytes),
// delete one's own; 401 without a session, 404 for another patient's ids, 403 without the portal.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertStaffUser } from '../../../test/support/factories.js';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { WebClient } from '../../../test/support/web-client.js';
import type { Patient } from '../../platform/db/schema.js';
import { HTML, PDF, PNG, portalPatient } from './documents.test-helpers.js';

for (const dialect of testDialects()) {
  describe(`/api/v1/me/documents (${dialect})`, () => {
    let t: TestApp;
    let ana: Patient;
    let beto: Patient;
    let anaCookie: string;
    let betoCookie: string;
    let centerDocument: number;

    const cookieOf = async (patientId: number) => {
      const client = await WebClient.loggedIn(t.app, t.ctx, patientId);
      return [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    };
    const call = (cookie: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
      t.app.inject({
        method,
        url: `/api/v1${url}`,
        headers: cookie ? { cookie } : {},
        ...(payload ? { payload } : {}),
      });
    const post = (cookie: string, fileName: string, bytes: Buffer, description = 'Estudio') =>
      call(cookie, 'POST', '/me/documents', { description, fileName, contentBase64: bytes.toString('base64') });

    before(async () => {
      t = await buildTestApp(dialect, { web: { uploadMaxBytes: 64 * 1024 } });
      ana = await portalPatient(t.ctx.database.db, { lastName: 'ANA' });
      beto = await portalPatient(t.ctx.database.db, { lastName: 'BETO' });
      anaCookie = await cookieOf(ana.id);
      betoCookie = await cookieOf(beto.id);
      // A report the center uploaded for ana, straight through the back office.
      const user = await insertStaffUser(t.ctx.database.db, { username: 'admin', role: 'admin' });
      const desk = await WebClient.loggedInStaff(t.app, t.ctx, user.id);
      await desk.get(`/staff/pacientes/${ana.id}/documentos`);
      const res = await desk.upload(
        `/staff/pacientes/${ana.id}/documentos`,
        { category: 'report', turno: '', description: 'Informe del centro' },
        { file: { name: 'informe.pdf', type: 'application/pdf', bytes: PDF } },
      );
      assert.equal(res.statusCode, 303, res.body);
      centerDocument = (await t.ctx.database.db.selectFrom('patientDocuments').select('id').executeTakeFirstOrThrow())
        .id;
    });
    after(() => t.close());

    test('without a session every endpoint answers 401', async () => {
      for (const [method, url] of [
        ['GET', '/me/documents'],
        ['GET', `/me/documents/${centerDocument}/content`],
        ['DELETE', `/me/documents/${centerDocument}`],
      ] as const) {
        const res = await call('', method, url);
        assert.equal(res.statusCode, 401, url);
        assert.equal(res.json().error.code, 'UNAUTHENTICATED');
      }
      const upload = await post('', 'a.pdf', PDF);
      assert.equal(upload.statusCode, 401);
    });

    test('upload in base64: stored with the type read from the bytes, listed, served back', async () => {
      const res = await post(anaCookie, 'Ecografía.png', PNG, 'Ecografía de abdomen');
      assert.equal(res.statusCode, 201, res.body);
      const created = res.json();
      assert.equal(created.category, 'image');
      assert.equal(created.mediaType, 'image/png');
      assert.equal(created.source, 'patient');
      assert.equal(created.canDelete, true);
      assert.equal(created.sizeBytes, PNG.length);
      assert.equal(created.appointment, null);

      const list = await call(anaCookie, 'GET', '/me/documents');
      assert.equal(list.statusCode, 200);
      assert.deepEqual(
        list
          .json()
          .map((d: { description: string; source: string; canDelete: boolean }) => [
            d.description,
            d.source,
            d.canDelete,
          ]),
        [
          ['Ecografía de abdomen', 'patient', true],
          ['Informe del centro', 'center', false],
        ],
      );
      assert.ok(!('storageKey' in list.json()[0]), 'where the file is kept is not said');

      const content = await call(anaCookie, 'GET', created.contentUrl.replace('/api/v1', ''));
      assert.equal(content.statusCode, 200);
      assert.equal(content.headers['content-type'], 'image/png');
      assert.match(String(content.headers['content-disposition']), /^inline; /);
      assert.equal(content.headers['content-security-policy'], 'sandbox');
      assert.equal(content.headers['x-content-type-options'], 'nosniff');
      assert.deepEqual(content.rawPayload, PNG);
      const download = await call(anaCookie, 'GET', `/me/documents/${created.id}/content?download=1`);
      assert.equal(
        download.headers['content-disposition'],
        `attachment; filename="Ecografia.png"; filename*=UTF-8''Ecograf%C3%ADa.png`,
      );
    });

    test('a file that lies about its type, one over the limit, and a missing description are refused', async () => {
      const lying = await post(anaCookie, 'informe.pdf', HTML);
      assert.equal(lying.statusCode, 422);
      assert.equal(lying.json().error.code, 'FILE_CONTENT_MISMATCH');
      assert.match(
        lying.json().error.message,
        /«informe\.pdf» dice ser un PDF, pero su contenido no es un PDF \(parece una página web HTML\)/,
      );
      const png = await post(anaCookie, 'informe.pdf', PNG);
      assert.match(png.json().error.message, /su contenido es una imagen PNG/);

      const big = await post(anaCookie, 'grande.pdf', Buffer.concat([PDF, Buffer.alloc(70 * 1024)]));
      assert.equal(big.statusCode, 413);
      assert.equal(big.json().error.code, 'FILE_TOO_LARGE');
      assert.match(big.json().error.message, /El archivo pesa 0,07 MB; el máximo es 0,06 MB\./);

      const blank = await call(anaCookie, 'POST', '/me/documents', {
        description: ' ',
        fileName: 'a.pdf',
        contentBase64: PDF.toString('base64'),
      });
      assert.equal(blank.statusCode, 400);
      assert.match(blank.json().error.message, /«description» es obligatoria/);
      const notBase64 = await call(anaCookie, 'POST', '/me/documents', {
        description: 'x',
        fileName: 'a.pdf',
        contentBase64: '<html>',
      });
      assert.equal(notBase64.statusCode, 400);
      assert.equal((await call(anaCookie, 'GET', '/me/documents')).json().length, 2, 'nothing more was stored');
    });

    test("another patient's document answers 404 for content and delete", async () => {
      for (const [method, url] of [
        ['GET', `/me/documents/${centerDocument}/content`],
        ['DELETE', `/me/documents/${centerDocument}`],
      ] as const) {
        const res = await call(betoCookie, method, url);
        assert.equal(res.statusCode, 404, url);
        assert.equal(res.json().error.code, 'NOT_FOUND');
      }
      assert.deepEqual((await call(betoCookie, 'GET', '/me/documents')).json(), []);
    });

    test("the patient deletes their upload, not the center's", async () => {
      const center = await call(anaCookie, 'DELETE', `/me/documents/${centerDocument}`);
      assert.equal(center.statusCode, 403);
      assert.equal(center.json().error.code, 'DOCUMENT_FROM_CENTER');
      const [mine] = (await call(anaCookie, 'GET', '/me/documents')).json();
      const deleted = await call(anaCookie, 'DELETE', `/me/documents/${mine.id}`);
      assert.equal(deleted.statusCode, 204);
      assert.equal((await call(anaCookie, 'GET', `/me/documents/${mine.id}/content`)).statusCode, 404);
    });

    test('a patient without the portal enabled gets 403 PORTAL_NOT_ENABLED', async () => {
      const carla = await portalPatient(t.ctx.database.db, { lastName: 'CARLA', enabled: false });
      const res = await call(await cookieOf(carla.id), 'GET', '/me/documents');
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().error.code, 'PORTAL_NOT_ENABLED');
    });

    test('the endpoints are documented with their session security', async () => {
      const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
      for (const [path, method] of [
        ['/api/v1/me/documents', 'get'],
        ['/api/v1/me/documents', 'post'],
        ['/api/v1/me/documents/{id}/content', 'get'],
        ['/api/v1/me/documents/{id}', 'delete'],
      ] as const) {
        const operation = spec.paths[path]?.[method];
        assert.ok(operation?.summary, `${method} ${path}`);
        assert.deepEqual(operation.security, [{ session: [] }]);
      }
    });
  });
}
