// /api/v1/me/profile with the patient's session: 401 without it, 403 before the portal is enabled, own data only.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { insertPatient } from '../../../test/support/factories.js';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { WebClient } from '../../../test/support/web-client.js';
import type { Patient } from '../../platform/db/schema.js';
import { forgetLimits, withAccount } from '../patients/accounts.test-helpers.js';
import { answerMatches } from './security-answer.js';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

type Method = 'GET' | 'PUT' | 'DELETE';

for (const dialect of testDialects()) {
  describe(`/api/v1/me/profile (${dialect})`, () => {
    let t: TestApp;
    let ana: Patient;
    let beto: Patient;
    let anaCookie = '';
    let betoCookie = '';
    let carlaCookie = '';

    const db = () => t.ctx.database.db;
    const account = (id: number) =>
      db().selectFrom('webAccounts').selectAll().where('patientId', '=', id).executeTakeFirstOrThrow();
    const cookieOf = async (patientId: number) => {
      const client = await WebClient.loggedIn(t.app, t.ctx, patientId);
      return [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    };
    const call = (cookie: string, method: Method, url: string, payload?: object) =>
      t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });

    before(async () => {
      t = await buildTestApp(dialect);
      ana = await insertPatient(db(), { dni: '31111222', lastName: 'ANA' });
      beto = await insertPatient(db(), { dni: '31333444', lastName: 'BETO' });
      const carla = await insertPatient(db(), { dni: '31555666', lastName: 'CARLA' });
      await withAccount(t, ana.id, 'clave de ana');
      await withAccount(t, beto.id, 'clave de beto');
      await withAccount(t, carla.id, 'clave de carla');
      await db().updateTable('patients').set({ portalEnabled: 1 }).where('id', 'in', [ana.id, beto.id]).execute();
      anaCookie = await cookieOf(ana.id);
      betoCookie = await cookieOf(beto.id);
      carlaCookie = await cookieOf(carla.id);
    });
    after(() => t.close());
    beforeEach(() => forgetLimits(t));

    const endpoints: [Method, string, object?][] = [
      ['GET', '/me/profile'],
      ['PUT', '/me/profile', { lang: 'en' }],
      ['GET', '/me/profile/photo'],
      ['PUT', '/me/profile/photo', { contentBase64: PNG.toString('base64') }],
      ['DELETE', '/me/profile/photo'],
    ];

    test('without a session every endpoint answers 401', async () => {
      for (const [method, url, payload] of endpoints) {
        const res = await call('', method, url, payload);
        assert.equal(res.statusCode, 401, `${method} ${url}`);
        assert.equal(res.json().error.code, 'UNAUTHENTICATED');
      }
      const staff = await t.auth('admin');
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/me/profile', headers: staff });
      assert.equal(res.statusCode, 401);
    });

    test('before the center enables the portal every endpoint answers 403 PORTAL_NOT_ENABLED', async () => {
      for (const [method, url, payload] of endpoints) {
        const res = await call(carlaCookie, method, url, payload);
        assert.equal(res.statusCode, 403, `${method} ${url}`);
        assert.equal(res.json().error.code, 'PORTAL_NOT_ENABLED');
      }
    });

    test('GET gives the profile, the security question by its key and never the answer', async () => {
      await call(anaCookie, 'PUT', '/me/profile', {
        securityQuestion: 'birthCity',
        securityAnswer: 'Rosario',
        currentPassword: 'clave de ana',
      });
      const res = await call(anaCookie, 'GET', '/me/profile');
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json(), {
        firstName: 'Test',
        lastName: 'ANA',
        dni: '31111222',
        email: ana.email,
        lang: null,
        securityQuestion: 'birthCity',
        hasPhoto: false,
      });
      assert.doesNotMatch(res.body, /Rosario|argon/i);
    });

    test('PUT changes the language; the security answer needs the current password', async () => {
      const lang = await call(betoCookie, 'PUT', '/me/profile', { lang: 'en' });
      assert.equal(lang.statusCode, 200);
      assert.equal(lang.json().lang, 'en');
      assert.equal((await account(beto.id)).lang, 'en');

      const noPassword = await call(betoCookie, 'PUT', '/me/profile', {
        securityQuestion: 'firstPet',
        securityAnswer: 'Firulais',
      });
      assert.equal(noPassword.statusCode, 422);
      assert.equal(noPassword.json().error.code, 'SECURITY_ANSWER_INCOMPLETE');
      const noQuestion = await call(betoCookie, 'PUT', '/me/profile', {
        securityAnswer: 'Firulais',
        currentPassword: 'clave de beto',
      });
      assert.equal(noQuestion.statusCode, 422);
      const wrong = await call(betoCookie, 'PUT', '/me/profile', {
        lang: 'es',
        securityQuestion: 'firstPet',
        securityAnswer: 'Firulais',
        currentPassword: 'otra',
      });
      assert.equal(wrong.statusCode, 422);
      assert.equal(wrong.json().error.code, 'WRONG_PASSWORD');
      // Nothing of a refused change is saved.
      assert.equal((await account(beto.id)).lang, 'en');
      assert.equal((await account(beto.id)).securityAnswerHash, '');

      const ok = await call(betoCookie, 'PUT', '/me/profile', {
        securityQuestion: 'firstPet',
        securityAnswer: 'Firulais',
        currentPassword: 'clave de beto',
      });
      assert.equal(ok.statusCode, 200);
      assert.equal(ok.json().securityQuestion, 'firstPet');
      assert.ok(await answerMatches((await account(beto.id)).securityAnswerHash, 'FIRULAIS'));

      const unknown = await call(betoCookie, 'PUT', '/me/profile', { lang: 'fr' });
      assert.equal(unknown.statusCode, 400);
      const extra = await call(betoCookie, 'PUT', '/me/profile', { securityAnswerHash: 'x' });
      assert.equal(extra.statusCode, 400);
    });

    test('the photo goes in as base64 JSON, comes back to its owner only, and can be removed', async () => {
      const put = await call(anaCookie, 'PUT', '/me/profile/photo', { contentBase64: PNG.toString('base64') });
      assert.equal(put.statusCode, 200, put.body);
      assert.equal(put.json().hasPhoto, true);
      const key = (await account(ana.id)).photoKey;

      const get = await call(anaCookie, 'GET', '/me/profile/photo');
      assert.equal(get.statusCode, 200);
      assert.equal(get.headers['content-type'], 'image/png');
      assert.equal(get.headers['cache-control'], 'no-store');
      assert.equal(get.headers['x-content-type-options'], 'nosniff');
      assert.deepEqual(get.rawPayload, PNG);
      // Beto has none: his own answer, not Ana's photo.
      assert.equal((await call(betoCookie, 'GET', '/me/profile/photo')).statusCode, 404);

      const fake = await call(anaCookie, 'PUT', '/me/profile/photo', {
        contentBase64: Buffer.from('GIF? no: text').toString('base64'),
      });
      assert.equal(fake.statusCode, 422);
      assert.equal(fake.json().error.code, 'PHOTO_NOT_IMAGE');
      assert.equal((await account(ana.id)).photoKey, key);
      const notBase64 = await call(anaCookie, 'PUT', '/me/profile/photo', { contentBase64: 'no es base64!' });
      assert.equal(notBase64.statusCode, 400);

      const form = await t.app.inject({
        method: 'PUT',
        url: '/api/v1/me/profile/photo',
        headers: { cookie: anaCookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'contentBase64=x',
      });
      assert.equal(form.statusCode, 403);

      const removed = await call(anaCookie, 'DELETE', '/me/profile/photo');
      assert.equal(removed.statusCode, 204);
      assert.equal(await t.ctx.files.get(key), null);
      assert.equal((await call(anaCookie, 'GET', '/me/profile/photo')).statusCode, 404);
    });
  });
}
