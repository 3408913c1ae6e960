// The patient books on the web as the manual describes it: by specialty, by study, or directly with a
// professional; reads the messages; gets the mail with its calendar file; prints the slip; manages Mis turnos.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import zlib from 'node:zlib';
import { insertPatient } from '../../../test/support/factories.js';
import { buildSeededApp, cardiology, postBooking, type Seed } from '../../../test/support/seeded-app.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { WebClient } from '../../../test/support/web-client.js';

/** The text a PDF shows: pdfkit writes it hex-encoded (WinAnsi) inside deflated content streams. */
export function pdfText(pdf: Buffer): string {
  const lines: string[] = [];
  for (const m of pdf.toString('latin1').matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = zlib.inflateSync(Buffer.from(m[1] as string, 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const tj of content.matchAll(/\[(.*?)\]\s*TJ/g)) {
      const hex = [...(tj[1] as string).matchAll(/<([0-9a-fA-F]*)>/g)];
      lines.push(hex.map((h) => Buffer.from(h[1] as string, 'hex').toString('latin1')).join(''));
    }
  }
  return lines.join('\n');
}

/** The href of the first link whose address contains all these fragments. */
export function hrefWith(html: string, ...fragments: string[]): string {
  for (const m of html.matchAll(/href="([^"]+)"/g)) {
    const href = (m[1] as string).replace(/&amp;/g, '&');
    if (fragments.every((f) => href.includes(f))) return href;
  }
  throw new Error(`no link with ${fragments.join(', ')}`);
}

/** Unfolded iCalendar properties (first occurrence of each), whatever line endings the transport left. */
function icsProps(ics: string): Map<string, string> {
  const props = new Map<string, string>();
  for (const line of ics.replace(/\r?\n[ \t]/g, '').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) {
      const name = line.slice(0, colon).split(';')[0] as string;
      if (!props.has(name)) props.set(name, line.slice(colon + 1));
    }
  }
  return props;
}

for (const dialect of testDialects()) {
  describe(`booking on the web (${dialect})`, () => {
    let t: TestApp;
    let seed: Seed;
    let admin: Record<string, string>;

    before(async () => {
      ({ t, seed, admin } = await buildSeededApp(dialect));
      const db = t.ctx.database.db;
      await db
        .updateTable('centerSettings')
        .set({
          name: 'CENTRO MEDICO DEMO',
          phones: '4444-4444',
          contactEmail: 'info@centro.example',
          webAddress: 'https://turnos.centro.example',
          mailPhrase: 'Recuerde concurrir con su Carnet de Obra Social y su DNI',
          maxFuturePerIp: 1000,
        })
        .execute();
      await db
        .updateTable('professionals')
        .set({ generalMessage: 'Atiende solo mayores de 18 años.' })
        .where('id', '=', seed.gonzalez.id)
        .execute();
    });
    after(() => t.close());

    const newPatient = async () => insertPatient(t.ctx.database.db, { insurerId: seed.osde.id, lastName: 'ROMERO' });

    test('by specialty: list, next week, the message, the grid, confirm, success, mail, slip, Mis turnos', async () => {
      const patient = await newPatient();
      const browser = await WebClient.loggedIn(t.app, t.ctx, patient.id);

      // Tomar turno: web-enabled specialties and professionals only.
      assert.equal((await browser.get('/turnos/nuevo')).statusCode, 200);
      let text = browser.text();
      assert.match(text, /Tomar un nuevo turno Recuerde concurrir con su Carnet de Obra Social y su DNI/);
      assert.match(
        text,
        /Por especialidad .* Especialidad Elegí una especialidad Cardiología Dermatología Ver profesionales/,
      );
      assert.doesNotMatch(text, /Oculta|ZAPATA/);

      // Ver profesionales: alphabetical, this week, no previous week.
      const cardio = `especialidad=${seed.cardiology.id}`;
      await browser.get(`/turnos/profesionales?${cardio}`);
      text = browser.text();
      assert.match(text, /Profesionales de Cardiología Semana del lunes 23\/11 al domingo 29\/11/);
      assert.match(text, /ALVAREZ Ana Horarios libres lunes 23\/11: 14:00, 14:30, 15:00, 15:30 .* GONZALEZ José/);
      assert.match(text, /GONZALEZ José Horarios libres lunes 23\/11: 09:00, 09:20/, 'only times still to come today');
      assert.doesNotMatch(text, /ZAPATA|semana anterior/);

      // "Ver horarios libres semana siguiente" moves every professional a week on.
      await browser.get(hrefWith(browser.html, '/turnos/profesionales', 'desde=2026-11-30'));
      text = browser.text();
      assert.match(text, /Semana del lunes 30\/11 al domingo 06\/12/);
      assert.match(text, /ALVAREZ Ana Horarios libres lunes 30\/11: 14:00/);
      assert.match(text, /GONZALEZ José Horarios libres lunes 30\/11: 08:00, 08:20/);
      assert.ok(hrefWith(browser.html, '/turnos/profesionales', 'desde=2026-11-23'), 'semana anterior');
      assert.match(text, /Ver horarios libres semana anterior/);

      // "Otorgar turno con este profesional" opens the same week, after the professional's message.
      const bookWith = hrefWith(browser.html, `/turnos/profesional/${seed.gonzalez.id}?`, 'desde=2026-11-30');
      await browser.get(bookWith);
      text = browser.text();
      assert.match(
        text,
        /Mensaje de GONZALEZ José Leé este mensaje antes de elegir tu turno\. Atiende solo mayores de 18 años\. Entendido/,
      );
      assert.doesNotMatch(browser.html, /class="slot/, 'no grid before the message is acknowledged');
      assert.match(browser.html, /<h1 id="message-title">/);
      assert.match(browser.html, /name="visto" value="1"/);
      assert.match(browser.html, /name="desde" value="2026-11-30"/);

      // "Entendido" (a GET form) leads to the grid of that week.
      await browser.get(`/turnos/profesional/${seed.gonzalez.id}?${cardio}&desde=2026-11-30&visto=1`);
      text = browser.text();
      assert.match(
        text,
        /Turnos con GONZALEZ José Especialidad: Cardiología Semana del lunes 30\/11 al domingo 06\/12/,
      );
      assert.match(text, /Primer turno disponible: lunes 30\/11 08:00/);
      assert.match(browser.html, /class="slot free first" href="[^"]*inicio=2026-11-30T08%3A00%3A00-03%3A00/);
      assert.match(text, /Referencias .*Horario libre.*Horario ocupado.*Primer turno disponible/);
      assert.match(text, /sábado 05\/12 Sin atención/);

      // Confirm: prefilled with the patient's insurer.
      await browser.get(hrefWith(browser.html, '/turnos/confirmar', 'inicio=2026-12-03T11%3A00%3A00-03%3A00'));
      text = browser.text();
      assert.match(
        text,
        /Confirmar turno .* Día jueves, 3 de diciembre de 2026 Hora 11:00 Profesional GONZALEZ José Especialidad Cardiología/,
      );
      assert.match(browser.html, new RegExp(`<option value="${seed.osde.id}" selected>OSDE</option>`));
      assert.match(text, /Motivo del turno \(opcional\)/);

      const confirmed = await browser.post('/turnos/confirmar', {
        profesional: String(seed.gonzalez.id),
        especialidad: String(seed.cardiology.id),
        inicio: '2026-12-03T11:00:00-03:00',
        obraSocial: String(seed.osde.id),
        motivo: 'Control anual',
      });
      assert.equal(confirmed.statusCode, 303, browser.text());
      const id = Number(/^\/turnos\/(\d+)\/listo$/.exec(String(confirmed.headers.location))?.[1]);
      assert.ok(id > 0);

      // "Turno insertado" with the messages of the professional and the insurer, and the four buttons.
      await browser.follow(confirmed);
      text = browser.text();
      assert.match(text, /Turno insertado Tu turno quedó reservado\./);
      assert.match(text, /Motivo Control anual/);
      assert.match(
        text,
        /Mensaje del profesional: Traé estudios previos Mensaje de la obra social: Traé la credencial de OSDE/,
      );
      assert.match(text, new RegExp(`Te enviamos los datos del turno por e-mail a ${patient.email}`));
      assert.match(browser.html, new RegExp(`href="/turnos/${id}/comprobante.pdf">Imprimir detalle del turno`));
      assert.match(browser.html, /href="\/turnos\/nuevo">Tomar nuevo turno/);
      assert.match(browser.html, /href="\/mis-turnos">Ver mis turnos/);
      assert.match(browser.html, /<form method="post" action="\/salir"[^>]*><input type="hidden" name="_csrf"/);
      assert.match(text, /Finalizar \(cerrar sesión\)/);

      // The confirmation mail was written with the booking and reaches a real SMTP server.
      const outbox = await t.ctx.database.db.selectFrom('outbox').selectAll().where('appointmentId', '=', id).execute();
      assert.equal(outbox.length, 1);
      assert.equal(outbox[0]?.kind, 'booking_confirmation');
      assert.equal(outbox[0]?.patientId, patient.id);
      const sink = await t.sendMails();
      const mail = await sink.waitFor(patient.email as string);
      assert.equal(mail.subject, 'Turno confirmado: jueves 03/12 11:00 con GONZALEZ José');
      for (const line of [
        'Día: jueves, 3 de diciembre de 2026',
        'Hora: 11:00',
        'Profesional: GONZALEZ José',
        'Especialidad: Cardiología',
        'Obra social: OSDE',
        'Motivo: Control anual',
        `Turno N°: ${id}`,
        '- Mensaje del profesional: Traé estudios previos',
        '- Mensaje de la obra social: Traé la credencial de OSDE',
        'Recuerde concurrir con su Carnet de Obra Social y su DNI',
        'https://turnos.centro.example/mis-turnos',
        'Teléfono: 4444-4444',
        'E-mail: info@centro.example',
      ]) {
        assert.ok(mail.text.includes(line), `the mail says «${line}»:\n${mail.text}`);
      }
      assert.match(mail.html, /<th[^>]*>Profesional<\/th><td>GONZALEZ José<\/td>/);
      const ics = mail.attachments.find((a) => a.filename === `turno-${id}.ics`);
      assert.ok(ics, 'the calendar file is attached');
      assert.equal(ics.mimeType, 'text/calendar');
      const props = icsProps(ics.content);
      assert.equal(props.get('METHOD'), 'PUBLISH');
      assert.equal(props.get('UID'), `turno-${id}@turnos.centro.example`);
      assert.equal(props.get('DTSTART'), '20261203T140000Z');
      assert.equal(props.get('DTEND'), '20261203T142000Z');
      assert.equal(props.get('SUMMARY'), 'Turno con GONZALEZ José (Cardiología)');
      assert.equal(props.get('LOCATION'), 'CENTRO MEDICO DEMO');
      assert.match(props.get('DESCRIPTION') ?? '', /Traé la credencial de OSDE/);

      // The slip: a PDF with the patient's name.
      const slip = await browser.get(`/turnos/${id}/comprobante.pdf`);
      assert.equal(slip.statusCode, 200);
      assert.equal(slip.headers['content-type'], 'application/pdf');
      assert.equal(slip.headers['content-disposition'], `inline; filename=turno-${id}.pdf`);
      assert.equal(slip.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
      const slipText = pdfText(slip.rawPayload);
      for (const part of [
        'CENTRO MEDICO DEMO',
        'Recordatorio de turno',
        'Test ROMERO',
        patient.dni,
        'jueves, 3 de diciembre de 2026',
        '11:00',
        'GONZALEZ José',
        'Cardiología',
        'OSDE',
        'Control anual',
        'Traé estudios previos',
        String(id),
      ]) {
        assert.ok(slipText.includes(part), `the slip shows «${part}»:\n${slipText}`);
      }

      // Mis turnos, latest first, with the status in words.
      const earlier = await postBooking(
        t,
        admin,
        cardiology(seed, { patientId: patient.id, start: '2026-11-25T08:00:00-03:00' }),
      );
      assert.equal(earlier.statusCode, 201, earlier.body);
      await browser.get('/mis-turnos');
      text = browser.text();
      assert.match(
        text,
        /jueves, 3 de diciembre de 2026, 11:00 reservado .* miércoles, 25 de noviembre de 2026, 08:00 reservado/,
      );
      assert.match(browser.html, new RegExp(`href="/turnos/${id}/comprobante.pdf"`));

      // Change the reason.
      await browser.get(`/mis-turnos/${id}/motivo`);
      assert.match(browser.html, /<textarea[^>]*name="motivo"[^>]*>Control anual<\/textarea>/);
      const saved = await browser.post(`/mis-turnos/${id}/motivo`, { motivo: 'Dolor de pecho al caminar' });
      assert.equal(saved.statusCode, 303);
      await browser.follow(saved);
      assert.match(browser.text(), /Guardamos el motivo del turno\..*Motivo Dolor de pecho al caminar/);

      // Cancel, with a confirmation step.
      await browser.get(`/mis-turnos/${id}/cancelar`);
      text = browser.text();
      assert.match(text, /¿Cancelar el turno del jueves 03\/12 11:00 con GONZALEZ José\? .* Sí, cancelar No, volver/);
      assert.match(browser.html, /<a class="button secondary" href="\/mis-turnos">No, volver<\/a>/);
      const cancelled = await browser.post(`/mis-turnos/${id}/cancelar`);
      assert.equal(cancelled.statusCode, 303);
      await browser.follow(cancelled);
      text = browser.text();
      assert.match(text, /Cancelamos tu turno del jueves 03\/12 11:00\. El horario quedó libre\./);
      assert.match(text, /jueves, 3 de diciembre de 2026, 11:00 cancelado/);
      assert.doesNotMatch(browser.html, new RegExp(`/mis-turnos/${id}/(cancelar|motivo)`));

      // The time is free again in the grid.
      await browser.get(`/turnos/profesional/${seed.gonzalez.id}?${cardio}&desde=2026-11-30&visto=1`);
      assert.match(browser.html, /<a class="slot free" href="[^"]*inicio=2026-12-03T11%3A00%3A00-03%3A00/);
    });

    test('by study: the indication on every step and the three messages after booking', async () => {
      const db = t.ctx.database.db;
      await db.updateTable('centerSettings').set({ selectionMode: 'BY_STUDY' }).execute();
      await db
        .updateTable('professionals')
        .set({ bookingMessage: 'El estudio dura 30 minutos' })
        .where('id', '=', seed.sonographer.id)
        .execute();
      try {
        const patient = await newPatient();
        const browser = await WebClient.loggedIn(t.app, t.ctx, patient.id);
        await browser.get('/turnos/nuevo');
        let text = browser.text();
        assert.match(text, /Por estudio .* Estudio Elegí un estudio Ecografía abdominal Ver profesionales/);
        assert.match(text, /Cada profesional muestra los estudios que realiza.* PEREZ Ana .*Ecografía abdominal/);
        assert.doesNotMatch(text, /GONZALEZ/, 'who performs no study is not offered in study mode');

        await browser.get(`/turnos/profesionales?estudio=${seed.echo.id}`);
        text = browser.text();
        assert.match(
          text,
          /Profesionales que realizan Ecografía abdominal Indicación: Presentarse con 6 horas de ayuno/,
        );
        assert.match(text, /PEREZ Ana Horarios libres lunes 23\/11: 14:00, 14:30/);

        await browser.get(
          hrefWith(browser.html, `/turnos/profesional/${seed.sonographer.id}?`, `estudio=${seed.echo.id}`),
        );
        text = browser.text();
        assert.match(
          text,
          /Turnos con PEREZ Ana Estudio: Ecografía abdominal Indicación: Presentarse con 6 horas de ayuno/,
        );
        await browser.get(hrefWith(browser.html, '/turnos/confirmar', 'inicio=2026-11-23T14%3A30%3A00-03%3A00'));
        assert.match(browser.text(), /Estudio Ecografía abdominal Indicación: Presentarse con 6 horas de ayuno/);

        const res = await browser.post('/turnos/confirmar', {
          profesional: String(seed.sonographer.id),
          estudio: String(seed.echo.id),
          inicio: '2026-11-23T14:30:00-03:00',
          obraSocial: String(seed.osde.id),
          motivo: '',
        });
        assert.equal(res.statusCode, 303, browser.text());
        await browser.follow(res);
        assert.match(
          browser.text(),
          /Indicaciones y mensajes Indicación del estudio: Presentarse con 6 horas de ayuno Mensaje del profesional: El estudio dura 30 minutos Mensaje de la obra social: Traé la credencial de OSDE/,
        );
        const mail = await (await t.sendMails()).waitFor(patient.email as string);
        assert.match(mail.text, /Estudio: Ecografía abdominal/);
        assert.match(mail.text, /- Indicación del estudio: Presentarse con 6 horas de ayuno/);
      } finally {
        await db.updateTable('centerSettings').set({ selectionMode: 'BY_SPECIALTY' }).execute();
      }
    });

    test('directly with a professional: from Tomar turno to the grid, one specialty chosen by itself', async () => {
      const patient = await newPatient();
      const browser = await WebClient.loggedIn(t.app, t.ctx, patient.id);
      await browser.get('/turnos/nuevo');
      const direct = hrefWith(
        browser.html,
        `/turnos/profesional/${seed.alvarez.id}?`,
        `especialidad=${seed.cardiology.id}`,
      );
      assert.match(browser.text(), /Directamente con un profesional .* ALVAREZ Ana ALVAREZ Ana: Cardiología/);

      // Without a specialty, the only web one is taken (the hidden one is not offered).
      const bare = await browser.get(`/turnos/profesional/${seed.alvarez.id}`);
      assert.equal(bare.statusCode, 303);
      assert.equal(bare.headers.location, direct);

      await browser.get(direct);
      assert.match(
        browser.text(),
        /Turnos con ALVAREZ Ana .* Primer turno disponible: lunes 23\/11 14:00/,
        'no message: grid at once',
      );
      await browser.get(hrefWith(browser.html, '/turnos/confirmar', 'inicio=2026-11-23T14%3A00%3A00-03%3A00'));
      const res = await browser.post('/turnos/confirmar', {
        profesional: String(seed.alvarez.id),
        especialidad: String(seed.cardiology.id),
        inicio: '2026-11-23T14:00:00-03:00',
        obraSocial: String(seed.osde.id),
        motivo: 'Primera consulta',
      });
      assert.equal(res.statusCode, 303, browser.text());
      await browser.follow(res);
      assert.match(browser.text(), /Turno insertado .* Profesional ALVAREZ Ana Especialidad Cardiología/);
    });

    test('English pages: the grid, its legend and the first free time in the chosen language', async () => {
      const patient = await newPatient();
      const browser = await WebClient.loggedIn(t.app, t.ctx, patient.id);
      await browser.get('/idioma?lang=en&volver=/');
      await browser.get(`/turnos/profesional/${seed.gonzalez.id}?especialidad=${seed.cardiology.id}&visto=1`);
      const text = browser.text();
      assert.match(
        text,
        /Appointments with GONZALEZ José Specialty: Cardiología Week from Monday 11\/23 to Sunday 11\/29/,
      );
      assert.match(text, /First available appointment: Monday 11\/23 9:00 AM/);
      assert.match(text, /Key .*Free time.*Taken \(struck through\)/);
    });
  });
}
