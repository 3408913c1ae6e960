// A generic provider: POST {to, text, messageId} as JSON to a URL the center configures, for a gateway of
// its own or a company without an adapter here. Any 2xx means accepted. The receiver can authenticate us
// by a bearer token or a secret header, and recognise a repeated message by messageId (also sent as
// Idempotency-Key).
import { callProvider, DEFAULT_TIMEOUT_MS, jsonOf, statusFailure } from './http-call.js';
import { type E164, requireE164, type SendOptions, type SendResult, type SmsProvider } from './provider.js';

export interface WebhookConfig {
  url: string;
  /** Sent as "Authorization: Bearer …". */
  bearerToken?: string;
  /** Sent as a header of that name, for receivers that check a shared secret. */
  secretHeader?: { name: string; value: string };
  timeoutMs?: number;
}

/** The receiver may name its own id as "id" or "providerId"; otherwise ours stands for it. */
function idOf(body: string): string | undefined {
  const parsed = jsonOf(body) as { id?: unknown; providerId?: unknown } | null;
  const id = parsed?.providerId ?? parsed?.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

export function webhookProvider(config: WebhookConfig): SmsProvider {
  return {
    name: 'webhook',
    async send(to: E164, text: string, { messageId }: SendOptions): Promise<SendResult> {
      requireE164('webhook', to);
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        accept: 'application/json',
        'idempotency-key': messageId,
      };
      if (config.bearerToken) headers.authorization = `Bearer ${config.bearerToken}`;
      if (config.secretHeader) headers[config.secretHeader.name.toLowerCase()] = config.secretHeader.value;
      const answer = await callProvider('webhook', {
        method: 'POST',
        url: config.url,
        headers,
        body: JSON.stringify({ to, text, messageId }),
        timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      });
      if (answer.status < 200 || answer.status >= 300) throw statusFailure('webhook', answer);
      return { providerId: idOf(answer.body) ?? messageId };
    },
  };
}
