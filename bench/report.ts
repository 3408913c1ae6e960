// Plain-text report: figures, the baseline beside them, and OK/MISSED against each target (never a failure).
import os from 'node:os';
import type { Baseline } from './baseline.js';
import { type Check, checks, type DatabaseFigures, int, ms, verdict } from './checks.js';
import type { BenchConfig } from './config.js';
import { sum } from './load.js';
import { MEASURED_MONDAY } from './plan.js';

const line = (label: string, text: string) => console.log(`${label.padEnd(18)}${text}`);
const mark = (c: Check) => `target ${c.target.padEnd(10)} ${verdict(c.ok)}`;
const statuses = (s: Record<string, number>) =>
  Object.entries(s)
    .map(([status, count]) => `${status} ×${int(count)}`)
    .join(', ') || 'none';
const loadAverage = () => os.loadavg()[0]!.toFixed(2);

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
  const c = checks(f, cfg);
  const url = new URL(a.url);
  line('availability', `GET ${url.pathname}${url.search}`);
  line(
    '',
    `${int(a.responseBytes)} bytes: ${a.professionals} professionals, ${int(a.slots)} slots, ${int(a.freeSlots)} free`,
  );
  line(
    '  1 connection',
    `p50 ${ms(a.one.p50Ms).padEnd(9)} ${mark(c.p50)}   (hello world ${ms(baseline.helloOne.p50Ms)})`,
  );
  line('', `p99 ${ms(a.one.p99Ms).padEnd(9)} ${mark(c.p99)}   (hello world ${ms(baseline.helloOne.p99Ms)})`);
  line(
    `  ${cfg.connections} connections`,
    `${`${int(a.many.perSecond)} req/s`.padEnd(13)} ${mark(c.rate)}   (hello world ${int(baseline.helloMany.perSecond)} req/s)`,
  );
  line(
    '',
    `p50 ${ms(a.many.p50Ms)}, p99 ${ms(a.many.p99Ms)}, ${int((a.many.perSecond * a.responseBytes) / 1e6)} MB/s of JSON`,
  );
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
  const columns = all.map((f) => ({ name: f.name, checks: Object.values(checks(f, cfg)) }));
  console.log(`${''.padEnd(52)}${columns.map((c) => c.name.padEnd(22)).join('')}`);
  for (const [i, first] of (columns[0]?.checks ?? []).entries()) {
    const cells = columns.map((c) => `${c.checks[i]!.value.padEnd(12)}${verdict(c.checks[i]!.ok).padEnd(10)}`);
    console.log(`${`${first.name} (${first.target})`.padEnd(52)}${cells.join('')}`);
  }
}
