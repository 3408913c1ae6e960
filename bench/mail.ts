// npm run bench:mail: 10,000 reminder mails through the outbox and its worker to a local SMTP sink, on
// SQLite and (with BENCH_DATABASE_URL=postgres://…) PostgreSQL. Baseline from the same run: the same mails
// sent by the same pooled transport straight to the sink, no database — the sink's own accept rate as this
// client can reach it. Prints figures and memory during the batch; never fails on a target.
import { performance } from 'node:perf_hooks';
import { SMTPServer } from 'smtp-server';
import { renderMessage } from '../src/modules/messaging/template-render.js';
import type { MessageTemplate } from '../src/platform/db/schema.js';
import { smtpSender } from '../src/platform/mail/smtp.js';
import { enqueueMessages, type OutgoingMail } from '../src/platform/outbox/outbox.js';
import { fixedSenders, OutboxWorker } from '../src/platform/outbox/worker.js';
import { type BenchDatabase, freshPostgres, freshSqlite } from './databases.js';

const COUNT = Number(process.env.BENCH_MAILS ?? (process.env.BENCH_QUICK ? 1_000 : 10_000));
const TARGET_PER_SECOND = 500;
const FROM = '"Centro Médico Demo" <turnos@centro.test>';
const progress = (message: string) => process.stderr.write(`… ${message}\n`);
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const mb = (bytes: number) => (bytes / 1e6).toFixed(1);

const TEMPLATE: Pick<MessageTemplate, 'channel' | 'title' | 'body' | 'waTemplate' | 'waLanguage'> = {
  channel: 'mail',
  title: 'Recordatorio de su turno en [[CENTRO]]',
  body:
    'Hola [[PACIENTE]]:\nLe recordamos su turno del [[FECHA]] a las [[HORA]] con [[PROFESIONAL]] ([[ESPECIALIDAD]]).\n' +
    'Dirección: [[DIRECCION]]. Teléfono: [[TELEFONO]].\nConfirmar: [[CONFIRMAR]]\nCancelar: [[CANCELAR]]\n',
  waTemplate: '',
  waLanguage: '',
};

function reminderMails(count: number): OutgoingMail[] {
  return Array.from({ length: count }, (_, i) => {
    const message = renderMessage(TEMPLATE, {
      PACIENTE: `Paciente Número ${i}`,
      FECHA: 'lunes 30/11',
      HORA: '09:40',
      PROFESIONAL: 'GARCÍA Ana',
      ESPECIALIDAD: 'Cardiología',
      CENTRO: 'Centro Médico Demo',
      DIRECCION: 'Av. Siempre Viva 742',
      TELEFONO: '011 4321-1234',
      CONFIRMAR: `https://turnos.centro.test/turno/confirmar?token=${String(i).padStart(43, 'x')}`,
      CANCELAR: `https://turnos.centro.test/turno/cancelar?token=${String(i).padStart(43, 'y')}`,
    });
    return { kind: 'reminder', to: `paciente${i}@example.com`, ...message };
  });
}

/** Accepts everything and only counts: the sink must not be what is measured. */
async function startSink() {
  const arrivals: number[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        arrivals.push(performance.now());
        callback();
      });
    },
  });
  server.on('error', () => {}); // a client's dropped connection is not the sink's failure
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };
  return { url: `smtp://127.0.0.1:${port}`, arrivals, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** Mails per second in each whole second of the run: "sustained" is the slowest of them. */
function perSecond(times: number[], start: number): number[] {
  const buckets: number[] = [];
  for (const t of times) {
    const second = Math.floor((t - start) / 1000);
    buckets[second] = (buckets[second] ?? 0) + 1;
  }
  // The last, partial second says nothing about the rate.
  return Array.from(buckets.slice(0, -1), (n) => n ?? 0);
}

function describeRun(label: string, count: number, seconds: number, perSec: number[]) {
  const slowest = perSec.length ? Math.min(...perSec) : count / seconds;
  console.log(
    `${label.padEnd(34)}${int(count / seconds).padStart(7)} mails/s over ${seconds.toFixed(2)} s` +
      `   slowest whole second ${int(slowest)}/s (${perSec.length} whole seconds)`,
  );
  return slowest;
}

async function baseline(mails: OutgoingMail[]) {
  const sink = await startSink();
  const sender = smtpSender(sink.url);
  try {
    const start = performance.now();
    let next = 0;
    const lane = async () => {
      for (let m = mails[next++]; m; m = mails[next++]) {
        await sender.send({
          from: FROM,
          to: m.to,
          subject: m.subject,
          text: m.text,
          html: m.html ?? '',
          messageId: `<b${next}@bench>`,
          attachments: [],
        });
      }
    };
    await Promise.all(Array.from({ length: 5 }, lane));
    const seconds = (performance.now() - start) / 1000;
    return { seconds, perSec: perSecond(sink.arrivals, start) };
  } finally {
    sender.close();
    await sink.close();
  }
}

async function outboxRun(bench: BenchDatabase, mails: OutgoingMail[]) {
  const sink = await startSink();
  const clock = { now: () => Date.now() };
  try {
    const queueStart = performance.now();
    await bench.database.db.transaction().execute((trx) => enqueueMessages(trx, mails, clock.now()));
    const queueSeconds = (performance.now() - queueStart) / 1000;
    global.gc?.();
    const memory: { heap: number; rss: number }[] = [];
    const sample = () => memory.push({ heap: process.memoryUsage().heapUsed, rss: process.memoryUsage().rss });
    sample();
    const timer = setInterval(sample, 250);
    const worker = new OutboxWorker({
      database: bench.database,
      clock,
      senders: fixedSenders({ mail: { sender: smtpSender(sink.url), from: FROM } }),
    });
    const start = performance.now();
    const attempted = await worker.drain();
    const seconds = (performance.now() - start) / 1000;
    clearInterval(timer);
    sample();
    await worker.stop();
    const sent = await bench.database.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'sent')
      .executeTakeFirstOrThrow();
    return {
      queueSeconds,
      seconds,
      attempted,
      sent: Number(sent.n),
      arrived: sink.arrivals.length,
      perSec: perSecond(sink.arrivals, start),
      memory,
    };
  } finally {
    await sink.close();
  }
}

function describeMemory(memory: { heap: number; rss: number }[]) {
  const heaps = memory.map((m) => m.heap);
  const rss = memory.map((m) => m.rss);
  const third = Math.max(1, Math.floor(memory.length / 3));
  const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  console.log(
    `${'  memory during the batch'.padEnd(34)}heap ${mb(Math.min(...heaps))}–${mb(Math.max(...heaps))} MB ` +
      `(first third avg ${mb(avg(heaps.slice(0, third)))}, last third avg ${mb(avg(heaps.slice(-third)))}), ` +
      `RSS ${mb(Math.min(...rss))}–${mb(Math.max(...rss))} MB, ${memory.length} samples`,
  );
}

async function main() {
  const mails = reminderMails(COUNT);
  console.log(
    `Outbox mail benchmark: ${int(COUNT)} reminder mails (${int(mails[0]!.text.length)} characters of text + HTML each), pooled SMTP (5 connections), loopback sink`,
  );
  console.log(`node ${process.version}, target ≥ ${TARGET_PER_SECOND} mails/s sustained\n`);
  progress('baseline: the same mails straight to the sink');
  await baseline(mails.slice(0, Math.min(COUNT, 2000))); // warm-up
  const base = await baseline(mails);
  describeRun('baseline (transport → sink)', COUNT, base.seconds, base.perSec);
  const targets: (() => Promise<BenchDatabase>)[] = [freshSqlite];
  const pgUrl = process.env.BENCH_DATABASE_URL;
  if (pgUrl) targets.push(() => freshPostgres(pgUrl));
  for (const make of targets) {
    const bench = await make();
    try {
      progress(`${bench.name}: queue and send`);
      const run = await outboxRun(bench, mails);
      console.log(`\n${bench.label}`);
      console.log(
        `${'  queued in one transaction'.padEnd(34)}${run.queueSeconds.toFixed(2)} s (${int(COUNT / run.queueSeconds)} rows/s)`,
      );
      const slowest = describeRun('  outbox worker → sink', run.sent, run.seconds, run.perSec);
      console.log(
        `${'  result'.padEnd(34)}${int(run.sent)} recorded sent, ${int(run.arrived)} arrived; ` +
          `${((run.sent / run.seconds / (COUNT / base.seconds)) * 100).toFixed(0)}% of the baseline; ` +
          `target ≥ ${TARGET_PER_SECOND}/s sustained: ${slowest >= TARGET_PER_SECOND ? 'OK' : 'MISSED'}`,
      );
      describeMemory(run.memory);
    } finally {
      await bench.drop();
    }
  }
}

await main();
