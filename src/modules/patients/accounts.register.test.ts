import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { insertPatient, seedCenter } from '../../../test/support/factories.js';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { WebClient } from '../../../test/support/web-client.js';
import {
  completeRegistration,
  forgetLimits,
  hiddenValue,
  inputValue,
  linkPath,
  logIn,
  mailTo,
  newPatientFields,
  startRegistration,
  withAccount,
} from './accounts.test-helpers.js';

const HOUR = 3_600_000;

for (const dialect of testDialects()) {
  describe(`registration (${dialect})`, () => {
    let t: TestApp;
    let osdeId: number;
    /** The page a new registration ends on: every other case must read exactly the same. */
    let sentPage = '';

    before(async () => {
      t = await buildTestApp(dialect);
      osdeId = (await seedCenter(t.ctx.database.db)).osde.id;
      await t.ctx.database.db
        .updateTable('centerSettings')
        .set({ name: 'CENTRO MEDICO DEMO', phones: '4444-4444' })
        .execute();
    });
    after(() => t.close());
    beforeEach(() => forgetLimits(t));

    const patientByDni = (dni: string) =>
      t.ctx.database.db.selectFrom('patients').selectAll().where('dni', '=', dni).executeTakeFirstOrThrow();

    test('a new DNI: full form, activation mail, link, log in, home page', async () => {
      const client = new WebClient(t.app);
      const step1 = await startRegistration(client, '31.222.333');
      assert.equal(step1.statusCode, 200, client.text());
      assert.match(client.text(), /Apellido/);
      assert.match(client.html, /<label for="f-insurerId">/);

      const sent = await completeRegistration(
        client,
        newPatientFields({ insurerId: String(osdeId), memberNumber: '123-4', email: 'Lucia.Gomez@Example.com' }),
      );
      assert.equal(sent.statusCode, 200, client.text());
      assert.match(client.text(), /Te enviamos un mail/);
      sentPage = client.text();

      const patient = await patientByDni('31222333');
      assert.equal(patient.email, 'lucia.gomez@example.com');
      assert.equal(patient.mobile, '+5491155551234');
      assert.equal(patient.birthDate, '1990-03-15');
      assert.equal(patient.insurerId, osdeId);
      const account = await t.ctx.database.db
        .selectFrom('webAccounts')
        .selectAll()
        .where('patientId', '=', patient.id)
        .executeTakeFirstOrThrow();
      assert.equal(account.activatedAt, null);
      assert.match(account.passwordHash, /^\$argon2id\$/);

      // Not activated yet: the right password says so and offers the mail again.
      const early = await logIn(new WebClient(t.app), '31222333', 'una clave segura');
      assert.equal(early.statusCode, 403);
      assert.match(early.body, /Reenviar mail de activaci/);

      const mail = await mailTo(t, 'lucia.gomez@example.com');
      assert.match(mail.subject, /Activá tu usuario/);
      assert.match(mail.text, /CENTRO MEDICO DEMO/);
      assert.match(mail.text, /48 horas/);
      assert.match(mail.text, /4444-4444/);
      const link = linkPath(mail, '/activar?token=');
      assert.match(link, /^\/activar\?token=[\w-]{43}$/);
      const stored = await t.ctx.database.db.selectFrom('oneTimeTokens').selectAll().execute();
      assert.ok(
        stored.every((row) => !link.includes(row.tokenHash)),
        'only the hash is stored',
      );

      const activated = await client.follow(await client.get(link));
      assert.equal(activated.statusCode, 200);
      assert.match(client.text(), /Tu usuario quedó activado/);

      const login = await logIn(client, '31222333', 'una clave segura');
      assert.equal(login.statusCode, 303);
      assert.equal(login.headers.location, '/');
      await client.follow(login);
      assert.match(client.text(), /Hola, Lucía Gómez/);
    });

    test('a known patient without account sees masked data, confirms the birth date, fills only empty fields', async () => {
      const db = t.ctx.database.db;
      const known = await insertPatient(db, { dni: '22333444', lastName: 'PEREZ' });
      await db
        .updateTable('patients')
        .set({ email: 'juan.perez@gmail.com', mobile: '+5491144445678', address: '', insurerId: osdeId })
        .where('id', '=', known.id)
        .execute();
      const client = new WebClient(t.app);
      await startRegistration(client, '22333444');
      const text = client.text();
      assert.match(text, /j•••@gmail\.com/);
      assert.match(text, /terminado en 5678/);
      assert.match(text, /P••• T•••/);
      assert.doesNotMatch(client.html, /juan\.perez@gmail\.com|PEREZ|1144445678|1980-05-04/);
      assert.match(text, /Confirmá tu fecha de nacimiento/);
      // Only what the record lacks is asked.
      assert.equal(inputValue(client.html, 'lastName'), undefined);
      assert.equal(inputValue(client.html, 'email'), undefined);
      assert.equal(inputValue(client.html, 'address'), '');

      const wrongDate = await completeRegistration(client, {
        birthDate: '05/04/1980',
        address: 'Mitre 55',
        password: 'otra clave buena',
        passwordRepeat: 'otra clave buena',
      });
      assert.equal(wrongDate.statusCode, 422);
      assert.match(client.text(), /no coincide/);
      assert.equal(inputValue(client.html, 'address'), 'Mitre 55');

      const ok = await completeRegistration(client, {
        birthDate: '04/05/1980',
        address: 'Mitre 55',
        // Tampered fields the form does not ask: ignored.
        email: 'intruso@example.com',
        lastName: 'OTRO',
        password: 'otra clave buena',
        passwordRepeat: 'otra clave buena',
      });
      assert.equal(ok.statusCode, 200, client.text());
      assert.match(client.text(), /Te enviamos un mail/);
      const after = await patientByDni('22333444');
      assert.equal(after.address, 'Mitre 55');
      assert.equal(after.email, 'juan.perez@gmail.com');
      assert.equal(after.lastName, 'PEREZ');
      assert.equal(after.mobile, '+5491144445678');

      const mail = await mailTo(t, 'juan.perez@gmail.com');
      assert.match(mail.subject, /Activá tu usuario/);
      const sink = await t.sendMails();
      assert.equal(sink.to('intruso@example.com').length, 0);
    });

    test('a known patient without e-mail types one: the activation goes there; the center data stays', async () => {
      const db = t.ctx.database.db;
      const known = await insertPatient(db, { dni: '22333555' });
      await db.updateTable('patients').set({ email: null, birthDate: null }).where('id', '=', known.id).execute();
      const client = new WebClient(t.app);
      await startRegistration(client, '22333555');
      assert.match(client.text(), /Fecha de nacimiento/);
      const res = await completeRegistration(client, {
        birthDate: '1975-01-02',
        email: 'nuevo@example.com',
        address: '',
        insurerId: String(osdeId),
        password: 'clave de prueba',
        passwordRepeat: 'clave de prueba',
      });
      assert.equal(res.statusCode, 200, client.text());
      const after = await patientByDni('22333555');
      assert.equal(after.email, 'nuevo@example.com');
      assert.equal(after.birthDate, '1975-01-02');
      assert.equal(after.mobile, known.mobile);
      assert.equal(after.insurerId, osdeId);
      const mail = await mailTo(t, 'nuevo@example.com');
      assert.match(mail.subject, /Activá tu usuario/);
    });

    test('a DNI that already has an account: the same answer on the page, a "ya tenés usuario" mail', async () => {
      const db = t.ctx.database.db;
      const owner = await insertPatient(db, { dni: '22333666' });
      await withAccount(t, owner.id, 'la clave original');
      const client = new WebClient(t.app);
      await startRegistration(client, '22333666');
      const res = await completeRegistration(client, {
        birthDate: '04/05/1980',
        address: 'Falsa 123',
        insurerId: String(osdeId),
        password: 'clave del intruso',
        passwordRepeat: 'clave del intruso',
      });
      assert.equal(res.statusCode, 200, client.text());
      assert.equal(client.text(), sentPage);
      const after = await patientByDni('22333666');
      assert.equal(after.address, '', 'nothing typed lands on an account holder');

      const mail = await mailTo(t, owner.email as string);
      assert.match(mail.subject, /Ya tenés usuario/);
      assert.match(mail.text, /ya tenés usuario/);
      const reset = linkPath(mail, '/restablecer?token=');
      assert.equal((await client.get(reset)).statusCode, 200);
      // The password did not change.
      assert.equal((await logIn(new WebClient(t.app), '22333666', 'la clave original')).statusCode, 303);
      assert.equal((await logIn(new WebClient(t.app), '22333666', 'clave del intruso')).statusCode, 401);
    });

    test('a wrong answer to the sum keeps the DNI and asks a new sum', async () => {
      const client = new WebClient(t.app);
      const res = await startRegistration(client, '33.444.555', '999');
      assert.equal(res.statusCode, 400);
      assert.equal(inputValue(client.html, 'dni'), '33.444.555');
      assert.match(client.html, /role="alert"/);
      assert.match(client.html, /id="f-answer" [^>]*aria-invalid="true"/);
      assert.match(client.html, /aria-describedby="[^"]*f-answer-error/);
      assert.match(client.text(), /La respuesta de la cuenta no es correcta/);
      // Step 2 cannot be posted without the ticket of step 1.
      const forged = await client.post('/registrarse/datos', {
        dni: '33444555',
        ticket: '9999999999999.abc',
        ...newPatientFields(),
      });
      assert.equal(forged.statusCode, 400);
      await t.ctx.database.db
        .selectFrom('patients')
        .where('dni', '=', '33444555')
        .select('id')
        .executeTakeFirst()
        .then((row) => {
          assert.equal(row, undefined);
        });
    });

    test('a challenge cannot be forged and expires', async () => {
      const client = new WebClient(t.app);
      await client.get('/registrarse');
      const token = hiddenValue(client.html, 'challenge');
      const [a, b] = token.split('.').map(Number) as [number, number];
      // Numbers other than the real ones (a challenge of 1 + 1 would make "1.1" the genuine token).
      const other = a === 1 && b === 1 ? 2 : 1;
      const forged = await client.post('/registrarse', {
        dni: '30111222',
        challenge: token.replace(/^\d+\.\d+/, `${other}.${other}`),
        answer: String(other * 2),
      });
      assert.equal(forged.statusCode, 400);
      t.clock.advance(HOUR);
      const late = await client.post('/registrarse', { dni: '30111222', challenge: token, answer: String(a + b) });
      assert.equal(late.statusCode, 400);
    });

    test('activation links: expired ones and used ones are refused; resending makes the old one stop working', async () => {
      const client = new WebClient(t.app);
      await startRegistration(client, '34555666');
      await completeRegistration(client, newPatientFields({ insurerId: String(osdeId), email: 'expira@example.com' }));
      const first = linkPath(await mailTo(t, 'expira@example.com'), '/activar?token=');

      t.clock.advance(49 * HOUR);
      const expired = await client.get(first);
      assert.equal(expired.statusCode, 410);
      assert.match(client.text(), /ya se usó, venció/);

      const resend = await client.get('/reenviar-activacion');
      assert.equal(resend.statusCode, 200);
      await client.post('/reenviar-activacion', { dni: '34.555.666' });
      assert.match(client.text(), /Si ese DNI tiene un usuario sin activar/);
      const second = linkPath(await mailTo(t, 'expira@example.com'), '/activar?token=');
      assert.notEqual(second, first);

      await client.post('/reenviar-activacion', { dni: '34555666' });
      const third = linkPath(await mailTo(t, 'expira@example.com'), '/activar?token=');
      assert.equal((await client.get(second)).statusCode, 410, 'a newer link replaces the older');

      const used = await client.get(third);
      assert.equal(used.statusCode, 303);
      assert.equal((await client.get(third)).statusCode, 410, 'single use');

      // An unknown DNI gets the same answer, and nobody gets a mail.
      const sink = await t.sendMails();
      const before = sink.mails.length;
      await client.post('/reenviar-activacion', { dni: '12345678' });
      assert.match(client.text(), /Si ese DNI tiene un usuario sin activar/);
      assert.equal((await t.sendMails()).mails.length, before);
    });

    test('registration is limited per IP and per DNI (429 with the wait)', async () => {
      const client = new WebClient(t.app);
      for (let i = 0; i < 10; i++) assert.equal((await startRegistration(client, '35666777', '0')).statusCode, 400);
      const refused = await startRegistration(client, '35666777');
      assert.equal(refused.statusCode, 429);
      assert.match(client.text(), /Demasiados intentos\. Esperá \d+ minutos y volvé a probar\./);
      assert.equal(inputValue(client.html, 'dni'), '35666777');

      await forgetLimits(t);
      await startRegistration(client, '35666777');
      for (let i = 0; i < 3; i++) {
        const weak = await completeRegistration(
          client,
          newPatientFields({ insurerId: String(osdeId), password: '35.666.777', passwordRepeat: '35.666.777' }),
        );
        assert.equal(weak.statusCode, 400);
        assert.match(client.text(), /no puede ser tu DNI/);
      }
      const fourth = await completeRegistration(client, newPatientFields({ insurerId: String(osdeId) }));
      assert.equal(fourth.statusCode, 429);
      assert.match(client.text(), /Demasiados intentos/);
      assert.equal(inputValue(client.html, 'lastName'), 'Gómez', 'what was typed stays');
    });
  });
}
