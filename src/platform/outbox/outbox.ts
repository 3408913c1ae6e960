// The transactional outbox: a message (mail, SMS, WhatsApp) is a row written with its cause; the worker sends
// rows and records each result. It is also the send log: nothing is sent that is not a row here.
import { randomUUID } from 'node:crypto';
import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { Database } from '../db/database.js';
import { skipLockedRows } from '../db/dialect.js';
import type { DB, MessageChannel, OutboxMessage, OutboxTable } from '../db/schema.js';
import { isoUtc } from '../time/zone.js';

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer | string;
}

/** What every message may say about where it came from; the send log shows it. */
export interface MessageOrigin {
  /** What caused it: activation, password_reset, booking_confirmation, reminder… */
  kind: string;
  patientId?: number | null;
  appointmentId?: number | null;
  batchId?: number | null;
  templateId?: number | null;
  reminderRuleId?: number | null;
  /** The staff user's name, "automático", or "web" for the patient's own actions. */
  sentBy?: string;
  /** Past it, the message is failed instead of sent late (a reminder after its turno). */
  deadlineMs?: number | null;
}

export interface OutgoingMail extends MessageOrigin {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: MailAttachment[];
}

export interface OutgoingText extends MessageOrigin {
  channel: 'sms' | 'whatsapp';
  /** E.164 mobile number. */
  to: string;
  /** The text as sent (SMS), or the approved template rendered for the log (WhatsApp). */
  text: string;
  /** WhatsApp: { name, language, bodyParameters }. */
  payload?: unknown;
}

export type OutgoingMessage = OutgoingMail | OutgoingText;

/** The row of one message; exported for inserts with their own conflict rule (a reminder rule queues a turno once). */
export function outboxRow(message: OutgoingMessage, nowMs: number): Insertable<OutboxTable> {
  const isMail = !('channel' in message);
  const attachments = isMail
    ? (message.attachments ?? []).map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        base64: Buffer.from(a.content).toString('base64'),
      }))
    : [];
  return {
    channel: isMail ? 'mail' : message.channel,
    kind: message.kind,
    recipient: message.to,
    subject: isMail ? message.subject : '',
    bodyText: message.text,
    bodyHtml: isMail ? (message.html ?? '') : '',
    attachments: JSON.stringify(attachments),
    payload: JSON.stringify(isMail ? {} : (message.payload ?? {})),
    // Fixed before the first attempt: a retry after a lost answer carries the same Message-ID.
    messageId: `${randomUUID()}@turnero`,
    patientId: message.patientId ?? null,
    appointmentId: message.appointmentId ?? null,
    batchId: message.batchId ?? null,
    templateId: message.templateId ?? null,
    reminderRuleId: message.reminderRuleId ?? null,
    sentBy: message.sentBy ?? '',
    deadlineAt: message.deadlineMs == null ? null : isoUtc(message.deadlineMs),
    status: 'pending',
    nextAttemptAt: isoUtc(nowMs),
    lockedUntil: null,
    createdAt: isoUtc(nowMs),
    sentAt: null,
  };
}

/** Call inside the transaction that causes the message: both are kept, or neither. */
export async function enqueueMessages(db: Kysely<DB>, messages: OutgoingMessage[], nowMs: number): Promise<number[]> {
  const ids: number[] = [];
  // Chunks keep each statement under SQLite's bound-parameter limit.
  for (let i = 0; i < messages.length; i += 200) {
    const rows = messages.slice(i, i + 200).map((m) => outboxRow(m, nowMs));
    const inserted = await db.insertInto('outbox').values(rows).returning('id').execute();
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}

/** Call inside the transaction that causes the mail: both are kept, or neither. */
export async function enqueueMail(db: Kysely<DB>, mail: OutgoingMail, nowMs: number): Promise<number> {
  const [id] = await enqueueMessages(db, [mail], nowMs);
  return id as number;
}

export const EXPIRED_ERROR = 'No se envió antes de su plazo (el turno ya pasó o el envío venció)';

/**
 * Fails pending rows past their deadline, of every channel (one whose sender is not configured too), so the
 * send log says so instead of showing them pending forever. Once per worker cycle: it reads every pending
 * row, and claimDue already skips expired ones.
 */
export async function failExpired(database: Database, nowMs: number): Promise<void> {
  const now = isoUtc(nowMs);
  await database.db
    .updateTable('outbox')
    .set((eb) => ({
      status: 'failed',
      lockedUntil: null,
      lastError: sql<string>`${`${EXPIRED_ERROR}. `} || ${eb.ref('lastError')}`,
    }))
    .where('status', '=', 'pending')
    .where('deadlineAt', '<', now)
    .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<', now)]))
    .execute();
}

/**
 * Leases up to `limit` due rows of these channels to this worker for `leaseMs`; a worker that dies lets
 * them go when the lease ends. A row past its deadline is never taken: failExpired fails it.
 */
export async function claimDue(
  database: Database,
  options: { nowMs: number; leaseMs: number; limit: number; channels: MessageChannel[] },
): Promise<OutboxMessage[]> {
  const now = isoUtc(options.nowMs);
  if (options.channels.length === 0) return [];
  return database.db.transaction().execute(async (trx) => {
    const due = await skipLockedRows(
      trx
        .selectFrom('outbox')
        .select('id')
        .where('channel', 'in', options.channels)
        .where('status', '=', 'pending')
        .where('nextAttemptAt', '<=', now)
        .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<', now)]))
        .where((eb) => eb.or([eb('deadlineAt', 'is', null), eb('deadlineAt', '>=', now)]))
        // The due index's own order (SQLite's indexes end with the rowid): no sort of every pending row per batch.
        .orderBy('nextAttemptAt')
        .orderBy('id')
        .limit(options.limit),
      database.dialect,
    ).execute();
    if (due.length === 0) return [];
    return trx
      .updateTable('outbox')
      .set({ lockedUntil: isoUtc(options.nowMs + options.leaseMs) })
      .where(
        'id',
        'in',
        due.map((r) => r.id),
      )
      .returningAll()
      .execute();
  });
}

/** Rows the worker was told not to send (see OutboxWorkerDeps.staleReasons), each with the reason kept. */
export async function recordCancelled(database: Database, reasons: Map<number, string>) {
  if (reasons.size === 0) return;
  const byReason = new Map<string, number[]>();
  for (const [id, reason] of reasons) byReason.set(reason, [...(byReason.get(reason) ?? []), id]);
  await database.db.transaction().execute(async (trx) => {
    for (const [reason, ids] of byReason) {
      await trx
        .updateTable('outbox')
        .set({ status: 'cancelled', lockedUntil: null, lastError: reason })
        .where('id', 'in', ids)
        .execute();
    }
  });
}

export type SendOutcome =
  | { id: number; sent: true; providerId?: string }
  /** retryAtMs null: failed for good. */
  | { id: number; sent: false; error: string; retryAtMs: number | null };

/** What one outcome writes to its row, besides releasing the lease and counting the attempt. */
function resultOf(outcome: SendOutcome, sentAt: string): Updateable<OutboxTable> {
  if (outcome.sent) return { status: 'sent', sentAt, providerId: outcome.providerId ?? '' };
  const lastError = outcome.error.slice(0, 1000);
  if (outcome.retryAtMs === null) return { status: 'failed', lastError };
  return { status: 'pending', lastError, nextAttemptAt: isoUtc(outcome.retryAtMs) };
}

/** Records a worker's results in one transaction: one write per batch instead of one per message. */
export async function recordOutcomes(database: Database, outcomes: SendOutcome[], nowMs: number) {
  if (outcomes.length === 0) return;
  const sentAt = isoUtc(nowMs);
  const write = (trx: Kysely<DB>, ids: number[], result: Updateable<OutboxTable>) =>
    trx
      .updateTable('outbox')
      .set((eb) => ({ ...result, lockedUntil: null, attempts: eb('attempts', '+', 1) }))
      .where('id', 'in', ids)
      .execute();
  await database.db.transaction().execute(async (trx) => {
    // Every plain sent row in one statement (one round trip on PostgreSQL); a provider's id, and a failure's
    // own error and retry time, row by row.
    const plain = outcomes.filter((o) => o.sent && !o.providerId).map((o) => o.id);
    if (plain.length > 0) await write(trx, plain, { status: 'sent', sentAt });
    for (const outcome of outcomes) {
      if (!outcome.sent || outcome.providerId) await write(trx, [outcome.id], resultOf(outcome, sentAt));
    }
  });
}

export function attachmentsOf(row: OutboxMessage): MailAttachment[] {
  const list = JSON.parse(row.attachments) as { filename: string; contentType: string; base64: string }[];
  return list.map((a) => ({
    filename: a.filename,
    contentType: a.contentType,
    content: Buffer.from(a.base64, 'base64'),
  }));
}
