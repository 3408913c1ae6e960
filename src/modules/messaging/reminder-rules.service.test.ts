// Automatic reminders: each rule queues each turno in its window exactly once, however often and from however
// many processes it runs; cancelled turnos, turnos outside the window and patients without an address get none.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildSeededApp, type Seed } from '../../../test/support/seeded-app.js';
import { SmtpSink } from '../../../test/support/smtp-sink.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { OutboxWorker } from '../../platform/outbox/worker.js';
import { configuredSenders } from './channel-senders.js';
import { insertReminders } from './reminder-rules.repo.js';
import {
  createReminderRule,
  deleteReminderRule,
  queueDueReminders,
  reminderScheduler,
  setReminderRuleEnabled,
} from './reminder-rules.service.js';
import { admin, BASE, bookTurno, insertTemplate, remindersByTurno } from './reminders.test-helpers.js';

const HOUR = 3_600_000;

for (const dialect of testDialects()) {
  describe(`automatic reminders (${dialect})`, () => {
    let t: TestApp;
    let seed: Seed;
    let api: Record<string, string>;
    let mailTemplate: number;
    let smsTemplate: number;
    const run = () => queueDueReminders(t.ctx, { nowMs: t.clock.now(), baseUrl: BASE });

    before(async () => {
      ({ t, seed } = await buildSeededApp(dialect));
      api = await t.auth('reception');
      mailTemplate = await insertTemplate(t, 'mail', 'Recordatorio de tu turno');
      smsTemplate = await insertTemplate(
        t,
        'sms',
        'SMS un día antes',
        'Turno [[FECHA]] [[HORA]]. Cancelar: [[CANCELAR]]',
      );
    });
    after(() => t.close());

    test('a 48-hour mail rule queues each turno in its window once, however often it runs', async () => {
      // Now: Monday 23/11 09:00. The window of 48 hours ends Wednesday 25/11 09:00.
      const tuesday = await bookTurno(t, seed, api, '2026-11-24T10:00:00-03:00');
      const wednesday = await bookTurno(t, seed, api, '2026-11-25T08:40:00-03:00');
      const outside = await bookTurno(t, seed, api, '2026-11-25T10:00:00-03:00');
      const cancelled = await bookTurno(t, seed, api, '2026-11-24T11:00:00-03:00');
      const noEmail = await bookTurno(t, seed, api, '2026-11-24T11:20:00-03:00', { email: null });
      const badEmail = await bookTurno(t, seed, api, '2026-11-24T11:40:00-03:00', { email: 'no es un mail' });
      const cancel = await t.app.inject({
        method: 'POST',
        url: `/api/v1/appointments/${cancelled.id}/cancel`,
        headers: api,
        payload: {},
      });
      assert.equal(cancel.statusCode, 200);
      const ruleId = await createReminderRule(t.ctx, {
        actor: admin,
        rule: { templateId: mailTemplate, hoursBefore: 48, enabled: true },
      });

      assert.equal(await run(), 2);
      assert.equal(await run(), 0, 'a second run queues nothing new');
      const [a, b] = await Promise.all([run(), run()]);
      assert.equal(a + b, 0);
      let counts = await remindersByTurno(t);
      assert.deepEqual([...counts.keys()].sort(), [tuesday.id, wednesday.id].sort());
      for (const skipped of [outside, cancelled, noEmail, badEmail]) assert.equal(counts.get(skipped.id), undefined);

      const row = await t.ctx.database.db
        .selectFrom('outbox')
        .selectAll()
        .where('appointmentId', '=', tuesday.id)
        .executeTakeFirstOrThrow();
      assert.equal(row.channel, 'mail');
      assert.equal(row.reminderRuleId, ruleId);
      assert.equal(row.templateId, mailTemplate);
      assert.equal(row.sentBy, 'automático');
      assert.equal(row.subject, 'Recordatorio de tu turno');
      assert.equal(Date.parse(row.deadlineAt ?? ''), Date.parse('2026-11-24T10:00:00-03:00'));
      assert.match(row.bodyText, /del martes 24\/11 a las 10:00 con GONZALEZ José/);
      assert.match(row.bodyText, new RegExp(`${BASE}/turno/confirmar\\?token=[\\w-]{43}`));

      // An hour later the 10:00 turno on Wednesday enters the window; nothing already queued comes back.
      t.clock.advance(HOUR + 1);
      assert.equal(await run(), 1);
      // A turno booked now inside the window gets its reminder on the next run.
      const late = await bookTurno(t, seed, api, '2026-11-24T09:00:00-03:00');
      assert.equal(await run(), 1);
      // Past every turno: nothing is queued again.
      t.clock.set(Date.parse('2026-11-26T12:00:00-03:00'));
      assert.equal(await run(), 0);
      counts = await remindersByTurno(t);
      assert.deepEqual(
        [...counts.entries()].sort(([x], [y]) => x - y),
        [tuesday.id, wednesday.id, outside.id, late.id].sort((x, y) => x - y).map((id) => [id, 1]),
      );
      await deleteReminderRule(t.ctx, { actor: admin, id: ruleId });
    });

    test('two processes at once still queue one message per turno and rule; a paused rule queues none', async () => {
      t.clock.set(Date.parse('2026-11-30T12:00:00-03:00'));
      const turnos = await Promise.all(
        ['09:20', '09:40', '10:00', '10:20', '10:40', '11:00'].map((time) =>
          bookTurno(t, seed, api, `2026-12-01T${time}:00-03:00`),
        ),
      );
      const before = await remindersByTurno(t);
      const ruleId = await createReminderRule(t.ctx, {
        actor: admin,
        rule: { templateId: smsTemplate, hoursBefore: 24, enabled: false },
      });
      assert.equal(await run(), 0, 'a paused rule sends nothing');
      await setReminderRuleEnabled(t.ctx, { actor: admin, id: ruleId, enabled: true });
      // Racing runs: each may see every turno as owed; the unique index lets only one insert in.
      const results = await Promise.all([run(), run(), run()]);
      assert.equal(
        results.reduce((x, y) => x + y, 0),
        turnos.length,
      );
      const rows = await t.ctx.database.db
        .selectFrom('outbox')
        .select(['appointmentId', 'channel', 'recipient', 'bodyText'])
        .where('reminderRuleId', '=', ruleId)
        .execute();
      assert.equal(rows.length, turnos.length);
      assert.deepEqual(new Set(rows.map((r) => r.appointmentId)), new Set(turnos.map((x) => x.id)));
      for (const r of rows) {
        assert.equal(r.channel, 'sms');
        assert.equal(r.recipient, '+5491112345678');
        assert.match(r.bodyText, /^Turno martes 01\/12 \d\d:\d\d\. Cancelar: http:\/\/localhost:80\/turno\/cancelar/);
      }
      assert.equal((await remindersByTurno(t)).size, before.size + turnos.length);
      // The guard is the database's: a message for a turno the rule already queued is not inserted.
      const again = { kind: 'auto_reminder', to: 'x@example.com', subject: 's', text: 't' };
      const twin = { ...again, appointmentId: turnos[0]?.id ?? 0, reminderRuleId: ruleId };
      assert.equal(await insertReminders(t.ctx.database.db, [twin], t.clock.now()), 0);
      await deleteReminderRule(t.ctx, { actor: admin, id: ruleId });
    });

    test('the scheduler runs at most once a minute per process, and only reports failures through its logger', async () => {
      t.clock.set(Date.parse('2026-12-07T09:00:00-03:00'));
      const ruleId = await createReminderRule(t.ctx, {
        actor: admin,
        rule: { templateId: mailTemplate, hoursBefore: 24, enabled: true },
      });
      const tick = reminderScheduler(t.ctx, { baseUrl: BASE, everyMs: 60_000 });
      const first = await bookTurno(t, seed, api, '2026-12-08T08:00:00-03:00');
      await tick();
      assert.equal((await remindersByTurno(t)).get(first.id), 1);
      const second = await bookTurno(t, seed, api, '2026-12-08T08:20:00-03:00');
      t.clock.advance(30_000);
      await tick();
      assert.equal((await remindersByTurno(t)).get(second.id), undefined, 'within the minute: no run');
      t.clock.advance(30_000);
      await tick();
      assert.equal((await remindersByTurno(t)).get(second.id), 1);
      await deleteReminderRule(t.ctx, { actor: admin, id: ruleId });

      const errors: unknown[] = [];
      const broken = { ...t.ctx, database: { ...t.ctx.database, db: null as never } };
      const logger = { info: () => {}, error: (o: unknown) => errors.push(o) };
      await reminderScheduler(broken, { baseUrl: BASE, logger })();
      assert.equal(errors.length, 1, 'a failed run is logged, not thrown into the worker');
    });

    test('the outbox worker queues and sends a reminder by itself, and only once', async () => {
      t.clock.set(Date.parse('2026-12-14T09:00:00-03:00'));
      const ruleId = await createReminderRule(t.ctx, {
        actor: admin,
        rule: { templateId: mailTemplate, hoursBefore: 24, enabled: true },
      });
      const turno = await bookTurno(t, seed, api, '2026-12-15T08:40:00-03:00');
      const sink = await SmtpSink.start();
      // As main.ts wires it: the scheduler is the worker's beforeCycle, nobody calls it.
      const worker = new OutboxWorker({
        database: t.ctx.database,
        clock: t.clock,
        senders: configuredSenders(t.ctx, { smtpUrl: sink.url, mailFrom: '' }),
        beforeCycle: reminderScheduler(t.ctx, { baseUrl: BASE }),
      });
      try {
        await worker.drain();
        t.clock.advance(2 * 60_000);
        await worker.drain();
        t.clock.advance(60 * 60_000);
        await worker.drain();
        const reminders = sink.mails.filter((m) => m.text.includes('martes 15/12 a las 08:40'));
        assert.equal(reminders.length, 1, 'three cycles, one mail');
        assert.equal((await remindersByTurno(t)).get(turno.id), 1);
      } finally {
        await worker.stop();
        await sink.close();
        await deleteReminderRule(t.ctx, { actor: admin, id: ruleId });
      }
    });
  });
}
