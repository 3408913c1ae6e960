// The outbox under faults, against a real SMTP server on loopback: nothing lost when the server refuses
// or cuts connections, nothing re-sent after a crash that was recorded as sent, and no message sent by
// two workers on separate connections.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TurneroProcess } from '../../../test/support/server-process.js';
import { SmtpSink } from '../../../test/support/smtp-sink.js';
import { createTestDatabase, type TestDatabase, testDialects } from '../../../test/support/test-db.js';
import { createDb } from '../db/database.js';
import { parseDatabaseUrl } from '../db/dialect.js';
import { smtpSender } from '../mail/smtp.js';
import { fixedClock } from '../time/clock.js';
import { enqueueMessages, type OutgoingMail } from './outbox.js';
import { fixedSenders, OutboxWorker } from './worker.js';

const FROM = '"Centro" <turnos@centro.test>';

function mails(count: number, prefix: string): OutgoingMail[] {
  return Array.from({ length: count }, (_, i) => ({
    kind: 'reminder',
    to: `${prefix}${i}@example.com`,
    subject: `Recordatorio ${i}`,
    text: `Hola ${i}`,
  }));
}

/** Deterministic pseudo-random numbers, so a failing run can be repeated. */
function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** How many times each Message-ID arrived. */
function arrivals(sink: SmtpSink): Map<string, number> {
  const counts = new Map<string, number>();
  for (const mail of sink.mails) counts.set(mail.messageId, (counts.get(mail.messageId) ?? 0) + 1);
  return counts;
}

for (const dialect of testDialects()) {
  describe(`outbox under faults (${dialect})`, () => {
    let testDb: TestDatabase;
    let sink: SmtpSink;
    const rows = () => testDb.database.db.selectFrom('outbox').selectAll().orderBy('id').execute();

    before(async () => {
      sink = await SmtpSink.start();
    });
    after(async () => {
      await sink.close();
    });

    test('1,000 mails with 30% temporary refusals and some cut connections: every one ends sent or failed with its error, none lost, none twice', async () => {
      testDb = await createTestDatabase(dialect);
      sink.mails.length = 0;
      const random = seeded(7);
      let refused = 0;
      let cut = 0;
      sink.answer = () => {
        const roll = random();
        if (roll < 0.3) {
          refused++;
          return 451;
        }
        if (roll < 0.32) {
          cut++;
          return 'drop';
        }
        return undefined;
      };
      const clock = fixedClock(Date.UTC(2026, 10, 23, 12, 0));
      await enqueueMessages(testDb.database.db, mails(1000, 'lote'), clock.now());
      const worker = new OutboxWorker({
        database: testDb.database,
        clock,
        senders: fixedSenders({ mail: { sender: smtpSender(sink.url), from: FROM } }),
      });
      try {
        for (let round = 0; round < 12; round++) {
          await worker.drain();
          clock.advance(13 * 60 * 60_000); // past the longest back-off
        }
      } finally {
        await worker.stop();
      }
      const all = await rows();
      assert.equal(all.length, 1000);
      assert.deepEqual(
        all.filter((r) => r.status !== 'sent' && r.status !== 'failed').map((r) => r.id),
        [],
        'no message left pending',
      );
      for (const row of all.filter((r) => r.status === 'failed')) assert.notEqual(row.lastError, '');
      const counts = arrivals(sink);
      const sent = all.filter((r) => r.status === 'sent');
      for (const row of sent) assert.equal(counts.get(`<${row.messageId}>`), 1, `${row.recipient} arrived once`);
      assert.equal(sink.mails.length, sent.length, 'only what is recorded as sent arrived');
      assert.ok(refused >= 250 && cut > 0, `faults injected: ${refused} refusals, ${cut} cut connections`);
      assert.ok(
        all.some((r) => r.status === 'sent' && r.attempts > 1),
        'retried mails got through',
      );
      await testDb.drop();
    });

    // SQLite allows one writer per file, and its driver waits for the lock synchronously: two connections in
    // one process would block each other. Several processes on one SQLite file are covered by the kill test.
    if (dialect === 'postgres') {
      test('two workers on separate connections never send the same message', async () => {
        testDb = await createTestDatabase(dialect);
        sink.mails.length = 0;
        sink.answer = () => undefined;
        const clock = fixedClock(Date.UTC(2026, 10, 23, 12, 0));
        await enqueueMessages(testDb.database.db, mails(400, 'doble'), clock.now());
        const second = createDb(parseDatabaseUrl(testDb.url), { poolSize: 5 });
        const workers = [testDb.database, second].map(
          (database) =>
            new OutboxWorker({
              database,
              clock,
              batchSize: 20,
              senders: fixedSenders({ mail: { sender: smtpSender(sink.url), from: FROM } }),
            }),
        );
        try {
          const attempted = await Promise.all(workers.map((w) => w.drain()));
          assert.equal(attempted[0]! + attempted[1]!, 400);
          assert.ok(
            attempted.every((n) => n > 0),
            `both workers took part: ${attempted.join(' + ')}`,
          );
        } finally {
          for (const w of workers) await w.stop();
          await second.close();
        }
        assert.equal(sink.mails.length, 400);
        assert.ok([...arrivals(sink).values()].every((n) => n === 1));
        assert.ok((await rows()).every((r) => r.status === 'sent' && r.attempts === 1));
        await testDb.drop();
      });
    }

    test('a server killed mid-batch and restarted re-sends nothing it had recorded as sent', async () => {
      testDb = await createTestDatabase(dialect);
      sink.mails.length = 0;
      sink.answer = () => undefined;
      await enqueueMessages(testDb.database.db, mails(3000, 'corte'), Date.now());
      const server = new TurneroProcess(['serve'], {
        DATABASE_URL: testDb.url,
        PORT: '0',
        HOST: '127.0.0.1',
        SMTP_URL: sink.url,
        TURNERO_DEMO: 'false',
      });
      try {
        await server.ready();
        const start = Date.now();
        while (sink.mails.length < 300 && Date.now() - start < 20_000) await new Promise((r) => setTimeout(r, 5));
      } finally {
        await server.dispose(); // SIGKILL: no chance to finish the batch or record it
      }
      const atKill = await rows();
      const recorded = new Set(atKill.filter((r) => r.status === 'sent').map((r) => `<${r.messageId}>`));
      const arrivedAtKill = sink.mails.length;
      assert.ok(recorded.size > 0 && recorded.size < 3000, `killed mid-batch: ${recorded.size} recorded as sent`);

      // Restarted after its leases ran out (a fake clock stands in for the two minutes).
      const clock = fixedClock(Date.now() + 3 * 60_000);
      const worker = new OutboxWorker({
        database: testDb.database,
        clock,
        senders: fixedSenders({ mail: { sender: smtpSender(sink.url), from: FROM } }),
      });
      try {
        await worker.drain();
      } finally {
        await worker.stop();
      }
      const counts = arrivals(sink);
      for (const id of recorded) assert.equal(counts.get(id), 1, `${id} was recorded as sent and not sent again`);
      const final = await rows();
      assert.ok(final.every((r) => r.status === 'sent'));
      assert.equal(counts.size, 3000, 'every message arrived');
      // Duplicates can only be mails in flight when the process died: accepted, not yet recorded.
      const duplicates = [...counts.values()].filter((n) => n > 1).length;
      assert.ok(duplicates <= arrivedAtKill - recorded.size, `${duplicates} duplicates, all from the lost batch`);
      await testDb.drop();
    });
  });
}
