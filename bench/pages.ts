// The patient pages under load on the generated center (SQLite, as `npm start` runs). Two shapes:
// - browsing: 50 logged-in patients, each opening Mis turnos and week grids with a ~1 s pause between
//   pages (faster than people read). Target: p99 ≤ 100 ms per page.
// - saturation: the same 50 with no pause at all, to show the ceiling in pages per second; there the
//   latency is 50 ÷ throughput by construction, so it is a capacity figure, not the target.
// Printed beside a hello-world Fastify route measured in the same run.
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/app.js';
import { defaultWebConfig, loadConfig } from '../src/config.js';
import type { AppContext } from '../src/context.js';
import { createSession, SESSION_COOKIE } from '../src/platform/http/sessions.js';
import type { Clock } from '../src/platform/time/clock.js';
import { patientSessionPolicy } from '../src/web/session.js';
import { helloWorld } from './baseline.js';
import { benchConfig } from './config.js';
import { benchFileStore, freshSqlite } from './databases.js';
import { type LoadResult, startLoadGenerator, sum } from './load.js';
import { MEASURED_MONDAY, NOW_MS, planCenter } from './plan.js';
import { seedCenter } from './seed.js';

const VISITORS = 50;
const TARGET_P99_MS = 100;
const THINK_MS = 1000;

const ms = (v: number) => `${v.toFixed(1)} ms`;
const show = (label: string, r: LoadResult) =>
  console.log(
    `${label.padEnd(34)} p50 ${ms(r.p50Ms).padStart(9)}   p99 ${ms(r.p99Ms).padStart(9)}   max ${ms(r.maxMs).padStart(9)}   ${Math.round(
      r.perSecond,
    )
      .toString()
      .padStart(6)} req/s   ${JSON.stringify(r.statuses)}`,
  );

async function main() {
  const cfg = benchConfig();
  const began = performance.now();
  console.log(`Turnero patient pages benchmark${cfg.quick ? ' — QUICK (smoke test only)' : ''}`);
  console.log(`${VISITORS} logged-in patients, ${cfg.runSeconds} s per run, load generator on a worker thread\n`);
  const load = startLoadGenerator();
  const bench = await freshSqlite();
  try {
    const hello = await helloWorld({ ...cfg, connections: VISITORS }, load);
    const plan = planCenter(cfg, 1);
    const center = await seedCenter(bench.database.db, cfg, plan);
    const startedAt = performance.now();
    const clock: Clock = { now: () => NOW_MS + (performance.now() - startedAt) };
    const web = { ...defaultWebConfig, patientIdleSeconds: 3600 };
    const ctx: AppContext = { database: bench.database, clock, web, files: benchFileStore() };
    const cookies: string[] = [];
    for (const patientId of center.patientIds.slice(0, VISITORS)) {
      const id = await createSession(
        ctx.database.db,
        { kind: 'patient', id: patientId },
        patientSessionPolicy(web),
        clock.now(),
      );
      cookies.push(`${SESSION_COOKIE}=${id}`);
    }
    const app = await buildApp(ctx, { availabilityCacheMs: loadConfig({}).availabilityCacheMs });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const grid = (i: number) =>
        `/turnos/profesional/${center.professionalIds[i]}?especialidad=${center.specialtyId}&desde=${MEASURED_MONDAY}&visto=1`;
      const pages = {
        'Mis turnos': ['/mis-turnos'],
        'week grid': [grid(0), grid(1), grid(2)],
        'both, alternating': ['/mis-turnos', grid(0), '/mis-turnos', grid(1)],
      };
      const saturate = (paths: string[], seconds: number) =>
        load.run({ kind: 'cannon', url, connections: VISITORS, seconds, paths, cookies });
      const browse = (paths: string[], seconds: number) =>
        load.run({ kind: 'browse', url, seconds, paths, cookies, thinkMs: THINK_MS });
      await saturate(pages['both, alternating'], cfg.warmupSeconds);
      console.log('=== Baseline (same run) ===');
      show(`hello world, ${VISITORS} connections`, hello.helloMany);
      let worst = 0;
      let failures = 0;
      const report = (label: string, result: LoadResult) => {
        show(label, result);
        const failed = sum(result.statuses, (s) => s !== 200) + result.errors;
        if (failed > 0) console.log(`  !! ${failed} responses were not 200`);
        failures += failed;
      };
      console.log(`\n=== ${VISITORS} logged-in patients browsing, ~${THINK_MS} ms between pages (SQLite) ===`);
      for (const [label, paths] of Object.entries(pages)) {
        const result = await browse(paths, Math.max(cfg.runSeconds, 10));
        report(label, result);
        worst = Math.max(worst, result.p99Ms);
      }
      console.log(`\n=== Saturation: the same ${VISITORS} with no pause (capacity, not the target) ===`);
      for (const [label, paths] of Object.entries(pages)) report(label, await saturate(paths, cfg.runSeconds));
      const verdict = worst <= TARGET_P99_MS && failures === 0 ? 'MET' : 'MISSED';
      console.log(
        `\ntarget p99 ≤ ${TARGET_P99_MS} ms per page while browsing: ${verdict} (worst p99 ${ms(worst)}; hello world p99 ${ms(hello.helloMany.p99Ms)})`,
      );
      console.log(`total time ${((performance.now() - began) / 1000).toFixed(0)} s`);
    } finally {
      await app.close();
    }
  } finally {
    await bench.drop();
    await load.close();
  }
}

await main();
