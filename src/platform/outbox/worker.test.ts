// The outbox and its worker against a real SMTP server on loopback: sent once, retried when the server
// says "later", failed for good when it says "never" or when its deadline passes, and never sent twice by two
// workers; SMS through a provider stand-in keep the provider's id.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { SmtpSink } from '../../../test/support/smtp-sink.js';
import { createTestDatabase, type TestDatabase, testDialects } from '../../../test/support/test-db.js';
import { smtpSender } from '../mail/smtp.js';
import { StandIn } from '../sms/stand-in.test-helpers.js';
import { webhookProvider } from '../sms/webhook.js';
import { fixedClock } from '../time/clock.js';
import { EXPIRED_ERROR, enqueueMail, enqueueMessages } from './outbox.js';
import { fixedSenders, OutboxWorker } from './worker.js';

const NOW = Date.UTC(2026, 10, 23, 12, 0);

for (const dialect of testDialects()) {
  describe(`mail outbox (${dialect})`, () => {
    let testDb: TestDatabase;
    let sink: SmtpSink;
    const clock = fixedClock(NOW);
    const workers: OutboxWorker[] = [];
    const worker = () => {
      const w = new OutboxWorker({
        database: testDb.database,
        clock,
        senders: fixedSenders({ mail: { sender: smtpSender(sink.url), from: '"Centro" <turnos@centro.test>' } }),
      });
      workers.push(w);
      return w;
    };
    const rows = () => testDb.database.db.selectFrom('outbox').selectAll().orderBy('id').execute();

    before(async () => {
      testDb = await createTestDatabase(dialect);
      sink = await SmtpSink.start();
    });
    beforeEach(async () => {
      await testDb.database.db.deleteFrom('outbox').execute();
      sink.mails.length = 0;
      sink.answer = () => undefined;
    });
    after(async () => {
      for (const w of workers) await w.stop();
      await sink.close();
      await testDb.drop();
    });

    test('a queued mail arrives once with its attachment and Message-ID, and is recorded as sent', async () => {
      await enqueueMail(
        testDb.database.db,
        {
          kind: 'test',
          to: 'ana@example.com',
          subject: 'Tu turno',
          text: 'Hola Ana',
          attachments: [{ filename: 'turno.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR' }],
        },
        clock.now(),
      );
      assert.equal(await worker().drain(), 1);
      assert.equal(await worker().drain(), 0, 'nothing is sent twice');
      const [mail] = sink.to('ana@example.com');
      assert.equal(sink.mails.length, 1);
      assert.equal(mail?.subject, 'Tu turno');
      assert.equal(mail?.attachments[0]?.filename, 'turno.ics');
      const [row] = await rows();
      assert.equal(row?.status, 'sent');
      assert.equal(row?.attempts, 1);
      assert.equal(mail?.messageId, `<${row?.messageId}>`);
    });

    test('a temporary refusal (451) is retried later; a permanent one (550) fails with the answer kept', async () => {
      const db = testDb.database.db;
      await enqueueMail(db, { kind: 'test', to: 'later@example.com', subject: 'A', text: 'a' }, clock.now());
      await enqueueMail(db, { kind: 'test', to: 'never@example.com', subject: 'B', text: 'b' }, clock.now());
      let laterRefused = false;
      sink.answer = ({ to }) => {
        if (to.includes('never@example.com')) return 550;
        if (to.includes('later@example.com') && !laterRefused) {
          laterRefused = true;
          return 451;
        }
        return undefined;
      };
      await worker().drain();
      let [later, never] = await rows();
      assert.equal(later?.status, 'pending');
      assert.match(String(later?.lastError), /451/);
      assert.equal(never?.status, 'failed');
      assert.match(String(never?.lastError), /550/);
      assert.equal(await worker().drain(), 0, 'the retry waits for its time');
      clock.advance(61_000);
      await worker().drain();
      [later, never] = await rows();
      assert.equal(later?.status, 'sent');
      assert.equal(later?.attempts, 2);
      assert.equal(sink.to('later@example.com').length, 1);
      assert.equal(sink.to('never@example.com').length, 0);
    });

    test('an SMTP server that is down keeps the mail pending, to be sent when it is back', async () => {
      await enqueueMail(
        testDb.database.db,
        { kind: 'test', to: 'x@example.com', subject: 'X', text: 'x' },
        clock.now(),
      );
      const down = new OutboxWorker({
        database: testDb.database,
        clock,
        senders: fixedSenders({ mail: { sender: smtpSender('smtp://127.0.0.1:1'), from: 'turnos@centro.test' } }),
      });
      workers.push(down);
      await down.drain();
      const [row] = await rows();
      assert.equal(row?.status, 'pending');
      assert.notEqual(row?.lastError, '');
      clock.advance(61_000);
      await worker().drain();
      assert.equal((await rows())[0]?.status, 'sent');
    });

    test('two workers draining at once send each mail exactly once', async () => {
      for (let i = 0; i < 30; i++) {
        await enqueueMail(
          testDb.database.db,
          { kind: 'test', to: `p${i}@example.com`, subject: `M${i}`, text: 'x' },
          clock.now(),
        );
      }
      await Promise.all([worker().drain(), worker().drain()]);
      assert.equal(sink.mails.length, 30);
      assert.equal(new Set(sink.mails.map((m) => m.subject)).size, 30);
      assert.ok((await rows()).every((r) => r.status === 'sent' && r.attempts === 1));
    });

    test('one batch of mixed results: the mail sent, an SMS with its provider id, SMS refused for now and for good', async () => {
      const db = testDb.database.db;
      const standIn = await StandIn.start({ status: 200, body: '' });
      try {
        await enqueueMail(db, { kind: 'test', to: 'mixto@example.com', subject: 'M', text: 'm' }, clock.now());
        const texts = ['ok', 'later', 'never'];
        await enqueueMessages(
          db,
          texts.map((text) => ({ kind: 'test', channel: 'sms' as const, to: '+5491112345678', text })),
          clock.now(),
        );
        standIn.answer(
          { status: 200, body: '{"id":"gw-1"}' },
          { status: 503, body: 'ocupado' },
          { status: 422, body: '{"error":"número inválido"}' },
        );
        const mixed = new OutboxWorker({
          database: testDb.database,
          clock,
          concurrency: 1, // the stand-in answers in arrival order
          senders: fixedSenders({
            mail: { sender: smtpSender(sink.url), from: 'turnos@centro.test' },
            sms: webhookProvider({ url: standIn.url }),
          }),
        });
        workers.push(mixed);
        assert.equal(await mixed.drain(), 4);
        const [mail, ok, later, never] = await rows();
        assert.deepEqual([mail?.status, mail?.attempts, mail?.providerId], ['sent', 1, '']);
        assert.deepEqual([ok?.status, ok?.attempts, ok?.providerId], ['sent', 1, 'gw-1']);
        assert.deepEqual([later?.status, later?.attempts], ['pending', 1]);
        assert.match(String(later?.lastError), /ocupado/);
        assert.equal(Date.parse(String(later?.nextAttemptAt)), clock.now() + 60_000);
        assert.deepEqual([never?.status, never?.attempts], ['failed', 1]);
        assert.match(String(never?.lastError), /número inválido/);
        assert.ok([mail, ok, later, never].every((r) => r?.lockedUntil === null));
      } finally {
        await standIn.close();
      }
    });

    test('past its deadline a message is failed instead of sent late, keeping its last error, on any channel', async () => {
      const db = testDb.database.db;
      const deadlineMs = clock.now() + 30 * 60_000;
      await enqueueMail(
        db,
        { kind: 'reminder', to: 'tarde@example.com', subject: 'T', text: 't', deadlineMs },
        clock.now(),
      );
      // No SMS sender here: the message waits for one, but not past its deadline.
      await enqueueMessages(
        db,
        [{ kind: 'reminder', channel: 'sms', to: '+5491112345678', text: 't', deadlineMs }],
        clock.now(),
      );
      sink.answer = () => 451;
      await worker().drain();
      sink.answer = () => undefined;
      clock.advance(31 * 60_000); // the mail's retry is due, and so is its deadline
      assert.equal(await worker().drain(), 0, 'nothing is sent after its deadline');
      assert.equal(sink.mails.length, 0);
      const [mail, sms] = await rows();
      assert.equal(mail?.status, 'failed');
      assert.ok(mail?.lastError.startsWith(`${EXPIRED_ERROR}. `), mail?.lastError);
      assert.match(String(mail?.lastError), /451/);
      assert.equal(sms?.status, 'failed');
      assert.ok(sms?.lastError.startsWith(EXPIRED_ERROR), sms?.lastError);
    });

    test('rows the stale hook names are not sent: they are recorded cancelled with its reason', async () => {
      const db = testDb.database.db;
      for (const to of ['sigue@example.com', 'vieja@example.com']) {
        await enqueueMail(db, { kind: 'test', to, subject: 'S', text: 'x' }, clock.now());
      }
      const w = new OutboxWorker({
        database: testDb.database,
        clock,
        senders: fixedSenders({ mail: { sender: smtpSender(sink.url), from: 'turnos@centro.test' } }),
        staleReasons: async (_db, claimed) =>
          new Map(claimed.filter((r) => r.recipient.startsWith('vieja')).map((r) => [r.id, 'ya no corresponde'])),
      });
      workers.push(w);
      assert.equal(await w.drain(), 1, 'only the live row is attempted');
      assert.equal(sink.to('sigue@example.com').length, 1);
      assert.equal(sink.to('vieja@example.com').length, 0);
      const old = (await rows()).find((r) => r.recipient === 'vieja@example.com');
      assert.equal(old?.status, 'cancelled');
      assert.equal(old?.lastError, 'ya no corresponde');
      assert.equal(await w.drain(), 0, 'a cancelled row is never claimed again');
    });
  });
}
