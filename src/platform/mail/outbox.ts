// The transactional outbox: a mail is a row written with its cause; the worker sends rows and records results.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { skipLockedRows } from '../db/dialect.js';
import type { DB, OutboxMessage } from '../db/schema.js';
import { isoUtc } from '../time/zone.js';

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer | string;
}

export interface OutgoingMail {
  /** What caused it: activation, password_reset, booking_confirmation… (the send log groups by it). */
  kind: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: MailAttachment[];
  patientId?: number | null;
  appointmentId?: number | null;
}

/** Call inside the transaction that causes the mail: both are kept, or neither. */
export async function enqueueMail(db: Kysely<DB>, mail: OutgoingMail, nowMs: number): Promise<number> {
  const attachments = (mail.attachments ?? []).map((a) => ({
    filename: a.filename,
    contentType: a.contentType,
    base64: Buffer.from(a.content).toString('base64'),
  }));
  const row = await db
    .insertInto('outbox')
    .values({
      channel: 'mail',
      kind: mail.kind,
      recipient: mail.to,
      subject: mail.subject,
      bodyText: mail.text,
      bodyHtml: mail.html ?? '',
      attachments: JSON.stringify(attachments),
      // Fixed before the first attempt: a retry after a lost answer carries the same Message-ID.
      messageId: `${randomUUID()}@turnero`,
      patientId: mail.patientId ?? null,
      appointmentId: mail.appointmentId ?? null,
      status: 'pending',
      nextAttemptAt: isoUtc(nowMs),
      lockedUntil: null,
      createdAt: isoUtc(nowMs),
      sentAt: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Leases up to `limit` due rows to this worker for `leaseMs`; a worker that dies lets them go when it ends. */
export async function claimDueMails(
  database: Database,
  nowMs: number,
  leaseMs: number,
  limit: number,
): Promise<OutboxMessage[]> {
  const now = isoUtc(nowMs);
  return database.db.transaction().execute(async (trx) => {
    const due = await skipLockedRows(
      trx
        .selectFrom('outbox')
        .select('id')
        // The same table carries SMS and WhatsApp messages: this worker takes only mails.
        .where('channel', '=', 'mail')
        .where('status', '=', 'pending')
        .where('nextAttemptAt', '<=', now)
        .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<', now)]))
        .orderBy('id')
        .limit(limit),
      database.dialect,
    ).execute();
    if (due.length === 0) return [];
    return trx
      .updateTable('outbox')
      .set({ lockedUntil: isoUtc(nowMs + leaseMs) })
      .where(
        'id',
        'in',
        due.map((r) => r.id),
      )
      .returningAll()
      .execute();
  });
}

export async function recordSent(db: Kysely<DB>, id: number, nowMs: number) {
  await db
    .updateTable('outbox')
    .set((eb) => ({ status: 'sent', sentAt: isoUtc(nowMs), lockedUntil: null, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** A failure: tried again at `retryAtMs`, or failed for good when null. */
export async function recordFailure(db: Kysely<DB>, id: number, error: string, retryAtMs: number | null) {
  await db
    .updateTable('outbox')
    .set((eb) => ({
      status: retryAtMs === null ? 'failed' : 'pending',
      ...(retryAtMs === null ? {} : { nextAttemptAt: isoUtc(retryAtMs) }),
      lockedUntil: null,
      lastError: error.slice(0, 1000),
      attempts: eb('attempts', '+', 1),
    }))
    .where('id', '=', id)
    .execute();
}

export function attachmentsOf(row: OutboxMessage): MailAttachment[] {
  const list = JSON.parse(row.attachments) as { filename: string; contentType: string; base64: string }[];
  return list.map((a) => ({
    filename: a.filename,
    contentType: a.contentType,
    content: Buffer.from(a.base64, 'base64'),
  }));
}
