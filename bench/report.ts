// Plain-text report: figures, the baseline beside them, and OK/MISSED against each target (never a failure).
import os from 'node:os';
import { BROWSER_HEADERS } from './availability.js';
import type { Baseline } from './baseline.js';
import { type Check, checks, type DatabaseFigures, informational, int, ms, verdict } from './checks.js';
import type { BenchConfig } from './config.js';
import { type LoadResult, sum } from './load.js';
import { MEASURED_MONDAY } from './plan.js';

const line = (label: string, text: string) => console.log(`${label.padEnd(18)}${text}`);
const mark = (c: Check) => `target ${c.target.padEnd(10)} ${verdict(c.ok)}`;
const statuses = (s: Record<string, number>) =>
  Object.entries(s)
    .map(([status, count]) => `${status} ×${int(count)}`)
    .join(', ') || 'none';
const loadAverage = () => os.loadavg()[0]!.toFixed(2);
const mb = (bytes: number) => {
  const n = bytes / 1e6;
  return n < 10 ? n.toFixed(1) : int(n);
};
const wirePerSecond = (r: LoadResult) => (r.seconds > 0 ? r.bytes / r.seconds : 0);

/** Requests go one after another, and an entry lives cacheMs from when its computation starts. */
function computedOneAtATime(cacheMs: number, r: LoadResult): string {
  if (cacheMs <= 0) return 'the cache is off: every request computed the week';
  const about = Math.min(r.responses, Math.floor((r.seconds * 1000) / cacheMs) + 1);
  return `one request at a time, about ${int(about)} of the ${int(r.responses)} computed the week (once per ${int(cacheMs)} ms), the rest came from memory`;
}

/** Availability runs count every response, so anything but a 200 must be seen. */
function warnUnexpected(...runs: LoadResult[]) {
  const other: Record<string, number> = {};
  let errors = 0;
  for (const r of runs) {
    errors += r.errors;
    for (const [status, count] of Object.entries(r.statuses)) {
      if (status !== '200') other[status] = (other[status] ?? 0) + count;
    }
  }
  if (errors > 0 || Object.keys(other).length > 0) {
    line('', `WARNING: responses other than 200: ${statuses(other)}; connection errors: ${errors}`);
  }
}

export function printHeader(cfg: BenchConfig) {
  console.log(`Turnero benchmark${cfg.quick ? ' — QUICK (a smoke test: do not compare with the targets)' : ''}`);
  console.log(
    `node ${process.version}, ${os.cpus().length} CPUs, load average ${loadAverage()} at start, ${cfg.runSeconds} s per measured run`,
  );
  console.log('server on the main thread, load generator (autocannon) on a worker thread\n');
}

export function printBaseline(b: Baseline) {
  console.log('=== Baseline (same run) ===');
  line('hello world', 'Fastify 5, GET / → {"hello":"world"}');
  line(
    '  1 connection',
    `p50 ${ms(b.helloOne.p50Ms)}   p99 ${ms(b.helloOne.p99Ms)}   (${int(b.helloOne.perSecond)} req/s)`,
  );
  line(
    '  32 connections',
    `${int(b.helloMany.perSecond)} req/s   p50 ${ms(b.helloMany.p50Ms)}   p99 ${ms(b.helloMany.p99Ms)}`,
  );
  line(
    'raw SQLite',
    `${int(b.rawInsertsPerSecond)} single-row insert transactions/s (temp file, WAL, synchronous=FULL)`,
  );
  console.log('');
}

function printCenter(f: DatabaseFigures, cfg: BenchConfig) {
  const { plan } = f;
  const week = plan.measuredWeek;
  line(
    'center',
    `${cfg.professionals} professionals, 1 specialty, Mon–Fri 08:00–18:00 every 20 min, ${int(cfg.patients)} patients`,
  );
  line(
    '',
    `${int(plan.appointments.length)} appointments, ${plan.pastWeeks} past + ${plan.futureWeeks} future weeks, loaded in ${f.loadSeconds.toFixed(1)} s`,
  );
  line(
    '',
    `week of ${MEASURED_MONDAY}: ${int(week.booked)} of ${int(week.slots)} slots booked (${Math.round((100 * week.booked) / week.slots)}%)`,
  );
}

function printAvailability(f: DatabaseFigures, baseline: Baseline, cfg: BenchConfig) {
  const a = f.availability;
  const u = a.uncached;
  const c = checks(f, cfg);
  line('availability', `GET ${a.path}`);
  line('', `${a.professionals} professionals, ${int(a.slots)} slots, ${int(a.freeSlots)} free`);
  line(
    '',
    `${int(a.jsonBytes)} bytes of JSON; a browser receives ${int(a.transferredBytes)} bytes${a.gzipped ? ` gzipped (${((100 * a.transferredBytes) / a.jsonBytes).toFixed(1)}%)` : ', not compressed'}`,
  );
  line(
    '',
    `checked once, outside the timed runs: the ${a.gzipped ? 'gzipped body decompresses to' : 'body is'} the same JSON,`,
  );
  line('', 'which is also what the uncached app computes');
  line(
    '  production',
    `as src/main.ts builds it: the public week kept in memory for ${int(a.cacheMs)} ms (AVAILABILITY_CACHE_MS default),`,
  );
  line(
    '',
    'cleared by any successful write (none during these runs); the clock runs in real time from the planned now;',
  );
  line('', `every request sends accept-encoding: ${BROWSER_HEADERS['accept-encoding']}, as a browser does`);
  line(
    '  1 connection',
    `p50 ${ms(a.one.p50Ms).padEnd(9)} ${mark(c.p50)}   (hello world ${ms(baseline.helloOne.p50Ms)})`,
  );
  line('', `p99 ${ms(a.one.p99Ms).padEnd(9)} ${mark(c.p99)}   (hello world ${ms(baseline.helloOne.p99Ms)})`);
  line('', `slowest ${ms(a.one.maxMs)}; ${computedOneAtATime(a.cacheMs, a.one)}`);
  line(
    `  ${cfg.connections} connections`,
    `${`${int(a.many.perSecond)} req/s`.padEnd(13)} ${mark(c.rate)}   (hello world ${int(baseline.helloMany.perSecond)} req/s)`,
  );
  line('', `p50 ${ms(a.many.p50Ms)}, p99 ${ms(a.many.p99Ms)}, slowest ${ms(a.many.maxMs)}`);
  line(
    '',
    `${mb(wirePerSecond(a.many))} MB/s on the wire (${int(a.many.bytes / Math.max(1, a.many.responses))} bytes a response, headers included), ${mb(a.many.perSecond * a.jsonBytes)} MB/s once decompressed`,
  );
  if (a.cacheMs > 0) {
    line('', 'when the entry expires, every request that arrives while the week is computed computes it too');
  }
  warnUnexpected(a.one, a.many);
  line(
    '  no cache',
    `informational, no target: a second app on the same database, availabilityCacheMs ${u.cacheMs}, no gzip;`,
  );
  line(
    '',
    'every request computes the week, as one that bypasses the cache does (staff views, API clients with a token)',
  );
  line('  1 connection', `p50 ${ms(u.one.p50Ms)}   p99 ${ms(u.one.p99Ms)}   (${int(u.one.perSecond)} req/s)`);
  line(
    `  ${cfg.connections} connections`,
    `${int(u.many.perSecond)} req/s   p50 ${ms(u.many.p50Ms)}, p99 ${ms(u.many.p99Ms)}; ${mb(u.many.perSecond * a.jsonBytes)} MB/s of JSON`,
  );
  warnUnexpected(u.one, u.many);
}

function printBookings(f: DatabaseFigures, baseline: Baseline, cfg: BenchConfig) {
  const { run, warmup, added } = f.bookings;
  const c = checks(f, cfg);
  const created = run.statuses['201'] ?? 0;
  const other = Object.fromEntries(Object.entries(run.statuses).filter(([s]) => s !== '201'));
  line(
    'bookings',
    `POST /api/v1/appointments, staff admin token, ${cfg.connections} connections, a different free slot each`,
  );
  line(
    '',
    `${int(run.responses)} requests (autocannon amount, every response awaited) in ${run.seconds.toFixed(1)} s, after ${int(warmup.responses)} warm-up`,
  );
  line(
    '  committed',
    `${c.bookings.value.padEnd(13)} ${mark(c.bookings)}   (raw SQLite inserts ${int(baseline.rawInsertsPerSecond)}/s)`,
  );
  line(
    '',
    `p50 ${ms(run.p50Ms)}, p99 ${ms(run.p99Ms)}; 201 ×${int(created)}; other statuses: ${statuses(other)}; errors: ${run.errors}`,
  );
  line(
    '',
    `the database gained ${int(added)} appointments: ${added === created ? 'exactly the 201 count' : 'NOT the 201 count'}`,
  );
}

function printRace(f: DatabaseFigures, cfg: BenchConfig) {
  const { result, activeOnSlot } = f.race;
  const c = checks(f, cfg);
  line(
    'same slot',
    `${int(result.responses)} POSTs at once for one free slot: ${statuses(result.statuses)}; connection errors: ${result.errors}`,
  );
  line(
    '',
    `5xx: ${sum(result.statuses, (s) => s >= 500)}; active appointments on the slot afterwards: ${activeOnSlot}   ${mark(c.race)}`,
  );
}

export function printDatabase(f: DatabaseFigures, baseline: Baseline, cfg: BenchConfig) {
  console.log(`=== ${f.label} ===`);
  printCenter(f, cfg);
  printAvailability(f, baseline, cfg);
  printBookings(f, baseline, cfg);
  printRace(f, cfg);
  console.log('');
}

export function printSummary(all: DatabaseFigures[], cfg: BenchConfig) {
  console.log(`=== Targets === (load average ${loadAverage()} at the end)`);
  const columns = all.map((f) => ({
    name: f.name,
    checks: Object.values(checks(f, cfg)),
    info: informational(f, cfg),
  }));
  const first = columns[0];
  if (!first) return;
  const rows = [
    ...first.checks.map((check, i) => ({
      label: `${check.name} (${check.target})`,
      cells: columns.map((c) => `${c.checks[i]!.value.padEnd(12)}${verdict(c.checks[i]!.ok).padEnd(10)}`),
    })),
    ...first.info.map((info, i) => ({
      label: info.name,
      cells: columns.map((c) => `${c.info[i]!.value.padEnd(12)}${'—'.padEnd(10)}`),
    })),
  ];
  const width = Math.max(...rows.map((r) => r.label.length)) + 2;
  console.log(`${''.padEnd(width)}${columns.map((c) => c.name.padEnd(22)).join('')}`);
  for (const row of rows) console.log(`${row.label.padEnd(width)}${row.cells.join('')}`);
  const cacheMs = all[0]!.availability.cacheMs;
  console.log(
    `production: the app as src/main.ts builds it (public availability kept in memory ${int(cacheMs)} ms, gzip to browsers);`,
  );
  console.log('no cache: the week computed on every request, without gzip: information, judged against no target');
}
