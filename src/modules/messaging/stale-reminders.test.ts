// Reminders of a turno cancelled or moved after they were queued never go out, through the real worker and a
// real SMTP server on loopback, and the send log says why.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertPatient, insertProfessional } from '../../../test/support/factories.js';
import { SmtpSink } from '../../../test/support/smtp-sink.js';
import { createTestDatabase, type TestDatabase, testDialects } from '../../../test/support/test-db.js';
import { smtpSender } from '../../platform/mail/smtp.js';
import { enqueueMail } from '../../platform/outbox/outbox.js';
import { fixedSenders, OutboxWorker } from '../../platform/outbox/worker.js';
import { fixedClock } from '../../platform/time/clock.js';
import { insertTurno } from '../scheduling/appointments.test-fixture.js';
import { staleReminders, TURNO_CANCELLED_ERROR, TURNO_MOVED_ERROR } from './stale-reminders.js';

const NOW = Date.UTC(2026, 10, 23, 12, 0);

for (const dialect of testDialects()) {
  describe(`reminders of cancelled or moved turnos (${dialect})`, () => {
    let testDb: TestDatabase;
    let sink: SmtpSink;
    before(async () => {
      testDb = await createTestDatabase(dialect);
      sink = await SmtpSink.start();
    });
    after(async () => {
      await sink.close();
      await testDb.drop();
    });

    test('kept turno: sent; cancelled or moved: recorded cancelled with the reason; other kinds untouched', async () => {
      const db = testDb.database.db;
      const patientId = (await insertPatient(db)).id;
      const professionalId = (await insertProfessional(db, { lastName: 'RECORDATORIO' })).id;
      const starts = ['2026-11-25T12:00:00.000Z', '2026-11-25T13:00:00.000Z', '2026-11-25T14:00:00.000Z'];
      const ids: number[] = [];
      for (const start of starts) ids.push(await insertTurno(db, { patientId, professionalId, start }));
      const [kept, cancelled, moved] = ids as [number, number, number];
      for (const [i, id] of ids.entries()) {
        const mail = { to: `turno${id}@example.com`, subject: 'Su turno', text: 'x', appointmentId: id };
        await enqueueMail(db, { ...mail, kind: 'reminder', deadlineMs: Date.parse(starts[i] as string) }, NOW);
      }
      // A booking confirmation of the cancelled turno is not a reminder: the hook leaves it alone.
      await enqueueMail(
        db,
        { kind: 'booking_confirmation', to: 'confirma@example.com', subject: 'C', text: 'x', appointmentId: cancelled },
        NOW,
      );
      await db.updateTable('appointments').set({ status: 'cancelled' }).where('id', '=', cancelled).execute();
      await db
        .updateTable('appointments')
        .set({ startsAt: '2026-11-26T14:00:00.000Z', endsAt: '2026-11-26T14:20:00.000Z' })
        .where('id', '=', moved)
        .execute();

      const worker = new OutboxWorker({
        database: testDb.database,
        clock: fixedClock(NOW),
        senders: fixedSenders({ mail: { sender: smtpSender(sink.url), from: 'turnos@centro.test' } }),
        staleReasons: staleReminders,
      });
      try {
        await worker.drain();
      } finally {
        await worker.stop();
      }
      assert.deepEqual(
        sink.mails.map((m) => m.to[0]).sort(),
        ['confirma@example.com', `turno${kept}@example.com`].sort(),
      );
      const rows = await db.selectFrom('outbox').selectAll().where('kind', '=', 'reminder').execute();
      const byTurno = new Map(rows.map((r) => [r.appointmentId, r]));
      assert.equal(byTurno.get(kept)?.status, 'sent');
      assert.deepEqual(
        [byTurno.get(cancelled)?.status, byTurno.get(cancelled)?.lastError],
        ['cancelled', TURNO_CANCELLED_ERROR],
      );
      assert.deepEqual([byTurno.get(moved)?.status, byTurno.get(moved)?.lastError], ['cancelled', TURNO_MOVED_ERROR]);
    });
  });
}
