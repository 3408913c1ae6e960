// Sends what the outbox holds and records each result. Several processes may run one: rows are leased.

import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/database.js';
import type { DB, MessageChannel, OutboxMessage } from '../db/schema.js';
import type { MailSender } from '../mail/smtp.js';
import { DeliveryError, type E164, type SmsProvider } from '../sms/provider.js';
import type { Clock } from '../time/clock.js';
import type { WhatsAppSender, WhatsAppTemplate } from '../whatsapp/cloud-api.js';
import { attachmentsOf, claimDue, failExpired, recordCancelled, recordOutcomes, type SendOutcome } from './outbox.js';

export interface MailChannel {
  sender: MailSender;
  /** The From header: "Centro Médico <turnos@centro.com.ar>". */
  from: string;
  replyTo?: string;
}

/** The channels configured now; a channel left out keeps its messages waiting, not failing. */
export interface ChannelSenders {
  mail?: MailChannel;
  sms?: SmsProvider;
  whatsapp?: WhatsAppSender;
}

export interface SenderSource {
  /** Read at the start of every cycle, so a change on the configuration page applies without a restart. */
  current(): Promise<ChannelSenders>;
  close(): void;
}

/** Back-off after each failed attempt; after the last one the message is failed for good. */
const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000, 4 * 60 * 60_000, 12 * 60 * 60_000];

function isPermanent(error: unknown): boolean {
  if (error instanceof DeliveryError) return !error.temporary;
  // 5xx SMTP answers (bad address, refused) will not get better by retrying; the rest (4xx, network) may.
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500;
}

function describe(error: unknown): string {
  if (error instanceof DeliveryError) return error.answer ? `${error.message}: ${error.answer}` : error.message;
  const e = error as { response?: string; message?: string; code?: string };
  return e.response ?? e.message ?? e.code ?? String(error);
}

export interface OutboxWorkerDeps {
  database: Database;
  clock: Clock;
  senders: SenderSource;
  logger?: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** Work done at the start of every cycle, e.g. queuing automatic reminders that fell due. */
  beforeCycle?: () => Promise<void>;
  /**
   * Claimed rows that must not be sent any more, with the reason the send log shows (a reminder whose turno
   * was cancelled or moved): the module that knows what a message is about decides, not the outbox.
   */
  staleReasons?: (db: Kysely<DB>, rows: OutboxMessage[]) => Promise<Map<number, string>>;
  /** How long a claimed row stays this worker's; after that another worker may take it. */
  leaseMs?: number;
  /**
   * Rows claimed at once, and their results recorded in one transaction (default 100: sending pauses while a
   * batch is claimed and recorded, and on PostgreSQL 50 left a fifth of the pooled transport's rate unused).
   */
  batchSize?: number;
  /** Messages in flight at once (the SMTP pool holds as many connections). */
  concurrency?: number;
}

export class OutboxWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(private readonly deps: OutboxWorkerDeps) {}

  /** Sends every message due now; resolves with how many were attempted. */
  drain(): Promise<number> {
    this.running ??= this.sendDue().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  start(pollMs: number) {
    const tick = () => {
      this.drain()
        .catch((err) => this.deps.logger?.error({ err }, 'outbox worker failed'))
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, pollMs);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
    this.deps.senders.close();
  }

  private async sendDue(): Promise<number> {
    const { database, clock } = this.deps;
    await this.deps.beforeCycle?.();
    await failExpired(database, clock.now());
    // Once per cycle, like the expiry sweep: the loop below runs per batch, which is the hot path of a large send.
    const senders = await this.deps.senders.current();
    const channels = (['mail', 'sms', 'whatsapp'] as const).filter((c) => senders[c]);
    let attempted = 0;
    for (;;) {
      const batch = await claimDue(database, {
        nowMs: clock.now(),
        leaseMs: this.deps.leaseMs ?? 2 * 60_000,
        limit: this.deps.batchSize ?? 100,
        channels,
      });
      if (batch.length === 0) return attempted;
      const stale = (await this.deps.staleReasons?.(database.db, batch)) ?? new Map<number, string>();
      await recordCancelled(database, stale);
      const live = stale.size === 0 ? batch : batch.filter((row) => !stale.has(row.id));
      attempted += live.length;
      const outcomes = await this.sendAll(live, senders);
      await recordOutcomes(database, outcomes, clock.now());
    }
  }

  private async sendAll(rows: OutboxMessage[], senders: ChannelSenders): Promise<SendOutcome[]> {
    const outcomes: SendOutcome[] = [];
    let next = 0;
    const lane = async () => {
      for (let row = rows[next++]; row; row = rows[next++]) outcomes.push(await this.sendOne(row, senders));
    };
    await Promise.all(Array.from({ length: this.deps.concurrency ?? 5 }, lane));
    return outcomes;
  }

  private async sendOne(row: OutboxMessage, senders: ChannelSenders): Promise<SendOutcome> {
    try {
      const providerId = await deliver(row, senders);
      return { id: row.id, sent: true, ...(providerId ? { providerId } : {}) };
    } catch (error) {
      const delay = RETRY_DELAYS_MS[row.attempts];
      const askedMs = error instanceof DeliveryError ? (error.retryAfterMs ?? 0) : 0;
      const retryAtMs =
        isPermanent(error) || delay === undefined ? null : this.deps.clock.now() + Math.max(delay, askedMs);
      this.deps.logger?.warn({ outboxId: row.id, kind: row.kind, retry: retryAtMs !== null }, 'message not sent');
      return { id: row.id, sent: false, error: describe(error), retryAtMs };
    }
  }
}

/** Hands one row to its channel; resolves with the provider's id of the message, when it gives one. */
async function deliver(row: OutboxMessage, senders: ChannelSenders): Promise<string | undefined> {
  const options = { messageId: row.messageId };
  const channel: MessageChannel = row.channel;
  if (channel === 'mail') {
    const mail = senders.mail as MailChannel;
    await mail.sender.send({
      from: mail.from,
      replyTo: mail.replyTo,
      to: row.recipient,
      subject: row.subject,
      text: row.bodyText,
      html: row.bodyHtml,
      messageId: `<${row.messageId}>`,
      attachments: attachmentsOf(row),
    });
    return undefined;
  }
  if (channel === 'sms')
    return (await (senders.sms as SmsProvider).send(row.recipient as E164, row.bodyText, options)).providerId;
  const template = JSON.parse(row.payload) as WhatsAppTemplate;
  return (await (senders.whatsapp as WhatsAppSender).sendTemplate(row.recipient as E164, template, options)).providerId;
}

/** Senders fixed at start (SMTP_URL, tests): no configuration page involved. */
export function fixedSenders(senders: ChannelSenders): SenderSource {
  return {
    current: async () => senders,
    close: () => senders.mail?.sender.close(),
  };
}
