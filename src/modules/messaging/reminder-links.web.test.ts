// A reminder reaches the patient by real SMTP; its links show the turno on GET (which changes nothing), and
// the page's one button confirms (the desk shows it) or cancels (the slot is free again). Altered tokens,
// a confirm token on the cancel page, and finished turnos get a clear page instead.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { insertPatient } from '../../../test/support/factories.js';
import { buildSeededApp, cardiology, postBooking, type Seed } from '../../../test/support/seeded-app.js';
import { linkIn } from '../../../test/support/smtp-sink.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { location, WebClient } from '../../../test/support/web-client.js';
import { forgetLimits } from '../patients/accounts.test-helpers.js';
import { createReminderRule, queueDueReminders } from './reminder-rules.service.js';
import { admin, BASE, bookTurno, insertTemplate } from './reminders.test-helpers.js';

const pathOf = (url: string) => url.slice(BASE.length);
const tokenOf = (url: string) => new URL(url).searchParams.get('token') ?? '';
/** The same token with one character changed. */
const altered = (token: string) => `${token.slice(0, 10)}${token[10] === 'A' ? 'B' : 'A'}${token.slice(11)}`;

for (const dialect of testDialects()) {
  describe(`reminder links (${dialect})`, () => {
    let t: TestApp;
    let seed: Seed;
    let api: Record<string, string>;
    let turno: { id: number; patientId: number };
    let confirmUrl: string;
    let cancelUrl: string;
    const appointment = (id: number) =>
      t.ctx.database.db.selectFrom('appointments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

    before(async () => {
      ({ t, seed } = await buildSeededApp(dialect));
      api = await t.auth('reception');
      await t.ctx.database.db.updateTable('centerSettings').set({ phones: '011 4321-1234' }).execute();
      const template = await insertTemplate(t, 'mail', 'Recordatorio de tu turno');
      await createReminderRule(t.ctx, { actor: admin, rule: { templateId: template, hoursBefore: 48, enabled: true } });
      turno = await bookTurno(t, seed, api, '2026-11-24T10:00:00-03:00');
      assert.equal(await queueDueReminders(t.ctx, { nowMs: t.clock.now(), baseUrl: BASE }), 1);
      const sink = await t.sendMails();
      const patient = await t.ctx.database.db
        .selectFrom('patients')
        .select('email')
        .where('id', '=', turno.patientId)
        .executeTakeFirstOrThrow();
      const mail = sink.mails.find((m) => m.to.includes(patient.email ?? ''));
      assert.ok(mail, 'the reminder reached the SMTP server');
      assert.equal(mail.subject, 'Recordatorio de tu turno');
      assert.match(mail.text, /turno del martes 24\/11 a las 10:00 con GONZALEZ José/);
      confirmUrl = linkIn(mail, `${BASE}/turno/confirmar?token=`);
      cancelUrl = linkIn(mail, `${BASE}/turno/cancelar?token=`);
      assert.ok(mail.html.includes(`<a href="${confirmUrl}">`), 'the HTML part has the link too');
    });
    after(() => t.close());
    beforeEach(() => forgetLimits(t));

    test('opening the confirm link changes nothing; its button confirms once and the desk shows it', async () => {
      const patient = new WebClient(t.app);
      const opened = await patient.get(pathOf(confirmUrl));
      assert.equal(opened.statusCode, 200);
      assert.match(patient.text(), /Confirmar tu turno/);
      assert.match(patient.text(), /Día martes, 24 de noviembre de 2026/);
      assert.match(patient.text(), /Hora 10:00 Profesional GONZALEZ José Especialidad Cardiología/);
      assert.equal((patient.html.match(/<button type="submit"/g) ?? []).length, 1, 'one button');
      assert.match(patient.html, />Confirmar asistencia</);
      assert.equal((await appointment(turno.id)).confirmedAt, null, 'GET confirmed nothing');

      const posted = await patient.post('/turno/confirmar', { token: tokenOf(confirmUrl) });
      assert.equal(posted.statusCode, 303);
      assert.match(location(posted), /^\/turno\/confirmar\?token=[\w-]{43}&listo=1$/);
      await patient.follow(posted);
      assert.match(patient.text(), /¡Listo! Confirmaste tu asistencia/);
      assert.doesNotMatch(patient.html, /<button type="submit"/);
      const confirmedAt = (await appointment(turno.id)).confirmedAt;
      assert.ok(confirmedAt);

      await patient.get(pathOf(confirmUrl));
      const again = await patient.post('/turno/confirmar', { token: tokenOf(confirmUrl) });
      await patient.follow(again);
      assert.match(patient.text(), /Tu asistencia ya estaba confirmada/);
      assert.equal((await appointment(turno.id)).confirmedAt, confirmedAt, 'a second confirm changes nothing');

      const desk = await WebClient.newStaff(t.app, t.ctx, { username: 'recepcion', role: 'reception' });
      await desk.get(`/staff/turnos?fecha=2026-11-24&agenda=profesional-${seed.gonzalez.id}`);
      const row = new RegExp(`<tr[^>]*id="turno-${turno.id}"[\\s\\S]*?</tr>`).exec(desk.html)?.[0] ?? '';
      assert.match(row, /<span class="badge confirmed"[^>]*>confirmado<\/span>/);
      const day = await t.app.inject({
        url: `/api/v1/day-agenda?date=2026-11-24&professionalId=${seed.gonzalez.id}`,
        headers: api,
      });
      const turnoRow = day
        .json()
        .professionals[0].rows.find((r: { turno?: { id: number } }) => r.turno?.id === turno.id);
      assert.equal(turnoRow.turno.confirmedAt, confirmedAt);
    });

    test('an altered token, or a confirm token on the cancel page, is refused and changes nothing', async () => {
      const visitor = new WebClient(t.app);
      const bad = altered(tokenOf(cancelUrl));
      const opened = await visitor.get(`/turno/cancelar?token=${bad}`);
      assert.equal(opened.statusCode, 404);
      assert.match(visitor.text(), /El enlace no es válido/);
      assert.match(visitor.text(), /llamá al centro: 011 4321-1234/);
      assert.doesNotMatch(visitor.html, /<button type="submit"/);
      await visitor.get('/turno/cancelar');
      assert.match(visitor.text(), /El enlace no es válido/, 'no token at all');

      // The form as a real page gives it (with its CSRF token), posted with a changed token.
      await visitor.get(pathOf(cancelUrl));
      const posted = await visitor.post('/turno/cancelar', { token: bad });
      assert.equal(posted.statusCode, 404);
      const wrongAction = await visitor.post('/turno/cancelar', { token: tokenOf(confirmUrl) });
      assert.equal(wrongAction.statusCode, 404, 'a confirm link never cancels');
      assert.equal((await appointment(turno.id)).status, 'reserved');

      const forged = await new WebClient(t.app).post('/turno/cancelar', { token: tokenOf(cancelUrl), _csrf: 'x' });
      assert.equal(forged.statusCode, 403, 'the form needs its CSRF token');
      assert.equal((await appointment(turno.id)).status, 'reserved');
    });

    test('guessing tokens from one address is stopped; a real link still answers after the wait', async () => {
      const guesser = new WebClient(t.app);
      for (let i = 0; i < 30; i++) await guesser.get(`/turno/confirmar?token=${altered(tokenOf(confirmUrl))}`);
      const refused = await guesser.get(pathOf(confirmUrl));
      assert.equal(refused.statusCode, 429);
      assert.match(guesser.text(), /Demasiados intentos/);
      assert.ok(Number(refused.headers['retry-after']) > 0);
      t.clock.advance(15 * 60_000);
      assert.equal((await guesser.get(pathOf(confirmUrl))).statusCode, 200);
      t.clock.advance(-15 * 60_000);
    });

    test('the cancel link frees the slot through the usual cancellation, as the patient', async () => {
      const patient = new WebClient(t.app);
      await patient.get(pathOf(cancelUrl));
      assert.match(patient.text(), /Cancelar tu turno/);
      assert.match(patient.html, /<button type="submit" class="danger">Cancelar el turno<\/button>/);
      assert.equal((await appointment(turno.id)).status, 'reserved', 'GET cancelled nothing');

      const posted = await patient.post('/turno/cancelar', { token: tokenOf(cancelUrl) });
      assert.match(location(posted), /^\/turno\/cancelar\?token=[\w-]{43}&listo=1$/);
      await patient.follow(posted);
      assert.match(patient.text(), /tu turno quedó cancelado/);
      const cancelled = await appointment(turno.id);
      assert.equal(cancelled.status, 'cancelled');
      assert.equal(cancelled.cancelledBy, 'PACIENTE');

      const other = await insertPatient(t.ctx.database.db, { insurerId: seed.osde.id });
      const rebooked = await postBooking(
        t,
        api,
        cardiology(seed, { start: '2026-11-24T10:00:00-03:00', patientId: other.id }),
      );
      assert.equal(rebooked.statusCode, 201, 'the slot is free again');

      await patient.get(pathOf(cancelUrl));
      assert.match(patient.text(), /Este turno ya estaba cancelado/);
      assert.doesNotMatch(patient.html, /<button type="submit"/);
      await patient.get(pathOf(confirmUrl));
      assert.match(patient.text(), /Este turno ya estaba cancelado/);
    });

    test('once the turno has started, its links only say so, with the center phone', async () => {
      const later = await bookTurno(t, seed, api, '2026-11-24T11:00:00-03:00');
      await queueDueReminders(t.ctx, { nowMs: t.clock.now(), baseUrl: BASE });
      const sink = await t.sendMails();
      const mail = sink.mails.find((m) => m.text.includes('a las 11:00'));
      assert.ok(mail);
      const link = linkIn(mail, `${BASE}/turno/cancelar?token=`);
      const saved = t.clock.now();
      const patient = new WebClient(t.app);
      // The page opened before the turno, the button pressed after it started.
      await patient.get(pathOf(link));
      t.clock.set(Date.parse('2026-11-24T11:05:00-03:00'));
      const pressed = await patient.post('/turno/cancelar', { token: tokenOf(link) });
      await patient.follow(pressed);
      assert.match(patient.text(), /Este turno ya pasó/);
      const opened = await patient.get(pathOf(link));
      assert.equal(opened.statusCode, 410);
      assert.match(patient.text(), /Este turno ya pasó/);
      assert.match(patient.text(), /llamá al centro: 011 4321-1234/);
      assert.doesNotMatch(patient.html, /<button type="submit"/);
      assert.equal((await appointment(later.id)).status, 'reserved');
      t.clock.set(saved);
    });
  });
}
