// WhatsApp Business Cloud API. A business may only start a conversation with a template Meta approved, so
// a reminder is the approved template's name and language plus the body's {{1}}, {{2}}… values:
// POST {base}/v{version}/{phone-number-id}/messages with a bearer token and
// {messaging_product: "whatsapp", to, type: "template", template: {name, language: {code}, components}}.
// Meta answers {messages: [{id: "wamid…"}]}, or {error: {code, message, …}} with a 4xx/5xx status.
import { callProvider, DEFAULT_TIMEOUT_MS, jsonOf, statusFailure } from '../sms/http-call.js';
import { type E164, requireE164, type SendOptions, type SendResult } from '../sms/provider.js';

export const GRAPH_BASE_URL = 'https://graph.facebook.com';
export const GRAPH_API_VERSION = 'v21.0';

export interface WhatsAppConfig {
  accessToken: string;
  /** The id of the business phone number (not the number itself), from the WhatsApp Manager. */
  phoneNumberId: string;
  /** "v21.0" or "21.0". */
  apiVersion?: string;
  baseUrl?: string;
  timeoutMs?: number;
}

export interface WhatsAppTemplate {
  /** The approved template's name, e.g. "recordatorio_turno". */
  name: string;
  /** The approved translation's code, e.g. "es_AR" or "es". */
  language: string;
  /** The values of {{1}}, {{2}}… in the template's body, in order. */
  bodyParameters: string[];
}

export interface WhatsAppSender {
  readonly name: string;
  sendTemplate(to: E164, template: WhatsAppTemplate, options: SendOptions): Promise<SendResult>;
}

/**
 * Meta's codes that mean "not now": rate and throughput limits, and its own passing failures. Meta sends
 * most of them with a 400, so the status alone would call them permanent.
 */
const TEMPORARY_CODES = new Set([1, 2, 4, 17, 341, 80007, 130429, 131000, 131016, 131048, 131056, 133004]);

const REASONS: Record<number, string> = {
  190: 'bad_credentials',
  131026: 'undeliverable',
  131030: 'recipient_not_allowed',
  131047: 'outside_conversation_window',
  131050: 'unsubscribed',
  132000: 'template_parameters_mismatch',
  132001: 'template_not_found',
  133010: 'number_not_registered',
};

/**
 * A body parameter may not be empty nor hold line breaks, tabs or more than four spaces in a row: Meta
 * refuses the whole message. An indication typed with a line break, or a patient without insurer, must
 * not cost the reminder.
 */
export function whatsAppParameter(value: string): string {
  const text = value
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/ {4,}/g, '   ')
    .trim();
  return text === '' ? '-' : text;
}

/** Meta's own error code, from {error: {code, …}}. */
function graphErrorCode(body: string): number | undefined {
  const code = (jsonOf(body) as { error?: { code?: unknown } } | null)?.error?.code;
  return typeof code === 'number' ? code : undefined;
}

function messageIdOf(body: string): string | undefined {
  const id = (jsonOf(body) as { messages?: { id?: unknown }[] } | null)?.messages?.[0]?.id;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

export function whatsAppCloudSender(config: WhatsAppConfig): WhatsAppSender {
  const base = (config.baseUrl ?? GRAPH_BASE_URL).replace(/\/+$/, '');
  const version = (config.apiVersion ?? GRAPH_API_VERSION).replace(/^v?/, 'v');
  const url = `${base}/${version}/${encodeURIComponent(config.phoneNumberId)}/messages`;
  return {
    name: 'whatsapp',
    async sendTemplate(to: E164, template: WhatsAppTemplate, { messageId }: SendOptions): Promise<SendResult> {
      requireE164('whatsapp', to);
      const parameters = template.bodyParameters.map((text) => ({ type: 'text', text: whatsAppParameter(text) }));
      const payload = {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: to.slice(1),
        type: 'template',
        template: {
          name: template.name,
          language: { code: template.language },
          ...(parameters.length > 0 ? { components: [{ type: 'body', parameters }] } : {}),
        },
        // Echoed back in Meta's status webhooks: ties a delivery report to our message.
        biz_opaque_callback_data: messageId,
      };
      const answer = await callProvider('whatsapp', {
        method: 'POST',
        url,
        headers: { authorization: `Bearer ${config.accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(payload),
        timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      });
      if (answer.status < 200 || answer.status >= 300) {
        const code = graphErrorCode(answer.body);
        const temporary = code !== undefined && TEMPORARY_CODES.has(code);
        throw statusFailure('whatsapp', answer, {
          ...(code !== undefined ? { providerCode: String(code) } : {}),
          ...(code !== undefined && REASONS[code] ? { reason: REASONS[code] } : {}),
          ...(temporary ? { kind: 'temporary' as const, reason: `rate_or_service_${code}` } : {}),
        });
      }
      // 2xx without an id still means Meta took the request: recorded as sent rather than risk a second copy.
      return { providerId: messageIdOf(answer.body) ?? messageId };
    },
  };
}
