// npm run bench: the booking page's heaviest read and the booking write, over real HTTP, on SQLite and
// (with BENCH_DATABASE_URL=postgres://…) PostgreSQL, with baselines from the same run. Prints; never fails on a target.
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/app.js';
import { defaultWebConfig, loadConfig } from '../src/config.js';
import type { AppContext } from '../src/context.js';
import { createApiToken } from '../src/modules/staff/api-tokens.service.js';
import type { Clock } from '../src/platform/time/clock.js';
import { measureAvailability } from './availability.js';
import { helloWorld, rawSqliteInserts } from './baseline.js';
import { measureBookings, raceForOneSlot } from './bookings.js';
import type { DatabaseFigures } from './checks.js';
import { type BenchConfig, benchConfig } from './config.js';
import { type BenchDatabase, benchFileStore, freshPostgres, freshSqlite } from './databases.js';
import { type LoadGenerator, startLoadGenerator } from './load.js';
import { type CenterPlan, NOW_MS, planCenter } from './plan.js';
import { printBaseline, printDatabase, printHeader, printSummary } from './report.js';
import { seedCenter } from './seed.js';

const progress = (message: string) => process.stderr.write(`… ${message}\n`);

async function benchDatabase(cfg: BenchConfig, load: LoadGenerator, plan: CenterPlan, bench: BenchDatabase) {
  const { database } = bench;
  try {
    progress(`${bench.label}: loading ${plan.appointments.length.toLocaleString('en-US')} appointments`);
    const started = performance.now();
    const center = await seedCenter(database.db, cfg, plan);
    await bench.settle();
    const loadSeconds = (performance.now() - started) / 1000;

    // The planned "now", running in real time from here, so cache entries expire as they do in production and
    // the measured week is the half-booked week ahead.
    const startedAt = performance.now();
    const clock: Clock = { now: () => NOW_MS + (performance.now() - startedAt) };
    const ctx: AppContext = { database, clock, web: defaultWebConfig, files: benchFileStore() };
    const { token } = await createApiToken(ctx, { name: 'benchmark', role: 'admin' });
    // Built as src/main.ts builds it, with the default configuration.
    const { availabilityCacheMs } = loadConfig({});
    const app = await buildApp(ctx, { availabilityCacheMs });
    const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      progress(`${bench.label}: availability`);
      // Informational: the same database, the week computed on every request; closed before the bookings.
      const uncachedApp = await buildApp(ctx, { availabilityCacheMs: 0 });
      const uncachedUrl = await uncachedApp.listen({ port: 0, host: '127.0.0.1' });
      const availability = await measureAvailability(
        cfg,
        load,
        { baseUrl, cacheMs: availabilityCacheMs },
        { baseUrl: uncachedUrl, cacheMs: 0 },
        center.specialtyId,
      ).finally(() => uncachedApp.close());
      const [raceSlot, ...bookable] = plan.free;
      progress(`${bench.label}: bookings`);
      const bookings = await measureBookings(cfg, load, baseUrl, token, database.db, center, bookable);
      progress(`${bench.label}: ${cfg.raceRequests} requests for one slot`);
      const race = await raceForOneSlot(cfg, load, baseUrl, token, database.db, center, raceSlot!);
      return {
        name: bench.name,
        label: bench.label,
        plan,
        loadSeconds,
        availability,
        bookings,
        race,
      } satisfies DatabaseFigures;
    } finally {
      await app.close();
    }
  } finally {
    await bench.drop();
  }
}

async function main() {
  const cfg = benchConfig();
  const postgresUrl = process.env.BENCH_DATABASE_URL;
  if (postgresUrl && !/^postgres(ql)?:\/\//.test(postgresUrl)) {
    throw new Error(`BENCH_DATABASE_URL debe ser postgres://… (recibido: ${postgresUrl})`);
  }
  const began = performance.now();
  printHeader(cfg);
  // Free slots for the measured run, its warm-up, and the one slot of the race.
  const plan = planCenter(cfg, cfg.bookableSlots + cfg.warmupBookings + 1);
  const load = startLoadGenerator();
  try {
    progress('baseline: hello world');
    const hello = await helloWorld(cfg, load);
    progress('baseline: raw SQLite inserts');
    const baseline = { ...hello, rawInsertsPerSecond: rawSqliteInserts(cfg) };
    printBaseline(baseline);

    const all: DatabaseFigures[] = [];
    const openers = [freshSqlite, ...(postgresUrl ? [() => freshPostgres(postgresUrl)] : [])];
    for (const open of openers) {
      const figures = await benchDatabase(cfg, load, plan, await open());
      printDatabase(figures, baseline, cfg);
      all.push(figures);
    }
    if (!postgresUrl) console.log('(set BENCH_DATABASE_URL=postgres://… to measure PostgreSQL too)\n');
    printSummary(all, cfg);
    console.log(`\ntotal time ${((performance.now() - began) / 1000).toFixed(0)} s`);
  } finally {
    await load.close();
  }
}

await main();
