// /staff/usuarios: admins manage staff users; the center always keeps an active admin.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { insertProfessional, insertStaffUser } from '../../../test/support/factories.js';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { location, WebClient } from '../../../test/support/web-client.js';
import { forgetLimits } from '../patients/accounts.test-helpers.js';

for (const dialect of testDialects()) {
  describe(`staff users page (${dialect})`, () => {
    let t: TestApp;
    let admin: WebClient;
    let adminId: number;
    before(async () => {
      t = await buildTestApp(dialect);
      adminId = (await insertStaffUser(t.ctx.database.db, { username: 'jefa', role: 'admin' })).id;
      admin = await WebClient.loggedInStaff(t.app, t.ctx, adminId);
    });
    after(() => t.close());
    beforeEach(() => forgetLimits(t));

    test('an admin creates a professional user who then logs in and is sent to their agenda', async () => {
      const pro = await insertProfessional(t.ctx.database.db, { lastName: 'GONZALEZ' });
      await admin.get('/staff/usuarios');
      const missingPro = await admin.post('/staff/usuarios', {
        username: 'dragonzalez',
        name: 'Dra. González',
        role: 'professional',
        password: 'clave-de-gonzalez',
      });
      assert.equal(missingPro.statusCode, 400);
      assert.match(admin.text(), /un usuario profesional necesita su profesional/);
      assert.match(admin.html, /value="dragonzalez"/, 'the form keeps what was typed');
      const created = await admin.post('/staff/usuarios', {
        username: 'dragonzalez',
        name: 'Dra. González',
        role: 'professional',
        professionalId: String(pro.id),
        password: 'clave-de-gonzalez',
      });
      assert.equal(location(created), '/staff/usuarios?ok=creado');
      await admin.follow(created);
      assert.match(admin.text(), /Dra\. González dragonzalez — Profesional · GONZALEZ/);

      const doctor = new WebClient(t.app);
      await doctor.get('/staff/ingresar');
      const login = await doctor.post('/staff/ingresar', { login: 'dragonzalez', password: 'clave-de-gonzalez' });
      assert.equal(location(login), '/staff');
      assert.equal(location(await doctor.get('/staff')), '/staff/turnos');
      assert.equal((await doctor.get('/staff/usuarios')).statusCode, 403);
      assert.match(doctor.text(), /No tenés permiso/);
      assert.match(doctor.html, /class="staff-nav"/, 'the refusal keeps the back office menu');
    });

    test('deactivating a user ends their session; the last active admin cannot be demoted', async () => {
      const rec = await insertStaffUser(t.ctx.database.db, { username: 'recep1', role: 'reception' });
      const recBrowser = await WebClient.loggedInStaff(t.app, t.ctx, rec.id);
      assert.equal((await recBrowser.get('/staff')).statusCode, 200);
      await admin.get(`/staff/usuarios/${rec.id}`);
      const saved = await admin.post(`/staff/usuarios/${rec.id}`, { name: 'Recep Uno', role: 'reception', active: '' });
      assert.equal(location(saved), `/staff/usuarios/${rec.id}?ok=guardado`);
      assert.match(location(await recBrowser.get('/staff')), /^\/staff\/ingresar/);

      await admin.get(`/staff/usuarios/${adminId}`);
      const demote = await admin.post(`/staff/usuarios/${adminId}`, { name: 'Jefa', role: 'reception', active: '1' });
      assert.equal(demote.statusCode, 409);
      assert.match(admin.text(), /único administrador activo/);
    });

    test('an admin sets a new password; the old one stops working', async () => {
      const rec = await insertStaffUser(t.ctx.database.db, { username: 'recep2', role: 'reception' });
      await admin.get(`/staff/usuarios/${rec.id}`);
      const short = await admin.post(`/staff/usuarios/${rec.id}/clave`, { password: 'corta' });
      assert.equal(short.statusCode, 400);
      const set = await admin.post(`/staff/usuarios/${rec.id}/clave`, { password: 'clave-nueva-123' });
      assert.equal(location(set), `/staff/usuarios/${rec.id}?ok=clave`);
      const browser = new WebClient(t.app);
      await browser.get('/staff/ingresar');
      assert.equal(
        (await browser.post('/staff/ingresar', { login: 'recep2', password: 'clave-del-personal' })).statusCode,
        401,
      );
      assert.equal(
        (await browser.post('/staff/ingresar', { login: 'recep2', password: 'clave-nueva-123' })).statusCode,
        303,
      );
    });
  });
}
