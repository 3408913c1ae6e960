// The server process: config -> database -> migrate (and demo on first start) -> HTTP; graceful shutdown.
import pino from 'pino';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import type { AppContext } from './context.js';
import { DEMO_PASSWORD, loadDemo } from './demo/load-demo.js';
import { configuredSenders } from './modules/messaging/channel-senders.js';
import { findChannelRow } from './modules/messaging/channels.repo.js';
import { reminderScheduler } from './modules/messaging/reminder-rules.service.js';
import { staleReminders } from './modules/messaging/stale-reminders.js';
import { createDb } from './platform/db/database.js';
import { sqliteFileExists } from './platform/db/dialect.js';
import { migrateToLatest, pendingMigrations } from './platform/db/migrate.js';
import { OutboxWorker } from './platform/outbox/worker.js';
import { createFileStore } from './platform/storage/create-store.js';
import { systemClock } from './platform/time/clock.js';

export function createLogger(config: Config) {
  return pino({
    level: config.logLevel,
    // Query strings can carry a DNI; headers carry tokens: neither is logged.
    redact: ['req.headers.authorization', 'req.headers.cookie'],
    serializers: {
      req: (req: { method: string; url: string }) => ({ method: req.method, path: req.url.split('?')[0] }),
    },
  });
}

/** How often the worker looks for new messages in the outbox. */
const OUTBOX_POLL_MS = 2000;

export interface ServeOptions {
  /** Apply pending migrations first (npm start); without it, refuse to serve an outdated database. */
  migrate: boolean;
}

export async function serve(config: Config, options: ServeOptions) {
  const logger = createLogger(config);
  const firstStart = config.database.dialect === 'sqlite' && !sqliteFileExists(config.database);
  const database = createDb(config.database, { poolSize: config.databasePoolSize });
  const ctx: AppContext = {
    database,
    clock: systemClock,
    web: config.web,
    files: createFileStore(config.files),
    secretsKey: config.secretsKey ?? undefined,
  };

  if (options.migrate) {
    const applied = await migrateToLatest(database);
    if (applied.length) logger.info({ migrations: applied }, 'database migrated');
  } else {
    const pending = await pendingMigrations(database);
    if (pending.length) {
      await database.close();
      throw new Error(`La base de datos no está al día (${pending.join(', ')}). Ejecutá: turnero migrate`);
    }
  }
  if (firstStart && config.demo) {
    const summary = await loadDemo(ctx, { nowMs: ctx.clock.now() });
    const { webPatient, staffUsers, ...counts } = summary;
    logger.info(
      counts,
      'New database: loaded the demo center "CENTRO MEDICO DEMO" (set TURNERO_DEMO=false to start empty). ' +
        'Create a staff API token with: bin/turnero api-token create --name demo --role admin',
    );
    logger.info(
      `Personal de prueba en /staff (contraseña ${DEMO_PASSWORD}): ${staffUsers.map((u) => `${u.username} (${u.role})`).join(', ')}`,
    );
    if (webPatient) {
      logger.info(
        `Paciente de prueba para la web: DNI ${webPatient.dni}, contraseña ${webPatient.password} (${webPatient.name})`,
      );
    }
  }

  const app = await buildApp(ctx, {
    logger,
    trustProxy: config.trustProxy,
    availabilityCacheMs: config.availabilityCacheMs,
  });
  await app.listen({ port: config.port, host: config.host });
  const port = (app.server.address() as { port: number }).port;
  const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const outboxWorker = new OutboxWorker({
    database,
    clock: ctx.clock,
    senders: configuredSenders(ctx, { smtpUrl: config.mail.smtpUrl, mailFrom: config.mail.from }),
    // Links in automatic reminders use PUBLIC_URL when set; this address only serves a local demo.
    beforeCycle: reminderScheduler(ctx, { baseUrl: `http://${shown}:${port}`, everyMs: 60_000, logger }),
    staleReasons: staleReminders,
    logger,
  });
  outboxWorker.start(OUTBOX_POLL_MS);
  if (!config.mail.smtpUrl && !(await findChannelRow(database.db, 'mail'))) {
    logger.warn(
      'No hay servidor de mail: los mails esperan en la cola hasta que se defina SMTP_URL o se cargue uno en /staff (Mails y SMS → Configurar envíos)',
    );
  }
  if (!config.web.publicUrl && !['127.0.0.1', 'localhost', '::1'].includes(config.host)) {
    // Without it, links in mails take the host a request named, which a stranger can choose.
    logger.warn(
      'PUBLIC_URL no está configurado: definila (ej. https://turnos.micentro.com.ar) para los enlaces de los mails',
    );
  }
  logger.info(`Turnero listo en http://${shown}:${port} (API: http://${shown}:${port}/api/docs)`);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    const timer = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, config.shutdownGraceMs);
    timer.unref();
    await app.close();
    await outboxWorker.stop();
    await database.close();
    logger.info('stopped');
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  return { app, port, shutdown };
}
