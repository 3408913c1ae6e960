// TURNOS WEB → Configuración básica: an admin changes how the web books, mistakes come back next to their
// field with everything typed, reception is refused, and patients see the effect at once.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildSeededApp, type Seed } from '../../../test/support/seeded-app.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { location, WebClient } from '../../../test/support/web-client.js';
import { fieldError, forbidden } from '../catalog/web-catalog.test-helpers.js';
import { getCenter } from './center.service.js';

/** The page's own fields, as a browser would post them unchanged. */
function formFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/<input([^>]*)>/g)) {
    const attrs = m[1] as string;
    const name = /name="([^"]+)"/.exec(attrs)?.[1];
    if (!name || name === '_csrf') continue;
    const value = (/value="([^"]*)"/.exec(attrs)?.[1] ?? '').replace(/&amp;/g, '&');
    if (/type="(checkbox|radio)"/.test(attrs)) {
      if (/ checked/.test(attrs)) fields[name] = value;
    } else fields[name] = value;
  }
  for (const m of html.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g)) {
    fields[m[1] as string] = (m[2] as string).replace(/&amp;/g, '&');
  }
  for (const m of html.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    const selected = /<option value="([^"]*)" selected/.exec(m[2] as string)?.[1];
    if (selected !== undefined) fields[m[1] as string] = selected;
  }
  return fields;
}

for (const dialect of testDialects()) {
  describe(`configuración básica de turnos web (${dialect})`, () => {
    let t: TestApp;
    let seed: Seed;
    let admin: WebClient;
    let reception: WebClient;

    before(async () => {
      ({ t, seed } = await buildSeededApp(dialect));
      admin = await WebClient.newStaff(t.app, t.ctx, { username: 'jefa', role: 'admin' });
      reception = await WebClient.newStaff(t.app, t.ctx, { username: 'recepcion', role: 'reception' });
    });
    after(() => t.close());

    test('the page shows every group and option of the manual, each explained beside it', async () => {
      const res = await admin.get('/staff/web/configuracion');
      assert.equal(res.statusCode, 200);
      const text = admin.text();
      for (const group of [
        'Activación',
        'Datos básicos',
        'Datos de contacto',
        'Usuario web y tipo de turno',
        'Forma de seleccionar profesional',
        'Controles de máximos de turnos por paciente',
        'Al dar turno',
        'Zona horaria',
      ]) {
        assert.match(admin.html, new RegExp(`<legend>${group}</legend>`), group);
      }
      assert.match(text, /Activar los turnos por internet Si lo destildás, nadie podrá entrar a la web a darse turnos/);
      assert.match(text, /Frase de inicio Lo que escribas acá aparece en la página inicial de la web/);
      assert.match(
        text,
        /Máx\. turnos para día\/especialidad\/profesional Cuántos turnos puede darse el mismo paciente/,
      );
      assert.match(text, /Se recomienda 1\./);
      assert.match(text, /desde la misma computadora o conexión/);
      assert.match(text, /Requerir motivo del turno Si está tildado, el paciente tiene que escribir el motivo/);
      assert.match(text, /Frase incluida en el mail Se incluye en el mail de confirmación/);
      // Each hint is read with its field.
      assert.match(admin.html, /id="f-maxPerDayProfessional"[^>]*aria-describedby="f-maxPerDayProfessional-hint"/);
      assert.match(
        admin.html,
        /<input type="checkbox" id="f-webBookingEnabled" name="webBookingEnabled" value="1" checked/,
      );
      assert.match(admin.html, /<fieldset id="g-contact" aria-describedby="g-contact-hint">/);
      assert.match(admin.html, /id="f-selectionMode" name="selectionMode" value="BY_SPECIALTY" checked/);
      assert.match(admin.html, /aria-describedby="f-selectionMode-BY_STUDY-hint"/);
      assert.match(admin.html, /<option value="America\/Argentina\/Buenos_Aires" selected>/);
    });

    test('saving: a confirmation, the center changed, and the patient home shows the welcome phrase', async () => {
      await admin.get('/staff/web/configuracion');
      const fields = {
        ...formFields(admin.html),
        name: 'CENTRO MEDICO DEMO',
        welcomePhrase: 'Para Laboratorio presentarse sin turno.',
        webAddress: 'https://turnos.centro.example',
        contactEmail: 'Info@Centro.Example',
        phones: '4444-4444',
        contactHours: 'Lunes a Viernes de 10 a 18hs.',
        maxPerDayProfessional: '1',
        maxFuturePerIp: '8',
        maxFuturePerPatient: '4',
        mailPhrase: 'Recuerde concurrir con su Carnet de Obra Social y su DNI',
        timeZone: 'America/Argentina/Cordoba',
      };
      const saved = await admin.post('/staff/web/configuracion', fields);
      assert.equal(saved.statusCode, 303, admin.text());
      assert.equal(location(saved), '/staff/web/configuracion?ok=guardada');
      await admin.follow(saved);
      assert.match(
        admin.html,
        /<p class="ok" role="status">✓ Configuración guardada\. Los pacientes ya ven los cambios\.<\/p>/,
      );
      assert.match(admin.html, /value="info@centro\.example"/, 'the e-mail as the service normalized it');
      assert.match(admin.html, /<option value="America\/Argentina\/Cordoba" selected>/);

      const center = await getCenter(t.ctx);
      assert.equal(center.welcomePhrase, 'Para Laboratorio presentarse sin turno.');
      assert.deepEqual(center.limits, { maxPerDayProfessional: 1, maxFuturePerIp: 8, maxFuturePerPatient: 4 });
      assert.equal(center.timeZone, 'America/Argentina/Cordoba');
      assert.equal(center.webBookingEnabled, true);

      const visitor = new WebClient(t.app);
      await visitor.get('/');
      assert.match(
        visitor.text(),
        /Bienvenido al portal de turnos de CENTRO MEDICO DEMO Para Laboratorio presentarse sin turno\./,
      );

      // Back to the test center's zone for the other tests.
      await admin.post('/staff/web/configuracion', {
        ...formFields(admin.html),
        timeZone: 'America/Argentina/Buenos_Aires',
      });
    });

    test('the street address ([[DIRECCION]] of the reminders) is saved and shown again', async () => {
      await admin.get('/staff/web/configuracion');
      assert.match(
        admin.text(),
        /Dirección La calle y el número del centro, por ejemplo Av\. Corrientes 1234, CABA\. Los recordatorios la dicen donde la plantilla pone \[\[DIRECCION\]\]\./,
      );
      const saved = await admin.post('/staff/web/configuracion', {
        ...formFields(admin.html),
        address: '  Av. Corrientes 1234, CABA ',
      });
      assert.equal(saved.statusCode, 303, admin.text());
      await admin.follow(saved);
      assert.match(admin.html, /<input id="f-address" name="address" type="text" value="Av\. Corrientes 1234, CABA"/);
      assert.equal((await getCenter(t.ctx)).address, 'Av. Corrientes 1234, CABA');
      const tooLong = await admin.post('/staff/web/configuracion', {
        ...formFields(admin.html),
        address: 'x'.repeat(201),
      });
      assert.equal(tooLong.statusCode, 400);
      assert.match(
        admin.html,
        /<p class="field-error" id="f-address-error">es demasiado largo \(máximo 200 caracteres\)<\/p>/,
      );
    });

    test('mistakes come back next to their field, with everything typed kept', async () => {
      await admin.get('/staff/web/configuracion');
      const before = await getCenter(t.ctx);
      const res = await admin.post('/staff/web/configuracion', {
        ...formFields(admin.html),
        name: '   ',
        welcomePhrase: 'Frase nueva que no se pierde',
        webAddress: 'turnos.centro',
        contactEmail: 'no-es-un-mail',
        maxPerDayProfessional: 'uno',
        maxFuturePerIp: '0',
        maxFuturePerPatient: '',
        webUserLabel: '',
      });
      assert.equal(res.statusCode, 400);
      const text = admin.text();
      assert.match(text, /Revisá estos datos/);
      fieldError(admin.html, 'name', /no puede quedar vacío/);
      fieldError(
        admin.html,
        'webAddress',
        /debe ser una dirección completa, por ejemplo https:\/\/turnos\.centro\.com\.ar \(o vacía\)/,
      );
      fieldError(admin.html, 'contactEmail', /no es un e-mail válido/);
      fieldError(admin.html, 'maxPerDayProfessional', /debe ser un número entero/);
      fieldError(admin.html, 'maxFuturePerIp', /debe ser al menos 1/);
      fieldError(admin.html, 'maxFuturePerPatient', /es obligatorio/);
      fieldError(admin.html, 'webUserLabel', /no puede quedar vacío/);
      assert.match(admin.html, /<input id="f-maxPerDayProfessional"[^>]*value="uno"[^>]*aria-invalid="true"/);
      assert.match(
        admin.html,
        /aria-describedby="f-maxPerDayProfessional-hint f-maxPerDayProfessional-error"/,
        'the problem is read with the field',
      );
      assert.match(admin.html, /<textarea[^>]*name="welcomePhrase"[^>]*>Frase nueva que no se pierde<\/textarea>/);
      assert.match(admin.html, /value="turnos\.centro"/);
      assert.match(admin.html, /<a href="#f-contactEmail">E-mail<\/a>: no es un e-mail válido/);
      assert.deepEqual(await getCenter(t.ctx), before, 'nothing was saved');
    });

    test('web booking off: the patient home and Tomar turno say so; by study: patients choose a study', async () => {
      const patient = await WebClient.loggedIn(t.app, t.ctx, seed.patient.id);
      await admin.get('/staff/web/configuracion');
      const { webBookingEnabled: _on, reasonRequired: _reason, ...rest } = formFields(admin.html);
      const off = await admin.post('/staff/web/configuracion', { ...rest, selectionMode: 'BY_STUDY' });
      assert.equal(off.statusCode, 303, admin.text());
      const center = await getCenter(t.ctx);
      assert.equal(center.webBookingEnabled, false);
      assert.equal(center.selectionMode, 'BY_STUDY');

      await patient.get('/');
      assert.match(patient.text(), /Los turnos por internet no están disponibles en este momento/);
      assert.doesNotMatch(patient.html, /href="\/turnos\/nuevo" class="button"|class="button" href="\/turnos\/nuevo"/);
      await patient.get('/turnos/nuevo');
      assert.match(patient.text(), /Los turnos por internet no están disponibles en este momento/);

      await admin.get('/staff/web/configuracion');
      assert.match(
        admin.html,
        /<input type="checkbox" id="f-webBookingEnabled" name="webBookingEnabled" value="1" aria/,
      );
      const on = await admin.post('/staff/web/configuracion', { ...formFields(admin.html), webBookingEnabled: '1' });
      assert.equal(on.statusCode, 303);
      await patient.get('/turnos/nuevo');
      assert.match(
        patient.text(),
        /Por estudio Elegí el estudio que te vas a hacer\. Estudio Elegí un estudio Ecografía abdominal/,
      );
    });

    test('reason required: the patient confirming without one is told so', async () => {
      await admin.get('/staff/web/configuracion');
      const res = await admin.post('/staff/web/configuracion', {
        ...formFields(admin.html),
        selectionMode: 'BY_SPECIALTY',
        reasonRequired: '1',
      });
      assert.equal(res.statusCode, 303);
      const patient = await WebClient.loggedIn(t.app, t.ctx, seed.patient.id);
      const start = '2026-11-24T10:00:00-03:00';
      await patient.get(
        `/turnos/confirmar?profesional=${seed.gonzalez.id}&especialidad=${seed.cardiology.id}&inicio=${encodeURIComponent(start)}`,
      );
      assert.match(patient.text(), /Motivo del turno/);
      const refused = await patient.post('/turnos/confirmar', {
        profesional: String(seed.gonzalez.id),
        especialidad: String(seed.cardiology.id),
        inicio: start,
        obraSocial: String(seed.osde.id),
        motivo: '',
      });
      assert.equal(refused.statusCode, 422);
      assert.match(patient.text(), /Contanos el motivo del turno\./);
    });

    test('reception may not open nor change the configuration', async () => {
      forbidden(reception, await reception.get('/staff/web/configuracion'), 'open');
      await reception.get('/staff');
      const before = await getCenter(t.ctx);
      forbidden(reception, await reception.post('/staff/web/configuracion', { name: 'Otro nombre' }), 'change');
      assert.deepEqual(await getCenter(t.ctx), before);
      const stranger = new WebClient(t.app);
      assert.match(location(await stranger.get('/staff/web/configuracion')), /^\/staff\/ingresar\?volver=/);
    });
    test('Teleconsulta y portal: token digits, step and algorithm, and the profile check, saved and shown', async () => {
      await admin.get('/staff/web/configuracion');
      assert.match(admin.html, /<legend>Teleconsulta y portal<\/legend>/);
      assert.match(admin.text(), /SHA-1 El que usan las apps de autenticación/);
      assert.match(admin.html, /id="f-tokenDigits" name="tokenDigits" value="6" checked/);
      assert.match(admin.html, /id="f-tokenStepSeconds" name="tokenStepSeconds" value="30" checked/);
      assert.match(admin.html, /id="f-tokenAlgorithm" name="tokenAlgorithm" value="sha1" checked/);

      const saved = await admin.post('/staff/web/configuracion', {
        ...formFields(admin.html),
        tokenDigits: '8',
        tokenStepSeconds: '60',
        tokenAlgorithm: 'sha512',
        profileCheckEnabled: '1',
      });
      assert.equal(saved.statusCode, 303, admin.text());
      await admin.follow(saved);
      assert.match(admin.html, /id="f-tokenDigits-8" name="tokenDigits" value="8" checked/);
      assert.match(admin.html, /id="f-tokenStepSeconds-60" name="tokenStepSeconds" value="60" checked/);
      assert.match(admin.html, /id="f-tokenAlgorithm-sha512" name="tokenAlgorithm" value="sha512" checked/);
      assert.match(admin.html, /id="f-profileCheckEnabled" name="profileCheckEnabled" value="1" checked/);
      assert.match(admin.text(), /Activado desde el \d\d\/\d\d\/\d{4} \d\d:\d\d\./);
      const center = await getCenter(t.ctx);
      assert.deepEqual(
        [center.tokenDigits, center.tokenStepSeconds, center.tokenAlgorithm, center.profileCheckEnabled],
        [8, 60, 'sha512', true],
      );
      assert.equal(center.profileCheckEnabledAt, new Date(t.clock.now()).toISOString());

      // 9 digits is refused next to its field, with everything typed kept; nothing changes.
      const refused = await admin.post('/staff/web/configuracion', {
        ...formFields(admin.html),
        tokenDigits: '9',
        phones: '011 1234-5678',
      });
      assert.equal(refused.statusCode, 400);
      assert.match(admin.text(), /Cantidad de números del token ?: debe ser 6, 7 u 8/);
      assert.match(admin.html, /value="011 1234-5678"/);
      const api = await t.app.inject({
        method: 'PATCH',
        url: '/api/v1/center',
        headers: await t.auth('admin'),
        payload: { tokenDigits: 9, tokenStepSeconds: 45 },
      });
      assert.equal(api.statusCode, 400);
      assert.match(api.json().error.message, /tokenDigits.*debe ser 6, 7 u 8/);
      assert.equal((await getCenter(t.ctx)).tokenDigits, 8);

      // Back to the defaults for the other tests.
      await admin.post('/staff/web/configuracion', {
        ...formFields(admin.html),
        tokenDigits: '6',
        tokenStepSeconds: '30',
        tokenAlgorithm: 'sha1',
        profileCheckEnabled: '',
      });
      assert.equal((await getCenter(t.ctx)).profileCheckEnabled, false);
    });
  });
}
