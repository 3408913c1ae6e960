// /staff/mensajes/plantillas: the manual's PLANTILLAS, without JavaScript (the page must work on its own).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertProfessional } from '../../../test/support/factories.js';
import { buildSeededApp, cardiology, postBooking, type Seed } from '../../../test/support/seeded-app.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { location, WebClient } from '../../../test/support/web-client.js';
import { loadSecret } from '../../platform/secrets.js';
import { readReminderToken } from './reminder-links.rules.js';
import { smsSegments } from './sms.rules.js';

const PAGE = '/staff/mensajes/plantillas';

for (const dialect of testDialects()) {
  describe(`templates page (${dialect})`, () => {
    let t: TestApp;
    let seed: Seed;
    let admin: WebClient;
    let token: Record<string, string>;

    before(async () => {
      ({ t, seed, admin: token } = await buildSeededApp(dialect, { web: { publicUrl: 'https://turnos.example.com' } }));
      admin = await WebClient.newStaff(t.app, t.ctx, { username: 'jefa', role: 'admin' });
    });
    after(() => t.close());

    /** Creates a template through the page and returns its id. */
    async function create(channel: string, fields: Record<string, string>) {
      await admin.get(`${PAGE}/nueva?canal=${channel}`);
      const res = await admin.post(PAGE, { canal: channel, accion: 'guardar', ...fields });
      assert.equal(res.statusCode, 303, admin.text());
      const id = Number(/\/(\d+)\?ok=creada$/.exec(location(res))?.[1]);
      assert.ok(id > 0, location(res));
      return id;
    }

    test('an admin creates mail, SMS and WhatsApp templates; the help lists every placeholder', async () => {
      await admin.get(PAGE);
      assert.match(admin.text(), /Nuevo email Nuevo SMS Nuevo WhatsApp/);
      await admin.get(`${PAGE}/nueva?canal=mail`);
      assert.match(admin.text(), /Ayuda .*\[\[PACIENTE\]\] Nombre y apellido del paciente/);
      assert.match(admin.text(), /\[\[CONFIRMAR\]\] Link para confirmar la asistencia/);
      assert.match(admin.html, /data-placeholder="\[\[OBRA_SOCIAL\]\]"/, 'the script makes these insert at the cursor');

      const mail = await create('mail', { title: 'Recordatorio [[FECHA]]', body: 'Hola [[PACIENTE]]' });
      await admin.get(`${PAGE}/${mail}?ok=creada`);
      assert.match(admin.text(), /Plantilla creada\./);
      assert.match(admin.html, /value="Recordatorio \[\[FECHA\]\]"/);
      await create('sms', { title: 'SMS corto', body: 'Turno [[FECHA]] [[HORA]]' });

      await admin.get(`${PAGE}/nueva?canal=whatsapp`);
      assert.match(admin.text(), /en lugar de \{\{1\}\}, \{\{2\}\}…, los datos entre corchetes en el mismo orden/);
      const missing = await admin.post(PAGE, {
        canal: 'whatsapp',
        title: 'WhatsApp',
        body: 'Hola [[PACIENTE]], turno [[FECHA]]',
        waTemplate: 'Recordatorio Turno',
        waLanguage: '',
      });
      assert.equal(missing.statusCode, 400);
      assert.match(admin.text(), /va en minúsculas, números y guiones bajos/);
      assert.match(admin.text(), /Escribí el código de idioma/);
      assert.match(admin.text(), /\{\{1\}\} = \[\[PACIENTE\]\] \{\{2\}\} = \[\[FECHA\]\]/, 'the typed order, shown');
      const wa = await create('whatsapp', {
        title: 'WhatsApp',
        body: 'Hola [[PACIENTE]], turno [[FECHA]]',
        waTemplate: 'recordatorio_turno',
        waLanguage: 'es_AR',
      });
      await admin.get(`${PAGE}/${wa}`);
      assert.match(admin.html, /value="es_AR"/);

      await admin.get(PAGE);
      assert.match(admin.text(), /Recordatorio \[\[FECHA\]\] Email/);
      assert.match(admin.text(), /SMS corto SMS/);
      assert.match(admin.text(), /WhatsApp WhatsApp/);
    });

    test('[[PACIENT]] is refused naming it, and what was typed stays', async () => {
      await admin.get(`${PAGE}/nueva?canal=mail`);
      const body = 'Hola [[PACIENT]], te esperamos el [[FECHA]].\nCentro <b>';
      const res = await admin.post(PAGE, { canal: 'mail', title: 'Aviso', body });
      assert.equal(res.statusCode, 422);
      assert.match(
        admin.text(),
        /La plantilla no se guardó\. Mensaje: \[\[PACIENT\]\] no es un dato que el sistema conozca: ¿quisiste poner \[\[PACIENTE\]\]\?/,
      );
      assert.match(admin.html, /value="Aviso"/);
      assert.match(admin.html, /Hola \[\[PACIENT\]\], te esperamos el \[\[FECHA\]\]\.\nCentro &lt;b>/);

      const long = await admin.post(PAGE, { canal: 'sms', title: 'x'.repeat(151), body: 'y'.repeat(1001) });
      assert.equal(long.statusCode, 400);
      assert.match(admin.text(), /Título: Es demasiado largo: hasta 150 caracteres \(tiene 151\)/);
      assert.match(admin.text(), /Mensaje: Es demasiado largo: hasta 1000 caracteres \(tiene 1001\)/);
      const empty = await admin.post(PAGE, { canal: 'sms', title: '  ', body: '' });
      assert.equal(empty.statusCode, 400);
      assert.match(admin.text(), /Escribí el título\. .*Escribí el mensaje\./);
    });

    test('CONTAR CARACTERES counts the worst case: a professional with accents makes it UCS-2', async () => {
      await admin.get(`${PAGE}/nueva?canal=sms`);
      const body = 'Turno con [[PROFESIONAL]] el [[FECHA]] [[HORA]].';
      const fields = { canal: 'sms', accion: 'contar', title: 'Cuenta', body };
      const gsm = await admin.post(PAGE, fields);
      assert.equal(gsm.statusCode, 200, 'counting saves nothing');
      const plain = smsSegments('Turno con GONZALEZ José el miércoles 30/09 23:45.');
      assert.match(admin.text(), new RegExp(`${plain.units} caracteres · 1 SMS · GSM-7`));
      assert.match(admin.html, /data-sms-count="/, 'the script counts as you type');
      assert.match(admin.html, /<p class="notice" data-warn-ucs2="true" hidden/);

      await insertProfessional(t.ctx.database.db, { lastName: 'MARTÍNEZ', firstName: 'Laura Inés' });
      await admin.post(PAGE, fields);
      const accents = smsSegments('Turno con MARTÍNEZ Laura Inés el miércoles 30/09 23:45.');
      assert.equal(accents.encoding, 'UCS-2');
      assert.match(admin.text(), new RegExp(`${accents.units} caracteres · 1 SMS · UCS-2`));
      assert.match(admin.text(), /Ojo: «Í» no están en el alfabeto común de los SMS/);
      assert.match(admin.text(), /Turno con MARTÍNEZ Laura Inés el miércoles 30\/09 23:45\./, 'the counted text');

      await admin.post(PAGE, { ...fields, body: `${body} [[PACIENTE]] ${'y'.repeat(40)}` });
      assert.match(admin.text(), /· 3 SMS · UCS-2 Ojo: en el peor caso van 3 SMS por paciente/, '138 units, 67 each');
      await admin.get(PAGE);
      assert.doesNotMatch(admin.text(), /Cuenta/, 'nothing was saved');
    });

    test('the preview renders a real turno: patient, day and time, a working confirm link', async () => {
      const id = await create('mail', {
        title: 'Tu turno del [[FECHA]]',
        body: 'Hola [[PACIENTE]], te esperamos el [[FECHA]] a las [[HORA]] con [[PROFESIONAL]].\nConfirmá: [[CONFIRMAR]]',
      });
      await admin.get(`${PAGE}/${id}?turno=`);
      assert.match(admin.text(), /No hay turnos reservados por delante: se muestra con datos de ejemplo\./);
      assert.match(admin.text(), /Hola María García/);

      const booked = await postBooking(
        t,
        token,
        cardiology(seed, { patientId: seed.patient.id, start: '2026-11-24T08:20:00-03:00' }),
      );
      assert.equal(booked.statusCode, 201, booked.body);
      const turno = booked.json().id as number;
      await admin.get(`${PAGE}/${id}`);
      assert.doesNotMatch(admin.text(), /Hola Test/, 'patient data only when asked for');
      await admin.get(`${PAGE}/${id}?turno=`);
      const name = `Test ${seed.patient.lastName}`;
      assert.match(admin.text(), new RegExp(`Turno N° ${turno} de ${name}, martes 24/11 a las 08:20\\.`));
      assert.match(admin.text(), /Asunto Tu turno del martes 24\/11/);
      assert.match(
        admin.text(),
        new RegExp(`Hola ${name}, te esperamos el martes 24/11 a las 08:20 con GONZALEZ José\\.`),
      );
      const link = /https:\/\/turnos\.example\.com\/turno\/confirmar\?token=([\w-]+)/.exec(admin.text());
      assert.ok(link, 'the confirm link');
      const secret = await loadSecret(t.ctx.database.db, 'reminder-links');
      assert.deepEqual(readReminderToken(secret, link[1] as string), { appointmentId: turno, action: 'confirm' });
      const audited = await t.ctx.database.db
        .selectFrom('auditLog')
        .select(['action', 'patientId'])
        .where('target', '=', `turno:${turno}`)
        .where('action', '=', 'appointment.read')
        .execute();
      assert.deepEqual(audited, [{ action: 'appointment.read', patientId: seed.patient.id }]);

      await admin.get(`${PAGE}/${id}?turno=${turno}`);
      assert.match(admin.text(), new RegExp(`Turno N° ${turno} de ${name}`));
      await admin.get(`${PAGE}/${id}?turno=999999`);
      assert.match(admin.text(), /No existe el turno N° 999999\./);
      await admin.get(`${PAGE}/${id}?turno=abc`);
      assert.match(admin.text(), /El N° de turno va en números/);
    });

    test('a template used by a reminder rule is not deleted; unused, it is', async () => {
      const id = await create('sms', { title: 'Para borrar', body: 'Turno [[FECHA]]' });
      const now = new Date().toISOString();
      const rule = await t.ctx.database.db
        .insertInto('reminderRules')
        .values({ templateId: id, hoursBefore: 24, createdAt: now, updatedAt: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await admin.get(`${PAGE}/${id}/borrar`);
      assert.match(admin.text(), /¿Borrar esta plantilla\?/);
      const refused = await admin.post(`${PAGE}/${id}/borrar`);
      assert.equal(refused.statusCode, 409);
      assert.match(admin.text(), /No se puede borrar la plantilla «Para borrar»: la usa 1 recordatorio automático\./);

      await t.ctx.database.db.deleteFrom('reminderRules').where('id', '=', rule.id).execute();
      await admin.get(`${PAGE}/${id}/borrar`);
      const deleted = await admin.post(`${PAGE}/${id}/borrar`);
      assert.equal(location(deleted), `${PAGE}?ok=borrada`);
      await admin.follow(deleted);
      assert.match(admin.text(), /Plantilla borrada\./);
      assert.doesNotMatch(admin.text(), /Para borrar/);
    });

    test('reception cannot open or change the templates pages', async () => {
      const reception = await WebClient.newStaff(t.app, t.ctx, { username: 'recep', role: 'reception' });
      assert.equal((await reception.get(PAGE)).statusCode, 403);
      await reception.get('/staff/turnos');
      const post = await reception.post(PAGE, { canal: 'mail', title: 'x', body: 'y' });
      assert.equal(post.statusCode, 403);
      assert.match(reception.text(), /No tenés permiso/);
    });
  });
}
