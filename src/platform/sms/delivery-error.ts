// The one error every messaging adapter throws, so the worker decides retry-or-fail the same way for all.

/**
 * temporary: the provider may accept it later (timeout, connection refused or cut, HTTP 5xx, 429, a
 * "try again" code). permanent: retrying cannot help (bad number, rejected text, wrong credentials,
 * no credit, any other 4xx).
 */
export type DeliveryErrorKind = 'temporary' | 'permanent';

export interface DeliveryErrorDetails {
  provider: string;
  kind: DeliveryErrorKind;
  /** Short stable reason for code and filters: "timeout", "network", "http_503", "invalid_number"… */
  reason: string;
  /** HTTP status, when the provider answered at all. */
  status?: number;
  /** The provider's answer as received (trimmed to a few KB), kept for the send log. */
  answer?: string;
  /** The provider's own error code, when it has one ("21211", "-7", "131026"). */
  providerCode?: string;
  /** How long the provider asked us to wait (Retry-After), when it said so. */
  retryAfterMs?: number;
}

export class DeliveryError extends Error {
  readonly provider: string;
  readonly kind: DeliveryErrorKind;
  readonly reason: string;
  readonly status?: number;
  readonly answer?: string;
  readonly providerCode?: string;
  readonly retryAfterMs?: number;

  constructor(details: DeliveryErrorDetails, options?: { cause?: unknown }) {
    // The answer stays out of the message: providers echo the number or the text, and messages get logged.
    const code = details.providerCode ? `, code ${details.providerCode}` : '';
    super(`${details.provider}: ${details.kind} failure (${details.reason}${code})`, options);
    this.name = 'DeliveryError';
    this.provider = details.provider;
    this.kind = details.kind;
    this.reason = details.reason;
    if (details.status !== undefined) this.status = details.status;
    if (details.answer !== undefined) this.answer = details.answer;
    if (details.providerCode !== undefined) this.providerCode = details.providerCode;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
  }

  get temporary(): boolean {
    return this.kind === 'temporary';
  }
}
