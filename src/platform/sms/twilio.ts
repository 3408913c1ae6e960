// Twilio's Messages API: POST {base}/2010-04-01/Accounts/{AccountSid}/Messages.json, HTTP basic auth with
// the account SID and auth token, form-encoded To, From (or MessagingServiceSid) and Body. 201 carries the
// message "sid"; errors carry a JSON body {code, message, status, more_info}.
import { callProvider, DEFAULT_TIMEOUT_MS, jsonOf, statusFailure } from './http-call.js';
import { type E164, requireE164, type SendOptions, type SendResult, type SmsProvider } from './provider.js';

export const TWILIO_BASE_URL = 'https://api.twilio.com';

export interface TwilioConfig {
  accountSid: string;
  authToken: string;
  /** The sending number (E.164) or alphanumeric sender; or use messagingServiceSid instead. */
  from?: string;
  messagingServiceSid?: string;
  /** Where Twilio reports delivery later; optional. */
  statusCallback?: string;
  baseUrl?: string;
  timeoutMs?: number;
}

/** Twilio codes for a destination that will never take this message. */
const DESTINATION_CODES: Record<string, string> = {
  '21211': 'invalid_number',
  '21214': 'invalid_number',
  '21408': 'region_not_enabled',
  '21610': 'unsubscribed',
  '21612': 'unreachable_destination',
  '21614': 'not_mobile',
};

function errorCode(body: string): string | undefined {
  const code = (jsonOf(body) as { code?: unknown } | null)?.code;
  return code === undefined || code === null ? undefined : String(code);
}

function sidOf(body: string): string | undefined {
  const sid = (jsonOf(body) as { sid?: unknown } | null)?.sid;
  return typeof sid === 'string' && sid !== '' ? sid : undefined;
}

export function twilioProvider(config: TwilioConfig): SmsProvider {
  const base = (config.baseUrl ?? TWILIO_BASE_URL).replace(/\/+$/, '');
  const url = `${base}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`;
  const auth = Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64');
  return {
    name: 'twilio',
    async send(to: E164, text: string, options: SendOptions): Promise<SendResult> {
      requireE164('twilio', to);
      const form = new URLSearchParams({ To: to, Body: text });
      if (config.messagingServiceSid) form.set('MessagingServiceSid', config.messagingServiceSid);
      else if (config.from) form.set('From', config.from);
      if (config.statusCallback) form.set('StatusCallback', config.statusCallback);
      const answer = await callProvider('twilio', {
        method: 'POST',
        url,
        headers: {
          authorization: `Basic ${auth}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: form.toString(),
        timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      });
      if (answer.status < 200 || answer.status >= 300) {
        const code = errorCode(answer.body);
        const reason = code ? DESTINATION_CODES[code] : undefined;
        throw statusFailure('twilio', answer, {
          ...(reason ? { reason } : {}),
          ...(code ? { providerCode: code } : {}),
        });
      }
      // 2xx means Twilio created the message; an odd body must not make the worker send it again.
      return { providerId: sidOf(answer.body) ?? options.messageId };
    },
  };
}
