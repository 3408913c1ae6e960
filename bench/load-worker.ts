// Load generator thread: runs one job at a time for bench/load.ts and posts back a LoadResult.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';
import autocannon from 'autocannon';
import type { BrowseJob, BurstJob, CannonJob, LoadJob, LoadResult } from './load.js';

/** Records every response: autocannon's own histogram keeps whole milliseconds only, too coarse for a 5 ms target. */
class Recorder {
  private readonly latencies: number[] = [];
  private readonly statuses: Record<string, number> = {};
  private lastAt = 0;
  private bytes = 0;
  errors = 0;
  constructor(private readonly startedAt = performance.now()) {}

  response(status: number, ms: number, bytes = 0) {
    this.latencies.push(ms);
    this.bytes += bytes;
    this.statuses[status] = (this.statuses[status] ?? 0) + 1;
    this.lastAt = performance.now();
  }

  result(): LoadResult {
    const sorted = Float64Array.from(this.latencies).sort();
    const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : 0);
    const seconds = Math.max(0, this.lastAt - this.startedAt) / 1000;
    return {
      responses: sorted.length,
      seconds,
      perSecond: seconds > 0 ? sorted.length / seconds : 0,
      p50Ms: at(0.5),
      p99Ms: at(0.99),
      maxMs: sorted.length ? sorted[sorted.length - 1]! : 0,
      bytes: this.bytes,
      statuses: this.statuses,
      errors: this.errors,
    };
  }
}

function cannon(job: CannonJob): Promise<LoadResult> {
  const bodies = job.bodies;
  if (bodies && (job.amount === undefined || job.amount > bodies.length)) {
    throw new Error('a run with bodies needs amount ≤ bodies.length');
  }
  let next = 0;
  let nextVisitor = 0;
  const recorder = new Recorder();
  const { paths, cookies } = job;
  // Per connection (autocannon's context): a visitor's cookie and where it is in its round of pages.
  const visitor = (context: Record<string, unknown>) => {
    context.cookie ??= cookies?.[nextVisitor++ % cookies.length];
    const step = ((context.step as number | undefined) ?? -1) + 1;
    context.step = step;
    return { cookie: context.cookie as string | undefined, path: paths?.[step % paths.length] };
  };
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: job.url,
        connections: job.connections,
        ...(job.amount !== undefined ? { amount: job.amount } : { duration: job.seconds ?? 1 }),
        method: job.method ?? 'GET',
        headers: job.headers ?? {},
        timeout: 30,
        ...(bodies ? { requests: [{ setupRequest: (request) => ({ ...request, body: bodies[next++] }) }] } : {}),
        ...(paths || cookies
          ? {
              requests: [
                {
                  setupRequest: (request, context) => {
                    const { cookie, path } = visitor(context as Record<string, unknown>);
                    return {
                      ...request,
                      ...(path ? { path } : {}),
                      headers: { ...request.headers, ...(cookie ? { cookie } : {}) },
                    };
                  },
                },
              ],
            }
          : {}),
      },
      (error) => (error ? reject(error) : resolve(recorder.result())),
    );
    instance.on('response', (_client, status, bytes, ms) => recorder.response(status, ms, bytes));
    instance.on('reqError', () => recorder.errors++);
  });
}

function burst(job: BurstJob): Promise<LoadResult> {
  // One socket per request, so all of them are on the wire together rather than queued in the agent.
  const agent = new http.Agent({ keepAlive: false, maxSockets: job.bodies.length });
  const recorder = new Recorder();
  const one = (body: string) =>
    new Promise<void>((done) => {
      const sentAt = performance.now();
      const request = http.request(
        job.url,
        { method: 'POST', agent, headers: { ...job.headers, 'content-length': Buffer.byteLength(body) } },
        (response) => {
          response.resume();
          response.on('end', () => {
            recorder.response(response.statusCode ?? 0, performance.now() - sentAt);
            done();
          });
        },
      );
      request.on('error', () => {
        recorder.errors++;
        done();
      });
      request.end(body);
    });
  return Promise.all(job.bodies.map(one)).then(() => {
    agent.destroy();
    return recorder.result();
  });
}

async function browse(job: BrowseJob): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.cookies.length });
  const recorder = new Recorder();
  const endAt = performance.now() + job.seconds * 1000;
  const get = (path: string, cookie: string) =>
    new Promise<void>((done) => {
      const sentAt = performance.now();
      const request = http.get(new URL(path, job.url), { agent, headers: { cookie } }, (response) => {
        let bytes = 0;
        response.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
        });
        response.on('end', () => {
          recorder.response(response.statusCode ?? 0, performance.now() - sentAt, bytes);
          done();
        });
      });
      request.on('error', () => {
        recorder.errors++;
        done();
      });
    });
  const visitor = async (cookie: string, index: number) => {
    // Start spread over one think time, as people do not all click at the same instant.
    await new Promise((r) => setTimeout(r, (index / job.cookies.length) * job.thinkMs));
    for (let step = 0; performance.now() < endAt; step++) {
      await get(job.paths[step % job.paths.length] as string, cookie);
      await new Promise((r) => setTimeout(r, job.thinkMs * (0.5 + Math.random())));
    }
  };
  await Promise.all(job.cookies.map(visitor));
  agent.destroy();
  return recorder.result();
}

parentPort?.on('message', async (job: LoadJob) => {
  try {
    const result =
      job.kind === 'cannon' ? await cannon(job) : job.kind === 'burst' ? await burst(job) : await browse(job);
    parentPort?.postMessage({ result });
  } catch (error) {
    parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
