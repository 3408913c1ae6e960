// /staff/mensajes/enviar through the pages, as reception uses it without JavaScript: the form with its
// defaults, a bad range kept as typed, generate → remove a row → send (twice) → the progress page after the
// worker sends, "Cambiar filtros" and the CSV.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { WebClient } from '../../../test/support/web-client.js';
import { inputValue } from '../patients/accounts.test-helpers.js';
import { buildDeskFixture, type DeskFixture } from './batches.test-fixture.js';

const DESK = '/staff/mensajes/enviar';

for (const dialect of testDialects()) {
  describe(`send desk pages (${dialect})`, () => {
    let f: DeskFixture;
    let t: TestApp;
    let desk: WebClient;

    before(async () => {
      f = await buildDeskFixture(dialect);
      t = f.t;
      desk = await WebClient.newStaff(t.app, t.ctx, { username: 'recepcion', role: 'reception' });
    });
    after(() => t.close());

    const isChecked = (name: string, value: string) =>
      new RegExp(
        `<input[^>]*name="${name}"[^>]*value="${value}"[^>]*checked|<input[^>]*checked[^>]*name="${name}"[^>]*value="${value}"`,
      ).test(desk.html);
    const rowIds = () => [...desk.html.matchAll(/name="fila" value="(\d+)"/g)].map((m) => Number(m[1]));

    test('the form offers the templates by channel and next week by default', async () => {
      const res = await desk.get(DESK);
      assert.equal(res.statusCode, 200);
      assert.equal(inputValue(desk.html, 'desde'), '2026-11-24');
      assert.equal(inputValue(desk.html, 'hasta'), '2026-11-30');
      assert.match(desk.html, /<optgroup label="Mail">[\s\S]*Recordatorio de turno[\s\S]*<optgroup label="SMS">/);
      assert.ok(isChecked('destino', 'turnos'));
      assert.ok(isChecked('quienes', 'no-enviados'));
      const text = desk.text();
      for (const words of [
        '1. Plantilla para enviar',
        '2. A quién se envía',
        '4. Quiénes',
        '5. Obra social / prepaga',
      ]) {
        assert.ok(text.includes(words), words);
      }
      assert.ok(text.includes('Todavía no se generó ningún listado.'));
    });

    test('a bad range comes back as typed, marked, with nothing generated', async () => {
      const res = await desk.post(DESK, {
        plantilla: String(f.templates.mail),
        destino: 'turnos',
        desde: '2026-11-30',
        hasta: '2026-11-24',
        quienes: 'todos',
        obraSocial: String(f.seed.osde.id),
      });
      assert.equal(res.statusCode, 400);
      assert.ok(desk.text().includes('«Hasta» no puede ser anterior a «Desde».'));
      assert.equal(inputValue(desk.html, 'desde'), '2026-11-30');
      assert.ok(isChecked('quienes', 'todos'));
      assert.ok(isChecked('obraSocial', String(f.seed.osde.id)));
      const none = await desk.post(DESK, { destino: 'turnos', desde: '2026-11-24', hasta: '2027-03-24' });
      assert.equal(none.statusCode, 400);
      assert.ok(desk.text().includes('Elegí una plantilla de la lista.'));
      assert.ok(desk.text().includes('Las fechas pueden abarcar hasta 92 días'));
      const count = await t.ctx.database.db.selectFrom('messageBatches').select('id').execute();
      assert.equal(count.length, 0);
    });

    test('generate → remove a row → send → progress, as reception', async () => {
      const generated = await desk.post(DESK, {
        plantilla: String(f.templates.mail),
        destino: 'turnos',
        desde: '2026-11-24',
        hasta: '2026-11-30',
        quienes: 'no-enviados',
        especialidad: [String(f.seed.cardiology.id)],
        estudio: String(f.seed.echo.id),
      });
      assert.equal(generated.statusCode, 303, desk.text());
      const batchPath = String(generated.headers.location);
      assert.match(batchPath, /^\/staff\/mensajes\/enviar\/\d+$/);
      await desk.follow(generated);
      let text = desk.text();
      assert.ok(text.includes('3 destinatarios'), text);
      for (const name of ['ANA Test', 'BETO Test', 'GONZALEZ José', 'Ecografía abdominal', 'OSDE', 'Particular']) {
        assert.ok(text.includes(name), name);
      }
      assert.ok(!text.includes('DORA') && !text.includes('EVA'));
      assert.ok(text.includes('Quedaron afuera 2 turnos'));
      assert.ok(text.includes('1 sin e-mail') && text.includes('1 con e-mail inválido'));
      assert.ok(text.includes('TuID PacID Env Error Paciente E-mail Obra social Fecha Hora Profesional Especialidad'));
      assert.ok(text.includes('Enviar mails'));

      // Quitar: BETO's row (the second, by date) goes; the list says so.
      const [, beto] = rowIds();
      const removed = await desk.post(`${batchPath}/quitar`, { fila: String(beto), pagina: '1' });
      assert.equal(removed.statusCode, 303);
      await desk.follow(removed);
      text = desk.text();
      assert.ok(text.includes('Se quitó la fila del listado.'));
      assert.ok(text.includes('2 destinatarios') && text.includes('1 fila quitada'));
      assert.ok(!text.includes('BETO Test'));
      assert.equal(rowIds().length, 2);
      // It can come back, and go again.
      await desk.follow(await desk.post(`${batchPath}/restaurar`));
      assert.ok(desk.text().includes('Las filas quitadas volvieron al listado.'));
      assert.ok(desk.text().includes('3 destinatarios') && desk.text().includes('BETO Test'));
      await desk.follow(await desk.post(`${batchPath}/quitar`, { fila: String(beto), pagina: '1' }));
      assert.ok(!desk.text().includes('BETO Test'));

      const csv = await desk.get(`${batchPath}/listado.csv`);
      assert.equal(csv.statusCode, 200);
      assert.match(String(csv.headers['content-disposition']), /attachment; filename="envio-\d+-2026-11-23\.csv"/);
      assert.ok(csv.body.includes('ANA Test') && !csv.body.includes('BETO'));

      const sent = await desk.post(`${batchPath}/enviar`);
      assert.equal(sent.statusCode, 303);
      await desk.follow(sent);
      text = desk.text();
      assert.ok(text.includes('El listado quedó en la cola de envío'));
      assert.ok(text.includes('Avance del envío') && text.includes('Pendientes'));
      assert.match(desk.html, /data-progress-url="\/staff\/mensajes\/enviar\/\d+\/progreso"/);
      assert.match(desk.html, /<dd data-count="pending">2<\/dd>/);
      assert.ok(!desk.html.includes('name="fila"'), 'no Quitar after sending');

      // A second click (or another tab) does not queue it again: it lands on the progress, saying so.
      const twice = await desk.post(`${batchPath}/enviar`);
      assert.equal(twice.statusCode, 303);
      await desk.follow(twice);
      assert.ok(desk.text().includes('Este listado ya se había enviado: no se envió otra vez.'));
      const queued = await t.ctx.database.db
        .selectFrom('outbox')
        .select('sentBy')
        .where('batchId', 'is not', null)
        .execute();
      assert.equal(queued.length, 2);
      assert.ok(queued.every((r) => r.sentBy === 'Usuario recepcion'));

      const json = await desk.get(`${batchPath}/progreso`);
      assert.deepEqual([json.json().pending, json.json().sent, json.json().total], [2, 0, 2]);
      await t.sendMails();
      const progress = await desk.get(`${batchPath}/progreso`);
      assert.deepEqual([progress.json().pending, progress.json().sent], [0, 2]);
      await desk.get(batchPath);
      text = desk.text();
      assert.ok(text.includes('Envío terminado.'));
      assert.match(desk.html, /<dd data-count="sent">2<\/dd>/);
      assert.ok(!desk.html.includes('data-progress-url'), 'no polling once done');
      assert.equal(text.match(/\benviado\b/g)?.length, 2);
      assert.match(desk.html, new RegExp(`href="${DESK}">Nuevo envío`));

      // Cambiar filtros: the form comes back with this list's choices; the desk lists it as sent.
      const id = batchPath.split('/').pop();
      await desk.get(`${DESK}?lote=${id}`);
      assert.ok(isChecked('especialidad', String(f.seed.cardiology.id)));
      assert.ok(isChecked('estudio', String(f.seed.echo.id)));
      assert.match(desk.html, new RegExp(`<option value="${f.templates.mail}" selected`));
      assert.ok(desk.text().includes('Listados recientes'));
      assert.match(desk.html, new RegExp(`href="${batchPath}"`));
      // From the menu, the desk remembers this user's last choices, with next week's dates again.
      await desk.get(DESK);
      assert.ok(isChecked('especialidad', String(f.seed.cardiology.id)));
      assert.ok(isChecked('quienes', 'no-enviados'));
      assert.equal(inputValue(desk.html, 'desde'), '2026-11-24');
      assert.equal(inputValue(desk.html, 'hasta'), '2026-11-30');
    });

    test('to every patient: dates are not needed and the turno columns stay empty', async () => {
      const res = await desk.post(DESK, {
        plantilla: String(f.templates.news),
        destino: 'pacientes',
        desde: '',
        hasta: '',
        quienes: 'todos',
      });
      assert.equal(res.statusCode, 303, desk.text());
      await desk.follow(res);
      const text = desk.text();
      assert.ok(text.includes('Todos los pacientes'));
      assert.ok(text.includes('4 destinatarios'), text);
      assert.ok(text.includes('Quedaron afuera 2 pacientes'));
    });

    test('a professional cannot open the desk', async () => {
      const pro = await WebClient.newStaff(t.app, t.ctx, {
        username: 'medico',
        role: 'professional',
        professionalId: f.seed.gonzalez.id,
      });
      assert.equal((await pro.get(DESK)).statusCode, 403);
    });
  });
}
