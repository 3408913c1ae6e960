// TURNOS WEB → Obras sociales, Especialidades activadas and ABM estudios: an admin lists, creates and
// changes them on the pages; mistakes come back with what was typed; patients see the result at once.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertStudy } from '../../../test/support/factories.js';
import { buildSeededApp, type Seed } from '../../../test/support/seeded-app.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { location, WebClient } from '../../../test/support/web-client.js';
import { fieldError, forbidden, section } from './web-catalog.test-helpers.js';

for (const dialect of testDialects()) {
  describe(`catálogo de turnos web: obras sociales, especialidades, estudios (${dialect})`, () => {
    let t: TestApp;
    let seed: Seed;
    let admin: WebClient;
    let reception: WebClient;
    let patient: WebClient;

    before(async () => {
      ({ t, seed } = await buildSeededApp(dialect));
      admin = await WebClient.newStaff(t.app, t.ctx, { username: 'jefa', role: 'admin' });
      reception = await WebClient.newStaff(t.app, t.ctx, { username: 'recepcion', role: 'reception' });
      patient = await WebClient.loggedIn(t.app, t.ctx, seed.patient.id);
    });
    after(() => t.close());

    test('obras sociales: enabled first, then those dadas de baja; each row says what its link changes', async () => {
      assert.equal((await admin.get('/staff/web/obras-sociales')).statusCode, 200);
      const text = admin.text();
      assert.match(
        section(text, 'Activadas para la web', 'Dadas de baja'),
        /OSDE OSDE Sí — Traé la credencial de OSDE Modificar activación OSDE/,
      );
      assert.match(section(text, 'Dadas de baja para la web'), /SIN CONVENIO SIN CONVENIO No/);
      assert.match(admin.html, /<th scope="col">Mensaje p\/ turnos<\/th>/);
      assert.match(admin.html, /<th scope="row">OSDE<\/th>/);
      assert.match(
        admin.html,
        new RegExp(
          `<a href="/staff/web/obras-sociales/${seed.osde.id}">Modificar activación<span class="sr-only"> OSDE</span></a>`,
        ),
      );
      assert.match(admin.html, /<a class="button" href="\/staff\/web\/obras-sociales\/nueva">Nueva obra social<\/a>/);
    });

    test('obras sociales: Modificar activación changes what patients see; Nueva obra social', async () => {
      const url = `/staff/web/obras-sociales/${seed.osde.id}`;
      await admin.get(url);
      assert.match(admin.text(), /Modificar activación de OSDE/);
      assert.match(admin.text(), /Mensaje general Aparece en el listado de obras sociales de la web/);
      assert.match(admin.text(), /Mensaje p\/ turnos Aparece después de confirmar cada turno web/);
      assert.match(
        admin.html,
        /<textarea id="f-bookingMessage" name="bookingMessage" rows="3" aria-describedby="f-bookingMessage-hint">Traé la credencial de OSDE<\/textarea>/,
      );

      const empty = await admin.post(url, {
        name: '',
        webName: 'OSDE Binario',
        webEnabled: '1',
        generalMessage: 'Planes 210 a 510',
        bookingMessage: 'Traé la credencial',
      });
      assert.equal(empty.statusCode, 400);
      fieldError(admin.html, 'name', /no puede quedar vacío/);
      assert.match(admin.html, /value="OSDE Binario"/);
      assert.match(admin.html, /<textarea[^>]*name="generalMessage"[^>]*>Planes 210 a 510<\/textarea>/);

      const saved = await admin.post(url, {
        name: 'OSDE',
        webName: 'OSDE Binario',
        webEnabled: '1',
        generalMessage: 'Planes 210 a 510',
        bookingMessage: 'Traé la credencial',
      });
      assert.equal(location(saved), `/staff/web/obras-sociales?ok=guardada&id=${seed.osde.id}#fila-${seed.osde.id}`);
      await admin.follow(saved);
      assert.match(admin.text(), /✓ Se guardaron los cambios de «OSDE»\./);
      assert.match(
        admin.html,
        new RegExp(
          `<tr id="fila-${seed.osde.id}" class="changed"><th scope="row">OSDE<span class="tag">recién guardado</span>`,
        ),
      );

      const visitor = new WebClient(t.app);
      await visitor.get('/obras-sociales');
      assert.match(visitor.text(), /OSDE Binario Planes 210 a 510/);

      // Unticked: dada de baja, below, and no longer on the web.
      const off = await admin.post(url, {
        name: 'OSDE',
        webName: 'OSDE Binario',
        generalMessage: '',
        bookingMessage: '',
      });
      await admin.follow(off);
      assert.match(section(admin.text(), 'Dadas de baja para la web'), /OSDE recién guardado OSDE Binario No/);
      await visitor.get('/obras-sociales');
      assert.doesNotMatch(visitor.text(), /OSDE/);
      await admin.post(url, {
        name: 'OSDE',
        webName: 'OSDE',
        webEnabled: '1',
        bookingMessage: 'Traé la credencial de OSDE',
      });

      await admin.get('/staff/web/obras-sociales/nueva');
      assert.match(admin.html, /<input type="checkbox" id="f-webEnabled" name="webEnabled" value="1" checked/);
      const taken = await admin.post('/staff/web/obras-sociales/nueva', {
        name: 'osde',
        webEnabled: '1',
        generalMessage: 'x',
      });
      assert.equal(taken.statusCode, 409);
      fieldError(admin.html, 'name', /Ya existe una obra social con el nombre «OSDE»: elegí otro nombre\./);
      assert.match(admin.html, /value="osde"/);
      const created = await admin.post('/staff/web/obras-sociales/nueva', {
        name: 'SWISS MEDICAL',
        webName: '',
        webEnabled: '1',
        generalMessage: 'Todos los planes',
        bookingMessage: '',
      });
      const id = Number(/id=(\d+)/.exec(location(created))?.[1]);
      assert.match(location(created), /^\/staff\/web\/obras-sociales\?ok=creada&id=\d+#fila-\d+$/);
      await admin.follow(created);
      assert.match(admin.text(), /✓ Se creó «SWISS MEDICAL»\./);
      assert.match(admin.html, new RegExp(`<tr id="fila-${id}" class="changed">`));
      await visitor.get('/obras-sociales');
      assert.match(visitor.text(), /SWISS MEDICAL Todos los planes/);
    });

    test('especialidades: the web name and activation decide what Tomar turno offers', async () => {
      await admin.get('/staff/web/especialidades');
      let text = admin.text();
      assert.match(
        section(text, 'Activadas para la web', 'Dadas de baja'),
        /CARDIOLOGÍA Cardiología Sí Modificar activación CARDIOLOGÍA/,
      );
      assert.match(section(text, 'Dadas de baja para la web'), /OCULTA Oculta No/);

      const url = `/staff/web/especialidades/${seed.cardiology.id}`;
      await admin.get(url);
      assert.match(admin.text(), /Nombre para la web Si en el centro la usan con un nombre interno/);
      const saved = await admin.post(url, { name: 'CARDIOLOGÍA', webName: 'Cardiología clínica', webEnabled: '1' });
      assert.equal(
        location(saved),
        `/staff/web/especialidades?ok=guardada&id=${seed.cardiology.id}#fila-${seed.cardiology.id}`,
      );
      await admin.follow(saved);
      assert.match(admin.text(), /✓ Se guardaron los cambios de «CARDIOLOGÍA»\./);
      await patient.get('/turnos/nuevo');
      assert.match(patient.text(), /Elegí una especialidad Cardiología clínica Dermatología/);

      const off = await admin.post(`/staff/web/especialidades/${seed.dermatology.id}`, {
        name: 'DERMATOLOGÍA',
        webName: '',
      });
      await patient.get('/turnos/nuevo');
      assert.doesNotMatch(patient.text(), /Dermatología/);
      await admin.follow(off);
      text = admin.text();
      assert.match(
        section(text, 'Dadas de baja para la web'),
        /DERMATOLOGÍA recién guardado DERMATOLOGÍA No/,
        'an empty web name is the name',
      );
      await admin.post(`/staff/web/especialidades/${seed.dermatology.id}`, {
        name: 'DERMATOLOGÍA',
        webName: 'Dermatología',
        webEnabled: '1',
      });

      await admin.get('/staff/web/especialidades/nueva');
      const taken = await admin.post('/staff/web/especialidades/nueva', {
        name: 'cardiologia',
        webName: 'Corazón',
        webEnabled: '1',
      });
      assert.equal(taken.statusCode, 409);
      fieldError(admin.html, 'name', /Ya existe una especialidad con el nombre «CARDIOLOGÍA»: elegí otro nombre\./);
      assert.match(admin.html, /value="Corazón"/);
      const created = await admin.post('/staff/web/especialidades/nueva', {
        name: 'NEUMONOLOGIA',
        webName: 'Neumonología',
        webEnabled: '1',
      });
      await admin.follow(created);
      assert.match(admin.text(), /✓ Se creó «NEUMONOLOGIA»\./);
    });

    test('ABM estudios: create, edit the indication the patient reads, delete with a confirmation', async () => {
      await admin.get('/staff/web/estudios');
      assert.match(
        admin.text(),
        /Ecografía abdominal Presentarse con 6 horas de ayuno Sí Modificar Ecografía abdominal Borrar Ecografía abdominal/,
      );

      await admin.get('/staff/web/estudios/nuevo');
      const missing = await admin.post('/staff/web/estudios/nuevo', {
        name: ' ',
        indication: 'Ayuno de 8 horas',
        webEnabled: '1',
      });
      assert.equal(missing.statusCode, 400);
      fieldError(admin.html, 'name', /no puede quedar vacío/);
      assert.match(admin.html, />Ayuno de 8 horas<\/textarea>/);
      const created = await admin.post('/staff/web/estudios/nuevo', {
        name: 'Ecografía de tiroides',
        indication: 'No requiere preparación.',
        webEnabled: '1',
      });
      const thyroid = Number(/id=(\d+)/.exec(location(created))?.[1]);
      await admin.follow(created);
      assert.match(admin.text(), /✓ Se creó «Ecografía de tiroides»\./);

      // The indication typed here is what the patient reads when booking the study.
      const echo = `/staff/web/estudios/${seed.echo.id}`;
      await admin.get(echo);
      const saved = await admin.post(echo, {
        name: 'Ecografía abdominal',
        indication: 'Presentarse con 12 horas de ayuno.',
        webEnabled: '1',
      });
      assert.equal(location(saved), `/staff/web/estudios?ok=guardado&id=${seed.echo.id}#fila-${seed.echo.id}`);
      await patient.get(`/turnos/profesional/${seed.sonographer.id}?estudio=${seed.echo.id}&visto=1`);
      assert.match(patient.text(), /Estudio: Ecografía abdominal Indicación: Presentarse con 12 horas de ayuno\./);

      // In use by an agenda: refused with the reason, and the way out offered.
      await admin.get(`${echo}/borrar`);
      assert.match(admin.text(), /¿Borrar el estudio «Ecografía abdominal»\? Se quita también de los profesionales/);
      const refused = await admin.post(`${echo}/borrar`);
      assert.equal(refused.statusCode, 409);
      assert.match(
        admin.text(),
        /No se puede borrar el estudio «Ecografía abdominal»: lo usa 1 horario de atención\. Si ya no se ofrece, deshabilitalo para la web\./,
      );
      assert.match(
        admin.html,
        new RegExp(`<a class="button" href="/staff/web/estudios/${seed.echo.id}">Deshabilitarlo para la web</a>`),
      );

      // Unused: asked first, then gone.
      await admin.get(`/staff/web/estudios/${thyroid}/borrar`);
      assert.match(admin.html, /<button type="submit" class="danger">Sí, borrar<\/button>/);
      const deleted = await admin.post(`/staff/web/estudios/${thyroid}/borrar`);
      assert.equal(location(deleted), '/staff/web/estudios?ok=borrado');
      await admin.follow(deleted);
      assert.match(admin.text(), /✓ Estudio borrado\./);
      assert.doesNotMatch(admin.text(), /tiroides/);

      // Disabled for the web: listed below, out of the patient's booking.
      const hidden = await insertStudy(t.ctx.database.db, 'Densitometría');
      await admin.get(`/staff/web/estudios/${hidden.id}`);
      await admin.follow(
        await admin.post(`/staff/web/estudios/${hidden.id}`, { name: 'Densitometría', indication: '' }),
      );
      assert.match(section(admin.text(), 'No habilitados para la web'), /Densitometría recién guardado — No/);
    });

    test('in English, every screen has its own texts', async () => {
      const english = await WebClient.newStaff(t.app, t.ctx, { username: 'english', role: 'admin' });
      await english.get('/idioma?lang=en&volver=/staff');
      for (const [url, title] of [
        ['/staff/web/configuracion', 'Basic settings'],
        ['/staff/web/obras-sociales', 'Insurers enabled for online booking'],
        ['/staff/web/profesionales', 'Professionals enabled for online booking'],
        [`/staff/web/profesionales/${seed.gonzalez.id}/estudios`, 'Studies of GONZALEZ José'],
        ['/staff/web/especialidades', 'Specialties enabled for online booking'],
        ['/staff/web/estudios', 'Studies'],
      ] as const) {
        assert.equal((await english.get(url)).statusCode, 200, url);
        assert.match(english.html, new RegExp(`<h1>${title}</h1>`), url);
      }
      assert.match(english.text(), /New study/);
    });

    test('reception gets 403 on every screen and every change', async () => {
      for (const url of [
        '/staff/web/obras-sociales',
        `/staff/web/obras-sociales/${seed.osde.id}`,
        '/staff/web/especialidades',
        '/staff/web/especialidades/nueva',
        '/staff/web/estudios',
        `/staff/web/estudios/${seed.echo.id}/borrar`,
      ]) {
        forbidden(reception, await reception.get(url), url);
      }
      await reception.get('/staff');
      for (const url of [
        `/staff/web/obras-sociales/${seed.osde.id}`,
        '/staff/web/especialidades/nueva',
        '/staff/web/estudios/nuevo',
        `/staff/web/estudios/${seed.echo.id}/borrar`,
      ]) {
        forbidden(reception, await reception.post(url, { name: 'X', webEnabled: '1' }), url);
      }
    });
  });
}
