// The center's side of the portal: the trámite number and the "Portal del paciente" box on the record, the
// identity check of Configuración básica, the first access mail, and switching the portal off.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { auditTrail } from '../../../test/support/audit-log.js';
import { insertStaffUser } from '../../../test/support/factories.js';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { location, WebClient } from '../../../test/support/web-client.js';
import { getCenter } from '../center/center.service.js';
import { forgetLimits, mailTo, withAccount } from '../patients/accounts.test-helpers.js';
import {
  accessLink,
  enableAndGetLink,
  firstAccessFields,
  portalReadyPatient,
  setIdentityCheck,
  submitFirstAccess,
  switchPortal,
} from './first-access.test-helpers.js';

const portalActions = async (t: TestApp, patientId: number, actor: string) =>
  (await auditTrail(t.ctx.database.db, patientId, actor)).filter((a) => a.startsWith('portal.'));

/** The record's form fields as the page shows them (what "Guardar cambios" sends unchanged). */
function recordFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  const form = /<form method="post" action="\/staff\/pacientes\/\d+" [\s\S]*?<\/form>/.exec(html)?.[0] ?? '';
  for (const m of form.matchAll(/<input([^>]*)>/g)) {
    const name = /name="([^"]+)"/.exec(m[1] as string)?.[1];
    if (name && name !== '_csrf') fields[name] = /value="([^"]*)"/.exec(m[1] as string)?.[1] ?? '';
  }
  for (const m of form.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    fields[m[1] as string] = /<option value="([^"]*)" selected/.exec(m[2] as string)?.[1] ?? '';
  }
  return fields;
}

for (const dialect of testDialects()) {
  describe(`portal del paciente: activación por el centro (${dialect})`, () => {
    let t: TestApp;
    let desk: WebClient;
    let deskRef = '';

    before(async () => {
      t = await buildTestApp(dialect);
      const user = await insertStaffUser(t.ctx.database.db, { username: 'mesa', role: 'reception' });
      deskRef = `usuario:${user.id}`;
      desk = await WebClient.loggedInStaff(t.app, t.ctx, user.id);
    });
    after(() => t.close());
    beforeEach(async () => {
      await forgetLimits(t);
      await setIdentityCheck(t, 'birth_date');
    });

    test('Configuración básica: the identity check of the first access is an option, explained and saved', async () => {
      const admin = await WebClient.newStaff(t.app, t.ctx, { username: 'jefa', role: 'admin' });
      await admin.get('/staff/web/configuracion');
      assert.match(admin.html, /<legend>Portal del paciente<\/legend>/);
      assert.match(admin.text(), /Identidad en el primer acceso al portal/);
      assert.match(
        admin.text(),
        /DNI y número de trámite El número de trámite \(11 números\) figura en el DNI tarjeta/,
      );
      assert.match(
        admin.html,
        /id="f-portalIdentityCheck-birth_date" name="portalIdentityCheck" value="birth_date" checked/,
      );
      const fields: Record<string, string> = {};
      for (const m of admin.html.matchAll(/<input([^>]*)>/g)) {
        const attrs = m[1] as string;
        const name = /name="([^"]+)"/.exec(attrs)?.[1];
        if (!name || name === '_csrf' || (/type="(checkbox|radio)"/.test(attrs) && !/ checked/.test(attrs))) continue;
        fields[name] = (/value="([^"]*)"/.exec(attrs)?.[1] ?? '').replace(/&amp;/g, '&');
      }
      for (const m of admin.html.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g)) {
        fields[m[1] as string] = m[2] as string;
      }
      fields.timeZone = 'America/Argentina/Buenos_Aires';
      const saved = await admin.post('/staff/web/configuracion', { ...fields, portalIdentityCheck: 'dni_tramite' });
      assert.equal(saved.statusCode, 303, admin.text());
      assert.equal((await getCenter(t.ctx)).portalIdentityCheck, 'dni_tramite');
      const odd = await admin.post('/staff/web/configuracion', { ...fields, portalIdentityCheck: 'huella' });
      assert.equal(odd.statusCode, 400);
      assert.match(admin.text(), /debe ser dni_tramite o birth_date/);
      // Reception does not configure the center.
      assert.equal((await desk.get('/staff/web/configuracion')).statusCode, 403);
    });

    test('enabling is refused while the record lacks e-mail, mobile or the trámite number, saying exactly what', async () => {
      await setIdentityCheck(t, 'dni_tramite');
      const patient = await portalReadyPatient(t, { email: null, mobile: null, dniTramite: '' });
      await desk.get(`/staff/pacientes/${patient.id}`);
      const missing =
        /Para habilitar el portal, cargá en la ficha un e-mail válido, un celular válido y el número de trámite del DNI \(el centro lo pide en el primer acceso\) y guardá los cambios\./;
      assert.match(desk.text(), /Número de trámite del DNI/);
      assert.match(desk.text(), missing);
      assert.match(desk.html, /id="f-portal" name="portal" value="1" disabled/);
      assert.match(
        desk.html,
        /class="secondary" disabled="" aria-describedby="portal-resend-hint"|class="secondary" disabled aria-describedby/,
      );

      const refused = await desk.post(`/staff/pacientes/${patient.id}/portal`, { portal: '1' });
      assert.equal(refused.statusCode, 422);
      assert.match(desk.text(), missing);
      const row = await t.ctx.database.db
        .selectFrom('patients')
        .selectAll()
        .where('id', '=', patient.id)
        .executeTakeFirstOrThrow();
      assert.equal(row.portalEnabled, 0);
      assert.equal(
        (await t.ctx.database.db.selectFrom('outbox').selectAll().where('patientId', '=', patient.id).execute()).length,
        0,
      );

      // The trámite number: 11 digits when given, typed with dots or spaces as printed.
      await desk.get(`/staff/pacientes/${patient.id}`);
      const fields = recordFields(desk.html);
      const bad = await desk.post(`/staff/pacientes/${patient.id}`, { ...fields, dniTramite: '123' });
      assert.equal(bad.statusCode, 400);
      assert.match(desk.text(), /Número de trámite del DNI ?: debe tener 11 números/);
      assert.match(desk.html, /name="dniTramite" [^>]*value="123"/);
      const saved = await desk.post(`/staff/pacientes/${patient.id}`, {
        ...fields,
        email: 'Ana.Portal@Example.com',
        mobile: '11 4444-5555',
        dniTramite: '005 1234.5678',
      });
      assert.equal(saved.statusCode, 303, desk.text());
      const after = await t.ctx.database.db
        .selectFrom('patients')
        .selectAll()
        .where('id', '=', patient.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(
        [after.email, after.mobile, after.dniTramite],
        ['ana.portal@example.com', '+5491144445555', '00512345678'],
      );

      const enabled = await switchPortal(desk, patient.id, true);
      assert.equal(location(enabled), `/staff/pacientes/${patient.id}?ok=portal-habilitado-mail#portal`);
      await desk.follow(enabled);
      assert.match(
        desk.text(),
        /Portal del paciente habilitado\. Se envió el mail «Validación primer acceso» a ana\.portal@example\.com\./,
      );
      assert.match(desk.text(), /Habilitado desde el 23\/11\/2026 09:00/);
      assert.match(desk.text(), /Primer acceso pendiente \(enlace vigente hasta el 26\/11\/2026 09:00\)/);

      const mail = await mailTo(t, 'ana.portal@example.com');
      assert.equal(mail.subject, 'Validación primer acceso al Portal del paciente - Centro Médico');
      assert.match(mail.text, /Tu usuario para ingresar al portal es tu e-mail: ana\.portal@example\.com/);
      assert.match(mail.text, /El enlace vale 72 horas \(hasta el 26\/11\/2026 09:00\) y sirve una sola vez/);
      assert.match(mail.text, /Centro Médico nunca te va a pedir tu contraseña/);
      assert.match(mail.text, /http:\/\/localhost:80\/portal\/primer-acceso\?token=[\w-]{43}/);
      assert.deepEqual(await portalActions(t, patient.id, deskRef), ['portal.enable', 'portal.access_mail']);
    });

    test('the e-mail is the portal user: it cannot be another portal patient’s, and the record says whose', async () => {
      const first = await portalReadyPatient(t, { email: 'familia@example.com' });
      await enableAndGetLink(t, desk, first);
      const second = await portalReadyPatient(t, { email: 'familia@example.com' });
      await desk.get(`/staff/pacientes/${second.id}`);
      const whose = new RegExp(
        `El e-mail familia@example\\.com ya es el usuario del portal de ${first.lastName}, Test \\(DNI ${first.dni}\\)`,
      );
      assert.match(desk.text(), whose);
      const refused = await desk.post(`/staff/pacientes/${second.id}/portal`, { portal: '1' });
      assert.equal(refused.statusCode, 409);
      assert.match(desk.text(), whose);

      // Nor can a portal patient's record take an address another portal patient already uses.
      const third = await portalReadyPatient(t);
      await enableAndGetLink(t, desk, third);
      await desk.get(`/staff/pacientes/${third.id}`);
      const taken = await desk.post(`/staff/pacientes/${third.id}`, {
        ...recordFields(desk.html),
        email: 'familia@example.com',
      });
      assert.equal(taken.statusCode, 409);
      assert.match(desk.text(), whose);
      assert.match(desk.html, /name="email" [^>]*value="familia@example.com"/, 'what was typed stays');
    });

    test('Reenviar email de confirmación: only with the portal on; the new link replaces the old one', async () => {
      const patient = await portalReadyPatient(t);
      await desk.get(`/staff/pacientes/${patient.id}`);
      assert.match(desk.text(), /Se puede reenviar con el portal habilitado\./);
      const off = await desk.post(`/staff/pacientes/${patient.id}/portal/mail`);
      assert.equal(off.statusCode, 409);
      assert.match(
        desk.text(),
        /El portal de este paciente está deshabilitado: habilitalo para enviarle el mail de acceso\./,
      );

      const firstLink = await enableAndGetLink(t, desk, patient);
      await desk.get(`/staff/pacientes/${patient.id}`);
      const resent = await desk.post(`/staff/pacientes/${patient.id}/portal/mail`);
      assert.equal(location(resent), `/staff/pacientes/${patient.id}?ok=portal-mail#portal`);
      await desk.follow(resent);
      assert.match(
        desk.text(),
        new RegExp(`Se envió el mail «Validación primer acceso» a ${patient.email.replace(/\./g, '\\.')}`),
      );
      const secondLink = await accessLink(t, patient.email);
      assert.notEqual(secondLink, firstLink);

      const visitor = new WebClient(t.app);
      assert.equal((await visitor.get(firstLink)).statusCode, 410);
      assert.match(visitor.text(), /Este enlace no sirve: ya se usó, venció o se pidió uno más nuevo\./);
      assert.match(visitor.text(), /pedile al centro que te envíe de nuevo el mail «Validación primer acceso»/);
      assert.equal((await visitor.get(secondLink)).statusCode, 200);
      assert.deepEqual(await portalActions(t, patient.id, deskRef), [
        'portal.enable',
        'portal.access_mail',
        'portal.access_mail',
      ]);
    });

    test('after the first access there is no resend: that link would skip the security answer', async () => {
      const patient = await portalReadyPatient(t);
      const link = await enableAndGetLink(t, desk, patient);
      const visitor = new WebClient(t.app);
      await visitor.get(link);
      const done = await submitFirstAccess(visitor, link, firstAccessFields(patient));
      assert.equal(done.statusCode, 303, visitor.text());

      await desk.get(`/staff/pacientes/${patient.id}`);
      assert.match(desk.text(), /Ya hizo su primer acceso: si olvidó la contraseña/);
      const resent = await desk.post(`/staff/pacientes/${patient.id}/portal/mail`);
      assert.equal(resent.statusCode, 409);
      assert.match(desk.text(), /El paciente ya hizo su primer acceso al portal/);
    });

    test("in English, the box is in English; the mail is in the patient's language (Spanish by default)", async () => {
      const patient = await portalReadyPatient(t);
      const english = await WebClient.newStaff(t.app, t.ctx, { username: 'english', role: 'admin' });
      await english.get('/idioma?lang=en&volver=/staff');
      await english.get(`/staff/pacientes/${patient.id}`);
      assert.match(english.text(), /Patient portal .*Patient portal enabled/);
      assert.match(english.text(), /Send the confirmation e-mail again/);
      await english.post(`/staff/pacientes/${patient.id}/portal`, { portal: '1' });
      const mail = await mailTo(t, patient.email);
      assert.equal(mail.subject, 'Validación primer acceso al Portal del paciente - Centro Médico');
      assert.match(mail.text, /Tu usuario para ingresar al portal es tu e-mail/);
    });

    test('switching off keeps the web account: /portal answers PORTAL_NOT_ENABLED, Mis turnos still works', async () => {
      const patient = await portalReadyPatient(t);
      await withAccount(t, patient.id, 'clave de la web');
      const link = await enableAndGetLink(t, desk, patient);
      const client = await WebClient.loggedIn(t.app, t.ctx, patient.id);
      assert.equal((await client.get('/portal')).statusCode, 200);

      const off = await switchPortal(desk, patient.id, false);
      assert.equal(location(off), `/staff/pacientes/${patient.id}?ok=portal-deshabilitado#portal`);
      await desk.follow(off);
      assert.match(desk.text(), /Portal del paciente deshabilitado\. Su usuario de la web de turnos sigue funcionando/);
      assert.match(desk.text(), /Estado Deshabilitado\./);

      const refused = await client.get('/portal');
      assert.equal(refused.statusCode, 403);
      assert.match(client.text(), /El centro todavía no habilitó tu portal del paciente/);
      assert.equal((await client.get('/mis-turnos')).statusCode, 200);
      assert.equal((await new WebClient(t.app).get(link)).statusCode, 410, 'the mailed link died with the portal');
      assert.ok(
        await t.ctx.database.db
          .selectFrom('webAccounts')
          .select('patientId')
          .where('patientId', '=', patient.id)
          .executeTakeFirst(),
      );
      assert.deepEqual(await portalActions(t, patient.id, deskRef), [
        'portal.enable',
        'portal.access_mail',
        'portal.disable',
      ]);
    });

    test('professionals cannot switch the portal', async () => {
      const patient = await portalReadyPatient(t);
      const pro = await WebClient.newStaff(t.app, t.ctx, { username: 'doctora', role: 'professional' });
      await pro.get('/staff');
      const res = await pro.post(`/staff/pacientes/${patient.id}/portal`, { portal: '1' });
      assert.equal(res.statusCode, 403);
      assert.equal((await pro.post(`/staff/pacientes/${patient.id}/portal/mail`)).statusCode, 403);
    });
  });
}
