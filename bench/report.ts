// Plain-text report: figures, the baseline beside them, and OK/MISSED against each target (never a failure).
import type { AvailabilityFigures } from './availability.js';
import type { Baseline } from './baseline.js';
import type { BookingFigures, RaceFigures } from './bookings.js';
import { type BenchConfig, targets } from './config.js';
import { sum } from './load.js';
import { type CenterPlan, MEASURED_MONDAY } from './plan.js';

export interface DatabaseFigures {
  label: string;
  plan: CenterPlan;
  loadSeconds: number;
  availability: AvailabilityFigures;
  bookings: BookingFigures;
  race: RaceFigures;
}

interface Check {
  name: string;
  value: string;
  target: string;
  ok: boolean;
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => `${n < 10 ? n.toFixed(2) : n.toFixed(1)} ms`;
const pct = (part: number, whole: number) => `${whole ? Math.round((100 * part) / whole) : 0}%`;
const statuses = (s: Record<string, number>) =>
  Object.entries(s)
    .map(([status, count]) => `${status} ×${int(count)}`)
    .join(', ') || 'none';
const line = (label: string, text: string) => console.log(`${label.padEnd(18)}${text}`);

function checks(f: DatabaseFigures, cfg: BenchConfig): Check[] {
  const a = f.availability;
  const b = f.bookings.run;
  const created = b.statuses['201'] ?? 0;
  const committedPerSecond = b.seconds > 0 ? created / b.seconds : 0;
  const race = f.race.result.statuses;
  const raceOk =
    (race['201'] ?? 0) === 1 && (race['409'] ?? 0) === f.race.result.responses - 1 && f.race.result.errors === 0;
  return [
    {
      name: 'availability p50, 1 conn',
      value: ms(a.one.p50Ms),
      target: `≤ ${targets.availabilityP50Ms} ms`,
      ok: a.one.p50Ms <= targets.availabilityP50Ms,
    },
    {
      name: 'availability p99, 1 conn',
      value: ms(a.one.p99Ms),
      target: `≤ ${targets.availabilityP99Ms} ms`,
      ok: a.one.p99Ms <= targets.availabilityP99Ms,
    },
    {
      name: `availability req/s, ${cfg.connections} conn`,
      value: `${int(a.many.perSecond)}/s`,
      target: `≥ ${int(targets.availabilityPerSecond)}/s`,
      ok: a.many.perSecond >= targets.availabilityPerSecond,
    },
    {
      name: 'committed bookings/s',
      value: `${int(committedPerSecond)}/s`,
      target: `≥ ${int(targets.bookingsPerSecond)}/s`,
      ok: committedPerSecond >= targets.bookingsPerSecond && created === f.bookings.added,
    },
    { name: 'same slot ×500', value: `201 ×${race['201'] ?? 0}`, target: '1×201, rest 409, no 5xx', ok: raceOk },
  ];
}

const verdict = (ok: boolean) => (ok ? 'OK' : 'MISSED');

export function printHeader(cfg: BenchConfig) {
  console.log(`Turnero benchmark${cfg.quick ? ' — QUICK (smoke test: figures are not comparable to targets)' : ''}`);
  console.log(`node ${process.version}, ${process.platform}/${process.arch}, ${cfg.runSeconds} s per measured run`);
  console.log('server on the main thread, autocannon on a worker thread (one core each on a 2-core machine)\n');
}

export function printBaseline(b: Baseline) {
  console.log('=== Baseline (same run) ===');
  line('hello world', `Fastify 5, GET / → {"hello":"world"}`);
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

export function printDatabase(f: DatabaseFigures, baseline: Baseline, cfg: BenchConfig) {
  const { plan, availability: a, bookings, race } = f;
  const [c50, c99, cRate, cBook, cRace] = checks(f, cfg) as [Check, Check, Check, Check, Check];
  const mark = (c: Check) => `target ${c.target.padEnd(10)} ${verdict(c.ok)}`;
  console.log(`=== ${f.label} ===`);
  line(
    'center',
    `${cfg.professionals} professionals in 1 specialty, Mon–Fri 08:00–18:00 every 20 min, ${int(cfg.patients)} patients`,
  );
  line(
    '',
    `${int(plan.appointments.length)} appointments over ${plan.pastWeeks} past + ${plan.futureWeeks} future weeks from ${plan.fromDate}, loaded in ${f.loadSeconds.toFixed(1)} s`,
  );
  line(
    '',
    `week of ${MEASURED_MONDAY}: ${int(plan.measuredWeek.booked)} of ${int(plan.measuredWeek.slots)} slots booked (${pct(plan.measuredWeek.booked, plan.measuredWeek.slots)})`,
  );
  line('availability', `GET ${new URL(a.url).pathname}${new URL(a.url).search}`);
  line(
    '',
    `${int(a.responseBytes)} bytes: ${a.professionals} professionals, ${int(a.slots)} slots, ${int(a.freeSlots)} free`,
  );
  line(
    '  1 connection',
    `p50 ${ms(a.one.p50Ms).padEnd(9)} ${mark(c50)}   (hello world ${ms(baseline.helloOne.p50Ms)})`,
  );
  line('', `p99 ${ms(a.one.p99Ms).padEnd(9)} ${mark(c99)}   (hello world ${ms(baseline.helloOne.p99Ms)})`);
  line(
    `  ${cfg.connections} connections`,
    `${`${int(a.many.perSecond)} req/s`.padEnd(13)} ${mark(cRate)}   (hello world ${int(baseline.helloMany.perSecond)} req/s; p50 ${ms(a.many.p50Ms)}, p99 ${ms(a.many.p99Ms)}; ${int((a.many.perSecond * a.responseBytes) / 1e6)} MB/s)`,
  );
  const run = bookings.run;
  const other = Object.fromEntries(Object.entries(run.statuses).filter(([s]) => s !== '201'));
  line(
    'bookings',
    `POST /api/v1/appointments, staff admin token, ${cfg.connections} connections, each a different free slot`,
  );
  line(
    '',
    `${int(run.responses)} requests in ${run.seconds.toFixed(1)} s (after ${int(bookings.warmup.responses)} warm-up bookings)`,
  );
  line(
    '  committed',
    `${`${cBook.value}`.padEnd(13)} ${mark(cBook)}   (raw SQLite ${int(baseline.rawInsertsPerSecond)}/s; p50 ${ms(run.p50Ms)}, p99 ${ms(run.p99Ms)})`,
  );
  line(
    '',
    `201 ×${int(run.statuses['201'] ?? 0)}; other statuses: ${statuses(other)}; connection errors/timeouts: ${run.errors}`,
  );
  line(
    '',
    `database gained ${int(bookings.added)} appointments ${bookings.added === (run.statuses['201'] ?? 0) ? '= the 201 count ✓' : '≠ the 201 count ✗'}`,
  );
  line(
    'same slot',
    `${int(race.result.responses)} POSTs at once for one free slot: ${statuses(race.result.statuses)}; connection errors: ${race.result.errors}`,
  );
  line(
    '',
    `${mark(cRace)}; active appointments on the slot afterwards: ${race.activeOnSlot}; 5xx: ${sum(race.result.statuses, (s) => s >= 500)}`,
  );
  console.log('');
}

export function printSummary(all: DatabaseFigures[], cfg: BenchConfig) {
  console.log('=== Targets ===');
  const rows = all.map((f) => ({ label: f.label.split(' ')[0] ?? f.label, checks: checks(f, cfg) }));
  const names = rows[0]?.checks.map((c) => `${c.name} (${c.target})`) ?? [];
  console.log(`${''.padEnd(46)}${rows.map((r) => r.label.padEnd(22)).join('')}`);
  names.forEach((name, i) => {
    const cells = rows.map((r) => `${r.checks[i]!.value.padEnd(12)}${verdict(r.checks[i]!.ok).padEnd(10)}`);
    console.log(`${name.padEnd(46)}${cells.join('')}`);
  });
}
