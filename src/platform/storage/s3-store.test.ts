import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { newFileKey } from './file-store.js';
import { amzDate, canonicalRequest, S3FileStore, type SigningInput, sha256Hex, signV4 } from './s3-store.js';

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

describe('AWS Signature Version 4', () => {
  test("the S3 documentation's GET Object example (AKIAIOSFODNN7EXAMPLE) gives its published signature", () => {
    const input: SigningInput = {
      method: 'GET',
      url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
      headers: {
        Host: 'examplebucket.s3.amazonaws.com',
        Range: 'bytes=0-9',
        'x-amz-content-sha256': EMPTY_SHA256,
        'x-amz-date': '20130524T000000Z',
      },
      payloadHash: EMPTY_SHA256,
      date: '20130524T000000Z',
      region: 'us-east-1',
      service: 's3',
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    };
    assert.equal(
      canonicalRequest(input).text,
      [
        'GET',
        '/test.txt',
        '',
        'host:examplebucket.s3.amazonaws.com',
        'range:bytes=0-9',
        `x-amz-content-sha256:${EMPTY_SHA256}`,
        'x-amz-date:20130524T000000Z',
        '',
        'host;range;x-amz-content-sha256;x-amz-date',
        EMPTY_SHA256,
      ].join('\n'),
    );
    assert.equal(
      signV4(input),
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, ' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });

  // The "get-vanilla" cases of AWS's SigV4 test suite (service "service", AKIDEXAMPLE).
  const vanilla = (url: string): SigningInput => ({
    method: 'GET',
    url: new URL(url),
    headers: { Host: 'example.amazonaws.com', 'X-Amz-Date': '20150830T123600Z' },
    payloadHash: EMPTY_SHA256,
    date: '20150830T123600Z',
    region: 'us-east-1',
    service: 'service',
    accessKeyId: 'AKIDEXAMPLE',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  });

  test('get-vanilla and get-vanilla-empty-query-key give the test suite signatures', () => {
    const prefix =
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=';
    assert.equal(
      signV4(vanilla('https://example.amazonaws.com/')),
      `${prefix}5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31`,
    );
    assert.equal(
      signV4(vanilla('https://example.amazonaws.com/?Param1=value1')),
      `${prefix}a67d582fa61cc504c4bae71f336f98b97f1ea3c7a6bfe1b6e45aec72011b9aeb`,
    );
  });

  test('dates are written as SigV4 wants them', () => {
    assert.equal(amzDate(Date.UTC(2013, 4, 24, 0, 0, 0, 123)), '20130524T000000Z');
  });
});

/** Reads a request's whole body. */
async function bodyOf(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=TESTKEY\/(\d{8})\/sa-east-1\/s3\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=[0-9a-f]{64}$/;

/**
 * A stand-in for the provider: keeps objects in memory, refuses (403, in S3's XML) any request whose
 * Authorization is not SigV4 of the expected shape, whose signature does not match what it received, or a PUT
 * whose x-amz-content-sha256 is not its body's.
 */
class FakeS3 {
  readonly objects = new Map<string, { bytes: Buffer; type: string }>();
  readonly seen: string[] = [];
  /** The next request answers this status instead (to see the store's failures). */
  failNext: number | null = null;
  private server: Server | null = null;
  url = '';

  async start() {
    this.server = createServer((request, response) => {
      void this.handle(request).then(({ status, body, type }) => {
        response.writeHead(status, type ? { 'content-type': type } : {});
        response.end(body);
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop() {
    return new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private refuse(code: string) {
    return { status: 403, body: `<?xml version="1.0"?><Error><Code>${code}</Code></Error>`, type: 'application/xml' };
  }

  private async handle(request: IncomingMessage): Promise<{ status: number; body?: Buffer | string; type?: string }> {
    const body = await bodyOf(request);
    const method = request.method ?? '';
    this.seen.push(`${method} ${request.url}`);
    if (this.failNext !== null) {
      const status = this.failNext;
      this.failNext = null;
      return { status, body: '<Error><Code>SlowDown</Code></Error>', type: 'application/xml' };
    }
    const match = AUTHORIZATION.exec(String(request.headers.authorization ?? ''));
    const date = String(request.headers['x-amz-date'] ?? '');
    if (!match || !/^\d{8}T\d{6}Z$/.test(date) || match[1] !== date.slice(0, 8)) return this.refuse('AccessDenied');
    const signed = (match[2] ?? '').split(';');
    for (const needed of ['host', 'x-amz-content-sha256', 'x-amz-date']) {
      if (!signed.includes(needed)) return this.refuse('AccessDenied');
    }
    const contentSha = String(request.headers['x-amz-content-sha256'] ?? '');
    if (contentSha !== sha256Hex(body)) return this.refuse('XAmzContentSHA256Mismatch');
    // The signature over what arrived, the way the provider checks it.
    const expected = signV4({
      method,
      url: new URL(request.url ?? '/', 'http://placeholder'),
      headers: Object.fromEntries(signed.map((name) => [name, String(request.headers[name] ?? '')])),
      payloadHash: contentSha,
      date,
      region: 'sa-east-1',
      service: 's3',
      accessKeyId: 'TESTKEY',
      secretAccessKey: 'test/secret+key',
    });
    if (expected !== request.headers.authorization) return this.refuse('SignatureDoesNotMatch');

    const path = request.url ?? '';
    if (!path.startsWith('/turnero-docs/')) return { status: 404, body: '<Error><Code>NoSuchBucket</Code></Error>' };
    if (method === 'PUT') {
      this.objects.set(path, { bytes: body, type: String(request.headers['content-type'] ?? '') });
      return { status: 200 };
    }
    if (method === 'GET') {
      const object = this.objects.get(path);
      if (!object) return { status: 404, body: '<Error><Code>NoSuchKey</Code></Error>', type: 'application/xml' };
      return { status: 200, body: object.bytes, type: object.type };
    }
    if (method === 'DELETE') {
      this.objects.delete(path);
      return { status: 204 };
    }
    return { status: 405 };
  }
}

describe('S3FileStore against an S3-compatible server', () => {
  const fake = new FakeS3();
  let store: S3FileStore;

  before(async () => {
    await fake.start();
    store = new S3FileStore({
      endpoint: fake.url,
      bucket: 'turnero-docs',
      region: 'sa-east-1',
      accessKeyId: 'TESTKEY',
      secretAccessKey: 'test/secret+key',
    });
  });
  after(() => fake.stop());

  test('put, get and delete, path-style, with signed requests the server accepts', async () => {
    const key = newFileKey();
    const bytes = Buffer.from('%PDF-1.4 informe de prueba');
    await store.put(key, bytes, 'application/pdf');
    assert.deepEqual(fake.objects.get(`/turnero-docs/${key}`), { bytes, type: 'application/pdf' });
    assert.deepEqual(await store.get(key), bytes);
    await store.delete(key);
    assert.equal(fake.objects.has(`/turnero-docs/${key}`), false);
    assert.deepEqual(fake.seen.slice(-3), [
      `PUT /turnero-docs/${key}`,
      `GET /turnero-docs/${key}`,
      `DELETE /turnero-docs/${key}`,
    ]);
  });

  test('a missing object reads as null and deletes without error', async () => {
    const key = newFileKey();
    assert.equal(await store.get(key), null);
    await store.delete(key);
  });

  test("the provider's refusals and failures are errors that say what and why", async () => {
    const wrong = new S3FileStore({
      endpoint: fake.url,
      bucket: 'turnero-docs',
      region: 'sa-east-1',
      accessKeyId: 'TESTKEY',
      secretAccessKey: 'otra clave',
    });
    await assert.rejects(wrong.put(newFileKey(), Buffer.from('x'), 'image/png'), /HTTP 403 SignatureDoesNotMatch/);
    fake.failNext = 503;
    await assert.rejects(store.get(newFileKey()), /S3 GET .*: HTTP 503 SlowDown/);
  });

  test('keys that are not ours are refused before any request', async () => {
    const before = fake.seen.length;
    for (const key of ['../secreto', 'a/b/c/d/e/f/g/h/i', 'corta', '']) {
      await assert.rejects(store.get(key), /invalid file key/);
    }
    assert.equal(fake.seen.length, before);
  });
});
