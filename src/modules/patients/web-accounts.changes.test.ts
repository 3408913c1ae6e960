// "Modificar activación/contraseña" for staff: new DNI, e-mail or password, activated or disabled by hand,
// the account mails sent again, and "olvidó su mail" solved by DNI. The patient's side proves each change.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { insertPatient, seedCenter } from '../../../test/support/factories.js';
import { linkIn, type ReceivedMail } from '../../../test/support/smtp-sink.js';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { location, WebClient } from '../../../test/support/web-client.js';
import type { StaffActor } from '../staff/actor.js';
import { BASE, forgetLimits, logIn, withAccount } from './accounts.test-helpers.js';
import { updateWebAccount } from './web-accounts.staff.service.js';

type Seed = Awaited<ReturnType<typeof seedCenter>>;

for (const dialect of testDialects()) {
  describe(`web account changes by staff (${dialect})`, () => {
    let t: TestApp;
    let seed: Seed;
    let staff: Record<string, string>;

    before(async () => {
      t = await buildTestApp(dialect);
      seed = await seedCenter(t.ctx.database.db);
      staff = await t.auth('reception');
    });
    after(() => t.close());
    beforeEach(() => forgetLimits(t));

    const patch = (patientId: number, payload: object) =>
      t.app.inject({ method: 'PATCH', url: `/api/v1/web-accounts/${patientId}`, headers: staff, payload });
    const mailEndpoint = (patientId: number, which: 'activation-mail' | 'password-reset-mail') =>
      t.app.inject({ method: 'POST', url: `/api/v1/web-accounts/${patientId}/${which}`, headers: staff });
    const apiLogin = (dni: string, password: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/me/session', payload: { dni, password } });
    /** Every mail delivered so far to that address, oldest first. */
    const mailsTo = async (address: string) => (await t.sendMails()).to(address);
    const linkOf = (mail: ReceivedMail | undefined, path: string) => {
      assert.ok(mail, `no mail for ${path}`);
      return linkIn(mail, `${BASE}${path}`).slice(BASE.length);
    };
    const auditOf = (action: string, patientId: number) =>
      t.ctx.database.db
        .selectFrom('auditLog')
        .selectAll()
        .where('action', '=', action)
        .where('patientId', '=', patientId)
        .execute();
    const newAccount = async (dni: string, password: string, active = true) => {
      const patient = await insertPatient(t.ctx.database.db, { dni, insurerId: seed.osde.id });
      await withAccount(t, patient.id, password, active);
      return patient;
    };

    test('new DNI, e-mail and password: the patient logs in with them; sessions end; both addresses told', async () => {
      const patient = await newAccount('26111222', 'clave vieja 1');
      const oldEmail = patient.email as string;
      const elsewhere = await WebClient.loggedIn(t.app, t.ctx, patient.id);
      assert.equal((await elsewhere.get('/mis-datos')).statusCode, 200);

      const res = await patch(patient.id, {
        dni: '26.111.333',
        email: 'Nuevo.Mail@Example.com',
        password: 'clave nueva 2',
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().dni, '26111333');
      assert.equal(res.json().email, 'nuevo.mail@example.com');
      assert.equal(res.json().state, 'activated');

      assert.equal((await apiLogin('26111222', 'clave vieja 1')).statusCode, 401);
      assert.equal((await apiLogin('26111333', 'clave vieja 1')).statusCode, 401);
      assert.equal((await apiLogin('26111333', 'clave nueva 2')).statusCode, 200);
      assert.equal((await elsewhere.get('/mis-datos')).statusCode, 303, 'the old session ended');
      assert.match((await mailsTo(oldEmail)).at(-1)?.subject ?? '', /Cambió tu e-mail/);
      assert.match((await mailsTo('nuevo.mail@example.com')).at(-1)?.subject ?? '', /Cambió tu contraseña/);

      const [row] = await auditOf('web_account.update', patient.id);
      assert.equal(row?.detail, 'dni, e-mail, contraseña');
      assert.doesNotMatch(JSON.stringify(row), /clave nueva/);
    });

    test('changes refused: a DNI of another patient, a weak password, unknown fields, an empty change', async () => {
      const patient = await newAccount('26222333', 'clave segura 3');
      await insertPatient(t.ctx.database.db, { dni: '26222444' });
      const cases: Array<[object, number, string]> = [
        [{ dni: '26222444' }, 409, 'DNI_TAKEN'],
        [{ dni: '26222555', password: '26.222.555' }, 400, 'WEAK_PASSWORD'],
        [{ password: 'corta' }, 400, 'WEAK_PASSWORD'],
        [{ email: 'no es mail' }, 400, 'VALIDATION_ERROR'],
        [{ lastName: 'Otro' }, 400, 'VALIDATION_ERROR'],
        [{}, 400, 'VALIDATION_ERROR'],
      ];
      for (const [body, status, code] of cases) {
        const res = await patch(patient.id, body);
        assert.equal(res.statusCode, status, `${JSON.stringify(body)}: ${res.body}`);
        assert.equal(res.json().error.code, code, JSON.stringify(body));
      }
      assert.equal((await apiLogin('26222333', 'clave segura 3')).statusCode, 200, 'nothing changed');
      const bare = await insertPatient(t.ctx.database.db);
      assert.equal((await patch(bare.id, { activated: true })).statusCode, 404, 'no web account');
    });

    test('called from a page with what staff typed, the service keeps one spelling and refuses nonsense', async () => {
      const patient = await newAccount('26888999', 'clave tipeada');
      const actor: StaffActor = {
        kind: 'staff',
        ref: 'usuario:1',
        name: 'Recepción',
        role: 'reception',
        professionalId: null,
        ip: '',
      };
      const changes = { dni: ' 26.888.000 ', email: ' Tipeado@Example.COM', disabledNote: '  nota  ' };
      const view = await updateWebAccount(t.ctx, { actor, patientId: patient.id, changes });
      assert.deepEqual([view.dni, view.email, view.disabledNote], ['26888000', 'tipeado@example.com', 'nota']);
      for (const bad of [{ dni: '12' }, { email: 'sin arroba' }, { disabledNote: 'x'.repeat(501) }]) {
        await assert.rejects(updateWebAccount(t.ctx, { actor, patientId: patient.id, changes: bad }), {
          code: 'VALIDATION_ERROR',
        });
      }
    });

    test('"olvidó su mail": found by DNI, e-mail changed, the reset mail reaches the new address and works', async () => {
      const patient = await newAccount('26333444', 'clave olvidada');
      const found = await t.app.inject({ url: '/api/v1/web-accounts?q=26.333.444', headers: staff });
      const [item] = found.json().items as Array<{ patientId: number }>;
      assert.equal(item?.patientId, patient.id);
      assert.equal((await patch(patient.id, { email: 'recuperado@example.com' })).statusCode, 200);

      const sent = await mailEndpoint(patient.id, 'password-reset-mail');
      assert.equal(sent.statusCode, 200, sent.body);
      assert.deepEqual(sent.json(), { to: 'recuperado@example.com' });
      const mail = (await mailsTo('recuperado@example.com')).find((m) => /contraseña nueva/.test(m.subject));
      const link = linkOf(mail, '/restablecer?token=');
      const client = new WebClient(t.app);
      assert.equal((await client.get(link)).statusCode, 200);
      const token = new URL(link, BASE).searchParams.get('token') as string;
      const done = await client.post('/restablecer', {
        token,
        password: 'clave elegida 9',
        passwordRepeat: 'clave elegida 9',
      });
      assert.equal(done.statusCode, 200, client.text());
      assert.equal((await apiLogin('26333444', 'clave elegida 9')).statusCode, 200);
      assert.equal((await auditOf('web_account.password_reset_mail', patient.id)).length, 1);
    });

    test('disabled with a note: the patient logs in and reads it, cannot book; enabled again, can', async () => {
      const patient = await newAccount('26444555', 'clave de turnos');
      const note = 'Faltó a 3 turnos sin avisar.';
      const off = await patch(patient.id, { disabled: true, disabledNote: note });
      assert.equal(off.statusCode, 200, off.body);
      assert.equal(off.json().state, 'disabled');
      assert.equal(off.json().disabledNote, note);

      const session = await apiLogin('26444555', 'clave de turnos');
      assert.equal(session.statusCode, 200);
      assert.equal(session.json().disabled, true);
      assert.equal(session.json().disabledNote, note);
      const cookie = session.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const book = () =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/me/appointments',
          headers: { cookie },
          payload: {
            professionalId: seed.gonzalez.id,
            specialtyId: seed.cardiology.id,
            insurerId: seed.osde.id,
            start: '2026-11-24T08:00:00-03:00',
            reason: 'Control',
          },
        });
      const refused = await book();
      assert.equal(refused.statusCode, 422);
      assert.equal(refused.json().error.code, 'PATIENT_DISABLED');
      assert.match(refused.json().error.message, /Faltó a 3 turnos sin avisar\./);

      const client = new WebClient(t.app);
      const web = await logIn(client, '26444555', 'clave de turnos');
      assert.equal(location(web), '/aviso?volver=%2F');
      await client.follow(web);
      assert.match(client.text(), /Faltó a 3 turnos sin avisar\./);

      const on = await patch(patient.id, { disabled: false });
      assert.equal(on.json().state, 'activated');
      assert.equal(on.json().disabledNote, '');
      assert.equal((await book()).statusCode, 201);
      const details = (await auditOf('web_account.update', patient.id)).map((r) => r.detail);
      assert.deepEqual(details, ['deshabilitado', 'habilitado']);
    });

    test('"activado" unticked and ticked by hand: the login follows it, no mail is sent', async () => {
      const patient = await newAccount('26555666', 'clave manual 1');
      const pending = await patch(patient.id, { activated: false });
      assert.equal(pending.json().state, 'pending');
      const early = await apiLogin('26555666', 'clave manual 1');
      assert.equal(early.json().error.code, 'ACCOUNT_NOT_ACTIVE');
      const active = await patch(patient.id, { activated: true });
      assert.equal(active.json().state, 'activated');
      assert.equal((await apiLogin('26555666', 'clave manual 1')).statusCode, 200);
      assert.equal((await mailsTo(patient.email as string)).length, 0);
    });

    test('activation mail again: a new link, the earlier one dies; an active account needs none', async () => {
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/web-accounts',
        headers: staff,
        payload: {
          patient: { dni: '26666777', lastName: 'Rey', firstName: 'Inés' },
          email: 'ines.rey@example.com',
          password: 'clave de ines',
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      const { patientId } = created.json();
      const resent = await mailEndpoint(patientId, 'activation-mail');
      assert.equal(resent.statusCode, 200, resent.body);
      assert.deepEqual(resent.json(), { to: 'ines.rey@example.com' });

      const mails = (await mailsTo('ines.rey@example.com')).filter((m) => /Activá tu usuario/.test(m.subject));
      assert.equal(mails.length, 2);
      const client = new WebClient(t.app);
      assert.equal((await client.get(linkOf(mails[0], '/activar?token='))).statusCode, 410, 'the first link died');
      await client.follow(await client.get(linkOf(mails[1], '/activar?token=')));
      assert.match(client.text(), /Tu usuario quedó activado/);
      assert.equal((await apiLogin('26666777', 'clave de ines')).statusCode, 200);

      const again = await mailEndpoint(patientId, 'activation-mail');
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, 'ACCOUNT_ALREADY_ACTIVE');
      assert.equal((await auditOf('web_account.resend_activation', patientId)).length, 1);
    });

    test('the mails need an address on file and an account', async () => {
      const patient = await newAccount('26777888', 'clave sin mail', false);
      await t.ctx.database.db.updateTable('patients').set({ email: null }).where('id', '=', patient.id).execute();
      for (const which of ['activation-mail', 'password-reset-mail'] as const) {
        const res = await mailEndpoint(patient.id, which);
        assert.equal(res.statusCode, 422, res.body);
        assert.equal(res.json().error.code, 'EMAIL_MISSING');
      }
      const bare = await insertPatient(t.ctx.database.db);
      assert.equal((await mailEndpoint(bare.id, 'password-reset-mail')).statusCode, 404);
    });
  });
}
