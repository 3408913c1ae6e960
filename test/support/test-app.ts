import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { defaultWebConfig, type WebConfig } from '../../src/config.js';
import type { AppContext } from '../../src/context.js';
import { configuredSenders } from '../../src/modules/messaging/channel-senders.js';
import { staleReminders } from '../../src/modules/messaging/stale-reminders.js';
import { createApiToken } from '../../src/modules/staff/api-tokens.service.js';
import type { DialectName } from '../../src/platform/db/dialect.js';
import type { StaffRole } from '../../src/platform/db/schema.js';
import { OutboxWorker } from '../../src/platform/outbox/worker.js';
import { LocalFileStore } from '../../src/platform/storage/local-store.js';
import { fixedClock } from '../../src/platform/time/clock.js';
import { SmtpSink } from './smtp-sink.js';
import { createTestDatabase, type TestDatabase } from './test-db.js';

/** Monday 2026-11-23 09:00 in Buenos Aires (12:00 UTC): a working morning. */
export const MONDAY_9AM = Date.UTC(2026, 10, 23, 12, 0);

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  clock: ReturnType<typeof fixedClock>;
  testDb: TestDatabase;
  /** Authorization headers of a fresh staff token with that role. */
  auth(role?: StaffRole, professionalId?: number): Promise<Record<string, string>>;
  /** Sends every mail due in the outbox to a real SMTP server on loopback and returns that server. */
  sendMails(): Promise<SmtpSink>;
  close(): Promise<void>;
}

export async function buildTestApp(
  dialect: DialectName,
  options: { now?: number; availabilityCacheMs?: number; web?: Partial<WebConfig> } = {},
): Promise<TestApp> {
  const testDb = await createTestDatabase(dialect);
  const clock = fixedClock(options.now ?? MONDAY_9AM);
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'turnero-files-'));
  const ctx: AppContext = {
    database: testDb.database,
    clock,
    web: { ...defaultWebConfig, ...options.web },
    files: new LocalFileStore(filesDir),
  };
  const app = await buildApp(ctx, { validateResponses: true, availabilityCacheMs: options.availabilityCacheMs ?? 0 });
  let mail: { sink: SmtpSink; worker: OutboxWorker } | undefined;
  return {
    app,
    ctx,
    clock,
    testDb,
    auth: async (role = 'admin', professionalId) => {
      const { token } = await createApiToken(ctx, {
        name: `test-${role}`,
        role,
        professionalId: professionalId ?? null,
      });
      return { authorization: `Bearer ${token}` };
    },
    sendMails: async () => {
      if (!mail) {
        const sink = await SmtpSink.start();
        const worker = new OutboxWorker({
          database: ctx.database,
          clock,
          senders: configuredSenders(ctx, { smtpUrl: sink.url, mailFrom: '' }),
          staleReasons: staleReminders,
        });
        mail = { sink, worker };
      }
      await mail.worker.drain();
      return mail.sink;
    },
    close: async () => {
      await mail?.worker.stop();
      await mail?.sink.close();
      await app.close();
      await testDb.drop();
      fs.rmSync(filesDir, { recursive: true, force: true });
    },
  };
}
