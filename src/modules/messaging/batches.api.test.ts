// The send desk's lists over the API: each filter narrows the list, only reachable patients are listed (the
// rest counted by reason), QUIÉNES follows what the outbox says was sent, and bad input gets a clear error.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Seed } from '../../../test/support/seeded-app.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import {
  buildDeskFixture,
  type DeskFixture,
  deskApi,
  insertEarlierMessage,
  type ListedRow,
} from './batches.test-fixture.js';

for (const dialect of testDialects()) {
  describe(`send desk lists, API (${dialect})`, () => {
    let f: DeskFixture;
    let t: TestApp;
    let seed: Seed;
    let api: ReturnType<typeof deskApi>;

    before(async () => {
      f = await buildDeskFixture(dialect);
      ({ t, seed } = f);
      api = deskApi(f);
    });
    after(() => t.close());

    test('by default: next week’s reserved turnos of reachable patients, the rest counted by reason', async () => {
      const batch = await api.list({ templateId: f.templates.mail });
      const { turnos, patients } = f;
      // Not c1 (cancelled), d1 (no e-mail), e1 (bad e-mail), later (Dec 10), started (today 08:00).
      assert.deepEqual(api.turnoIds(batch.rows), [turnos.a1, turnos.b1, turnos.echo]);
      assert.deepEqual(batch.leftOut, { no_email: 1, bad_email: 1, no_mobile: 0, bad_mobile: 0 });
      assert.equal(batch.status, 'draft');
      assert.equal(batch.channel, 'mail');
      assert.equal(batch.channelConfigured, null);
      assert.deepEqual(batch.filters, {
        from: '2026-11-24',
        to: '2026-11-30',
        sent: 'not_sent',
        insurerIds: [],
        specialtyIds: [],
        studyIds: [],
        professionalIds: [],
      });
      const [a1, b1, echo] = batch.rows as [ListedRow, ListedRow, ListedRow];
      assert.equal(a1.patientId, patients.ana);
      assert.equal(a1.patientName, 'ANA Test');
      assert.match(a1.recipient, /^paciente\d+@example\.com$/);
      assert.deepEqual(
        [a1.insurerName, a1.date, a1.time, a1.professionalName, a1.serviceName, a1.alreadySent, a1.lastError],
        ['OSDE', '2026-11-24', '10:00', 'GONZALEZ José', 'CARDIOLOGÍA', false, null],
      );
      assert.equal(b1.insurerName, null);
      assert.equal(echo.serviceName, 'Ecografía abdominal');
      // A range starting today still leaves out the turno that already started.
      const today = await api.list({ templateId: f.templates.mail, from: '2026-11-23', to: '2026-11-24' });
      assert.deepEqual(api.turnoIds(today.rows), [turnos.a1]);
    });

    test('each filter narrows the list', async () => {
      const { turnos } = f;
      const ids = async (body: Record<string, unknown>) =>
        api.turnoIds((await api.list({ templateId: f.templates.mail, sent: 'all', ...body })).rows);
      assert.deepEqual(await ids({ from: '2026-11-25', to: '2026-11-25' }), [turnos.b1]);
      assert.deepEqual(await ids({ to: '2026-12-31' }), [turnos.a1, turnos.b1, turnos.echo, turnos.later]);
      assert.deepEqual(await ids({ insurerIds: [seed.osde.id] }), [turnos.a1, turnos.echo]);
      assert.deepEqual(await ids({ professionalIds: [seed.alvarez.id] }), [turnos.b1]);
      assert.deepEqual(await ids({ specialtyIds: [seed.cardiology.id] }), [turnos.a1, turnos.b1]);
      assert.deepEqual(await ids({ studyIds: [seed.echo.id] }), [turnos.echo]);
      assert.deepEqual(await ids({ specialtyIds: [seed.cardiology.id], studyIds: [seed.echo.id] }), [
        turnos.a1,
        turnos.b1,
        turnos.echo,
      ]);
      assert.deepEqual(await ids({ specialtyIds: [seed.cardiology.id], professionalIds: [seed.gonzalez.id] }), [
        turnos.a1,
      ]);
      assert.deepEqual(await ids({ insurerIds: [seed.hiddenInsurer.id] }), []);
    });

    test('SMS lists take valid mobiles, in E.164, and count the missing and mistyped ones', async () => {
      const batch = await api.list({ templateId: f.templates.sms });
      assert.equal(batch.channel, 'sms');
      // No SMS provider configured yet: the desk warns that the messages would wait.
      assert.equal(batch.channelConfigured, false);
      assert.deepEqual(api.turnoIds(batch.rows), [f.turnos.a1, f.turnos.b1, f.turnos.echo]);
      assert.ok(batch.rows.every((r) => r.recipient === '+5491112345678'));
      assert.deepEqual(batch.leftOut, { no_email: 0, bad_email: 0, no_mobile: 1, bad_mobile: 1 });
    });

    test('QUIÉNES: a reminder already sent on the channel decides; the last error of a failed one is shown', async () => {
      const { turnos, patients } = f;
      await insertEarlierMessage(t, {
        channel: 'mail',
        appointmentId: turnos.a1,
        patientId: patients.ana,
        status: 'sent',
      });
      await insertEarlierMessage(t, {
        channel: 'mail',
        kind: 'auto_reminder',
        appointmentId: turnos.echo,
        patientId: patients.ana,
        status: 'sent',
      });
      await insertEarlierMessage(t, {
        channel: 'mail',
        appointmentId: turnos.b1,
        patientId: patients.beto,
        status: 'failed',
        lastError: '550 buzón inexistente',
      });
      // Other kinds of message are not reminders.
      await insertEarlierMessage(t, {
        channel: 'mail',
        kind: 'booking_confirmation',
        appointmentId: turnos.b1,
        patientId: patients.beto,
        status: 'sent',
      });
      const notSent = await api.list({ templateId: f.templates.mail, sent: 'not_sent' });
      assert.deepEqual(api.turnoIds(notSent.rows), [turnos.b1]);
      assert.equal(notSent.rows[0]?.lastError, '550 buzón inexistente');
      assert.equal(notSent.rows[0]?.alreadySent, false);
      const sent = await api.list({ templateId: f.templates.mail, sent: 'sent' });
      assert.deepEqual(api.turnoIds(sent.rows), [turnos.a1, turnos.echo]);
      assert.ok(sent.rows.every((r) => r.alreadySent));
      const all = await api.list({ templateId: f.templates.mail, sent: 'all' });
      assert.deepEqual(
        all.rows.map((r) => r.alreadySent),
        [true, false, true],
      );
      // Mails do not count as SMS reminders.
      const sms = await api.list({ templateId: f.templates.sms, sent: 'not_sent' });
      assert.deepEqual(api.turnoIds(sms.rows), [turnos.a1, turnos.b1, turnos.echo]);
    });

    test('bad input is refused with a clear error; other roles and strangers are kept out', async () => {
      const refused = async (body: Record<string, unknown>, status: number, code: string, headers = f.admin) => {
        const res = await api.generate(body, headers);
        assert.equal(res.statusCode, status, res.body);
        assert.equal(res.json().error.code, code);
        return res.json().error.message as string;
      };
      const message = await refused(
        { templateId: f.templates.mail, from: '2026-11-24', to: '2027-02-24' },
        422,
        'BATCH_RANGE_TOO_LONG',
      );
      assert.match(message, /hasta 92 días/);
      await refused({ templateId: f.templates.mail, from: '2026-11-30', to: '2026-11-24' }, 400, 'VALIDATION_ERROR');
      await refused({ templateId: 999_999 }, 404, 'NOT_FOUND');
      await refused({ templateId: f.templates.mail, from: '2026-02-30' }, 400, 'VALIDATION_ERROR');
      await refused({ templateId: f.templates.mail, audience: 'everyone' }, 400, 'VALIDATION_ERROR');
      await refused({ templateId: f.templates.mail }, 403, 'FORBIDDEN', await t.auth('professional', seed.gonzalez.id));
      await refused({ templateId: f.templates.mail }, 401, 'UNAUTHENTICATED', {});
      const reception = await api.generate({ templateId: f.templates.mail }, await t.auth('reception'));
      assert.equal(reception.statusCode, 201);
      const missing = await t.app.inject({ url: '/api/v1/message-batches/999999', headers: f.admin });
      assert.equal(missing.statusCode, 404);
    });

    test('unsent lists older than 30 days are deleted when a new one is made', async () => {
      const db = t.ctx.database.db;
      const old = await api.list({ templateId: f.templates.mail, sent: 'all' });
      const recent = await api.list({ templateId: f.templates.mail, sent: 'all' });
      const longAgo = new Date(t.clock.now() - 31 * 24 * 3600_000).toISOString();
      await db.updateTable('messageBatches').set({ createdAt: longAgo }).where('id', '=', old.id).execute();
      await api.list({ templateId: f.templates.mail, sent: 'all' });
      const left = await db.selectFrom('messageBatches').select('id').where('id', 'in', [old.id, recent.id]).execute();
      assert.deepEqual(
        left.map((b) => b.id),
        [recent.id],
      );
      const rows = await db.selectFrom('messageBatchRows').select('id').where('batchId', '=', old.id).execute();
      assert.equal(rows.length, 0);
    });
  });
}
