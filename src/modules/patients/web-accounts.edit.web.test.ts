// /staff/web/pacientes/:id through the pages, "Modificar activación/contraseña": DNI, e-mail and password,
// DESHABILITAR? with the note the patient reads at login, and the account mails sent by the center.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { auditTrail } from '../../../test/support/audit-log.js';
import { insertPatient, insertStaffUser } from '../../../test/support/factories.js';
import { buildSeededApp } from '../../../test/support/seeded-app.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { location, WebClient } from '../../../test/support/web-client.js';
import { forgetLimits, hiddenValue, inputValue, linkPath, logIn, withAccount } from './accounts.test-helpers.js';
import { checked, mailAbout } from './web-accounts.test-helpers.js';

for (const dialect of testDialects()) {
  describe(`staff web patient account page (${dialect})`, () => {
    let t: TestApp;
    let desk: WebClient;
    let userId: number;
    before(async () => {
      ({ t } = await buildSeededApp(dialect));
      userId = (await insertStaffUser(t.ctx.database.db, { username: 'mesa-web-2', role: 'reception' })).id;
      desk = await WebClient.loggedInStaff(t.app, t.ctx, userId);
    });
    after(() => t.close());
    beforeEach(() => forgetLimits(t));

    const auditActions = (patientId: number) => auditTrail(t.ctx.database.db, patientId, `usuario:${userId}`);

    test('Modificar activación/contraseña: DNI, e-mail and password change; mistakes keep what was typed', async () => {
      const db = t.ctx.database.db;
      const other = await insertPatient(db, { dni: '45000111' });
      const patient = await insertPatient(db, { dni: '45000222', lastName: 'CAMBIOS' });
      await withAccount(t, patient.id, 'clave vieja 1', false);
      await desk.get(`/staff/web/pacientes/${patient.id}`);
      assert.match(desk.text(), /Modificar activación\/contraseña: CAMBIOS, Test/);
      assert.ok(!checked(desk.html, 'activated'));
      assert.match(desk.html, /Reenviar mail de activación/);

      const logged = (await auditActions(patient.id)).length;
      const taken = await desk.post(`/staff/web/pacientes/${patient.id}`, {
        dni: other.dni,
        email: 'cambios@example.com',
        password: 'clave nueva 1',
        activated: '1',
      });
      assert.equal(taken.statusCode, 409);
      assert.match(desk.text(), /DNI : Ya hay un paciente con el DNI 45000111/);
      assert.equal(inputValue(desk.html, 'email'), 'cambios@example.com');
      assert.ok(checked(desk.html, 'activated'), 'the tick is kept');
      assert.equal(inputValue(desk.html, 'password'), undefined, 'a password is never written back into the page');
      const refusal = (await auditActions(patient.id)).slice(logged);
      assert.deepEqual(refusal, ['web_account.read'], 'a refused save reads (and logs) the account once');

      const badEmail = await desk.post(`/staff/web/pacientes/${patient.id}`, { dni: '45000222', email: 'no-es-mail' });
      assert.equal(badEmail.statusCode, 400);
      assert.match(desk.text(), /E-mail : No es un e-mail válido/);

      const saved = await desk.post(`/staff/web/pacientes/${patient.id}`, {
        dni: '45.000.223',
        email: 'Cambios@Example.com',
        password: 'clave nueva 1',
        activated: '1',
      });
      assert.equal(location(saved), `/staff/web/pacientes/${patient.id}?ok=guardado`);
      await desk.follow(saved);
      assert.match(desk.text(), /Cambios guardados\./);
      assert.equal(inputValue(desk.html, 'dni'), '45000223');
      assert.equal(inputValue(desk.html, 'email'), 'cambios@example.com');
      assert.ok(checked(desk.html, 'activated'));
      assert.match(desk.text(), /El usuario ya está activado: no necesita el mail de activación/);
      assert.doesNotMatch(desk.html, /Reenviar mail de activación/);

      const client = new WebClient(t.app);
      assert.equal((await logIn(client, '45000223', 'clave vieja 1')).statusCode, 401);
      assert.equal((await logIn(client, '45000223', 'clave nueva 1')).statusCode, 303);
      await mailAbout(t, 'cambios@example.com', /contraseña/i);
      assert.ok((await auditActions(patient.id)).includes('web_account.update'));
    });

    test('DESHABILITAR needs the note; the patient reads it at login and cannot book; enabling again clears it', async () => {
      const patient = await insertPatient(t.ctx.database.db, { dni: '46000111', lastName: 'INDESEADO' });
      await withAccount(t, patient.id, 'clave indeseado');
      await desk.get(`/staff/web/pacientes/${patient.id}`);
      assert.match(desk.text(), /Obligatoria si tildás DESHABILITAR\?/);

      const noNote = await desk.post(`/staff/web/pacientes/${patient.id}`, {
        dni: '46000111',
        email: patient.email as string,
        activated: '1',
        disabled: '1',
        disabledNote: '',
      });
      assert.equal(noNote.statusCode, 400);
      assert.match(desk.text(), /Observación que lee el paciente al ingresar : Escribí la observación/);
      assert.ok(checked(desk.html, 'disabled'), 'the tick is kept');

      const untickedNote = await desk.post(`/staff/web/pacientes/${patient.id}`, {
        dni: '46000111',
        email: patient.email as string,
        activated: '1',
        disabledNote: 'Solo con la nota',
      });
      assert.equal(untickedNote.statusCode, 400);
      assert.match(desk.text(), /tildá DESHABILITAR\? \(o borrá la observación\)/);
      assert.match(desk.html, /Solo con la nota<\/textarea>/);

      const note = 'Comunicate con administración por tres ausencias.';
      const off = await desk.post(`/staff/web/pacientes/${patient.id}`, {
        dni: '46000111',
        email: patient.email as string,
        activated: '1',
        disabled: '1',
        disabledNote: note,
      });
      assert.equal(location(off), `/staff/web/pacientes/${patient.id}?ok=guardado`);
      await desk.follow(off);
      assert.match(desk.text(), /Estado deshabilitado Puede ingresar y leer la observación, pero no tomar turnos/);

      const client = new WebClient(t.app);
      const login = await logIn(client, '46000111', 'clave indeseado');
      await client.follow(login);
      assert.match(client.text(), new RegExp(note));
      await client.get('/turnos/nuevo');
      assert.match(client.text(), /Tu usuario no puede tomar turnos por internet/);
      assert.match(client.text(), new RegExp(note));
      assert.doesNotMatch(client.html, /Ver profesionales/);

      const on = await desk.post(`/staff/web/pacientes/${patient.id}`, {
        dni: '46000111',
        email: patient.email as string,
        activated: '1',
        disabledNote: note,
      });
      assert.equal(on.statusCode, 303);
      const row = await t.ctx.database.db
        .selectFrom('patients')
        .select(['disabled', 'disabledNote'])
        .where('id', '=', patient.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(row, { disabled: 0, disabledNote: '' });
      await client.get('/turnos/nuevo');
      assert.doesNotMatch(client.text(), /no puede tomar turnos/);
    });

    test('the account mails: activation again (its link activates) and the password reset', async () => {
      const patient = await insertPatient(t.ctx.database.db, { dni: '47000111', lastName: 'OLVIDOS' });
      await withAccount(t, patient.id, 'clave olvidada', false);
      const email = patient.email as string;
      await desk.get(`/staff/web/pacientes/${patient.id}`);
      const resent = await desk.post(`/staff/web/pacientes/${patient.id}/mail-activacion`);
      assert.equal(location(resent), `/staff/web/pacientes/${patient.id}?ok=activacion`);
      await desk.follow(resent);
      assert.match(desk.text(), new RegExp(`Reenviamos el mail de activación a ${email}`));
      const activation = await mailAbout(t, email, /Activá tu usuario web/);
      const client = new WebClient(t.app);
      await client.follow(await client.get(linkPath(activation, '/activar?token=')));
      assert.match(client.text(), /Tu usuario quedó activado/);

      // Already active now: the page no longer offers it, and a stale form gets the reason.
      await desk.get(`/staff/web/pacientes/${patient.id}`);
      assert.doesNotMatch(desk.html, /Reenviar mail de activación/);
      const stale = await desk.post(`/staff/web/pacientes/${patient.id}/mail-activacion`);
      assert.equal(stale.statusCode, 409);
      assert.match(desk.text(), /ya está activado: no hace falta el mail de activación/);

      const reset = await desk.post(`/staff/web/pacientes/${patient.id}/mail-clave`);
      assert.equal(location(reset), `/staff/web/pacientes/${patient.id}?ok=clave`);
      await desk.follow(reset);
      assert.match(desk.text(), new RegExp(`Enviamos el mail para restablecer la contraseña a ${email}`));
      const mail = await mailAbout(t, email, /contraseña nueva/);
      const link = linkPath(mail, '/restablecer?token=');
      await client.get(link);
      const token = new URL(link, 'http://x').searchParams.get('token') as string;
      await client.post('/restablecer', { token, password: 'clave recordada', passwordRepeat: 'clave recordada' });
      assert.equal((await logIn(new WebClient(t.app), '47000111', 'clave recordada')).statusCode, 303);
      const actions = await auditActions(patient.id);
      assert.ok(actions.includes('web_account.resend_activation'));
      assert.ok(actions.includes('web_account.password_reset_mail'));
    });

    test('a patient without e-mail: the mails are not offered, and saving other changes does not ask for one', async () => {
      const db = t.ctx.database.db;
      const patient = await insertPatient(db, { dni: '48000111' });
      await db.updateTable('patients').set({ email: null }).where('id', '=', patient.id).execute();
      await withAccount(t, patient.id, 'clave sin mail', false);
      await desk.get(`/staff/web/pacientes/${patient.id}`);
      assert.match(desk.text(), /El paciente no tiene e-mail/);
      const saved = await desk.post(`/staff/web/pacientes/${patient.id}`, {
        dni: '48000111',
        email: '',
        activated: '1',
      });
      assert.equal(saved.statusCode, 303);
      const refused = await desk.post(`/staff/web/pacientes/${patient.id}/mail-clave`);
      assert.equal(refused.statusCode, 422);
      assert.match(desk.text(), /El paciente no tiene e-mail: cargalo antes de enviarle el mail/);
    });

    test('a link that names the form fields does not fill the forms: only a draft of this user does', async () => {
      const db = t.ctx.database.db;
      const patient = await insertPatient(db, { dni: '48600111', lastName: 'ENLACE' });
      await withAccount(t, patient.id, 'clave de enlace');
      const crafted = `?dni=48600111&email=${encodeURIComponent('intruso@example.net')}&disabled=1&disabledNote=x`;
      await desk.get(`/staff/web/pacientes/${patient.id}${crafted}`);
      assert.equal(inputValue(desk.html, 'email'), patient.email, 'the stored e-mail, not the one in the link');
      assert.doesNotMatch(desk.text(), /Se recuperó/);
      await desk.get(`/staff/web/pacientes/${patient.id}${crafted}&borrador=1`);
      assert.equal(inputValue(desk.html, 'email'), patient.email, 'a made-up mark is no mark');

      // Another user's mark, for this very form, does not open it filled either.
      const other = await WebClient.newStaff(t.app, t.ctx, { username: 'mesa-web-3', role: 'reception' });
      await other.get(`/staff/web/pacientes/${patient.id}`);
      const theirs = encodeURIComponent(hiddenValue(other.html, 'borrador'));
      await desk.get(`/staff/web/pacientes/${patient.id}${crafted}&borrador=${theirs}`);
      assert.equal(inputValue(desk.html, 'email'), patient.email);

      const fresh = await insertPatient(db, { dni: '48600222', lastName: 'SINCUENTA' });
      await desk.get(`/staff/web/pacientes/alta?paciente=${fresh.id}&email=intruso%40example.net`);
      assert.equal(inputValue(desk.html, 'email'), fresh.email);
      await desk.get('/staff/web/pacientes/alta?nuevo=1&dni=48600333&email=intruso%40example.net&lastName=X');
      assert.equal(inputValue(desk.html, 'dni'), '48600333', "the search's own link still brings the DNI");
      assert.equal(inputValue(desk.html, 'email'), '');
      assert.equal(inputValue(desk.html, 'lastName'), '');
    });

    // Last: it moves the clock past the staff's idle time, which ends every session of this suite.
    test('a form sent after the session ended opens filled (without the password) after logging in again', async () => {
      const patient = await insertPatient(t.ctx.database.db, { dni: '48500111', lastName: 'TARDE' });
      await withAccount(t, patient.id, 'clave de tarde');
      const late = await WebClient.loggedInStaff(t.app, t.ctx, userId);
      await late.get(`/staff/web/pacientes/${patient.id}`);
      t.clock.advance(31 * 60_000);
      const sent = await late.post(`/staff/web/pacientes/${patient.id}`, {
        borrador: hiddenValue(late.html, 'borrador'),
        dni: '48500111',
        email: 'tarde@example.com',
        password: 'secreta de tarde',
        activated: '1',
        disabled: '1',
        disabledNote: 'Escrita después de irse a almorzar',
      });
      assert.equal(sent.statusCode, 303);
      const volver = new URL(location(sent), 'http://x').searchParams.get('volver') ?? '';
      assert.match(volver, new RegExp(`^/staff/web/pacientes/${patient.id}\\?`));
      assert.doesNotMatch(volver, /secreta/);
      const again = await WebClient.loggedInStaff(t.app, t.ctx, userId);
      await again.get(volver);
      assert.match(again.text(), /Se recuperó lo que estabas escribiendo antes de que se cerrara la sesión/);
      assert.equal(inputValue(again.html, 'email'), 'tarde@example.com');
      assert.ok(checked(again.html, 'disabled'));
      assert.match(again.html, /Escrita después de irse a almorzar<\/textarea>/);
      const saved = await again.post(`/staff/web/pacientes/${patient.id}`, {
        dni: '48500111',
        email: 'tarde@example.com',
        activated: '1',
        disabled: '1',
        disabledNote: 'Escrita después de irse a almorzar',
      });
      assert.equal(saved.statusCode, 303);

      await again.get('/staff/web/pacientes/alta?nuevo=1');
      t.clock.advance(31 * 60_000);
      const alta = await again.post('/staff/web/pacientes/alta', {
        borrador: hiddenValue(again.html, 'borrador'),
        nuevo: '1',
        dni: '48500222',
        lastName: 'Olvido',
        firstName: 'Rita',
        email: 'rita@example.com',
        password: 'clave de rita 1',
        activacion: 'activado',
      });
      const altaBack = new URL(location(alta), 'http://x').searchParams.get('volver') ?? '';
      const third = await WebClient.loggedInStaff(t.app, t.ctx, userId);
      await third.get(altaBack);
      assert.match(third.text(), /Se recuperó lo que estabas escribiendo/);
      assert.equal(inputValue(third.html, 'lastName'), 'Olvido');
      assert.equal(inputValue(third.html, 'email'), 'rita@example.com');
      assert.match(third.html, /value="activado" checked/);
    });
  });
}
