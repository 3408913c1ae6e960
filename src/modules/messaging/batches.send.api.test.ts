// Sending a send-desk list over the API: removed rows are not sent, the rest are rendered into the outbox in one
// go and queued once whatever the clicks, the progress follows the outbox while the worker sends to a real SMTP
// server, and 10,000 rows are paged and queued whole.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Seed } from '../../../test/support/seeded-app.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { WebClient } from '../../../test/support/web-client.js';
import { getCenter } from '../center/center.service.js';
import { buildDeskFixture, type DeskFixture, deskApi, type ListedRow } from './batches.test-fixture.js';

for (const dialect of testDialects()) {
  describe(`send desk sending, API (${dialect})`, () => {
    let f: DeskFixture;
    let t: TestApp;
    let seed: Seed;
    let admin: Record<string, string>;
    let api: ReturnType<typeof deskApi>;

    before(async () => {
      f = await buildDeskFixture(dialect);
      ({ t, seed, admin } = f);
      api = deskApi(f);
    });
    after(() => t.close());

    test('a removed row is neither exported nor sent; the rest are queued once, rendered and signed', async () => {
      const { turnos, patients } = f;
      const batch = await api.list({ templateId: f.templates.mail, sent: 'all' });
      const beto = batch.rows.find((r) => r.appointmentId === turnos.b1) as ListedRow;
      const del = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/message-batches/${batch.id}/rows/${beto.id}`,
        headers: admin,
      });
      assert.equal(del.statusCode, 204, del.body);
      const stranger = await t.app.inject({
        method: 'POST',
        url: `/api/v1/message-batches/${batch.id}/rows/remove`,
        headers: admin,
        payload: { rowIds: [beto.id + 100_000] },
      });
      assert.equal(stranger.statusCode, 404);
      const after = (await t.app.inject({ url: `/api/v1/message-batches/${batch.id}`, headers: admin })).json();
      assert.deepEqual([after.kept, after.removed], [2, 1]);
      assert.deepEqual(api.turnoIds(after.rows), [turnos.a1, turnos.echo]);
      const csv = await t.app.inject({ url: `/api/v1/message-batches/${batch.id}/rows.csv`, headers: admin });
      assert.equal(csv.statusCode, 200);
      const lines = csv.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      assert.equal(lines[0], 'TuID;PacID;Env;Error;Paciente;E-mail;Obra social;Fecha;Hora;Profesional;Especialidad');
      assert.equal(lines.length, 3);
      assert.ok(lines[1]?.startsWith(`${turnos.a1};${patients.ana};NO;;ANA Test;`), lines[1]);
      assert.ok(lines[1]?.endsWith(';OSDE;24/11/2026;10:00;GONZALEZ José;CARDIOLOGÍA'), lines[1]);
      assert.ok(!csv.body.includes('BETO'));

      const res = await api.send(batch.id);
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json(), { id: batch.id, queued: 2, skipped: 0 });
      const rows = await api.outboxOf(batch.id);
      assert.deepEqual(
        rows.map((r) => r.appointmentId),
        [turnos.a1, turnos.echo],
      );
      const [a1] = rows;
      assert.ok(a1);
      assert.equal(a1.kind, 'reminder');
      assert.equal(a1.channel, 'mail');
      assert.equal(a1.status, 'pending');
      assert.equal(a1.sentBy, 'api:test-admin');
      assert.equal(a1.templateId, f.templates.mail);
      assert.equal(a1.patientId, patients.ana);
      assert.equal(a1.recipient, after.rows[0].recipient);
      assert.equal(a1.subject, 'Recordatorio de turno');
      assert.equal(
        a1.bodyText,
        'Hola Test ANA: te recordamos tu turno del martes 24/11 a las 10:00 con GONZALEZ José (CARDIOLOGÍA).',
      );
      assert.equal(a1.deadlineAt, '2026-11-24T13:00:00.000Z');

      // Twice: refused, nothing more queued; nor can rows change anymore.
      const again = await api.send(batch.id);
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, 'BATCH_ALREADY_SENT');
      assert.equal((await api.outboxOf(batch.id)).length, 2);
      const late = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/message-batches/${batch.id}/rows/${after.rows[0].id}`,
        headers: admin,
      });
      assert.equal(late.statusCode, 409);

      // The worker sends them to a real SMTP server; the progress and each row follow the outbox.
      assert.deepEqual(await api.progress(batch.id), {
        id: batch.id,
        status: 'queued',
        total: 2,
        pending: 2,
        sent: 0,
        failed: 0,
        cancelled: 0,
      });
      const sink = await t.sendMails();
      const mail = sink.mails.find((m) => m.to.includes(a1.recipient));
      assert.equal(mail?.subject, 'Recordatorio de turno');
      assert.match(mail?.text ?? '', /martes 24\/11 a las 10:00 con GONZALEZ José/);
      assert.deepEqual(await api.progress(batch.id), {
        id: batch.id,
        status: 'queued',
        total: 2,
        pending: 0,
        sent: 2,
        failed: 0,
        cancelled: 0,
      });
      const done = (await t.app.inject({ url: `/api/v1/message-batches/${batch.id}`, headers: admin })).json();
      assert.deepEqual(
        done.rows.map((r: ListedRow) => r.state),
        ['sent', 'sent'],
      );
      assert.deepEqual(done.progress, { total: 2, pending: 0, sent: 2, failed: 0, cancelled: 0 });
    });

    test('a refused mail shows as failed with its error; a turno cancelled meanwhile is skipped', async () => {
      const { turnos } = f;
      const batch = await api.list({ templateId: f.templates.mail, sent: 'all' });
      const beto = batch.rows.find((r) => r.appointmentId === turnos.b1) as ListedRow;
      // Nothing is due yet: this only starts the SMTP server, to tell it to refuse beto's address.
      const sink = await t.sendMails();
      sink.answer = (m) => (m.to.includes(beto.recipient) ? 550 : undefined);
      await t.ctx.database.db
        .updateTable('appointments')
        .set({ status: 'cancelled' })
        .where('id', '=', turnos.echo)
        .execute();
      try {
        const res = await api.send(batch.id);
        assert.deepEqual(res.json(), { id: batch.id, queued: 2, skipped: 1 });
      } finally {
        await t.ctx.database.db
          .updateTable('appointments')
          .set({ status: 'reserved' })
          .where('id', '=', turnos.echo)
          .execute();
      }
      await t.sendMails();
      sink.answer = () => undefined;
      const p = await api.progress(batch.id);
      assert.deepEqual([p.total, p.sent, p.failed, p.pending], [2, 1, 1, 0]);
      const done = (await t.app.inject({ url: `/api/v1/message-batches/${batch.id}`, headers: admin })).json();
      const row = (id: number) => done.rows.find((r: ListedRow) => r.appointmentId === id) as ListedRow;
      assert.equal(row(turnos.b1).state, 'failed');
      assert.match(row(turnos.b1).stateError ?? '', /550|rechazado/);
      assert.equal(row(turnos.echo).state, null);
      // The next list of not-sent reminders shows beto's error.
      const next = await api.list({ templateId: f.templates.mail, sent: 'not_sent' });
      assert.match(next.rows.find((r) => r.appointmentId === turnos.b1)?.lastError ?? '', /550|rechazado/);
    });

    test('two sends at once queue the list only once', async () => {
      const batch = await api.list({ templateId: f.templates.sms, sent: 'all' });
      const results = await Promise.all([api.send(batch.id), api.send(batch.id), api.send(batch.id)]);
      assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409, 409]);
      const rows = await api.outboxOf(batch.id);
      assert.equal(rows.length, 3);
      assert.ok(rows.every((r) => r.channel === 'sms' && r.recipient === '+5491112345678'));
      assert.equal(rows[0]?.bodyText, 'Turno martes 24/11 10:00 con GONZALEZ José');
    });

    test('to every patient: by insurer, once per template, valid for two days', async () => {
      const { patients } = f;
      const everyone = await api.list({ templateId: f.templates.news, audience: 'patients', sent: 'all' });
      assert.deepEqual(
        everyone.rows.map((r) => r.patientId).sort((a, b) => a - b),
        [seed.patient.id, patients.ana, patients.beto, patients.ciro].sort((a, b) => a - b),
      );
      assert.ok(everyone.rows.every((r) => r.appointmentId === null && r.date === null));
      assert.deepEqual(everyone.leftOut, { no_email: 1, bad_email: 1, no_mobile: 0, bad_mobile: 0 });
      const osde = await api.list({
        templateId: f.templates.news,
        audience: 'patients',
        insurerIds: [seed.osde.id],
        professionalIds: [seed.alvarez.id],
      });
      assert.deepEqual(osde.filters, {
        from: null,
        to: null,
        sent: 'not_sent',
        insurerIds: [seed.osde.id],
        specialtyIds: [],
        studyIds: [],
        professionalIds: [],
      });
      assert.equal(osde.rows.length, 3);
      assert.ok(!osde.rows.some((r) => r.patientId === patients.beto));
      const res = await api.send(osde.id);
      assert.equal(res.json().queued, 3);
      const rows = await api.outboxOf(osde.id);
      const ana = rows.find((r) => r.patientId === patients.ana);
      assert.equal(ana?.appointmentId, null);
      const center = await getCenter(t.ctx);
      assert.equal(ana?.bodyText, `Hola Test ANA: el centro ${center.name} tiene novedades.`);
      assert.equal(ana?.deadlineAt, new Date(t.clock.now() + 48 * 3600_000).toISOString());
      await t.sendMails();
      const done = (await t.app.inject({ url: `/api/v1/message-batches/${osde.id}`, headers: admin })).json();
      assert.deepEqual(
        done.rows.map((r: ListedRow) => r.state),
        ['sent', 'sent', 'sent'],
      );
      const notYet = await api.list({ templateId: f.templates.news, audience: 'patients', sent: 'not_sent' });
      assert.deepEqual(
        notYet.rows.map((r) => r.patientId),
        [patients.beto],
      );
      const already = await api.list({ templateId: f.templates.news, audience: 'patients', sent: 'sent' });
      assert.equal(already.rows.length, 3);
      assert.ok(already.rows.every((r) => r.alreadySent));
    });
  });

  describe(`send desk API with 10,000 patients (${dialect})`, () => {
    let f: DeskFixture;
    before(async () => {
      f = await buildDeskFixture(dialect);
      const now = new Date().toISOString();
      for (let i = 0; i < 10_000; i += 500) {
        await f.t.ctx.database.db
          .insertInto('patients')
          .values(
            Array.from({ length: 500 }, (_, j) => ({
              dni: String(40_000_000 + i + j),
              lastName: `MASIVO${String(i + j).padStart(5, '0')}`,
              firstName: 'Test',
              email: `masivo${i + j}@example.com`,
              mobile: null,
              createdAt: now,
              updatedAt: now,
            })),
          )
          .execute();
      }
    });
    after(() => f.t.close());

    test('a list of 10,000 is paged, and queued whole in one send', async () => {
      const { t, admin } = f;
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/message-batches',
        headers: admin,
        payload: { templateId: f.templates.news, audience: 'patients', sent: 'all' },
      });
      assert.equal(res.statusCode, 201, res.body);
      const batch = res.json();
      assert.ok(batch.total >= 10_000);
      assert.equal(batch.rows.length, 100);
      const page = await t.app.inject({
        url: `/api/v1/message-batches/${batch.id}?page=60&pageSize=100`,
        headers: admin,
      });
      assert.equal(page.json().rows.length, 100);
      const sent = await t.app.inject({
        method: 'POST',
        url: `/api/v1/message-batches/${batch.id}/send`,
        headers: admin,
      });
      assert.equal(sent.statusCode, 200, sent.body);
      assert.equal(sent.json().queued, batch.total);
      const progress = await t.app.inject({ url: `/api/v1/message-batches/${batch.id}/progress`, headers: admin });
      assert.equal(progress.json().pending, batch.total);
      // The desk shows it a page at a time.
      const desk = await WebClient.newStaff(t.app, t.ctx, { username: 'masivo', role: 'admin' });
      const shown = await desk.get(`/staff/mensajes/enviar/${batch.id}?pagina=50`);
      assert.equal(shown.statusCode, 200);
      assert.match(desk.text(), new RegExp(`Página 50 de ${Math.ceil(batch.total / 100)}`));
      assert.equal(desk.html.match(/<tr>/g)?.length, 101);
    });
  });
}
