// Configurar envíos → WhatsApp: the Cloud API settings saved with a sealed token, and the test of an approved
// template through a stand-in of Meta's Graph API, its answer on the page.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { WebClient } from '../../../test/support/web-client.js';
import { StandIn } from '../../platform/sms/stand-in.test-helpers.js';

const PAGE = '/staff/mensajes/configuracion';
const TOKEN = 'EAAG-token-de-acceso-secreto';

for (const dialect of testDialects()) {
  describe(`configurar envíos: WhatsApp (${dialect})`, () => {
    let t: TestApp;
    let admin: WebClient;
    let graph: StandIn;

    before(async () => {
      t = await buildTestApp(dialect);
      admin = await WebClient.newStaff(t.app, t.ctx, { username: 'jefa', role: 'admin' });
      graph = await StandIn.start({ status: 200, body: '{"messages":[{"id":"wamid.PRUEBA1"}]}' });
    });
    after(async () => {
      await graph.close();
      await t.close();
    });

    const form = (extra: Record<string, string>) => ({
      canal: 'whatsapp',
      phoneNumberId: '106540352242922',
      secret: '',
      apiVersion: '',
      baseUrl: graph.url,
      testTo: '',
      testTemplate: 'hello_world',
      testLanguage: 'en_US',
      ...extra,
    });

    test('saved with its token sealed; the template test reaches Meta and shows the message id', async () => {
      await admin.get(`${PAGE}?canal=whatsapp`);
      const bad = await admin.post(PAGE, { ...form({ phoneNumberId: '+54 11 2345-6789' }), accion: 'guardar' });
      assert.equal(bad.statusCode, 400);
      assert.match(admin.html, /id="f-phoneNumberId-error">Son solo números \(de 5 a 20\)/);
      assert.match(admin.html, /id="f-secret-error">Completá este dato: todavía no hay uno guardado\./);

      const saved = await admin.post(PAGE, { ...form({ secret: TOKEN }), accion: 'guardar' });
      assert.equal(saved.statusCode, 303, admin.text());
      const row = await t.ctx.database.db
        .selectFrom('messageChannels')
        .selectAll()
        .where('channel', '=', 'whatsapp')
        .executeTakeFirstOrThrow();
      assert.equal(row.provider, 'cloud-api');
      assert.doesNotMatch(JSON.stringify(row), new RegExp(TOKEN));
      await admin.follow(saved);
      assert.match(admin.text(), /Token de acceso Guardado: dejá vacío para conservarlo\. Borrar el que está guardado/);

      const wrong = await admin.post(PAGE, {
        ...form({ testTo: '11 2345 6789', testTemplate: 'Hola Mundo' }),
        accion: 'probar',
      });
      assert.equal(wrong.statusCode, 400);
      assert.match(admin.html, /id="f-testTemplate-error">Escribí el nombre de una plantilla aprobada/);
      assert.equal(graph.received.length, 0);

      const res = await admin.post(PAGE, { ...form({ testTo: '11 2345 6789' }), accion: 'probar' });
      assert.equal(res.statusCode, 200, admin.text());
      const sent = graph.last;
      assert.equal(sent.url, '/v21.0/106540352242922/messages');
      assert.equal(sent.headers.authorization, `Bearer ${TOKEN}`, 'the saved token');
      const payload = JSON.parse(sent.body.toString('utf8'));
      assert.equal(payload.to, '5491123456789');
      assert.deepEqual(payload.template, { name: 'hello_world', language: { code: 'en_US' } });
      assert.match(
        admin.text(),
        /La prueba salió Enviado a \+54 9 11 2345 6789 Identificador del envío wamid\.PRUEBA1/,
      );

      graph.answer({ status: 404, body: '{"error":{"code":132001,"message":"Template name does not exist"}}' });
      await admin.post(PAGE, { ...form({ testTo: '11 2345 6789', testTemplate: 'no_existe' }), accion: 'probar' });
      assert.match(
        admin.text(),
        /La prueba no salió .*Motivo template_not_found .*Estado HTTP 404 Código del proveedor 132001 Respuesta del proveedor \{"error":\{"code":132001,"message":"Template name does not exist"\}\}/,
      );
    });
  });
}
