// Documentos del paciente from the patient's side: upload, refusals that keep what was typed, view and download
// headers, deleting one's own, and nobody reaching another patient's documents.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { location, WebClient } from '../../../test/support/web-client.js';
import type { Patient } from '../../platform/db/schema.js';
import { inputValue } from '../patients/accounts.test-helpers.js';
import { DOCX, EXE, HTML, PDF, PNG, portalPatient } from './documents.test-helpers.js';

for (const dialect of testDialects()) {
  describe(`Documentos del paciente, the patient's pages (${dialect})`, () => {
    let t: TestApp;
    let ana: Patient;
    let beto: Patient;

    before(async () => {
      t = await buildTestApp(dialect);
      ana = await portalPatient(t.ctx.database.db, { lastName: 'ANA' });
      beto = await portalPatient(t.ctx.database.db, { lastName: 'BETO' });
    });
    after(() => t.close());

    const rows = (patientId: number) =>
      t.ctx.database.db
        .selectFrom('patientDocuments')
        .selectAll()
        .where('patientId', '=', patientId)
        .orderBy('id')
        .execute();

    /** Opens the page and sends the form, as a browser does. */
    async function upload(
      client: WebClient,
      description: string,
      file?: { name: string; type: string; bytes: Buffer },
    ) {
      await client.get('/portal/documentos');
      return client.upload('/portal/documentos', { description }, file ? { file } : {});
    }

    test('a patient uploads a PDF and an image, and sees both, newest first, as theirs', async () => {
      const client = await WebClient.loggedIn(t.app, t.ctx, ana.id);
      const page = await client.get('/portal/documentos');
      assert.equal(page.statusCode, 200);
      assert.match(client.html, /<h1>Documentos del paciente<\/h1>\s*<nav aria-label="Secciones del portal"/);
      assert.match(client.html, /enctype="multipart\/form-data"/);
      assert.match(client.html, /<label for="f-file">Archivo<\/label>/);

      const pdf = await upload(client, 'Análisis de sangre', {
        name: 'análisis.pdf',
        type: 'application/pdf',
        bytes: PDF,
      });
      assert.equal(pdf.statusCode, 303, pdf.body);
      await client.follow(pdf);
      assert.match(client.text(), /Listo: se subió «Análisis de sangre»/);
      const png = await upload(client, 'Foto de la receta', { name: 'receta.png', type: 'image/png', bytes: PNG });
      assert.equal(png.statusCode, 303, png.body);
      await client.follow(png);

      const text = client.text();
      assert.ok(text.indexOf('Foto de la receta') < text.indexOf('Análisis de sangre'), 'newest first');
      assert.match(text, /Sin turno asociado/);
      assert.match(
        text,
        /Foto de la receta Tipo Imagen Fecha 23\/11\/2026 09:00 Subido por Vos Archivo receta\.png · PNG · 1 KB/,
      );
      assert.match(text, /Análisis de sangre Tipo Documento .* Subido por Vos Archivo análisis\.pdf · PDF · 1 KB/);

      const [first, second] = await rows(ana.id);
      assert.ok(first && second);
      assert.equal(first.source, 'patient');
      assert.equal(first.category, 'document');
      assert.equal(first.mediaType, 'application/pdf');
      assert.equal(Number(first.sizeBytes), PDF.length);
      assert.match(first.sha256, /^[0-9a-f]{64}$/);
      assert.equal(first.uploadedByName, `ANA, ${ana.firstName}`);
      assert.equal(second.category, 'image');
      assert.deepEqual(await t.ctx.files.get(first.storageKey), PDF, 'the bytes are in the file store');
      assert.match(client.html, new RegExp(`href="/portal/documentos/${first.id}/ver"`));
      assert.match(client.html, new RegExp(`href="/portal/documentos/${first.id}/descargar"`));
    });

    test('preview opens inline, sandboxed and not sniffed; download is an attachment with a safe name', async () => {
      const client = await WebClient.loggedIn(t.app, t.ctx, ana.id);
      const [pdf, png] = await rows(ana.id);
      assert.ok(pdf && png);
      const view = await client.get(`/portal/documentos/${png.id}/ver`);
      assert.equal(view.statusCode, 200);
      assert.equal(view.headers['content-type'], 'image/png');
      assert.equal(view.headers['content-disposition'], `inline; filename="receta.png"; filename*=UTF-8''receta.png`);
      assert.equal(view.headers['x-content-type-options'], 'nosniff');
      assert.equal(view.headers['content-security-policy'], 'sandbox');
      assert.match(String(view.headers['cache-control']), /no-store/);
      assert.deepEqual(view.rawPayload, PNG);

      const download = await client.get(`/portal/documentos/${pdf.id}/descargar`);
      assert.equal(download.statusCode, 200);
      assert.equal(download.headers['content-type'], 'application/pdf');
      assert.equal(
        download.headers['content-disposition'],
        `attachment; filename="analisis.pdf"; filename*=UTF-8''an%C3%A1lisis.pdf`,
      );
      assert.equal(download.headers['content-security-policy'], 'sandbox');
      assert.deepEqual(download.rawPayload, PDF);
    });

    test('a file that lies about its type is refused, saying what it claims and what it is; the description stays', async () => {
      const client = await WebClient.loggedIn(t.app, t.ctx, beto.id);
      const cases = [
        {
          name: 'informe.pdf',
          bytes: PNG,
          says: /«informe\.pdf» dice ser un PDF, pero su contenido es una imagen PNG\./,
        },
        {
          name: 'informe.pdf',
          bytes: HTML,
          says: /«informe\.pdf» dice ser un PDF, pero su contenido no es un PDF \(parece una página web HTML\)\./,
        },
        {
          name: 'foto.jpg',
          bytes: EXE,
          says: /dice ser una imagen JPEG, pero su contenido no es una imagen JPEG \(parece un programa ejecutable\)/,
        },
      ];
      for (const c of cases) {
        const res = await upload(client, 'Estudio de marzo', { name: c.name, type: 'application/pdf', bytes: c.bytes });
        assert.equal(res.statusCode, 422, c.name);
        assert.match(client.text(), c.says);
        assert.match(client.html, /role="alert"/);
        assert.match(client.html, /id="f-file"[^>]*aria-invalid="true"/);
        assert.equal(inputValue(client.html, 'description'), 'Estudio de marzo');
        assert.match(client.text(), /elegilo de nuevo/);
      }
      const docx = await upload(client, 'Notas', { name: 'notas.docx', type: 'application/msword', bytes: DOCX });
      assert.equal(docx.statusCode, 422);
      assert.match(client.text(), /«notas\.docx» no es de un tipo que el centro acepte: subí un PDF o una imagen/);
      assert.deepEqual(await rows(beto.id), [], 'nothing was stored');
    });

    test('no file, or no description, is said on its field; nothing typed is lost', async () => {
      const client = await WebClient.loggedIn(t.app, t.ctx, beto.id);
      const none = await upload(client, 'Radiografía de tórax');
      assert.equal(none.statusCode, 400);
      assert.match(client.text(), /Archivo : Elegí el archivo que querés subir\./);
      assert.equal(inputValue(client.html, 'description'), 'Radiografía de tórax');

      const blank = await upload(client, '   ', { name: 'rx.png', type: 'image/png', bytes: PNG });
      assert.equal(blank.statusCode, 400);
      assert.match(client.text(), /Descripción : Escribí una descripción\./);
      assert.match(client.html, /id="f-description"[^>]*aria-invalid="true"/);
      assert.deepEqual(await rows(beto.id), []);
    });

    test("another patient's document answers 404 like a missing one, and cannot be deleted", async () => {
      const [anas] = await rows(ana.id);
      assert.ok(anas);
      const client = await WebClient.loggedIn(t.app, t.ctx, beto.id);
      for (const url of ['ver', 'descargar', 'borrar'].map((s) => `/portal/documentos/${anas.id}/${s}`)) {
        assert.equal((await client.get(url)).statusCode, 404, url);
      }
      await client.get('/portal/documentos');
      assert.equal((await client.post(`/portal/documentos/${anas.id}/borrar`)).statusCode, 404);
      assert.equal((await client.get('/portal/documentos/999999/ver')).statusCode, 404);
      assert.equal((await rows(ana.id)).length, 2, "ana's documents are all there");
    });

    test('without a session every page sends to log in', async () => {
      const [anas] = await rows(ana.id);
      assert.ok(anas);
      const client = new WebClient(t.app);
      for (const url of [
        '/portal/documentos',
        `/portal/documentos/${anas.id}/ver`,
        `/portal/documentos/${anas.id}/descargar`,
      ]) {
        const res = await client.get(url);
        assert.equal(res.statusCode, 303, url);
        assert.equal(location(res), `/ingresar?${new URLSearchParams({ volver: url })}`);
      }
    });

    test('a patient whose portal the center has not enabled is told so', async () => {
      const carla = await portalPatient(t.ctx.database.db, { lastName: 'CARLA', enabled: false });
      const client = await WebClient.loggedIn(t.app, t.ctx, carla.id);
      const res = await client.get('/portal/documentos');
      assert.equal(res.statusCode, 403);
      assert.match(client.text(), /El centro todavía no habilitó tu portal del paciente/);
      const [anas] = await rows(ana.id);
      assert.equal((await client.get(`/portal/documentos/${anas?.id}/ver`)).statusCode, 403);
    });

    test('the patient deletes their own upload after confirming; the file goes too', async () => {
      const client = await WebClient.loggedIn(t.app, t.ctx, ana.id);
      const [pdf] = await rows(ana.id);
      assert.ok(pdf);
      const confirm = await client.get(`/portal/documentos/${pdf.id}/borrar`);
      assert.equal(confirm.statusCode, 200);
      assert.match(client.text(), /¿Borrás «Análisis de sangre»\? No se puede deshacer\./);
      const done = await client.post(`/portal/documentos/${pdf.id}/borrar`);
      assert.equal(location(done), '/portal/documentos?hecho=borrado');
      await client.follow(done);
      assert.match(client.text(), /Se borró el documento\./);
      assert.equal((await rows(ana.id)).length, 1);
      assert.equal(await t.ctx.files.get(pdf.storageKey), null);
    });
  });

  describe(`Documentos del paciente, the size limit (${dialect})`, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(dialect, { web: { uploadMaxBytes: 1024 * 1024 } });
    });
    after(() => t.close());

    test('a file over the limit is refused with its size and the maximum; the description stays', async () => {
      const patient = await portalPatient(t.ctx.database.db);
      const client = await WebClient.loggedIn(t.app, t.ctx, patient.id);
      await client.get('/portal/documentos');
      assert.match(client.text(), /de hasta 1 MB/);
      const big = Buffer.concat([PDF, Buffer.alloc(1.5 * 1024 * 1024, 0x20)]);
      const res = await client.upload(
        '/portal/documentos',
        { description: 'Tomografía completa' },
        { file: { name: 'tomografia.pdf', type: 'application/pdf', bytes: big } },
      );
      assert.equal(res.statusCode, 413);
      assert.match(client.text(), /El archivo pesa 1,5 MB; el máximo es 1 MB\./);
      assert.equal(inputValue(client.html, 'description'), 'Tomografía completa');
      const stored = await t.ctx.database.db.selectFrom('patientDocuments').select('id').execute();
      assert.deepEqual(stored, []);
    });
  });
}
