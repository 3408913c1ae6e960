// Sends what the outbox holds, one mail at a time, and records each result. Several processes may run one.
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { Database } from '../db/database.js';
import type { Clock } from '../time/clock.js';
import { attachmentsOf, claimDueMails, recordFailure, recordSent } from './outbox.js';

export interface MailSender {
  send(mail: {
    from: string;
    to: string;
    subject: string;
    text: string;
    html?: string;
    messageId: string;
    attachments: { filename: string; contentType: string; content: Buffer | string }[];
  }): Promise<void>;
  close(): void;
}

export function smtpSender(smtpUrl: string): MailSender {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ ...mail, html: mail.html || undefined });
    },
    close: () => transport.close(),
  };
}

/** Back-off after each failed attempt; after the last one the mail is failed for good. */
const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000, 4 * 60 * 60_000, 12 * 60 * 60_000];
const LEASE_MS = 2 * 60_000;
const BATCH = 20;

/** 5xx SMTP answers (bad address, refused) will not get better by retrying; the rest (4xx, network) may. */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500;
}

function describe(error: unknown): string {
  const e = error as { response?: string; message?: string; code?: string };
  return e.response ?? e.message ?? e.code ?? String(error);
}

export interface MailWorkerDeps {
  database: Database;
  clock: Clock;
  sender: MailSender;
  /** The From header; read per batch so a change of the center's name shows at once. */
  from: () => Promise<string>;
  logger?: Pick<Logger, 'info' | 'warn' | 'error'>;
}

export class MailWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(private readonly deps: MailWorkerDeps) {}

  /** Sends every mail due now; resolves with how many were attempted. */
  drain(): Promise<number> {
    this.running ??= this.sendDue().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  start(pollMs: number) {
    const tick = () => {
      this.drain()
        .catch((err) => this.deps.logger?.error({ err }, 'mail worker failed'))
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
    this.deps.sender.close();
  }

  private async sendDue(): Promise<number> {
    const { database, clock, sender } = this.deps;
    let attempted = 0;
    for (;;) {
      const batch = await claimDueMails(database, clock.now(), LEASE_MS, BATCH);
      if (batch.length === 0) return attempted;
      const from = await this.deps.from();
      for (const row of batch) {
        attempted++;
        try {
          await sender.send({
            from,
            to: row.recipient,
            subject: row.subject,
            text: row.bodyText,
            html: row.bodyHtml,
            messageId: `<${row.messageId}>`,
            attachments: attachmentsOf(row),
          });
          await recordSent(database.db, row.id, clock.now());
        } catch (error) {
          const delay = RETRY_DELAYS_MS[row.attempts];
          const retryAt = isPermanent(error) || delay === undefined ? null : clock.now() + delay;
          await recordFailure(database.db, row.id, describe(error), retryAt);
          this.deps.logger?.warn({ outboxId: row.id, kind: row.kind, retry: retryAt !== null }, 'mail not sent');
        }
      }
    }
  }
}
