// /staff/web/pacientes through the pages, as reception uses them: the list, "Alta en web" (activated or by the
// mail), who may use them. The account's own page: web-accounts.edit.web.test.ts.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { auditTrail } from '../../../test/support/audit-log.js';
import { insertPatient, insertStaffUser } from '../../../test/support/factories.js';
import { buildSeededApp, type Seed } from '../../../test/support/seeded-app.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { location, WebClient } from '../../../test/support/web-client.js';
import { hashPassword } from './accounts.passwords.js';
import { forgetLimits, inputValue, linkPath, logIn, withAccount } from './accounts.test-helpers.js';
import { checked, mailAbout } from './web-accounts.test-helpers.js';

for (const dialect of testDialects()) {
  describe(`staff web patients pages (${dialect})`, () => {
    let t: TestApp;
    let seed: Seed;
    let desk: WebClient;
    let userId: number;
    before(async () => {
      ({ t, seed } = await buildSeededApp(dialect));
      userId = (await insertStaffUser(t.ctx.database.db, { username: 'mesa-web', role: 'reception' })).id;
      desk = await WebClient.loggedInStaff(t.app, t.ctx, userId);
    });
    after(() => t.close());
    beforeEach(() => forgetLimits(t));

    const auditActions = (patientId: number) => auditTrail(t.ctx.database.db, patientId, `usuario:${userId}`);

    test('the list shows every web patient with its state in words, searchable, filtered and in pages', async () => {
      const db = t.ctx.database.db;
      const active = await insertPatient(db, { dni: '41000001', lastName: 'ACTIVADA', insurerId: seed.osde.id });
      const pending = await insertPatient(db, { dni: '41000002', lastName: 'PENDIENTE' });
      const off = await insertPatient(db, {
        dni: '41000003',
        lastName: 'APAGADA',
        disabled: true,
        disabledNote: 'Deuda',
      });
      await withAccount(t, active.id, 'clave activa 1');
      await withAccount(t, pending.id, 'clave pendiente', false);
      await withAccount(t, off.id, 'clave apagada 1');

      await desk.get('/staff/web/pacientes?q=4100000');
      const text = desk.text();
      assert.match(text, /3 pacientes web/);
      assert.match(text, /ACTIVADA, Test 41000001 \S+@example\.com \+5491112345678 OSDE activado 23\/11\/2026 09:00/);
      assert.match(text, /PENDIENTE, Test 41000002 \S+ \+5491112345678 Particular pendiente sin activar/);
      assert.match(text, /APAGADA, Test 41000003 .* deshabilitado Deuda/);
      assert.match(desk.html, /<th scope="col">Estado<\/th>/);
      assert.match(text, /Olvidó su mail, o lo escribió mal: buscalo acá por su DNI/);
      // The link of each row names its patient for a screen reader.
      assert.match(desk.html, /Modificar activación\/<wbr\/>contraseña<span class="sr-only">: ACTIVADA, Test<\/span>/);

      await desk.get(`/staff/web/pacientes?q=${encodeURIComponent(active.email as string)}`);
      assert.match(desk.text(), /1 paciente web .*ACTIVADA, Test/);
      await desk.get('/staff/web/pacientes?q=pendiente');
      assert.match(desk.text(), /1 paciente web .*PENDIENTE, Test/);
      for (const [estado, name] of [
        ['activado', 'ACTIVADA'],
        ['pendiente', 'PENDIENTE'],
        ['deshabilitado', 'APAGADA'],
      ] as const) {
        await desk.get(`/staff/web/pacientes?q=4100000&estado=${estado}`);
        assert.match(desk.text(), new RegExp(`1 paciente web .*${name}, Test`), estado);
        assert.match(desk.html, new RegExp(`<option value="${estado}" selected`));
      }

      // 51 more accounts: two pages of 50, the second reached with the search kept.
      const hash = await hashPassword('clave de lote 1');
      const now = new Date(t.clock.now()).toISOString();
      for (let i = 0; i < 51; i++) {
        const p = await insertPatient(db, { dni: String(42_000_000 + i), lastName: 'LOTE' });
        await db
          .insertInto('webAccounts')
          .values({ patientId: p.id, passwordHash: hash, activatedAt: now, createdAt: now, updatedAt: now })
          .execute();
      }
      await desk.get('/staff/web/pacientes?q=lote');
      assert.match(desk.text(), /51 pacientes web/);
      assert.equal(desk.html.match(/<th scope="row">LOTE, Test/g)?.length, 50);
      assert.match(desk.text(), /Página 1 de 2/);
      assert.match(desk.html, /href="\/staff\/web\/pacientes\?q=lote&amp;pagina=2"/);
      await desk.get('/staff/web/pacientes?q=lote&pagina=2');
      assert.equal(desk.html.match(/<th scope="row">LOTE, Test/g)?.length, 1);
      assert.match(desk.text(), /Página 2 de 2/);
    });

    test('alta of an existing patient found by DNI, activated: the patient logs in at /ingresar at once', async () => {
      const patient = await insertPatient(t.ctx.database.db, { dni: '43111222', lastName: 'ROMERO' });
      await desk.get('/staff/web/pacientes/alta?buscar=43.111.222');
      assert.match(desk.text(), /1 paciente encontrado .*ROMERO, Test 43111222/);
      const pick = /href="(\/staff\/web\/pacientes\/alta\?paciente=\d+)"/.exec(desk.html)?.[1];
      assert.equal(pick, `/staff/web/pacientes/alta?paciente=${patient.id}`);
      await desk.get(pick);
      assert.match(desk.text(), /ROMERO, Test, DNI 43111222/);
      assert.equal(inputValue(desk.html, 'dni'), '43111222');
      assert.equal(inputValue(desk.html, 'email'), patient.email);

      // Mistakes: each beside its field, the typed e-mail kept.
      const bad = await desk.post('/staff/web/pacientes/alta', {
        patientId: String(patient.id),
        dni: '43111222',
        email: 'romero@nuevo.example.com',
        password: '43111222',
      });
      assert.equal(bad.statusCode, 400);
      assert.match(desk.text(), /Contraseña web : La contraseña no puede ser el DNI del paciente/);
      assert.match(desk.text(), /Activación : Elegí si queda activado o le enviamos el mail/);
      assert.equal(inputValue(desk.html, 'email'), 'romero@nuevo.example.com');

      const logged = (await auditActions(patient.id)).length;
      const ok = await desk.post('/staff/web/pacientes/alta', {
        patientId: String(patient.id),
        dni: '43111222',
        email: 'romero@nuevo.example.com',
        password: 'clave de romero',
        activacion: 'activado',
      });
      assert.equal(location(ok), `/staff/web/pacientes/${patient.id}?ok=activado`);
      assert.deepEqual(
        (await auditActions(patient.id)).slice(logged),
        ['patient.update', 'web_account.create'],
        'the alta is logged as what it changed, without a read of its own',
      );
      await desk.follow(ok);
      assert.match(desk.text(), /Alta en web hecha: el usuario quedó activado/);
      assert.match(desk.text(), /Estado activado/);

      const client = new WebClient(t.app);
      assert.equal((await logIn(client, '43111222', 'clave de romero')).statusCode, 303);
      const sink = await t.sendMails();
      assert.equal(sink.to('romero@nuevo.example.com').length, 0, 'activated by the center: no mail');
      assert.ok((await auditActions(patient.id)).includes('web_account.create'));

      // Found again among others, each row offers what fits it: the way to change the account, or the alta.
      const namesake = await insertPatient(t.ctx.database.db, { dni: '43111333', lastName: 'ROMERO' });
      await desk.get('/staff/web/pacientes/alta?buscar=romero');
      assert.match(desk.text(), /ROMERO, Test 43111222 \S+ Ya tiene usuario web: Modificar activación\/contraseña/);
      assert.match(desk.html, new RegExp(`href="/staff/web/pacientes/alta\\?paciente=${namesake.id}"`));
      assert.doesNotMatch(desk.html, new RegExp(`href="/staff/web/pacientes/alta\\?paciente=${patient.id}"`));

      // Chosen again, the patient is shown with the way to change the account instead of a second alta.
      await desk.get(`/staff/web/pacientes/alta?paciente=${patient.id}`);
      assert.match(desk.text(), /Ya tiene usuario web: Modificar activación\/contraseña/);
      assert.doesNotMatch(desk.html, /name="password"/);
      const twice = await desk.post('/staff/web/pacientes/alta', {
        patientId: String(patient.id),
        dni: '43111222',
        email: 'romero@nuevo.example.com',
        password: 'otra clave 123',
        activacion: 'mail',
      });
      assert.equal(twice.statusCode, 409);
      assert.match(desk.text(), /Este paciente ya tiene usuario web/);
    });

    test('alta of a new patient with the activation mail: the mail arrives and its link activates', async () => {
      await desk.get('/staff/web/pacientes/alta?buscar=44555666');
      assert.match(desk.text(), /No hay ningún paciente con «44555666»/);
      // The DNI not found comes along to the new patient's form.
      assert.match(desk.html, /href="\/staff\/web\/pacientes\/alta\?nuevo=1&amp;dni=44555666"/);
      await desk.get('/staff/web/pacientes/alta?nuevo=1&dni=44555666');
      assert.equal(inputValue(desk.html, 'dni'), '44555666');
      assert.ok(checked(desk.html, 'activacion'), 'the mail is the default');

      const missing = await desk.post('/staff/web/pacientes/alta', {
        nuevo: '1',
        dni: '44555666',
        lastName: 'Benítez',
        firstName: '',
        email: '',
        password: 'clave benitez 1',
        activacion: 'mail',
      });
      assert.equal(missing.statusCode, 400);
      assert.match(desk.text(), /Nombre : no puede quedar vacío/);
      assert.match(desk.text(), /E-mail : Escribí el e-mail: el usuario web lo necesita/);
      assert.equal(inputValue(desk.html, 'lastName'), 'Benítez');
      assert.match(desk.html, /value="mail" checked/);

      const taken = await desk.post('/staff/web/pacientes/alta', {
        nuevo: '1',
        dni: String(seed.patient.dni),
        lastName: 'Benítez',
        firstName: 'Ana',
        email: 'ana.benitez@example.com',
        password: 'clave benitez 1',
        activacion: 'mail',
      });
      assert.equal(taken.statusCode, 409);
      assert.match(desk.text(), new RegExp(`DNI : Ya hay un paciente con el DNI ${seed.patient.dni}`));
      assert.equal(inputValue(desk.html, 'email'), 'ana.benitez@example.com');

      const ok = await desk.post('/staff/web/pacientes/alta', {
        nuevo: '1',
        dni: '44.555.666',
        lastName: 'Benítez',
        firstName: 'Ana',
        email: 'ana.benitez@example.com',
        mobile: '11 4444-5555',
        insurerId: String(seed.osde.id),
        password: 'clave benitez 1',
        activacion: 'mail',
      });
      const id = Number(/^\/staff\/web\/pacientes\/(\d+)\?ok=mail$/.exec(location(ok))?.[1]);
      assert.ok(id > 0, location(ok));
      await desk.follow(ok);
      assert.match(desk.text(), /le enviamos el mail de activación a ana\.benitez@example\.com/);
      assert.match(desk.text(), /Estado pendiente/);

      const client = new WebClient(t.app);
      assert.equal((await logIn(client, '44555666', 'clave benitez 1')).statusCode, 403);
      const mail = await mailAbout(t, 'ana.benitez@example.com', /Activá tu usuario web/);
      await client.follow(await client.get(linkPath(mail, '/activar?token=')));
      assert.match(client.text(), /Tu usuario quedó activado/);
      assert.equal((await logIn(client, '44555666', 'clave benitez 1')).statusCode, 303);
      assert.deepEqual((await auditActions(id)).slice(0, 2), ['patient.create', 'web_account.create']);
    });

    test('in English the pages say the same', async () => {
      const patient = await insertPatient(t.ctx.database.db, { dni: '49000111', lastName: 'ENGLISH' });
      await withAccount(t, patient.id, 'clave english', false);
      desk.cookies.set('turnero_idioma', 'en');
      try {
        await desk.get('/staff/web/pacientes?q=49000111&estado=pendiente');
        assert.match(desk.text(), /Web patients .*1 web patient .*ENGLISH, Test 49000111 .* pending not activated/);
        await desk.get(`/staff/web/pacientes/${patient.id}`);
        assert.match(desk.text(), /Change activation\/password: ENGLISH, Test/);
        assert.match(desk.text(), /DISABLE\? .*Send the activation e-mail again/);
        await desk.get('/staff/web/pacientes/alta?nuevo=1');
        assert.match(desk.text(), /New web account .*ACTIVATED: can log in now/);
      } finally {
        desk.cookies.delete('turnero_idioma');
      }
    });

    test('professionals get 403 on every page and action; a missing account is 404', async () => {
      const pro = await WebClient.newStaff(t.app, t.ctx, {
        username: 'medico-web',
        role: 'professional',
        professionalId: seed.gonzalez.id,
      });
      await pro.get('/staff/mi-cuenta');
      const id = seed.patient.id;
      for (const url of ['/staff/web/pacientes', '/staff/web/pacientes/alta', `/staff/web/pacientes/${id}`]) {
        assert.equal((await pro.get(url)).statusCode, 403, url);
      }
      for (const url of [
        '/staff/web/pacientes/alta',
        `/staff/web/pacientes/${id}`,
        `/staff/web/pacientes/${id}/mail-activacion`,
        `/staff/web/pacientes/${id}/mail-clave`,
      ]) {
        assert.equal((await pro.post(url, { nuevo: '1', dni: '1' })).statusCode, 403, url);
      }
      assert.equal((await desk.get('/staff/web/pacientes/2000000000')).statusCode, 404);
      assert.equal((await new WebClient(t.app).get('/staff/web/pacientes')).statusCode, 303);
    });
  });
}
