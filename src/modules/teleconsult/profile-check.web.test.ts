// "Actualizá tus datos": once the center turns it on, a portal patient is sent to it from every portal page
// (and the /me API answers 403) until they prove who they are (DNI of the account + trámite number) and
// confirm their contact data; wrong trámite numbers lock the step; turning it on again asks again.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { location, WebClient } from '../../../test/support/web-client.js';
import {
  identityFields,
  portalPatient,
  postJson,
  seeded,
  setProfileCheck,
  TRAMITE,
} from './profile-check.test-helpers.js';

for (const dialect of testDialects()) {
  describe(`Actualizá tus datos (${dialect})`, () => {
    let t: TestApp;
    let admin: Record<string, string>;
    const db = () => t.ctx.database.db;
    const patientRow = (id: number) =>
      db().selectFrom('patients').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

    before(async () => {
      t = await buildTestApp(dialect);
      await seeded(t);
      admin = await t.auth('admin');
    });
    after(() => t.close());

    test('turned on, an existing portal patient is sent to the check from every portal page; the /me API answers 403', async () => {
      await setProfileCheck(t, admin, false);
      const { client } = await portalPatient(t);
      assert.equal((await client.get('/portal')).statusCode, 200);
      assert.equal(location(await client.get('/portal/actualizar-datos')), '/portal');

      const on = await setProfileCheck(t, admin, true);
      assert.ok(on.profileCheckEnabledAt);
      for (const url of ['/portal', '/portal/citas', '/portal/facturas', '/portal/perfil']) {
        const res = await client.get(url);
        assert.equal(res.statusCode, 303, url);
        assert.equal(location(res), '/portal/actualizar-datos', url);
      }
      const api = await client.get('/api/v1/me/invoices');
      assert.equal(api.statusCode, 403);
      assert.equal(api.json().error.code, 'PROFILE_CHECK_REQUIRED');
      assert.match(api.json().error.message, /Actualizá tus datos/);
      const start = await client.get('/api/v1/me/profile-check');
      assert.equal(start.statusCode, 200);
      assert.equal(start.json().required, true);
      assert.equal(start.json().hasTramite, true);

      const page = await client.get('/portal/actualizar-datos');
      assert.equal(page.statusCode, 200);
      assert.match(client.html, /<h1>Actualizá tus datos<\/h1>/);
      assert.match(client.html, /Número de trámite del DNI/);
      assert.match(client.html, /<svg[^>]*role="img"/);
      // Prefilled from the record, except the trámite number: typing it is the proof.
      assert.match(client.html, /name="birthDate" type="text" value="04\/05\/1980"/);
      assert.match(client.html, /name="dniTramite" type="text" value autocomplete/);
    });

    test("a DNI other than the account's is refused, and everything typed comes back", async () => {
      await setProfileCheck(t, admin, true);
      const { patient, client } = await portalPatient(t);
      await client.get('/portal/actualizar-datos');
      const res = await client.post(
        '/portal/actualizar-datos',
        identityFields(patient, { dni: '11.222.333', lastName: 'NUEVO APELLIDO' }),
      );
      assert.equal(res.statusCode, 422);
      assert.match(
        client.html,
        /El DNI no coincide con el de tu cuenta; si está mal en el centro, consultá en recepción/,
      );
      assert.match(client.html, /value="NUEVO APELLIDO"/);
      assert.match(client.html, /value="11.222.333"/);
      assert.match(client.html, new RegExp(`value="${TRAMITE}"`));
      const api = await postJson(t, client, '/api/v1/me/profile-check/identity', {
        ...identityFields(patient, { dni: '11222333' }),
        birthDate: '1980-05-04',
      });
      assert.equal(api.statusCode, 422);
      assert.equal(api.json().error.code, 'PROFILE_CHECK_DNI_MISMATCH');
      assert.equal((await patientRow(patient.id)).profileConfirmedAt, null);
    });

    test('a malformed trámite or a bad date is refused next to its field', async () => {
      await setProfileCheck(t, admin, true);
      const { patient, client } = await portalPatient(t);
      await client.get('/portal/actualizar-datos');
      const res = await client.post(
        '/portal/actualizar-datos',
        identityFields(patient, { dniTramite: '123', birthDate: '31/02/1980' }),
      );
      assert.equal(res.statusCode, 400);
      assert.match(client.html, /Escribí los 11 números del trámite/);
      assert.match(client.html, /No es una fecha válida/);
      assert.match(client.html, /value="31\/02\/1980"/);
    });

    test('five wrong trámite numbers lock the step for 15 minutes, even for the right one', async () => {
      await setProfileCheck(t, admin, true);
      const { patient, client } = await portalPatient(t);
      await client.get('/portal/actualizar-datos');
      for (let i = 1; i <= 4; i++) {
        const res = await client.post(
          '/portal/actualizar-datos',
          identityFields(patient, { dniTramite: '99999999999' }),
        );
        assert.equal(res.statusCode, 422, `try ${i}`);
        assert.match(client.html, new RegExp(`Te quedan ${5 - i} intentos`));
      }
      const fifth = await client.post(
        '/portal/actualizar-datos',
        identityFields(patient, { dniTramite: '99999999999' }),
      );
      assert.equal(fifth.statusCode, 429);
      assert.match(
        client.html,
        /demasiados intentos con un número de trámite equivocado. Probá de nuevo en 15 minutos/,
      );
      const right = await client.post('/portal/actualizar-datos', identityFields(patient));
      assert.equal(right.statusCode, 429);
      // The JSON API meets the same lock.
      const api = await postJson(t, client, '/api/v1/me/profile-check/identity', {
        ...identityFields(patient),
        birthDate: '1980-05-04',
      });
      assert.equal(api.statusCode, 429);
      assert.equal(api.json().error.code, 'PROFILE_CHECK_LOCKED');

      t.clock.advance(15 * 60_000 + 1000);
      // The patient's session has ended by then (10 minutes idle): they log in again.
      const again = await WebClient.loggedIn(t.app, t.ctx, patient.id);
      await again.get('/portal/actualizar-datos');
      const later = await again.post('/portal/actualizar-datos', identityFields(patient));
      assert.equal(later.statusCode, 200);
      assert.match(again.html, /<h1>Datos de contacto<\/h1>/);
    });

    test('the whole check: identity, contact data, "¡Listo!", the portal opens again and the history says who', async () => {
      await setProfileCheck(t, admin, true);
      const { patient, client } = await portalPatient(t, { address: 'Calle Vieja 1' });
      await client.get('/portal/actualizar-datos');
      const step1 = await client.post(
        '/portal/actualizar-datos',
        identityFields(patient, { firstName: 'María José', sex: 'X', birthDate: '05/06/1981' }),
      );
      assert.equal(step1.statusCode, 200);
      assert.match(client.html, /<h1>Datos de contacto<\/h1>/);
      assert.match(client.html, /Paso 2 de 2/);
      // Prefilled from the record, and the first step travels along.
      assert.match(client.html, new RegExp(`name="email" type="email" value="${patient.email}"`));
      assert.match(client.html, /type="hidden" name="firstName" value="María José"/);
      assert.match(client.html, /type="hidden" name="birthDate" value="1981-06-05"/);

      // A bad phone keeps what was typed, in both steps.
      const carried = { ...identityFields(patient, { firstName: 'María José', sex: 'X', birthDate: '1981-06-05' }) };
      const bad = await client.post('/portal/actualizar-datos/contacto', {
        ...carried,
        mobile: '123',
        email: 'nueva@example.com',
        address: 'Av. Nueva 123, CABA',
      });
      assert.equal(bad.statusCode, 400);
      assert.match(client.html, /No es un celular válido/);
      assert.match(client.html, /value="nueva@example.com"/);
      assert.match(client.html, /value="Av. Nueva 123, CABA"/);
      assert.equal((await patientRow(patient.id)).profileConfirmedAt, null);

      const done = await client.post('/portal/actualizar-datos/contacto', {
        ...carried,
        mobile: '11 5555-1234',
        email: 'Nueva@Example.com',
        address: 'Av. Nueva 123, CABA',
      });
      assert.equal(done.statusCode, 303);
      assert.equal(location(done), '/portal/actualizar-datos/listo');
      await client.get('/portal/actualizar-datos/listo');
      assert.match(client.html, /¡Listo!/);
      assert.match(client.html, /Tus datos quedaron actualizados y tu perfil está activo/);
      assert.match(client.html, /href="\/portal"/);

      const row = await patientRow(patient.id);
      assert.equal(row.profileConfirmedAt, new Date(t.clock.now()).toISOString());
      assert.equal(row.firstName, 'María José');
      assert.equal(row.sex, 'X');
      assert.equal(row.birthDate, '1981-06-05');
      assert.equal(row.mobile, '+5491155551234');
      assert.equal(row.email, 'nueva@example.com');
      assert.equal(row.address, 'Av. Nueva 123, CABA');
      assert.equal((await client.get('/portal')).statusCode, 200);
      assert.equal((await client.get('/api/v1/me/invoices')).statusCode, 200);

      const history = await db()
        .selectFrom('patientDataChanges')
        .selectAll()
        .where('patientId', '=', patient.id)
        .orderBy('field')
        .execute();
      assert.deepEqual(
        history.map((h) => [h.field, h.oldValue, h.newValue]),
        [
          ['address', 'Calle Vieja 1', 'Av. Nueva 123, CABA'],
          ['birth_date', '1980-05-04', '1981-06-05'],
          ['email', patient.email, 'nueva@example.com'],
          ['first_name', 'Test', 'María José'],
          ['mobile', '+5491112345678', '+5491155551234'],
          ['sex', 'F', 'X'],
        ],
      );
      assert.ok(history.every((h) => h.changedByRef === `paciente:${patient.id}`));
      // The old address hears that the user name changed.
      const sink = await t.sendMails();
      assert.ok(sink.mails.some((m) => m.to.includes(patient.email ?? '-')));
    });

    test("an e-mail that is another portal patient's user name is refused without saying whose", async () => {
      await setProfileCheck(t, admin, true);
      const other = await portalPatient(t);
      const { patient, client } = await portalPatient(t);
      await client.get('/portal/actualizar-datos');
      const res = await client.post('/portal/actualizar-datos/contacto', {
        ...identityFields(patient, { birthDate: '1980-05-04' }),
        mobile: '11 5555-1234',
        email: other.patient.email ?? '',
        address: 'Av. Nueva 123',
      });
      assert.equal(res.statusCode, 409);
      assert.match(client.html, /Ese e-mail ya es el usuario del portal de otro paciente/);
      assert.doesNotMatch(client.html, new RegExp(other.patient.dni));
      assert.equal((await patientRow(patient.id)).profileConfirmedAt, null);
    });

    test('a record without a trámite number takes the one typed; turning the check off and on asks again', async () => {
      await setProfileCheck(t, admin, true);
      const { patient, client } = await portalPatient(t, { dniTramite: '' });
      const res = await postJson(t, client, '/api/v1/me/profile-check', {
        lastName: patient.lastName,
        firstName: patient.firstName,
        sex: 'F',
        birthDate: '1980-05-04',
        dni: patient.dni,
        dniTramite: '00 987 654 321',
        mobile: '11 5555-1234',
        email: patient.email,
        address: 'Av. Nueva 123',
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal((await patientRow(patient.id)).dniTramite, '00987654321');
      assert.equal((await client.get('/portal')).statusCode, 200);
      // Done, it is not a way around Perfil: the e-mail (the user name) changes there, with the mailed link.
      const late = await postJson(t, client, '/api/v1/me/profile-check', {
        lastName: patient.lastName,
        firstName: patient.firstName,
        sex: 'F',
        birthDate: '1980-05-04',
        dni: patient.dni,
        dniTramite: '00987654321',
        mobile: '11 5555-1234',
        email: 'otra.persona@example.com',
        address: 'Av. Nueva 123',
      });
      assert.equal(late.statusCode, 403, late.body);
      assert.equal((await patientRow(patient.id)).email, patient.email);

      t.clock.advance(60_000);
      await setProfileCheck(t, admin, false);
      assert.equal((await client.get('/portal')).statusCode, 200);
      t.clock.advance(60_000);
      await setProfileCheck(t, admin, true);
      assert.equal(location(await client.get('/portal')), '/portal/actualizar-datos');
      // Saving the settings with the check still on does not ask everyone again.
      const again = await t.app.inject({
        method: 'PATCH',
        url: '/api/v1/center',
        headers: admin,
        payload: { profileCheckEnabled: true, phones: '011 4444-4444' },
      });
      assert.equal(again.json().profileCheckEnabledAt, new Date(t.clock.now()).toISOString());
    });
  });
}
