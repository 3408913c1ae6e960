// /staff/mensajes/automaticos: only admins see and change the automatic reminder rules; mistakes are shown on
// the form with what was typed; a rule can be paused, changed and deleted.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { location, WebClient } from '../../../test/support/web-client.js';

import { insertTemplate } from './reminders.test-helpers.js';

const PAGE = '/staff/mensajes/automaticos';

for (const dialect of testDialects()) {
  describe(`Recordatorios automáticos page (${dialect})`, () => {
    let t: TestApp;
    let admin: WebClient;
    let reception: WebClient;
    const rules = () => t.ctx.database.db.selectFrom('reminderRules').selectAll().orderBy('id').execute();

    before(async () => {
      t = await buildTestApp(dialect);
      admin = await WebClient.newStaff(t.app, t.ctx, { username: 'jefa', role: 'admin' });
      reception = await WebClient.newStaff(t.app, t.ctx, { username: 'recep', role: 'reception' });
    });
    after(() => t.close());

    test('only admins: reception is refused, a visitor is sent to log in', async () => {
      assert.match(location(await new WebClient(t.app).get(PAGE)), /^\/staff\/ingresar\?volver=/);
      assert.equal((await reception.get(PAGE)).statusCode, 403);
      assert.match(reception.text(), /No tenés permiso/);
      await reception.get('/staff');
      assert.equal((await reception.post(PAGE, { templateId: '1', hoursBefore: '24', enabled: '1' })).statusCode, 403);
      assert.deepEqual(await rules(), []);
    });

    test('without templates the page says to make one first', async () => {
      await admin.get(PAGE);
      assert.match(admin.text(), /Todavía no hay recordatorios automáticos/);
      assert.match(admin.text(), /Primero creá una plantilla/);
      assert.match(admin.html, /href="\/staff\/mensajes\/plantillas"/);
    });

    test('an admin adds, pauses, changes and deletes a rule', async () => {
      const mail = await insertTemplate(t, 'mail', 'Recordatorio por mail');
      const sms = await insertTemplate(t, 'sms', 'Recordatorio por SMS', 'Turno [[FECHA]] [[HORA]]');
      await admin.get(PAGE);
      assert.match(admin.html, /<option value="\d+">Mail: Recordatorio por mail<\/option>/);
      assert.match(admin.html, /<option value="\d+">SMS: Recordatorio por SMS<\/option>/);

      const wrong = await admin.post(PAGE, { templateId: '', hoursBefore: '0', enabled: '1' });
      assert.equal(wrong.statusCode, 400);
      assert.match(admin.text(), /Elegí una plantilla de la lista/);
      assert.match(admin.text(), /Escribí un número entero de horas, entre 1 y 720/);
      assert.match(admin.html, /name="hoursBefore" type="number" value="0"/, 'what was typed stays');
      assert.deepEqual(await rules(), []);

      const created = await admin.post(PAGE, { templateId: String(mail), hoursBefore: '48', enabled: '1' });
      assert.equal(location(created), `${PAGE}?ok=creado`);
      await admin.follow(created);
      assert.match(admin.text(), /Recordatorio agregado/);
      assert.match(admin.text(), /Recordatorio por mail Mail 48 horas antes del turno \(2 días\) Activo 0/);
      const [rule] = await rules();
      assert.ok(rule);
      assert.deepEqual([rule.templateId, rule.hoursBefore, rule.enabled], [mail, 48, 1]);

      const twin = await admin.post(PAGE, { templateId: String(mail), hoursBefore: '48', enabled: '1' });
      assert.equal(twin.statusCode, 409);
      assert.match(admin.text(), /Ya hay un recordatorio automático con esa plantilla y esas horas/);

      const paused = await admin.post(`${PAGE}/${rule.id}/estado`, { enabled: '0' });
      assert.equal(location(paused), `${PAGE}?ok=pausado#regla-${rule.id}`);
      await admin.follow(paused);
      assert.match(admin.text(), /48 horas antes del turno \(2 días\) Pausado/);
      assert.match(admin.html, /Activar<span class="sr-only"> Recordatorio por mail, 48 horas antes del turno/);

      await admin.get(`${PAGE}/${rule.id}`);
      assert.match(admin.html, /name="hoursBefore" type="number" value="48"/);
      const saved = await admin.post(`${PAGE}/${rule.id}`, {
        templateId: String(sms),
        hoursBefore: '24',
        enabled: '1',
      });
      assert.equal(location(saved), `${PAGE}/${rule.id}?ok=guardado`);
      const [changed] = await rules();
      assert.deepEqual([changed?.templateId, changed?.hoursBefore, changed?.enabled], [sms, 24, 1]);
      const badHours = await admin.post(`${PAGE}/${rule.id}`, { templateId: String(sms), hoursBefore: '721' });
      assert.equal(badHours.statusCode, 400);
      const gone = await admin.post(`${PAGE}/${rule.id}`, { templateId: '999999', hoursBefore: '24' });
      assert.equal(gone.statusCode, 400);
      assert.match(admin.text(), /Elegí una plantilla de la lista/);

      const deleted = await admin.post(`${PAGE}/${rule.id}/borrar`);
      assert.equal(location(deleted), `${PAGE}?ok=borrado`);
      assert.deepEqual(await rules(), []);
      assert.equal((await admin.get(`${PAGE}/${rule.id}`)).statusCode, 404);
    });
  });
}
