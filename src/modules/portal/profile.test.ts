// Perfil del usuario through its pages: photo, language, security question, password.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { insertPatient } from '../../../test/support/factories.js';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { location, WebClient } from '../../../test/support/web-client.js';
import type { Patient } from '../../platform/db/schema.js';
import { passwordMatches } from '../patients/accounts.passwords.js';
import { forgetLimits, logIn, withAccount } from '../patients/accounts.test-helpers.js';
import { answerMatches } from './security-answer.js';

/** A real 1×1 PNG, and bytes that only start like a JPEG: the server reads types from the first bytes. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
export const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 7)]);

for (const dialect of testDialects()) {
  describe(`Portal: Perfil del usuario (${dialect})`, () => {
    let t: TestApp;
    let ana: Patient;
    let beto: Patient;
    let carla: Patient;

    const db = () => t.ctx.database.db;
    const account = (id: number) =>
      db().selectFrom('webAccounts').selectAll().where('patientId', '=', id).executeTakeFirstOrThrow();
    const client = async (patient: Patient) => {
      const c = await WebClient.loggedIn(t.app, t.ctx, patient.id);
      await c.get('/portal/perfil');
      return c;
    };
    const uploadPhoto = (c: WebClient, file: { name: string; type: string; bytes: Buffer }) =>
      c.upload('/portal/perfil/foto', {}, { foto: file });

    before(async () => {
      t = await buildTestApp(dialect);
      ana = await insertPatient(db(), { dni: '30111222', lastName: 'ANA' });
      beto = await insertPatient(db(), { dni: '30333444', lastName: 'BETO' });
      carla = await insertPatient(db(), { dni: '30555666', lastName: 'CARLA' });
      for (const [p, password] of [
        [ana, 'clave de ana'],
        [beto, 'clave de beto'],
        [carla, 'clave de carla'],
      ] as const) {
        await withAccount(t, p.id, password);
      }
      await db().updateTable('patients').set({ portalEnabled: 1 }).where('id', 'in', [ana.id, beto.id]).execute();
    });
    after(() => t.close());
    beforeEach(() => forgetLimits(t));

    test('the page shows every part of the profile; its forms have labels', async () => {
      const c = await client(ana);
      assert.match(c.text(), /Perfil del usuario/);
      assert.match(c.text(), /30111222/);
      assert.match(c.text(), /Todavía no tenés foto/);
      assert.match(c.html, /<form method="post" action="\/portal\/perfil\/foto" enctype="multipart\/form-data"/);
      assert.match(c.html, /<label for="f-foto">Seleccionar archivo<\/label>/);
      assert.match(c.html, /<script src="\/static\/photo-crop\.js\?v=[0-9a-f]+" defer/);
      for (const id of ['f-lang', 'f-securityQuestion', 'f-secretAnswer', 'f-securityPassword', 'f-newPassword']) {
        assert.match(c.html, new RegExp(`<label for="${id}">`), id);
      }
      assert.match(c.text(), /Al menos 8 caracteres\. No puede ser tu DNI\./);
      assert.match(c.html, /<form method="post" action="\/salir"/);
    });

    test('a patient whose portal is not enabled gets the page that says what to do', async () => {
      const c = await WebClient.loggedIn(t.app, t.ctx, carla.id);
      const res = await c.get('/portal/perfil');
      assert.equal(res.statusCode, 403);
      assert.match(c.text(), /Tu portal todavía no está habilitado/);
      assert.equal((await c.get('/portal/perfil/foto')).statusCode, 403);
    });

    test('a PNG becomes the photo, served only to its owner, square, never cached', async () => {
      const c = await client(ana);
      const res = await uploadPhoto(c, { name: 'yo.png', type: 'image/png', bytes: PNG });
      assert.equal(res.statusCode, 303, c.text());
      assert.equal(location(res), '/portal/perfil?ok=foto');
      await c.follow(res);
      assert.match(c.text(), /Guardamos tu foto/);
      assert.match(c.html, /<img class="profile-photo large" src="\/portal\/perfil\/foto"/);
      await c.get('/portal');
      assert.match(c.html, /<img class="profile-photo small" src="\/portal\/perfil\/foto"/);

      const photo = await c.get('/portal/perfil/foto');
      assert.equal(photo.statusCode, 200);
      assert.equal(photo.headers['content-type'], 'image/png');
      assert.equal(photo.headers['cache-control'], 'no-store');
      assert.equal(photo.headers['x-content-type-options'], 'nosniff');
      assert.deepEqual(photo.rawPayload, PNG);
      const key = (await account(ana.id)).photoKey;
      assert.ok(key !== '' && !key.includes('yo.png'));

      // Another patient reaches only their own photo (none yet); nobody without a session.
      const other = await WebClient.loggedIn(t.app, t.ctx, beto.id);
      const theirs = await other.get('/portal/perfil/foto');
      assert.equal(theirs.statusCode, 404);
      assert.notDeepEqual(theirs.rawPayload, PNG);
      const anonymous = await new WebClient(t.app).get('/portal/perfil/foto');
      assert.equal(anonymous.statusCode, 303);
      assert.match(location(anonymous), /^\/ingresar\?/);
    });

    test('a file that only claims to be an image is refused with a clear message', async () => {
      const c = await client(beto);
      const res = await uploadPhoto(c, {
        name: 'foto.png',
        type: 'image/png',
        bytes: Buffer.from('<script>x</script>'),
      });
      assert.equal(res.statusCode, 422);
      assert.match(c.text(), /«foto\.png» no es una imagen PNG, JPEG ni WebP \(lo revisamos por su contenido/);
      assert.match(c.html, /id="f-foto"[^>]*aria-invalid="true"/);
      assert.equal((await account(beto.id)).photoKey, '');
      // A PDF is a real file of the store's kinds, but not a photo.
      await uploadPhoto(c, { name: 'a.pdf', type: 'application/pdf', bytes: Buffer.from('%PDF-1.4 x') });
      assert.match(c.text(), /«a\.pdf» no es una imagen/);
      const none = await c.upload('/portal/perfil/foto', {}, {});
      assert.equal(none.statusCode, 422);
      assert.match(c.text(), /Elegí una foto con «Seleccionar archivo»/);
    });

    test('a photo over 5 MB is refused', async () => {
      const c = await client(beto);
      const big = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]);
      const res = await uploadPhoto(c, { name: 'grande.png', type: 'image/png', bytes: big });
      assert.equal(res.statusCode, 422);
      assert.match(c.text(), /La foto pesa más de 5 MB/);
    });

    test('replacing the photo removes the old file from the store; removing it leaves none', async () => {
      const c = await client(beto);
      await uploadPhoto(c, { name: 'uno.png', type: 'image/png', bytes: PNG });
      const first = (await account(beto.id)).photoKey;
      assert.ok(await t.ctx.files.get(first));
      const res = await uploadPhoto(c, { name: 'foto.jpg', type: 'image/jpeg', bytes: JPEG });
      assert.equal(res.statusCode, 303);
      const second = (await account(beto.id)).photoKey;
      assert.notEqual(second, first);
      assert.equal(await t.ctx.files.get(first), null);
      const photo = await c.get('/portal/perfil/foto');
      assert.equal(photo.headers['content-type'], 'image/jpeg');
      // Each patient still gets their own.
      const anas = await (await WebClient.loggedIn(t.app, t.ctx, ana.id)).get('/portal/perfil/foto');
      assert.deepEqual(anas.rawPayload, PNG);

      await c.get('/portal/perfil');
      const removed = await c.post('/portal/perfil/foto/quitar');
      assert.equal(location(removed), '/portal/perfil?ok=foto-quitada');
      assert.equal((await account(beto.id)).photoKey, '');
      assert.equal(await t.ctx.files.get(second), null);
      assert.equal((await c.get('/portal/perfil/foto')).statusCode, 404);
    });

    test('choosing English saves it and the next page is in English', async () => {
      const c = await client(ana);
      const res = await c.post('/portal/perfil/idioma', { lang: 'en' });
      assert.equal(res.statusCode, 303);
      await c.follow(res);
      assert.match(c.html, /<html lang="en">/);
      assert.match(c.text(), /Language saved: the portal is now shown in English/);
      assert.equal((await account(ana.id)).lang, 'en');
      await c.get('/portal');
      assert.match(c.text(), /Patient portal/);
      await c.get('/portal/perfil');
      await c.post('/portal/perfil/idioma', { lang: 'es' });
      assert.equal((await account(ana.id)).lang, 'es');
    });

    test('the security answer needs the current password and is stored only as a hash', async () => {
      const c = await client(ana);
      const missing = await c.post('/portal/perfil/seguridad', {
        securityQuestion: 'firstPet',
        secretAnswer: 'Firulais',
      });
      assert.equal(missing.statusCode, 400);
      assert.match(c.text(), /Escribí tu contraseña actual/);
      assert.match(c.html, /name="secretAnswer"[^>]*value="Firulais"/);

      const wrong = await c.post('/portal/perfil/seguridad', {
        securityQuestion: 'firstPet',
        secretAnswer: 'Firulais',
        securityPassword: 'no es la clave',
      });
      assert.equal(wrong.statusCode, 422);
      assert.match(c.text(), /La contraseña actual no es correcta/);
      assert.equal((await account(ana.id)).securityAnswerHash, '');

      const ok = await c.post('/portal/perfil/seguridad', {
        securityQuestion: 'firstPet',
        secretAnswer: '  Firulais ',
        securityPassword: 'clave de ana',
      });
      assert.equal(ok.statusCode, 303);
      await c.follow(ok);
      assert.match(c.text(), /Guardamos tu pregunta y tu respuesta de seguridad/);
      assert.match(c.text(), /Tu pregunta es: ¿Cómo se llamaba tu primera mascota\?/);
      assert.doesNotMatch(c.html, /Firulais/i);
      const saved = await account(ana.id);
      assert.equal(saved.securityQuestion, 'firstPet');
      assert.match(saved.securityAnswerHash, /^\$argon2id\$/);
      assert.doesNotMatch(saved.securityAnswerHash, /firulais/i);
      assert.ok(await answerMatches(saved.securityAnswerHash, 'firulais'));
    });

    test('the password changes through the portal with the rules shown', async () => {
      const c = await client(beto);
      const wrong = await c.post('/portal/perfil/clave', {
        currentPassword: 'otra',
        newPassword: 'una clave nueva',
        newPasswordRepeat: 'una clave nueva',
      });
      assert.equal(wrong.statusCode, 422);
      assert.match(c.text(), /La contraseña actual no es correcta/);
      const mismatch = await c.post('/portal/perfil/clave', {
        currentPassword: 'clave de beto',
        newPassword: 'una clave nueva',
        newPasswordRepeat: 'otra distinta',
      });
      assert.equal(mismatch.statusCode, 400);
      const weak = await c.post('/portal/perfil/clave', {
        currentPassword: 'clave de beto',
        newPassword: beto.dni,
        newPasswordRepeat: beto.dni,
      });
      assert.equal(weak.statusCode, 400);
      assert.match(c.text(), /no puede ser tu DNI/);

      const ok = await c.post('/portal/perfil/clave', {
        currentPassword: 'clave de beto',
        newPassword: 'una clave nueva',
        newPasswordRepeat: 'una clave nueva',
      });
      assert.equal(ok.statusCode, 303);
      await c.follow(ok);
      assert.match(c.text(), /Cambiamos tu contraseña/);
      assert.ok(await passwordMatches((await account(beto.id)).passwordHash, 'una clave nueva'));
      const fresh = new WebClient(t.app);
      const loggedIn = await logIn(fresh, beto.dni, 'una clave nueva');
      assert.equal(loggedIn.statusCode, 303, loggedIn.body);
    });

    test('a form sent without a session goes to log in, the answer not in the address', async () => {
      const c = new WebClient(t.app);
      await c.get('/ingresar');
      const res = await c.post('/portal/perfil/seguridad', {
        securityQuestion: 'firstPet',
        secretAnswer: 'Firulais',
        securityPassword: 'x',
      });
      assert.equal(res.statusCode, 303);
      assert.match(location(res), /^\/ingresar\?volver=/);
      assert.doesNotMatch(decodeURIComponent(location(res)), /Firulais|securityPassword/);
    });
  });
}
