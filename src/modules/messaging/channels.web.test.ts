// Configurar envíos: an admin points mail at a real SMTP server and SMS at a stand-in of SMS Masivos, tests
// each from the page and reads the server's own answer; secrets are sealed and never shown; the outbox
// worker then sends with what was saved. Mistakes come back next to their field; reception is refused.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SmtpSink } from '../../../test/support/smtp-sink.js';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { location, WebClient } from '../../../test/support/web-client.js';
import { enqueueMail } from '../../platform/outbox/outbox.js';
import { OutboxWorker } from '../../platform/outbox/worker.js';
import { parseForm, StandIn } from '../../platform/sms/stand-in.test-helpers.js';
import { getCenter } from '../center/center.service.js';
import { configuredSenders } from './channel-senders.js';

const PAGE = '/staff/mensajes/configuracion';
const SMTP_PASSWORD = 'clave-smtp-Muy-Secreta-42';
const SMS_PASSWORD = 'clave-sms-Tambien-Secreta';

for (const dialect of testDialects()) {
  describe(`configurar envíos (${dialect})`, () => {
    let t: TestApp;
    let admin: WebClient;
    let reception: WebClient;
    let sink: SmtpSink;
    let smsMasivos: StandIn;
    let centerName: string;

    before(async () => {
      t = await buildTestApp(dialect);
      admin = await WebClient.newStaff(t.app, t.ctx, { username: 'jefa', role: 'admin' });
      reception = await WebClient.newStaff(t.app, t.ctx, { username: 'recepcion', role: 'reception' });
      sink = await SmtpSink.start();
      smsMasivos = await StandIn.start({ status: 200, body: '1;Prueba OK', headers: { 'content-type': 'text/plain' } });
      centerName = (await getCenter(t.ctx)).name;
    });
    after(async () => {
      await sink.close();
      await smsMasivos.close();
      await t.close();
    });

    /** The mail form as typed: the sink, no login (it has none), a sender of the center's own. */
    const mailForm = (extra: Record<string, string> = {}) => ({
      canal: 'mail',
      host: '127.0.0.1',
      port: new URL(sink.url).port,
      security: 'none',
      user: '',
      secret: '',
      fromName: 'Centro Médico Norte',
      fromAddress: 'turnos@centronorte.example',
      replyTo: '',
      testTo: '',
      ...extra,
    });
    const fieldError = (client: WebClient, name: string, message: RegExp) =>
      assert.match(
        client.html,
        new RegExp(`<p class="field-error" id="f-${name}-error">${message.source}</p>`),
        `${name} says ${message}`,
      );

    test('the page: three channels, the manual’s advice beside each, the test on the right', async () => {
      assert.equal((await admin.get(PAGE)).statusCode, 200);
      assert.match(
        admin.html,
        /<a href="\/staff\/mensajes\/configuracion\?canal=mail" class="button" aria-current="page">Mail<\/a>/,
      );
      assert.match(admin.text(), /Sirve el que te da tu proveedor de internet/);
      assert.match(admin.text(), /Todavía no está configurado/);
      assert.match(admin.html, /<option value="starttls" selected>STARTTLS<\/option>/, 'the usual choice is made');
      await admin.get(`${PAGE}?canal=sms`);
      assert.match(admin.text(), /contratar el servicio con una empresa que da el crédito de los mensajes/);
      assert.match(admin.text(), /ya no hace falta escribirlos sin guiones ni espacios/);
      assert.match(admin.html, /<option value="smsmasivos" selected>SMS Masivos \(Argentina\)<\/option>/);
      assert.match(admin.text(), /Solo verificar \(no envía ni cobra\)/);
      await admin.get(`${PAGE}?canal=whatsapp`);
      assert.match(admin.text(), /plantillas que aprobó/);
      assert.match(admin.html, /name="testTemplate"[^>]*value="hello_world"/);
    });

    test('saving mail: the password is sealed, never shown, and kept when the field is left empty', async () => {
      await admin.get(PAGE);
      const saved = await admin.post(PAGE, { ...mailForm({ secret: SMTP_PASSWORD }), accion: 'guardar' });
      assert.equal(saved.statusCode, 303, admin.text());
      assert.equal(location(saved), `${PAGE}?canal=mail&ok=guardada`);
      await admin.follow(saved);
      assert.match(admin.text(), /Configuración guardada\. Los próximos envíos ya la usan\./);
      assert.match(admin.text(), /Configuración guardada el \d\d\/\d\d\/\d{4} \d\d:\d\d por Usuario jefa\./);
      assert.match(admin.text(), /Contraseña Guardada: dejá vacío para conservarla\./);
      assert.match(admin.html, /name="eraseSecret"/);
      assert.doesNotMatch(admin.html, new RegExp(SMTP_PASSWORD));

      const row = await t.ctx.database.db
        .selectFrom('messageChannels')
        .selectAll()
        .where('channel', '=', 'mail')
        .executeTakeFirstOrThrow();
      assert.equal(row.provider, 'smtp');
      assert.ok(row.sealedSecret?.startsWith('v1:'));
      assert.doesNotMatch(JSON.stringify(row), new RegExp(SMTP_PASSWORD), 'not in plain text anywhere in the row');
      assert.equal(JSON.parse(row.settings).host, '127.0.0.1');

      // Saved again without typing it: the same sealed password stays.
      const again = await admin.post(PAGE, { ...mailForm(), accion: 'guardar' });
      assert.equal(again.statusCode, 303);
      const after = await t.ctx.database.db
        .selectFrom('messageChannels')
        .select(['sealedSecret', 'updatedAt'])
        .where('channel', '=', 'mail')
        .executeTakeFirstOrThrow();
      assert.equal(after.sealedSecret, row.sealedSecret);
      assert.ok(Date.parse(after.updatedAt) > Date.parse(row.updatedAt), 'a new version for the worker');
    });

    test('Enviar prueba: the mail arrives with what is typed, and the page shows the server’s answer', async () => {
      await admin.get(PAGE);
      const res = await admin.post(PAGE, {
        ...mailForm({ fromAddress: 'sin-guardar@centronorte.example', testTo: 'Jefa@Centro.Example' }),
        accion: 'probar',
      });
      assert.equal(res.statusCode, 200, admin.text());
      const mail = await sink.waitFor('jefa@centro.example');
      assert.equal(mail.subject, `Prueba de ${centerName}`);
      assert.equal(mail.from, 'sin-guardar@centronorte.example', 'the form as typed, not yet saved');
      assert.match(mail.text, /Usuario jefa envió desde Configurar envíos/);
      assert.match(
        admin.text(),
        /La prueba salió Enviado a jefa@centro\.example Respuesta del servidor 250 OK: message queued/,
      );
      assert.match(admin.html, /<div class="ok" role="status" id="resultado">/);
      assert.match(admin.html, /value="sin-guardar@centronorte\.example"/, 'the form keeps what was typed');
    });

    test('a server that refuses the mail: its 550 is on the page', async () => {
      sink.answer = () => 550;
      try {
        await admin.get(PAGE);
        const res = await admin.post(PAGE, { ...mailForm({ testTo: 'rechazo@centro.example' }), accion: 'probar' });
        assert.equal(res.statusCode, 200);
        assert.match(admin.html, /<div class="notice" role="alert" id="resultado">/);
        assert.match(
          admin.text(),
          /La prueba no salió Respuesta del servidor 550 rechazado por la prueba \(550\) Código SMTP 550 Código de error EMESSAGE/,
        );
        assert.equal(sink.to('rechazo@centro.example').length, 0);
      } finally {
        sink.answer = () => undefined;
      }
    });

    test('the outbox worker sends with the saved settings: the configured From', async () => {
      await enqueueMail(
        t.ctx.database.db,
        { kind: 'reminder', to: 'paciente@example.com', subject: 'Recordatorio', text: 'Su turno es mañana' },
        t.clock.now(),
      );
      const worker = new OutboxWorker({
        database: t.ctx.database,
        clock: t.clock,
        senders: configuredSenders(t.ctx, { smtpUrl: null, mailFrom: '' }),
      });
      try {
        await worker.drain();
        const mail = await sink.waitFor('paciente@example.com');
        assert.equal(mail.from, 'turnos@centronorte.example');
        assert.equal(mail.subject, 'Recordatorio');
      } finally {
        await worker.stop();
      }
    });

    test('mistakes: each field says what is wrong, everything typed stays but the password', async () => {
      await admin.get(PAGE);
      const before = await t.ctx.database.db.selectFrom('messageChannels').selectAll().execute();
      const res = await admin.post(PAGE, {
        ...mailForm({ host: ' ', port: '70000', fromAddress: 'no-es-un-mail', secret: 'no-vuelve-a-la-pagina' }),
        accion: 'guardar',
      });
      assert.equal(res.statusCode, 400);
      assert.match(admin.text(), /Revisá estos datos/);
      fieldError(admin, 'host', /Completá este dato\./);
      fieldError(admin, 'port', /Escribí un número de puerto entre 1 y 65535, por ejemplo 587\./);
      fieldError(admin, 'fromAddress', /No es un e-mail válido: [^<]*/);
      assert.match(admin.html, /<a href="#f-port">Puerto<\/a>: Escribí un número de puerto/);
      assert.match(admin.html, /<input id="f-port" name="port" type="text" value="70000"[^>]*aria-invalid="true"/);
      assert.match(admin.html, /value="no-es-un-mail"/);
      assert.match(admin.html, /value="Centro Médico Norte"/);
      assert.doesNotMatch(admin.html, /no-vuelve-a-la-pagina/);
      assert.deepEqual(await t.ctx.database.db.selectFrom('messageChannels').selectAll().execute(), before);

      const bad = await admin.post(PAGE, { ...mailForm({ testTo: 'jefa@' }), accion: 'probar' });
      assert.equal(bad.statusCode, 400);
      fieldError(admin, 'testTo', /No es un e-mail válido: [^<]*/);

      await admin.get(`${PAGE}?canal=sms`);
      const twilio = await admin.post(PAGE, {
        canal: 'sms',
        provider: 'twilio',
        'twilio-accountSid': 'XY123',
        'twilio-baseUrl': 'ftp://otro',
        'smsmasivos-user': 'queda-escrito',
        accion: 'guardar',
      });
      assert.equal(twilio.statusCode, 400);
      fieldError(admin, 'twilio-accountSid', /El Account SID empieza con AC[^<]*/);
      fieldError(
        admin,
        'twilio-baseUrl',
        /Escribí una dirección completa que empiece con https:\/\/ \(o http:\/\/\)\./,
      );
      assert.match(admin.html, /<a href="#f-twilio-accountSid">Account SID \(Twilio\)<\/a>/);
      assert.match(admin.html, /value="queda-escrito"/, 'the other company’s fields stay as typed');
    });

    test('SMS Masivos: saved, then tested through a stand-in; the company’s answer is on the page', async () => {
      await admin.get(`${PAGE}?canal=sms`);
      const sms = (extra: Record<string, string>) => ({
        canal: 'sms',
        provider: 'smsmasivos',
        'smsmasivos-user': 'CENTRONORTE',
        'smsmasivos-baseUrl': smsMasivos.url,
        testTo: '',
        ...extra,
      });
      const missing = await admin.post(PAGE, { ...sms({}), accion: 'guardar' });
      assert.equal(missing.statusCode, 400, 'SMS Masivos cannot work without its password');
      fieldError(admin, 'smsmasivos-secret', /Completá este dato: todavía no hay uno guardado\./);
      const saved = await admin.post(PAGE, { ...sms({ 'smsmasivos-secret': SMS_PASSWORD }), accion: 'guardar' });
      assert.equal(location(saved), `${PAGE}?canal=sms&ok=guardada`);
      const row = await t.ctx.database.db
        .selectFrom('messageChannels')
        .selectAll()
        .where('channel', '=', 'sms')
        .executeTakeFirstOrThrow();
      assert.equal(row.provider, 'smsmasivos');
      assert.doesNotMatch(JSON.stringify(row), new RegExp(SMS_PASSWORD));

      await admin.follow(saved);
      const invalid = await admin.post(PAGE, { ...sms({ testTo: '15 2345-6789' }), accion: 'probar' });
      assert.equal(invalid.statusCode, 400);
      fieldError(admin, 'testTo', /Al celular le falta el código de área, por ejemplo 11 o 351\./);
      assert.equal(smsMasivos.received.length, 0);

      const verified = await admin.post(PAGE, {
        ...sms({ testTo: '011 15 2345-6789', testVerifyOnly: '1' }),
        accion: 'probar',
      });
      assert.equal(verified.statusCode, 200, admin.text());
      const sent = parseForm(smsMasivos.last.body.toString('latin1'), 'latin1');
      assert.equal(sent.usuario, 'CENTRONORTE');
      assert.equal(sent.clave, SMS_PASSWORD, 'the saved password, since none was typed');
      assert.equal(sent.tos, '1123456789', 'the mobile normalized, as the company wants it');
      assert.equal(sent.texto, `Prueba de ${centerName}`);
      assert.equal(sent.test, '1');
      assert.match(admin.text(), /SMS Masivos aceptó la verificación: el mensaje no se envió ni se cobró\./);
      assert.match(admin.text(), /Enviado a \+54 9 11 2345 6789 Identificador del envío prueba[0-9a-f]{32}/);

      smsMasivos.answer({ status: 200, body: '-7;Numero de celular invalido' });
      await admin.post(PAGE, { ...sms({ testTo: '11 2345-6789' }), accion: 'probar' });
      assert.equal(parseForm(smsMasivos.last.body.toString('latin1'), 'latin1').test, undefined, 'a real send');
      assert.match(
        admin.text(),
        /La prueba no salió Enviado a \+54 9 11 2345 6789 Motivo invalid_number Tipo de falla permanente: reintentar no sirve Código del proveedor -7 Respuesta del proveedor -7;Numero de celular invalido/,
      );
    });

    test('Quitar configuración: the channel is gone and the page says so', async () => {
      await admin.get(`${PAGE}?canal=sms`);
      const res = await admin.post(`${PAGE}/quitar`, { canal: 'sms' });
      assert.equal(location(res), `${PAGE}?canal=sms&ok=quitada`);
      await admin.follow(res);
      assert.match(admin.text(), /Configuración quitada\./);
      assert.match(admin.text(), /Todavía no está configurado/);
      const rows = await t.ctx.database.db.selectFrom('messageChannels').select('channel').execute();
      assert.deepEqual(
        rows.map((r) => r.channel),
        ['mail'],
      );
    });

    test('reception may not open, change, test nor remove the settings', async () => {
      assert.equal((await reception.get(PAGE)).statusCode, 403);
      assert.match(reception.text(), /No tenés permiso para esta acción/);
      await reception.get('/staff');
      const mails = sink.mails.length;
      const before = await t.ctx.database.db.selectFrom('messageChannels').selectAll().execute();
      const save = await reception.post(PAGE, { ...mailForm({ host: 'otro.example' }), accion: 'guardar' });
      assert.equal(save.statusCode, 403);
      const probe = await reception.post(PAGE, { ...mailForm({ testTo: 'x@centro.example' }), accion: 'probar' });
      assert.equal(probe.statusCode, 403);
      assert.equal((await reception.post(`${PAGE}/quitar`, { canal: 'mail' })).statusCode, 403);
      assert.deepEqual(await t.ctx.database.db.selectFrom('messageChannels').selectAll().execute(), before);
      assert.equal(sink.mails.length, mails, 'nothing was sent');
      const stranger = new WebClient(t.app);
      assert.match(location(await stranger.get(PAGE)), /^\/staff\/ingresar\?volver=/);
    });
  });
}
