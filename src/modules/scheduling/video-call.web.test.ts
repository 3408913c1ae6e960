// Turnos by video as the patient sees them: the mark and the way into the call in Mis turnos and the portal's
// Citas, the token's hint for portal patients, the link in the confirmation mail, and [[VIDEO]] in reminders.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertPatient, seedCenter } from '../../../test/support/factories.js';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { WebClient } from '../../../test/support/web-client.js';
import type { Patient } from '../../platform/db/schema.js';
import { enqueueMail } from '../../platform/outbox/outbox.js';
import { getCenter } from '../center/center.service.js';
import { appointmentValues } from '../messaging/message-values.js';
import { appointmentRecipients } from '../messaging/recipients.repo.js';
import { renderMessage } from '../messaging/template-render.js';
import { insertTurno } from './appointments.test-fixture.js';
import { bookingConfirmationMail } from './booking.mail.js';
import { getAppointmentDetails } from './web-appointments.service.js';

const CALL = 'https://meet.jit.si/turno-ana-42';

for (const dialect of testDialects()) {
  describe(`Turnos por videollamada, the patient's side (${dialect})`, () => {
    let t: TestApp;
    let ana: Patient;
    let beto: Patient;
    let video: number;
    let videoNoLink: number;
    let inPerson: number;
    let pastVideo: number;
    let betoVideo: number;

    const teleconsult = (id: number, videoUrl: string) =>
      t.ctx.database.db.updateTable('appointments').set({ teleconsult: 1, videoUrl }).where('id', '=', id).execute();

    before(async () => {
      t = await buildTestApp(dialect);
      const db = t.ctx.database.db;
      const seed = await seedCenter(db);
      await db.updateTable('centerSettings').set({ webAddress: 'https://turnos.centro.example' }).execute();
      ana = await insertPatient(db, { lastName: 'GARCÍA' });
      beto = await insertPatient(db, { lastName: 'BETO' });
      await db.updateTable('patients').set({ portalEnabled: 1 }).where('id', '=', ana.id).execute();
      const pro = seed.gonzalez.id;
      video = await insertTurno(db, { patientId: ana.id, professionalId: pro, start: '2026-11-24T13:00:00Z' });
      videoNoLink = await insertTurno(db, { patientId: ana.id, professionalId: pro, start: '2026-11-25T13:00:00Z' });
      inPerson = await insertTurno(db, { patientId: ana.id, professionalId: pro, start: '2026-11-26T13:00:00Z' });
      pastVideo = await insertTurno(db, {
        patientId: ana.id,
        professionalId: pro,
        start: '2026-11-10T13:00:00Z',
        status: 'present',
      });
      betoVideo = await insertTurno(db, { patientId: beto.id, professionalId: pro, start: '2026-11-24T14:00:00Z' });
      await teleconsult(video, CALL);
      await teleconsult(videoNoLink, '');
      await teleconsult(pastVideo, 'https://meet.jit.si/pasado');
      await teleconsult(betoVideo, 'https://meet.jit.si/turno-beto');
    });
    after(() => t.close());

    /** The card of one turno in the page's HTML. */
    const card = (html: string, id: number) => {
      const at = html.search(new RegExp(`<article class="card" aria-labelledby="(turno|cita)-${id}"`));
      assert.ok(at >= 0, `turno ${id} is listed`);
      return html.slice(at, html.indexOf('</article>', at));
    };

    for (const [where, url] of [
      ['Mis turnos', '/mis-turnos'],
      ['Citas', '/portal/citas'],
    ] as const) {
      test(`${where}: the Teleconsulta mark, the call's link in a new tab and where the token is made`, async () => {
        const client = await WebClient.loggedIn(t.app, t.ctx, ana.id);
        const res = await client.get(url);
        assert.equal(res.statusCode, 200);
        const withLink = card(client.html, video);
        assert.match(withLink, /<span class="badge teleconsult">Teleconsulta<\/span>/);
        assert.match(
          withLink,
          new RegExp(
            `<a class="button" href="${CALL}" target="_blank" rel="noopener noreferrer">Entrar a la videollamada`,
          ),
        );
        assert.match(withLink, /Tené a mano tu token: lo generás en <a href="\/portal\/token">Generar token<\/a>/);

        const noLink = card(client.html, videoNoLink);
        assert.match(noLink, /Teleconsulta/);
        assert.doesNotMatch(noLink, /Entrar a la videollamada/);
        assert.match(noLink, /El centro te va a enviar el enlace de la videollamada antes del turno/);

        const plain = card(client.html, inPerson);
        assert.doesNotMatch(plain, /Teleconsulta|videollamada|token/);

        // An attended call is history: still marked, no way in.
        const past = card(client.html, pastVideo);
        assert.match(past, /Teleconsulta/);
        assert.doesNotMatch(past, /meet\.jit\.si\/pasado|Entrar a la videollamada/);

        assert.doesNotMatch(client.html, /turno-beto/, "not another patient's call");
      });
    }

    test('a patient without the portal gets the link but no token hint', async () => {
      const client = await WebClient.loggedIn(t.app, t.ctx, beto.id);
      await client.get('/mis-turnos');
      const own = card(client.html, betoVideo);
      assert.match(own, /href="https:\/\/meet\.jit\.si\/turno-beto" target="_blank" rel="noopener noreferrer"/);
      assert.doesNotMatch(own, /token/i);
      assert.doesNotMatch(client.html, /turno-ana-42/);
    });

    test('the confirmation mail of a turno by video carries the link and the token hint', async () => {
      const details = await getAppointmentDetails(t.ctx, { actor: { kind: 'patient', patientId: ana.id }, id: video });
      const mail = bookingConfirmationMail(details, 'es', 'ana@example.com');
      await enqueueMail(t.ctx.database.db, mail, t.clock.now());
      const plainDetails = await getAppointmentDetails(t.ctx, {
        actor: { kind: 'patient', patientId: ana.id },
        id: inPerson,
      });
      await enqueueMail(
        t.ctx.database.db,
        bookingConfirmationMail(plainDetails, 'es', 'ana2@example.com'),
        t.clock.now(),
      );
      const sink = await t.sendMails();
      const got = sink.mails.find((m) => m.to.includes('ana@example.com'));
      assert.ok(got);
      assert.match(
        got.text,
        /Es una teleconsulta \(turno por videollamada\)\. Entrá desde este enlace a la hora del turno:\n/,
      );
      assert.ok(got.text.includes(`\n${CALL}\n`), got.text);
      assert.match(got.text, /generalo en https:\/\/turnos\.centro\.example\/portal\/token/);
      assert.match(got.html, new RegExp(`<a href="${CALL}"><strong>Entrar a la videollamada</strong></a>`));
      const ics = got.attachments.find((a) => a.filename.endsWith('.ics'));
      // Calendar lines fold at 75 octets: unfolded, the entry's description has the link too.
      assert.ok(ics?.content.replace(/\r?\n[ \t]/g, '').includes(CALL), 'the calendar entry has the link too');

      const plain = sink.mails.find((m) => m.to.includes('ana2@example.com'));
      assert.ok(plain);
      assert.doesNotMatch(plain.text, /teleconsulta|videollamada|token/i);
    });

    test('[[VIDEO]] renders the call link for a turno by video and nothing otherwise', async () => {
      const db = t.ctx.database.db;
      const center = await getCenter(t.ctx);
      const links = { baseUrl: 'https://turnos.centro.example', secret: 'x'.repeat(32) };
      const template = {
        channel: 'mail' as const,
        title: 'Tu turno',
        body: 'Hola [[PACIENTE]]. Videollamada: [[VIDEO]]',
        waTemplate: '',
        waLanguage: '',
      };
      const [byVideo, plain, noLink] = await Promise.all(
        [video, inPerson, videoNoLink].map(async (id) => {
          const [row] = await appointmentRecipients(db, [id]);
          assert.ok(row);
          return renderMessage(template, appointmentValues(row, center, links));
        }),
      );
      assert.equal(byVideo?.text, `Hola Test GARCÍA. Videollamada: ${CALL}`);
      assert.match(byVideo?.html ?? '', new RegExp(`<a href="${CALL}">`));
      assert.equal(plain?.text, 'Hola Test GARCÍA. Videollamada: ');
      assert.equal(noLink?.text, 'Hola Test GARCÍA. Videollamada: ');
    });
  });
}
