// /staff/mensajes/registro through the pages: the default week, each of the manual's filters in the address,
// the message folded in each row, the center's day edges, pages of 100, the CSV link, and who may open it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertPatient, insertStaffUser } from '../../../test/support/factories.js';
import { buildSeededApp, type Seed } from '../../../test/support/seeded-app.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { location, WebClient } from '../../../test/support/web-client.js';
import { enqueueMessages } from '../../platform/outbox/outbox.js';
import { inputValue } from '../patients/accounts.test-helpers.js';
import { EVIL, seedSendLog } from './send-log.test-fixture.js';

/** One text per fixture message, to tell which rows a page lists. */
const TEXTS = {
  m1: 'te esperamos el miércoles',
  m2: EVIL,
  m3: 'Recordatorio por WhatsApp',
  m4: 'contraseña nueva',
  m5: 'SMS de la noche',
  m6: 'Mensaje de prueba',
  m7: 'No salió',
  m8: 'Hola GÓMEZ',
  m9: 'Mensaje del lote 7',
} as const;
type Name = keyof typeof TEXTS;

const PATH = '/staff/mensajes/registro';

for (const dialect of testDialects()) {
  describe(`send log pages (${dialect})`, () => {
    let t: TestApp;
    let seed: Seed;
    let desk: WebClient;
    let deskUserId: number;

    before(async () => {
      ({ t, seed } = await buildSeededApp(dialect));
      await seedSendLog(t, seed);
      const user = await insertStaffUser(t.ctx.database.db, { username: 'mesa-envios', role: 'reception' });
      deskUserId = user.id;
      desk = await WebClient.loggedInStaff(t.app, t.ctx, user.id);
    });
    after(() => t.close());

    const listed = () => (Object.keys(TEXTS) as Name[]).filter((n) => desk.text().includes(TEXTS[n]));
    const show = async (query: string) => {
      const res = await desk.get(`${PATH}${query ? `?${query}` : ''}`);
      assert.equal(res.statusCode, 200, desk.text());
      return listed();
    };

    test('from the menu: the last 7 days, each row with the manual’s columns and the message folded', async () => {
      assert.deepEqual(await show(''), ['m1', 'm2', 'm3', 'm4', 'm5', 'm7', 'm8']);
      assert.equal(inputValue(desk.html, 'desde'), '2026-11-17');
      assert.equal(inputValue(desk.html, 'hasta'), '2026-11-23');
      const text = desk.text();
      assert.match(text, /7 envíos/);
      for (const heading of [
        'Fecha y hora de envío',
        'Usuario',
        'Paciente',
        'Tipo',
        'Estado',
        'Mensaje',
        'Fecha del turno',
        'Hora del turno',
        'Profesional del turno',
      ]) {
        assert.match(desk.html, new RegExp(`<th scope="col">${heading}</th>`), heading);
      }
      assert.match(
        text,
        /20\/11\/2026 09:01 Usuario mesa PÉREZ Test DNI 30111222 Mail perez@example\.com recordatorio Lote N° 7 enviado 1 intento Recordatorio de tu turno Asunto: Recordatorio de tu turno Hola PÉREZ, te esperamos el miércoles\. Confirmá: https:\/\/turnos\.example\/turno\/confirmar\?token=… miércoles 25\/11\/2026 08:00 GONZALEZ José/,
      );
      assert.match(
        text,
        /no se envió; en cola desde 21\/11\/2026 10:00 Usuario mesa GÓMEZ Test .* SMS \+5491155556666 .* con error Número inexistente 1 intento/,
      );
      assert.match(
        text,
        /en cola desde 22\/11\/2026 07:00 automático PÉREZ Test .* WhatsApp .* reintentando Timeout del proveedor 2 intentos/,
      );
      assert.match(text, /en cola desde 23\/11\/2026 08:00 web GÓMEZ Test .* cambio de contraseña en cola/);
      assert.match(desk.html, /<details><summary>Recordatorio de tu turno<\/summary>/);
      // A short SMS is shown whole; a long one folded behind its opening words.
      assert.match(
        desk.html,
        /<p class="message wrap-anywhere">=HYPERLINK\(&quot;http:\/\/evil\.example&quot;;&quot;ver&quot;\)<\/p>/,
      );
      assert.match(
        desk.html,
        /<details><summary>Recordatorio por WhatsApp para PÉREZ: te esperamos el jue…<\/summary>/,
      );
      assert.match(desk.html, /href="\/staff\/mensajes\/registro\?lote=7"/);
      assert.doesNotMatch(desk.html, /SECRETO/, 'link keys are not shown');
      const audit = await t.ctx.database.db
        .selectFrom('auditLog')
        .selectAll()
        .where('action', '=', 'message.list')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      assert.equal(audit.actorRef, `usuario:${deskUserId}`);
    });

    test('each filter narrows the list and stays in the form', async () => {
      const week = 'desde=2026-11-17&hasta=2026-11-23';
      const cases: [string, Name[]][] = [
        [`${week}&tipo=mail`, ['m1', 'm4', 'm7', 'm8']],
        [`${week}&tipo=sms`, ['m2', 'm5']],
        [`${week}&tipo=whatsapp`, ['m3']],
        [`${week}&estado=enviado`, ['m1', 'm5', 'm8']],
        [`${week}&estado=sin-enviar`, ['m3', 'm4']],
        [`${week}&estado=con-error`, ['m2', 'm3']],
        [`${week}&estado=cancelado`, ['m7']],
        [`${week}&paciente=gómez`, ['m2', 'm4', 'm8']],
        ['paciente=30111222', ['m1', 'm3', 'm5', 'm9']],
        // From the send desk's batch page: the whole batch, however old.
        ['lote=7', ['m1', 'm2', 'm9']],
        ['desde=&hasta=', Object.keys(TEXTS) as Name[]],
      ];
      for (const [query, expected] of cases) assert.deepEqual(await show(query), expected, query);
      await show(`${week}&tipo=sms&estado=con-error&lote=7`);
      assert.match(desk.html, /<option value="sms" selected/);
      assert.match(desk.html, /<option value="con-error" selected/);
      assert.equal(inputValue(desk.html, 'lote'), '7');
      assert.deepEqual(listed(), ['m2']);
    });

    test('an old row without user or patient still reads', async () => {
      assert.deepEqual(await show('desde=2026-11-01&hasta=2026-11-01'), ['m6']);
      assert.match(desk.text(), /01\/11\/2026 09:00 sin dato sin paciente Mail prueba@centro\.example prueba enviado/);
    });

    test('the center’s day: 23:30 on the last day is listed, midnight after it is not', async () => {
      assert.deepEqual(await show('desde=2026-11-18&hasta=2026-11-18'), ['m5']);
      assert.match(desk.text(), /18\/11\/2026 23:31/);
      assert.deepEqual(await show('desde=2026-11-19&hasta=2026-11-19'), ['m8']);
    });

    test('a wrong filter is marked beside itself and kept as typed', async () => {
      const bad = await desk.get(`${PATH}?desde=2026-02-31&tipo=fax&estado=perdido&lote=siete`);
      assert.equal(bad.statusCode, 400);
      const text = desk.text();
      assert.match(text, /Revisá los filtros marcados/);
      assert.match(text, /No es una fecha válida/);
      assert.match(text, /Elegí una opción de la lista/);
      assert.match(text, /Escribí el número del lote/);
      assert.equal(inputValue(desk.html, 'desde'), '2026-02-31');
      assert.match(desk.html, /id="f-desde"[^>]*aria-invalid="true"/);
      const range = await desk.get(`${PATH}?desde=2026-11-23&hasta=2026-11-01`);
      assert.equal(range.statusCode, 400);
      assert.match(desk.text(), /Es posterior a la fecha «Hasta»/);
    });

    test('"Exportar CSV" downloads the filtered list, every page of it', async () => {
      await show('desde=2026-11-17&hasta=2026-11-23&tipo=mail');
      const href = /href="(\/staff\/mensajes\/registro\/exportar\.csv[^"]*)"/
        .exec(desk.html)?.[1]
        ?.replace(/&amp;/g, '&');
      assert.equal(href, '/staff/mensajes/registro/exportar.csv?desde=2026-11-17&hasta=2026-11-23&tipo=mail');
      const res = await desk.get(href);
      assert.equal(res.statusCode, 200);
      assert.match(
        String(res.headers['content-disposition']),
        /^attachment; filename="registro-envios-2026-11-23\.csv"$/,
      );
      const lines = res.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      assert.match(lines[0] ?? '', /^Envío N°;Fecha y hora de envío;En cola desde;Usuario;Paciente/);
      assert.equal(lines.length, 5, res.body);
      assert.ok(!res.body.includes('SECRETO'));
      assert.equal((await desk.get(`${PATH}/exportar.csv?tipo=fax`)).statusCode, 400);
    });

    test('pages of 100, newest first, with links that keep the filters', async () => {
      const patient = await insertPatient(t.ctx.database.db, { lastName: 'MASIVO' });
      const messages = Array.from({ length: 101 }, (_, i) => ({
        channel: 'sms' as const,
        kind: 'reminder',
        to: '+5491100000000',
        text: `Masivo número ${i}`,
        patientId: patient.id,
        sentBy: 'Usuario mesa',
      }));
      await enqueueMessages(t.ctx.database.db, messages, Date.parse('2026-11-05T15:00:00Z'));
      await show('desde=2026-11-05&hasta=2026-11-05');
      assert.match(desk.text(), /101 envíos/);
      assert.match(desk.text(), /Página 1 de 2/);
      assert.equal(desk.html.match(/<th scope="row">MASIVO/g)?.length, 100);
      const next = /href="([^"]*pagina=2[^"]*)"/.exec(desk.html)?.[1]?.replace(/&amp;/g, '&');
      assert.equal(next, `${PATH}?desde=2026-11-05&hasta=2026-11-05&pagina=2`);
      await show('desde=2026-11-05&hasta=2026-11-05&pagina=2');
      assert.equal(desk.html.match(/<th scope="row">MASIVO/g)?.length, 1);
      assert.match(desk.text(), /Masivo número 0\b/, 'the first queued is the last listed');
    });

    test('in English the same log reads in English', async () => {
      desk.cookies.set('turnero_idioma', 'en');
      try {
        await show('lote=7');
        assert.match(desk.text(), /Send log .* 3 messages/);
        assert.match(desk.text(), /SMS \+5491155556666 reminder Batch no\. 7 failed Número inexistente 1 attempt/);
      } finally {
        desk.cookies.delete('turnero_idioma');
      }
    });

    test('professionals get 403; without a session, the login page', async () => {
      const pro = await WebClient.newStaff(t.app, t.ctx, {
        username: 'medico-envios',
        role: 'professional',
        professionalId: seed.gonzalez.id,
      });
      for (const url of [PATH, `${PATH}/exportar.csv`, `${PATH}?lote=7`]) {
        assert.equal((await pro.get(url)).statusCode, 403, url);
      }
      const nobody = new WebClient(t.app);
      const res = await nobody.get(PATH);
      assert.equal(res.statusCode, 303);
      assert.match(location(res), /^\/staff\/ingresar\?volver=/);
      const admin = await WebClient.newStaff(t.app, t.ctx, { username: 'admin-envios', role: 'admin' });
      assert.equal((await admin.get(PATH)).statusCode, 200);
    });

    test('the portal’s «Validación primer acceso» mail is named, and its link shown without the key', async () => {
      const db = t.ctx.database.db;
      const patient = await insertPatient(db, { dni: '30444555', lastName: 'PORTAL' });
      await desk.get(`/staff/pacientes/${patient.id}`);
      const enabled = await desk.post(`/staff/pacientes/${patient.id}/portal`, { portal: '1' });
      assert.equal(enabled.statusCode, 303, desk.text());
      const sent = await db
        .selectFrom('outbox')
        .select(['kind', 'bodyText'])
        .where('patientId', '=', patient.id)
        .executeTakeFirstOrThrow();
      assert.equal(sent.kind, 'portal_access');
      const token = /\/portal\/primer-acceso\?token=([\w-]+)/.exec(sent.bodyText)?.[1] ?? '';
      assert.match(token, /^[\w-]{43}$/, 'the mail itself carries the key');

      await show('paciente=30444555');
      assert.match(
        desk.text(),
        /PORTAL Test DNI 30444555 Mail paciente\d+@example\.com Validación primer acceso en cola/,
      );
      assert.match(desk.text(), /\/portal\/primer-acceso\?token=… /);
      assert.ok(!desk.html.includes(token), 'the page never shows the key');
      const csv = await desk.get(`${PATH}/exportar.csv?paciente=30444555`);
      assert.match(csv.body, /;Validación primer acceso;en cola;/);
      assert.match(csv.body, /\/portal\/primer-acceso\?token=…/);
      assert.ok(!csv.body.includes(token), 'nor does the CSV');
      desk.cookies.set('turnero_idioma', 'en');
      try {
        await show('paciente=30444555');
        assert.match(desk.text(), /Patient portal first access queued/);
      } finally {
        desk.cookies.delete('turnero_idioma');
      }
    });
  });
}
