// The public pages a patient reads before and after logging in: home, insurers, help.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertInsurer } from '../../../test/support/factories.js';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { WebClient } from '../../../test/support/web-client.js';

for (const dialect of testDialects()) {
  describe(`public pages (${dialect})`, () => {
    let t: TestApp;

    before(async () => {
      t = await buildTestApp(dialect, { web: { patientIdleSeconds: 600 } });
      const db = t.ctx.database.db;
      await db
        .updateTable('centerSettings')
        .set({ name: 'CENTRO TEST', phones: '4444-4444', contactHours: 'Lunes a Viernes de 10 a 18hs.' })
        .execute();
      const osde = await insertInsurer(db, 'OSDE');
      await db
        .updateTable('insurers')
        .set({ generalMessage: 'Plan 210 en adelante' })
        .where('id', '=', osde.id)
        .execute();
      await insertInsurer(db, 'SIN CONVENIO', { webEnabled: false });
    });
    after(() => t.close());

    test('home offers Ingresar and Registrarse, with the contact block', async () => {
      const browser = new WebClient(t.app);
      await browser.get('/');
      const text = browser.text();
      assert.match(text, /Bienvenido al portal de turnos de CENTRO TEST/);
      assert.match(text, /Ya soy usuario .* Ingresar/);
      assert.match(text, /Nunca me di de alta en esta web .* Registrarse/);
      assert.match(text, /Teléfono: 4444-4444/);
    });

    test('with web booking off, home says so and shows how to reach the center', async () => {
      await t.ctx.database.db.updateTable('centerSettings').set({ webBookingEnabled: 0 }).execute();
      try {
        const browser = new WebClient(t.app);
        await browser.get('/');
        assert.match(browser.text(), /Los turnos por internet no están disponibles en este momento/);
        assert.match(
          browser.text(),
          /comunicate con el centro: Teléfono: 4444-4444 Horario de contacto: Lunes a Viernes/,
        );
      } finally {
        await t.ctx.database.db.updateTable('centerSettings').set({ webBookingEnabled: 1 }).execute();
      }
    });

    test('Obras sociales lists the web-enabled insurers with their message, not the others', async () => {
      const browser = new WebClient(t.app);
      const res = await browser.get('/obras-sociales');
      assert.equal(res.statusCode, 200);
      assert.match(browser.text(), /OSDE Plan 210 en adelante/);
      assert.doesNotMatch(browser.text(), /SIN CONVENIO/);
    });

    test('Ayuda explains the steps and the configured idle time, in the chosen language', async () => {
      const browser = new WebClient(t.app);
      await browser.get('/ayuda');
      assert.match(browser.text(), /Si no usás la web durante 10 minutos, la sesión se cierra sola/);
      await browser.follow(await browser.get('/idioma?lang=en&volver=/ayuda'));
      assert.match(browser.text(), /If you do not use the website for 10 minutes/);
    });
  });
}
