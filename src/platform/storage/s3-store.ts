// The file store on an S3-compatible bucket (AWS, MinIO, Ceph, …): three plain HTTP requests signed with AWS
// Signature Version 4, written with node:crypto and fetch so no SDK comes along. Requests are path-style
// (endpoint/bucket/key), which every S3-compatible service understands; virtual-host style needs DNS per bucket.
import { createHash, createHmac } from 'node:crypto';
import type { S3Config } from '../../config.js';
import { assertFileKey, type FileStore } from './file-store.js';

const ALGORITHM = 'AWS4-HMAC-SHA256';
/** A request that hangs must not hold an upload (or a transaction) forever. */
const TIMEOUT_MS = 30_000;

export const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

/** RFC 3986 encoding, as SigV4 wants it: only A-Z a-z 0-9 - . _ ~ stay as they are. */
function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** "20130524T000000Z": the instant as SigV4 writes it. */
export function amzDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

export interface SigningInput {
  method: string;
  url: URL;
  /** Every header to sign, host included (names in any case). */
  headers: Record<string, string>;
  /** Hex SHA-256 of the body (the x-amz-content-sha256 value for S3). */
  payloadHash: string;
  /** As amzDate() writes it; the same value goes in the x-amz-date header. */
  date: string;
  region: string;
  service: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/** The canonical request of SigV4 (exported for tests, which compare it with published examples). */
export function canonicalRequest(input: SigningInput): { text: string; signedHeaders: string } {
  // S3 does not normalize paths: each segment is encoded once, as it is.
  const path =
    input.url.pathname
      .split('/')
      .map((segment) => uriEncode(decodeURIComponent(segment)))
      .join('/') || '/';
  const query = [...input.url.searchParams]
    .map(([k, v]) => [uriEncode(k), uriEncode(v)] as const)
    .sort(([ak, av], [bk, bv]) => (ak === bk ? (av < bv ? -1 : 1) : ak < bk ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const headers = Object.entries(input.headers)
    .map(([name, value]) => [name.toLowerCase(), value.trim().replace(/\s+/g, ' ')] as const)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  const signedHeaders = headers.map(([name]) => name).join(';');
  const text = [
    input.method,
    path,
    query,
    ...headers.map(([name, value]) => `${name}:${value}`),
    '',
    signedHeaders,
    input.payloadHash,
  ].join('\n');
  return { text, signedHeaders };
}

/** The Authorization header of a request signed with AWS Signature Version 4. */
export function signV4(input: SigningInput): string {
  const { text, signedHeaders } = canonicalRequest(input);
  const day = input.date.slice(0, 8);
  const scope = `${day}/${input.region}/${input.service}/aws4_request`;
  const stringToSign = [ALGORITHM, input.date, scope, sha256Hex(text)].join('\n');
  let key: Buffer = hmac(`AWS4${input.secretAccessKey}`, day);
  for (const part of [input.region, input.service, 'aws4_request']) key = hmac(key, part);
  const signature = createHmac('sha256', key).update(stringToSign).digest('hex');
  return `${ALGORITHM} Credential=${input.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}

/** The service's error code from its XML answer (<Code>AccessDenied</Code>), to say why in the log. */
async function failure(response: Response, what: string): Promise<Error> {
  const body = await response.text().catch(() => '');
  const code = /<Code>([^<]{1,100})<\/Code>/.exec(body)?.[1];
  return new Error(`S3 ${what}: HTTP ${response.status}${code ? ` ${code}` : ''}`);
}

export class S3FileStore implements FileStore {
  constructor(
    private readonly config: S3Config,
    /** The real clock: the service refuses signatures more than 15 minutes off its own time. */
    private readonly now: () => number = Date.now,
  ) {}

  private async send(method: 'PUT' | 'GET' | 'DELETE', key: string, body?: Buffer, mediaType?: string) {
    assertFileKey(key);
    const { endpoint, bucket, region, accessKeyId, secretAccessKey } = this.config;
    const url = new URL(`${endpoint}/${uriEncode(bucket)}/${key}`);
    const date = amzDate(this.now());
    const payloadHash = sha256Hex(body ?? '');
    const headers: Record<string, string> = {
      'x-amz-content-sha256': payloadHash,
      'x-amz-date': date,
      ...(mediaType ? { 'content-type': mediaType } : {}),
    };
    const authorization = signV4({
      method,
      url,
      headers: { host: url.host, ...headers },
      payloadHash,
      date,
      region,
      service: 's3',
      accessKeyId,
      secretAccessKey,
    });
    return fetch(url, {
      method,
      headers: { ...headers, authorization },
      ...(body ? { body: new Uint8Array(body) } : {}),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  }

  async put(key: string, bytes: Buffer, mediaType: string): Promise<void> {
    const response = await this.send('PUT', key, bytes, mediaType);
    if (!response.ok) throw await failure(response, `PUT ${key}`);
    await response.body?.cancel();
  }

  async get(key: string): Promise<Buffer | null> {
    const response = await this.send('GET', key);
    if (response.status === 404) {
      await response.body?.cancel();
      return null;
    }
    if (!response.ok) throw await failure(response, `GET ${key}`);
    return Buffer.from(await response.arrayBuffer());
  }

  async delete(key: string): Promise<void> {
    const response = await this.send('DELETE', key);
    // S3 answers 204 whether or not the key existed; some compatible services say 404 for a missing one.
    if (!response.ok && response.status !== 404) throw await failure(response, `DELETE ${key}`);
    await response.body?.cancel();
  }
}
