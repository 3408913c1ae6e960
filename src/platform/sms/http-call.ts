// One HTTP request to a messaging provider, with a deadline, turning every way it can go wrong into a
// DeliveryError. A timeout is temporary even though the provider may have accepted the message before
// the answer was lost: that is the one case where a retry can send twice, and the messageId is there
// so it can be recognised.
import { DeliveryError } from './delivery-error.js';

export const DEFAULT_TIMEOUT_MS = 15_000;
const ANSWER_MAX = 4000;

export interface ProviderRequest {
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs?: number;
  /** How the provider encodes its answers; most speak UTF-8, some older ones Latin-1. */
  charset?: 'utf-8' | 'latin1';
}

export interface ProviderAnswer {
  status: number;
  headers: Headers;
  /** The body as text, trimmed to a few KB so a runaway answer cannot fill the send log. */
  body: string;
}

const NETWORK_CODES = /^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|UND_ERR)/;

function networkFailure(provider: string, error: unknown): DeliveryError {
  const name = (error as { name?: string })?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new DeliveryError({ provider, kind: 'temporary', reason: 'timeout' }, { cause: error });
  }
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const code = cause?.code ?? '';
  const answer = [code, cause?.message].filter(Boolean).join(' ') || String(error);
  const reason = NETWORK_CODES.test(code) ? 'network' : 'network_other';
  return new DeliveryError({ provider, kind: 'temporary', reason, answer }, { cause: error });
}

export async function callProvider(provider: string, request: ProviderRequest): Promise<ProviderAnswer> {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch (error) {
    throw new DeliveryError({ provider, kind: 'permanent', reason: 'bad_configuration' }, { cause: error });
  }
  try {
    const response = await fetch(url, {
      method: request.method,
      headers: request.headers ?? {},
      ...(request.body !== undefined ? { body: request.body } : {}),
      // Covers connecting, waiting and reading the body: a provider that sends headers then hangs is caught too.
      signal: AbortSignal.timeout(request.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
    const bytes = await response.arrayBuffer();
    const body = new TextDecoder(request.charset ?? 'utf-8').decode(bytes).trim().slice(0, ANSWER_MAX);
    return { status: response.status, headers: response.headers, body };
  } catch (error) {
    throw networkFailure(provider, error);
  }
}

/** The answer parsed as JSON, or null when it is not: a provider's proxy may answer in HTML or plain text. */
export function jsonOf(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return null;
  }
}

/** Retry-After in seconds or as an HTTP date → milliseconds from now. */
export function retryAfterMs(headers: Headers, nowMs = Date.now()): number | undefined {
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** 408, 429 and 5xx may work later; any other non-2xx will not. */
export const isTemporaryStatus = (status: number) => status === 408 || status === 429 || status >= 500;

/** The error for a non-2xx answer, classified by its status; adapters refine it with the provider's code. */
export function statusFailure(
  provider: string,
  answer: ProviderAnswer,
  extra: { reason?: string; providerCode?: string; kind?: 'temporary' | 'permanent' } = {},
): DeliveryError {
  const kind = extra.kind ?? (isTemporaryStatus(answer.status) ? 'temporary' : 'permanent');
  const wait = retryAfterMs(answer.headers);
  return new DeliveryError({
    provider,
    kind,
    reason: extra.reason ?? `http_${answer.status}`,
    status: answer.status,
    answer: answer.body,
    ...(extra.providerCode !== undefined ? { providerCode: extra.providerCode } : {}),
    ...(wait !== undefined ? { retryAfterMs: wait } : {}),
  });
}
