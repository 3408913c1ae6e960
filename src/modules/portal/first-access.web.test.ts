// Validación primer acceso: the patient opens the mailed link, proves who they are, sets password, mobile and
// security answer, and lands in the portal; then logs in with the e-mail or the DNI, one account either way.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { insertStaffUser } from '../../../test/support/factories.js';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { location, WebClient } from '../../../test/support/web-client.js';
import { forgetLimits, inputValue, logIn, withAccount } from '../patients/accounts.test-helpers.js';
import {
  accessLink,
  enableAndGetLink,
  firstAccessFields,
  portalReadyPatient,
  setIdentityCheck,
  submitFirstAccess,
} from './first-access.test-helpers.js';
import { answerMatches } from './security-answer.js';

for (const dialect of testDialects()) {
  describe(`portal del paciente: primer acceso (${dialect})`, () => {
    let t: TestApp;
    let desk: WebClient;

    before(async () => {
      t = await buildTestApp(dialect);
      const user = await insertStaffUser(t.ctx.database.db, { username: 'mesa', role: 'reception' });
      desk = await WebClient.loggedInStaff(t.app, t.ctx, user.id);
    });
    after(() => t.close());
    beforeEach(async () => {
      await forgetLimits(t);
      await setIdentityCheck(t, 'birth_date');
    });

    const db = () => t.ctx.database.db;
    const accountOf = (patientId: number) =>
      db().selectFrom('webAccounts').selectAll().where('patientId', '=', patientId).execute();
    const tokensOf = (patientId: number) =>
      db().selectFrom('oneTimeTokens').selectAll().where('patientId', '=', patientId).execute();

    test('opening the link only shows the form: what the center asks, the questions, only the end of the mobile', async () => {
      const patient = await portalReadyPatient(t);
      const link = await enableAndGetLink(t, desk, patient);
      const before = await tokensOf(patient.id);
      const client = new WebClient(t.app);
      for (let i = 0; i < 2; i++)
        assert.equal((await client.get(link)).statusCode, 200, 'a mail scanner and then the patient');
      const text = client.text();
      assert.match(text, /Validación primer acceso/);
      assert.match(text, new RegExp(`Tu usuario del portal es tu e-mail: ${patient.email.replace(/\./g, '\\.')}`));
      assert.match(text, /Validá tu identidad .*DNI .*Fecha de nacimiento/);
      assert.doesNotMatch(text, /Número de trámite/);
      assert.match(text, /Al menos 8 caracteres\. No puede ser tu DNI\./, 'the password rules are shown');
      // Before the proof a mistyped address's owner could be reading: the mobile is typed, its end only hinted.
      assert.equal(inputValue(client.html, 'mobile'), '');
      assert.doesNotMatch(client.html, /12345678/);
      assert.match(text, /Tu celular El centro tiene un celular tuyo que termina en 78\. Escribilo completo/);
      assert.match(client.html, /<fieldset id="g-mobile" aria-describedby="g-mobile-hint">/);
      assert.match(client.html, /<option value="firstPet">¿Cómo se llamaba tu primera mascota\?<\/option>/);
      assert.match(client.html, /<button type="submit">Registrarse<\/button>/);
      assert.deepEqual(await tokensOf(patient.id), before, 'nothing used up');
      assert.deepEqual(await accountOf(patient.id), []);
    });

    test('a wrong birth date keeps what was typed; the fifth wrong proof kills the link', async () => {
      const patient = await portalReadyPatient(t);
      const link = await enableAndGetLink(t, desk, patient);
      const client = new WebClient(t.app);
      await client.get(link);
      const wrong = firstAccessFields(patient, { birthDate: '05/04/1980' });
      for (let left = 4; left >= 1; left--) {
        const res = await submitFirstAccess(client, link, wrong);
        assert.equal(res.statusCode, 400);
        const tries = left === 1 ? 'te queda 1 intento' : `te quedan ${left} intentos`;
        assert.match(
          client.text(),
          new RegExp(`Los datos no coinciden con los de tu ficha en el centro\\. Revisalos: ${tries}\\.`),
        );
        assert.equal(inputValue(client.html, 'dni'), patient.dni);
        assert.equal(inputValue(client.html, 'birthDate'), '05/04/1980');
        assert.equal(inputValue(client.html, 'mobile'), '11 5555-1234');
        assert.equal(inputValue(client.html, 'securityAnswer'), 'Firulais');
        assert.equal(inputValue(client.html, 'password'), undefined, 'passwords never come back');
        assert.match(client.html, /id="f-birthDate" [^>]*aria-invalid="true"[^>]*first-access-alert/);
      }
      const dead = await submitFirstAccess(client, link, wrong);
      assert.equal(dead.statusCode, 410);
      assert.match(client.text(), /el enlace dejó de servir\. Pedile al centro que te envíe un mail nuevo/);
      // Even the right data cannot use it now; the page says what to do.
      assert.equal((await submitFirstAccess(client, link, firstAccessFields(patient))).statusCode, 410);
      assert.equal((await client.get(link)).statusCode, 410);
      assert.match(client.text(), /pedile al centro que te envíe de nuevo el mail «Validación primer acceso»/);
      assert.deepEqual(await accountOf(patient.id), []);

      // A new mail from the center brings a new link with its own tries.
      await desk.get(`/staff/pacientes/${patient.id}`);
      await desk.post(`/staff/pacientes/${patient.id}/portal/mail`);
      const fresh = await accessLink(t, patient.email);
      await client.get(fresh);
      assert.equal((await submitFirstAccess(client, fresh, firstAccessFields(patient))).statusCode, 303);
    });

    test('with the trámite number: a wrong one is refused, the right one (typed with dots) registers', async () => {
      await setIdentityCheck(t, 'dni_tramite');
      const patient = await portalReadyPatient(t, { dniTramite: '00498765432' });
      const link = await enableAndGetLink(t, desk, patient);
      const client = new WebClient(t.app);
      await client.get(link);
      assert.match(client.text(), /Número de trámite del DNI Los 11 números del «Nº de trámite»/);
      assert.doesNotMatch(client.text(), /Fecha de nacimiento/);
      const short = await submitFirstAccess(client, link, firstAccessFields(patient, { dniTramite: '123' }));
      assert.equal(short.statusCode, 400);
      assert.match(client.text(), /El número de trámite tiene 11 números/);
      const wrong = await submitFirstAccess(client, link, firstAccessFields(patient, { dniTramite: '00498765433' }));
      assert.equal(wrong.statusCode, 400);
      assert.match(client.text(), /Los datos no coinciden .*te quedan 4 intentos/);
      assert.equal(inputValue(client.html, 'dniTramite'), '00498765433');
      const otherDni = await submitFirstAccess(
        client,
        link,
        firstAccessFields({ ...patient, dni: '20111222' }, { dniTramite: '00498765432' }),
      );
      assert.equal(otherDni.statusCode, 400, 'the DNI must be the record’s too');
      const right = await submitFirstAccess(client, link, firstAccessFields(patient, { dniTramite: '004.9876.5432' }));
      assert.equal(location(right), '/portal?bienvenida=1');
    });

    test('the right proof: one account, active, logged in, the portal opens; answer hashed, mobile kept', async () => {
      const patient = await portalReadyPatient(t);
      const link = await enableAndGetLink(t, desk, patient);
      const client = new WebClient(t.app);
      await client.get(link);
      const res = await submitFirstAccess(client, link, firstAccessFields(patient, { birthDate: '04/05/1980' }));
      assert.equal(res.statusCode, 303, client.text());
      assert.equal(location(res), '/portal?bienvenida=1');
      const home = await client.follow(res);
      assert.equal(home.statusCode, 200);
      assert.match(client.text(), /Ya podés usar tu portal/);

      const [account] = await accountOf(patient.id);
      assert.ok(account?.activatedAt);
      assert.equal(account.securityQuestion, 'firstPet');
      assert.doesNotMatch(account.securityAnswerHash, /Firulais/i);
      assert.match(account.securityAnswerHash, /^\$argon2id\$/);
      assert.ok(await answerMatches(account.securityAnswerHash, ' firulais '));
      const record = await db()
        .selectFrom('patients')
        .selectAll()
        .where('id', '=', patient.id)
        .executeTakeFirstOrThrow();
      assert.equal(record.mobile, '+5491155551234');
      assert.ok((await tokensOf(patient.id)).every((row) => row.purpose !== 'portal_access' || row.usedAt !== null));
      assert.equal((await new WebClient(t.app).get(link)).statusCode, 410, 'the link served once');

      // The user name is the e-mail (any case); the DNI keeps working for the same account.
      assert.equal(
        location(await logIn(new WebClient(t.app), patient.email.toUpperCase(), 'mi clave del portal')),
        '/',
      );
      assert.equal((await logIn(new WebClient(t.app), patient.dni, 'mi clave del portal')).statusCode, 303);
      // The box on the record says the first access is done.
      await desk.get(`/staff/pacientes/${patient.id}`);
      assert.match(desk.text(), /Primer acceso hecho: el paciente eligió su contraseña y su pregunta de seguridad/);
    });

    test('mistakes in the form name their field and keep what was typed, never the passwords', async () => {
      const patient = await portalReadyPatient(t);
      const link = await enableAndGetLink(t, desk, patient);
      const client = new WebClient(t.app);
      await client.get(link);
      const res = await submitFirstAccess(
        client,
        link,
        firstAccessFields(patient, { passwordRepeat: 'otra cosa', mobile: '123', securityQuestion: '' }),
      );
      assert.equal(res.statusCode, 400);
      const text = client.text();
      assert.match(text, /Repetí la contraseña ?: Las dos contraseñas no son iguales\./);
      assert.match(text, /Celular ?: No es un celular válido/);
      assert.match(text, /Pregunta ?: Completá este dato\./);
      assert.equal(inputValue(client.html, 'mobile'), '123');
      assert.equal(inputValue(client.html, 'birthDate'), '1980-05-04');
      const weak = await submitFirstAccess(
        client,
        link,
        firstAccessFields(patient, { password: patient.dni, passwordRepeat: patient.dni }),
      );
      assert.equal(weak.statusCode, 400);
      assert.match(client.text(), /La contraseña debe tener al menos 8 caracteres y no puede ser tu DNI\./);
      assert.deepEqual(await accountOf(patient.id), [], 'nothing saved');
    });

    test('a patient of the booking web keeps their one account, and logs in by DNI and by e-mail', async () => {
      const patient = await portalReadyPatient(t);
      await withAccount(t, patient.id, 'clave vieja de la web');
      const link = await enableAndGetLink(t, desk, patient);
      const client = new WebClient(t.app);
      await client.get(link);
      assert.match(
        client.text(),
        /Ya tenés usuario en la web de turnos: la contraseña que elijas acá reemplaza la anterior/,
      );
      assert.equal((await submitFirstAccess(client, link, firstAccessFields(patient))).statusCode, 303);
      assert.equal((await accountOf(patient.id)).length, 1);
      assert.equal((await logIn(new WebClient(t.app), patient.dni, 'clave vieja de la web')).statusCode, 401);
      assert.equal((await logIn(new WebClient(t.app), patient.dni, 'mi clave del portal')).statusCode, 303);
      assert.equal((await logIn(new WebClient(t.app), patient.email, 'mi clave del portal')).statusCode, 303);
    });

    test('the e-mail logs in only a portal patient; otherwise it fails exactly like a wrong password', async () => {
      const outsider = await portalReadyPatient(t);
      await withAccount(t, outsider.id, 'clave del que no tiene portal');
      const client = new WebClient(t.app);
      const notPortal = await logIn(client, outsider.email, 'clave del que no tiene portal');
      assert.equal(notPortal.statusCode, 401);
      const refusal = client.text();
      assert.match(refusal, /E-mail o contraseña incorrectos\./);
      assert.equal(inputValue(client.html, 'dni'), outsider.email);
      await logIn(client, 'nadie@example.com', 'clave del que no tiene portal');
      assert.equal(client.text().replace('nadie@example.com', outsider.email), refusal);
      assert.equal(
        (await logIn(client, outsider.dni, 'clave del que no tiene portal')).statusCode,
        303,
        'by DNI it works',
      );

      // The API takes the same user; a patient who chose English gets the language cookie.
      const member = await portalReadyPatient(t);
      await withAccount(t, member.id, 'clave del portal');
      await enableAndGetLink(t, desk, member);
      await db().updateTable('webAccounts').set({ lang: 'en' }).where('patientId', '=', member.id).execute();
      const page = await logIn(new WebClient(t.app), member.email, 'clave del portal');
      assert.match(String(page.headers['set-cookie']), /turnero_idioma=en/);
      const wrongApi = await t.app.inject({
        method: 'POST',
        url: '/api/v1/me/session',
        payload: { user: outsider.email, password: 'clave del que no tiene portal' },
      });
      assert.equal(wrongApi.statusCode, 401);
      assert.equal(wrongApi.json().error.code, 'INVALID_EMAIL_CREDENTIALS');
      const api = await t.app.inject({
        method: 'POST',
        url: '/api/v1/me/session',
        payload: { user: member.email, password: 'clave del portal' },
      });
      assert.equal(api.statusCode, 200, api.body);
      assert.equal(api.json().dni, member.dni);
      assert.match(String(api.headers['set-cookie']), /turnero_idioma=en/);
    });

    test('tries by e-mail and by DNI share one count: five wrong ones lock both ways in', async () => {
      const patient = await portalReadyPatient(t);
      await withAccount(t, patient.id, 'la clave buena');
      await enableAndGetLink(t, desk, patient);
      for (let i = 0; i < 5; i++) {
        const user = i % 2 === 0 ? patient.email : patient.dni;
        assert.equal((await logIn(new WebClient(t.app), user, 'mal')).statusCode, 401, `try ${i + 1}`);
      }
      assert.equal((await logIn(new WebClient(t.app), patient.email, 'la clave buena')).statusCode, 429);
      assert.equal((await logIn(new WebClient(t.app), patient.dni, 'la clave buena')).statusCode, 429);
    });
  });
}
