// Target 2: the week of a specialty with every professional's slots, as the booking page asks for it.
// Judged on the app as src/main.ts builds it (the public week kept in memory for AVAILABILITY_CACHE_MS, gzipped
// for browsers); measured, for information only, on a second app that computes the week on every request.
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import type { BenchConfig } from './config.js';
import type { LoadGenerator, LoadResult } from './load.js';
import { MEASURED_MONDAY } from './plan.js';

/** What a browser sends: the production app answers it from its cache with the gzip copy. */
export const BROWSER_HEADERS = { 'accept-encoding': 'gzip, deflate, br' } as const;

/** An app under test: where it listens and how long it keeps the public week in memory (0: never). */
export interface AvailabilityApp {
  baseUrl: string;
  cacheMs: number;
}

export interface AvailabilityFigures {
  /** Path and query, the same on both apps. */
  path: string;
  /** The production app's availabilityCacheMs. */
  cacheMs: number;
  jsonBytes: number;
  /** The body a browser receives (gzip when the production app serves it so). */
  transferredBytes: number;
  gzipped: boolean;
  professionals: number;
  slots: number;
  freeSlots: number;
  /** The production app, requests sent with BROWSER_HEADERS. */
  one: LoadResult;
  many: LoadResult;
  /** Informational: the app with availabilityCacheMs 0, requests without accept-encoding. */
  uncached: { cacheMs: number; one: LoadResult; many: LoadResult };
}

interface WeekResponse {
  professionals: { slots: { free: boolean }[] }[];
}

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** node:http rather than fetch: fetch asks for gzip by itself and decompresses it out of sight. */
function get(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on('error', reject);
  });
}

function expectOk(what: string, response: RawResponse) {
  if (response.status !== 200) {
    throw new Error(`${what} answered ${response.status}: ${response.body.toString('utf8').slice(0, 300)}`);
  }
}

async function measure(cfg: BenchConfig, load: LoadGenerator, url: string, headers: Record<string, string>) {
  const job = { kind: 'cannon', url, headers } as const;
  await load.run({ ...job, connections: cfg.connections, seconds: cfg.warmupSeconds });
  const one = await load.run({ ...job, connections: 1, seconds: cfg.runSeconds });
  const many = await load.run({ ...job, connections: cfg.connections, seconds: cfg.runSeconds });
  return { one, many };
}

export async function measureAvailability(
  cfg: BenchConfig,
  load: LoadGenerator,
  production: AvailabilityApp,
  uncached: AvailabilityApp,
  specialtyId: number,
): Promise<AvailabilityFigures> {
  const path = `/api/v1/availability?specialtyId=${specialtyId}&from=${MEASURED_MONDAY}`;

  // Checked once, outside the timed runs: the measured response is the full, half-booked week, not an error that
  // happens to be fast; the browser's gzipped copy is that same JSON; and the cache holds what is computed.
  const plain = await get(`${production.baseUrl}${path}`);
  expectOk('availability', plain);
  const browser = await get(`${production.baseUrl}${path}`, BROWSER_HEADERS);
  expectOk('availability (accept-encoding: gzip)', browser);
  const gzipped = browser.headers['content-encoding'] === 'gzip';
  if (production.cacheMs > 0 && !gzipped) throw new Error('the cached availability was not served gzipped');
  if (!(gzipped ? gunzipSync(browser.body) : browser.body).equals(plain.body)) {
    throw new Error('the availability served to a browser does not decompress to the same JSON');
  }
  const computed = await get(`${uncached.baseUrl}${path}`);
  expectOk('availability (no cache)', computed);
  if (!computed.body.equals(plain.body)) throw new Error('the cached availability differs from the computed one');
  const week = JSON.parse(plain.body.toString('utf8')) as WeekResponse;
  const slots = week.professionals.flatMap((p) => p.slots);

  const measured = await measure(cfg, load, `${production.baseUrl}${path}`, BROWSER_HEADERS);
  const informational = await measure(cfg, load, `${uncached.baseUrl}${path}`, {});
  return {
    path,
    cacheMs: production.cacheMs,
    jsonBytes: plain.body.length,
    transferredBytes: browser.body.length,
    gzipped,
    professionals: week.professionals.length,
    slots: slots.length,
    freeSlots: slots.filter((s) => s.free).length,
    ...measured,
    uncached: { cacheMs: uncached.cacheMs, ...informational },
  };
}
