// What each channel's configuration holds. Plain settings are stored as JSON; the password, key or token
// of each provider is sealed apart (`sealed_secret`) and never shown back on a page or in the API.
import { z } from 'zod';

export const SMTP_SECURITY = ['none', 'starttls', 'tls'] as const;
export const SMS_PROVIDERS = ['smsmasivos', 'twilio', 'webhook'] as const;
export type SmsProviderName = (typeof SMS_PROVIDERS)[number];

const optionalUrl = z.union([z.literal(''), z.url({ protocol: /^https?$/ })]).default('');
const optionalEmail = z.union([z.literal(''), z.email()]).default('');

export const mailSettingsSchema = z.object({
  host: z.string().trim().min(1),
  port: z.number().int().min(1).max(65535),
  security: z.enum(SMTP_SECURITY),
  user: z.string().trim().default(''),
  fromName: z.string().trim().default(''),
  fromAddress: optionalEmail,
  replyTo: optionalEmail,
});
export type MailSettings = z.infer<typeof mailSettingsSchema>;

export const smsSettingsSchema = z.discriminatedUnion('provider', [
  z.object({
    provider: z.literal('smsmasivos'),
    user: z.string().trim().min(1),
    /** Another address for the same API (a reseller, or a stand-in in tests); empty: the company's. */
    baseUrl: optionalUrl,
  }),
  z.object({
    provider: z.literal('twilio'),
    accountSid: z
      .string()
      .trim()
      .regex(/^AC[0-9a-fA-F]{32}$/),
    /** The sending number (E.164) or, instead, a Messaging Service. */
    from: z.string().trim().default(''),
    messagingServiceSid: z.string().trim().default(''),
    baseUrl: optionalUrl,
  }),
  z.object({
    provider: z.literal('webhook'),
    url: z.url({ protocol: /^https?$/ }),
  }),
]);
export type SmsSettings = z.infer<typeof smsSettingsSchema>;

export const whatsAppSettingsSchema = z.object({
  phoneNumberId: z
    .string()
    .trim()
    .regex(/^\d{5,20}$/),
  apiVersion: z.string().trim().default(''),
  baseUrl: optionalUrl,
});
export type WhatsAppSettings = z.infer<typeof whatsAppSettingsSchema>;

/** The From header: the configured name and address, or the center's when left empty. */
export function mailFrom(settings: Pick<MailSettings, 'fromName' | 'fromAddress'>, fallback: string): string {
  if (!settings.fromAddress) return fallback;
  const name = settings.fromName.replace(/["\\\r\n]/g, '');
  return name ? `"${name}" <${settings.fromAddress}>` : settings.fromAddress;
}
