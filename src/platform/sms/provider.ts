// What the reminder worker needs from an SMS company: send one text to one number, and say clearly
// whether a failure is worth retrying. Each company's HTTP API lives in its own adapter file.
import { DeliveryError } from './delivery-error.js';

export { DeliveryError, type DeliveryErrorKind } from './delivery-error.js';

/** A phone number in E.164: "+" and up to 15 digits, "+5491112345678" for an Argentine mobile. */
export type E164 = `+${string}`;

export const isE164 = (value: string): value is E164 => /^\+[1-9]\d{6,14}$/.test(value);

/** Refuses, before any request, a number that slipped past normalization: no provider could take it. */
export function requireE164(provider: string, to: string): void {
  if (!isE164(to)) throw new DeliveryError({ provider, kind: 'permanent', reason: 'invalid_number' });
}

export interface SendOptions {
  /**
   * Our stable id of the message (the outbox row's). Sent to the provider where its API has a place for
   * it, so a message sent twice after a lost answer can be recognised on its side.
   */
  messageId: string;
}

export interface SendResult {
  /** The provider's id of the accepted message, or our messageId when its API gives none. */
  providerId: string;
}

export interface SmsProvider {
  /** Stable short name, stored with each message: "smsmasivos", "twilio", "webhook". */
  readonly name: string;
  /** Resolves once the provider accepted the message; throws DeliveryError otherwise. */
  send(to: E164, text: string, options: SendOptions): Promise<SendResult>;
}
