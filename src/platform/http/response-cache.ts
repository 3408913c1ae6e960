// A short-lived cache of serialized public responses, with a gzip copy made once per entry.
// Any successful write through this process clears it (see app.ts); other processes sharing the
// database see a write at most `ttlMs` later, and the booking itself is always checked by the database.
import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../time/clock.js';

interface Entry {
  json: string;
  gzip?: Buffer;
  expiresAt: number;
}

interface Pending {
  json: Promise<string>;
  generation: number;
}

const MAX_ENTRIES = 500;

export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  /** Requests that miss while a week is being computed wait for it instead of computing it again. */
  private readonly pending = new Map<string, Pending>();
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly clock: Clock,
  ) {}

  get enabled() {
    return this.ttlMs > 0;
  }

  clear() {
    this.entries.clear();
    this.pending.clear();
    this.generation++;
  }

  /** Answers from the cache, or computes, stores and answers. */
  async serve(request: FastifyRequest, reply: FastifyReply, compute: () => Promise<unknown>) {
    const key = request.url;
    const now = this.clock.now();
    let entry = this.entries.get(key);
    if (!entry || entry.expiresAt <= now) {
      let pending = this.pending.get(key);
      if (!pending) {
        pending = { json: compute().then((body) => JSON.stringify(body)), generation: this.generation };
        this.pending.set(key, pending);
        const settle = () => {
          if (this.pending.get(key) === pending) this.pending.delete(key);
        };
        pending.json.then(settle, settle);
      }
      const json = await pending.json;
      entry = { json, expiresAt: now + this.ttlMs };
      // A write that cleared the cache while this week was computed makes it stale: serve it, keep it not.
      if (pending.generation === this.generation) {
        if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
        this.entries.set(key, entry);
      }
    }
    reply.header('content-type', 'application/json; charset=utf-8').header('vary', 'accept-encoding');
    if (!/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) return reply.send(entry.json);
    entry.gzip ??= gzipSync(entry.json, { level: 6 });
    return reply.header('content-encoding', 'gzip').send(entry.gzip);
  }
}
