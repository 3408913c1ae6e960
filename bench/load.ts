// The load generator runs on its own thread (bench/load-worker.ts), so the server under test keeps
// the main event loop to itself; on a 2-core machine each gets about one core.
import { Worker } from 'node:worker_threads';

export interface CannonJob {
  kind: 'cannon';
  url: string;
  connections: number;
  /** A timed run; responses in flight when time is up are dropped, as autocannon does. */
  seconds?: number;
  /** Exactly this many requests, every response awaited: the count of 201s is then exact. */
  amount?: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** One body per request, used in order (requires amount ≤ bodies.length). */
  bodies?: string[];
  /** GET these paths in turn on each connection (instead of the URL's path). */
  paths?: string[];
  /** One Cookie header per connection: each connection is a different logged-in visitor. */
  cookies?: string[];
}

/** One request per body, all sent at once, each on its own connection. */
export interface BurstJob {
  kind: 'burst';
  url: string;
  headers: Record<string, string>;
  bodies: string[];
}

/**
 * People, not robots: each visitor GETs its paths in turn and pauses a random think time (uniform in
 * [thinkMs/2, 3·thinkMs/2]) after each page, on its own keep-alive connection.
 */
export interface BrowseJob {
  kind: 'browse';
  url: string;
  seconds: number;
  paths: string[];
  /** One per visitor. */
  cookies: string[];
  thinkMs: number;
}

export type LoadJob = CannonJob | BurstJob | BrowseJob;

export interface LoadResult {
  responses: number;
  /** From the first request to the last response. */
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Bytes received, headers included (cannon runs only; 0 for a burst). */
  bytes: number;
  statuses: Record<string, number>;
  /** Connection errors and timeouts. */
  errors: number;
}

export interface LoadGenerator {
  run(job: LoadJob): Promise<LoadResult>;
  close(): Promise<void>;
}

export function startLoadGenerator(): LoadGenerator {
  // On Node 20 `--import tsx` does not reach worker threads, so the worker registers tsx itself first.
  const entry = JSON.stringify(new URL('./load-worker.ts', import.meta.url).href);
  const worker = new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${entry}); });`, {
    eval: true,
  });
  return {
    run: (job) =>
      new Promise((resolve, reject) => {
        const onError = (error: Error) => reject(error);
        worker.once('error', onError);
        worker.once('message', (reply: { result?: LoadResult; error?: string }) => {
          worker.off('error', onError);
          if (reply.result) resolve(reply.result);
          else reject(new Error(`load generator: ${reply.error}`));
        });
        worker.postMessage(job);
      }),
    close: async () => {
      await worker.terminate();
    },
  };
}

export const sum = (statuses: Record<string, number>, pick: (status: number) => boolean) =>
  Object.entries(statuses).reduce((n, [status, count]) => (pick(Number(status)) ? n + count : n), 0);
