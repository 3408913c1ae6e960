// A real HTTP server on loopback standing in for a messaging provider: it records each request as it
// arrived and answers what the test queued — a status and body, a hang, or a connection cut short.
// The shared fault tests run every adapter through the same transport failures.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, test } from 'node:test';
import { DeliveryError } from './delivery-error.js';

export type Behaviour = { status: number; body?: string | Buffer; headers?: Record<string, string> } | 'hang' | 'close';

export interface Received {
  method: string;
  /** Path and query string, as sent. */
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export class StandIn {
  readonly received: Received[] = [];
  private readonly queue: Behaviour[] = [];

  private constructor(
    private readonly server: http.Server,
    readonly url: string,
    private readonly fallback: Behaviour,
  ) {}

  /** `fallback` answers whenever nothing was queued: the provider's usual success. */
  static async start(fallback: Behaviour): Promise<StandIn> {
    let self: StandIn | undefined;
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        self!.received.push({
          method: req.method ?? '',
          url: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks),
        });
        const behaviour = self!.queue.shift() ?? self!.fallback;
        if (behaviour === 'hang') return;
        if (behaviour === 'close') return void req.socket.destroy();
        res.writeHead(behaviour.status, { 'content-type': 'application/json', ...behaviour.headers });
        res.end(behaviour.body ?? '');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    self = new StandIn(server, `http://127.0.0.1:${port}`, fallback);
    return self;
  }

  answer(...behaviours: Behaviour[]): void {
    this.queue.push(...behaviours);
  }

  reset(): void {
    this.received.length = 0;
    this.queue.length = 0;
  }

  get last(): Received {
    const last = this.received.at(-1);
    assert.ok(last, 'the stand-in received a request');
    return last;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** A form body or query string decoded in the given charset (URLSearchParams only knows UTF-8). */
export function parseForm(text: string, charset: 'utf-8' | 'latin1' = 'utf-8'): Record<string, string> {
  const decode = (v: string) => {
    const bytes: number[] = [];
    const raw = v.replace(/\+/g, ' ');
    for (let i = 0; i < raw.length; i++) {
      if (raw[i] === '%') {
        bytes.push(Number.parseInt(raw.slice(i + 1, i + 3), 16));
        i += 2;
      } else bytes.push(...Buffer.from(raw[i]!, 'utf-8'));
    }
    return Buffer.from(bytes).toString(charset === 'latin1' ? 'latin1' : 'utf-8');
  };
  const out: Record<string, string> = {};
  for (const pair of text.split('&').filter(Boolean)) {
    const [k, v = ''] = pair.split('=');
    out[decode(k!)] = decode(v);
  }
  return out;
}

/** Runs `send` and returns the DeliveryError it must throw. */
export async function failure(send: () => Promise<unknown>): Promise<DeliveryError> {
  try {
    await send();
  } catch (error) {
    assert.ok(error instanceof DeliveryError, `a DeliveryError, not ${String(error)}`);
    return error;
  }
  assert.fail('the send should have failed');
}

/**
 * The transport failures every adapter must classify alike: 5xx, 429 (with Retry-After), a server
 * that never answers, a connection cut before the answer, and nobody listening.
 */
export function transportFaults(
  provider: string,
  success: Behaviour,
  sendWith: (baseUrl: string, timeoutMs: number) => () => Promise<unknown>,
): void {
  describe(`${provider}: transport faults are temporary`, () => {
    let standIn: StandIn;
    before(async () => {
      standIn = await StandIn.start(success);
    });
    beforeEach(() => standIn.reset());
    after(() => standIn.close());
    const send = (timeoutMs = 2000) => sendWith(standIn.url, timeoutMs);

    test('5xx', async () => {
      for (const status of [500, 502, 503]) {
        standIn.answer({ status, body: 'Service Unavailable' });
        const error = await failure(send());
        assert.equal(error.provider, provider);
        assert.equal(error.kind, 'temporary', String(status));
        assert.equal(error.status, status);
        assert.equal(error.answer, 'Service Unavailable');
      }
    });

    test('429, keeping how long the provider asked to wait', async () => {
      standIn.answer({ status: 429, body: '{"error":"slow down"}', headers: { 'retry-after': '30' } });
      const error = await failure(send());
      assert.equal(error.kind, 'temporary');
      assert.equal(error.reason, 'http_429');
      assert.equal(error.retryAfterMs, 30_000);
    });

    test('a provider that never answers times out', async () => {
      standIn.answer('hang');
      const started = Date.now();
      const error = await failure(send(200));
      assert.equal(error.kind, 'temporary');
      assert.equal(error.reason, 'timeout');
      assert.ok(Date.now() - started < 1500, 'the deadline holds');
    });

    test('a connection closed before the answer', async () => {
      standIn.answer('close');
      const error = await failure(send());
      assert.equal(error.kind, 'temporary');
      assert.match(error.reason, /^network/);
    });

    test('nobody listening', async () => {
      const dead = await StandIn.start(success);
      const url = dead.url;
      await dead.close();
      const error = await failure(sendWith(url, 2000));
      assert.equal(error.kind, 'temporary');
      assert.equal(error.reason, 'network');
      assert.match(error.answer ?? '', /ECONNREFUSED/);
    });

    test('after all that, a success still goes through', async () => {
      await send()();
      assert.equal(standIn.received.length, 1);
    });
  });
}
