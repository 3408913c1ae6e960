// SMS Masivos (Argentina), the provider the manual names. From the company's API guide (version 8): GET or
// POST to {base}/enviar_sms.asp?api=1 with USUARIO and CLAVE, and TOS = the number without country code,
// for Argentina without 0 and 15 (10 digits). The rest is how published clients of this API use it, not
// confirmed against the company: TEXTO; APIKEY in place of user and password on newer accounts; IDINTERNO
// (our id, letters and digits, up to 50); TEST=1 (checked, neither sent nor charged); RESPUESTANUMERICA=1
// for "code;text" answers (0 sent, 1 test accepted, negative a refusal, codes below) instead of "OK" or an
// error text, both of which are read; answers in Latin-1. The base URL is configurable.
import { DeliveryError } from './delivery-error.js';
import { callProvider, DEFAULT_TIMEOUT_MS, statusFailure } from './http-call.js';
import type { E164, SendOptions, SendResult, SmsProvider } from './provider.js';

export const SMSMASIVOS_BASE_URL = 'https://servicio.smsmasivos.com.ar';

export interface SmsMasivosConfig {
  /** Either apiKey, or user and password as the company hands them out. */
  apiKey?: string;
  user?: string;
  password?: string;
  baseUrl?: string;
  /** POST keeps the password and the patient's text out of proxies' and servers' access logs. */
  method?: 'GET' | 'POST';
  /** The company checks the request without sending or charging it: for the "send test" button. */
  test?: boolean;
  /** How TEXTO is percent-encoded. The service answers in Latin-1, so Latin-1 is assumed for requests too. */
  textCharset?: 'latin1' | 'utf-8';
  timeoutMs?: number;
}

/** The numeric answers' meaning; every refusal is permanent: the same request would be refused again. */
const REFUSALS: Record<string, string> = {
  '-1': 'landline',
  '-2': 'too_many_failures',
  '-3': 'unsubscribed',
  // The same text to the same number shortly before: after a lost answer this means it was sent.
  '-4': 'duplicate',
  '-5': 'spam',
  '-6': 'too_long',
  '-7': 'invalid_number',
  '-8': 'invalid_number',
  '-9': 'invalid_area_code',
  '-10': 'carrier_rejected',
  '-11': 'invalid_characters',
  '-12': 'invalid_number',
  '-14': 'do_not_call',
};

/** "+5491112345678" → "1112345678": the service wants Argentine mobiles as 10 digits, without 0 or 15. */
export function smsMasivosNumber(to: E164): string | null {
  const m = /^\+549(\d{10})$/.exec(to);
  return m ? m[1]! : null;
}

/** Percent-encoding of one value in Latin-1; characters outside it (an emoji) become "?". */
function latin1Component(value: string): string {
  let out = '';
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (/[A-Za-z0-9\-_.~]/.test(char)) out += char;
    else if (code <= 0xff) out += `%${code.toString(16).toUpperCase().padStart(2, '0')}`;
    else out += '%3F';
  }
  return out;
}

function encodeForm(params: [string, string][], charset: 'latin1' | 'utf-8'): string {
  if (charset === 'utf-8') return new URLSearchParams(params).toString();
  return params.map(([k, v]) => `${k}=${latin1Component(v)}`).join('&');
}

/** The service's answer → accepted, or the DeliveryError to throw. */
export function readSmsMasivosAnswer(body: string): { accepted: true } | { accepted: false; error: DeliveryError } {
  const provider = 'smsmasivos';
  const numeric = /^(-?\d+)\s*(?:;([\s\S]*))?$/.exec(body);
  if (numeric) {
    const code = numeric[1]!;
    if (code === '0' || code === '1') return { accepted: true };
    const reason = REFUSALS[code] ?? 'refused';
    return {
      accepted: false,
      error: new DeliveryError({ provider, kind: 'permanent', reason, answer: body, providerCode: code }),
    };
  }
  if (/^OK\b/i.test(body)) return { accepted: true };
  // Wrong user or password, no credit left, an expired package: words, not codes, and none will change by retrying.
  return {
    accepted: false,
    error: new DeliveryError({ provider, kind: 'permanent', reason: 'refused', answer: body }),
  };
}

export function smsMasivosProvider(config: SmsMasivosConfig): SmsProvider {
  const base = (config.baseUrl ?? SMSMASIVOS_BASE_URL).replace(/\/+$/, '');
  const method = config.method ?? 'POST';
  const charset = config.textCharset ?? 'latin1';
  return {
    name: 'smsmasivos',
    async send(to: E164, text: string, { messageId }: SendOptions): Promise<SendResult> {
      const tos = smsMasivosNumber(to);
      if (!tos) {
        throw new DeliveryError({ provider: 'smsmasivos', kind: 'permanent', reason: 'unsupported_destination' });
      }
      const internalId = messageId.replace(/[^A-Za-z0-9]/g, '').slice(0, 50);
      const credentials: [string, string][] = config.apiKey
        ? [['apikey', config.apiKey]]
        : [
            ['usuario', config.user ?? ''],
            ['clave', config.password ?? ''],
          ];
      const params: [string, string][] = [
        ...credentials,
        ['tos', tos],
        ['texto', text],
        ['idinterno', internalId],
        ['respuestanumerica', '1'],
        ...(config.test ? ([['test', '1']] as [string, string][]) : []),
      ];
      const form = encodeForm(params, charset);
      const answer = await callProvider('smsmasivos', {
        method,
        url: method === 'GET' ? `${base}/enviar_sms.asp?api=1&${form}` : `${base}/enviar_sms.asp?api=1`,
        charset: 'latin1',
        timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        ...(method === 'POST'
          ? {
              headers: {
                'content-type': `application/x-www-form-urlencoded; charset=${charset === 'latin1' ? 'ISO-8859-1' : 'UTF-8'}`,
              },
              body: form,
            }
          : {}),
      });
      if (answer.status < 200 || answer.status >= 300) throw statusFailure('smsmasivos', answer);
      const read = readSmsMasivosAnswer(answer.body);
      if (!read.accepted) throw read.error;
      // The service returns no id of its own: the message is known there by IDINTERNO.
      return { providerId: internalId || messageId };
    },
  };
}
