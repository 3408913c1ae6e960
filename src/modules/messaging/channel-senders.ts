// Builds the outbox worker's senders from the saved channel settings (falling back to SMTP_URL for mail),
// and rebuilds one only when its settings change, so SMTP connections stay pooled between cycles.
import type { AppContext } from '../../context.js';
import type { MessageChannel } from '../../platform/db/schema.js';
import { type MailSender, smtpSender } from '../../platform/mail/smtp.js';
import type { ChannelSenders, SenderSource } from '../../platform/outbox/worker.js';
import { sealingKey, unseal } from '../../platform/sealed.js';
import type { SmsProvider } from '../../platform/sms/provider.js';
import { smsMasivosProvider } from '../../platform/sms/smsmasivos.js';
import { twilioProvider } from '../../platform/sms/twilio.js';
import { webhookProvider } from '../../platform/sms/webhook.js';
import { type WhatsAppSender, whatsAppCloudSender } from '../../platform/whatsapp/cloud-api.js';
import { centerMailFrom } from '../center/center.service.js';
import { listChannelRows } from './channels.repo.js';
import {
  type MailSettings,
  mailFrom,
  mailSettingsSchema,
  type SmsSettings,
  smsSettingsSchema,
  type WhatsAppSettings,
  whatsAppSettingsSchema,
} from './channels.rules.js';

export function mailSenderOf(settings: MailSettings, password: string, options: { pool?: boolean } = {}): MailSender {
  return smtpSender({ ...settings, password }, options);
}

export function smsProviderOf(settings: SmsSettings, secret: string, options: { test?: boolean } = {}): SmsProvider {
  switch (settings.provider) {
    case 'smsmasivos':
      return smsMasivosProvider({
        user: settings.user,
        password: secret,
        ...(settings.baseUrl ? { baseUrl: settings.baseUrl } : {}),
        ...(options.test ? { test: true } : {}),
      });
    case 'twilio':
      return twilioProvider({
        accountSid: settings.accountSid,
        authToken: secret,
        ...(settings.from ? { from: settings.from } : {}),
        ...(settings.messagingServiceSid ? { messagingServiceSid: settings.messagingServiceSid } : {}),
        ...(settings.baseUrl ? { baseUrl: settings.baseUrl } : {}),
      });
    case 'webhook':
      return webhookProvider({ url: settings.url, ...(secret ? { bearerToken: secret } : {}) });
  }
}

export function whatsAppSenderOf(settings: WhatsAppSettings, accessToken: string): WhatsAppSender {
  return whatsAppCloudSender({
    accessToken,
    phoneNumberId: settings.phoneNumberId,
    ...(settings.apiVersion ? { apiVersion: settings.apiVersion } : {}),
    ...(settings.baseUrl ? { baseUrl: settings.baseUrl } : {}),
  });
}

export interface SenderFallback {
  /** SMTP_URL: used while no mail server is saved on the configuration page. */
  smtpUrl: string | null;
  /** MAIL_FROM; empty: the center's name and contact e-mail. */
  mailFrom: string;
}

export function configuredSenders(ctx: AppContext, fallback: SenderFallback): SenderSource {
  // One built sender per channel, with the settings version it was built from.
  const built = new Map<MessageChannel, { version: string; senders: ChannelSenders }>();
  const closeMail = (channel: MessageChannel) => built.get(channel)?.senders.mail?.sender.close();

  const build = async (channel: MessageChannel, version: string, make: () => Promise<ChannelSenders>) => {
    const cached = built.get(channel);
    if (cached?.version === version) return cached.senders;
    closeMail(channel);
    const senders = await make();
    built.set(channel, { version, senders });
    return senders;
  };

  return {
    async current() {
      const rows = await listChannelRows(ctx.database.db);
      // Read at every batch the worker claims: the key is only needed when a sender is (re)built.
      const secretOf = async (sealed: string | null) => (sealed ? unseal(await sealingKey(ctx), sealed) : '');
      const result: ChannelSenders = {};
      const mailRow = rows.find((r) => r.channel === 'mail');
      const centerFrom = mailRow || fallback.smtpUrl ? await centerMailFrom(ctx, fallback.mailFrom) : '';
      if (mailRow) {
        const settings = mailSettingsSchema.parse(JSON.parse(mailRow.settings));
        const mail = await build('mail', mailRow.updatedAt, async () => ({
          mail: { sender: mailSenderOf(settings, await secretOf(mailRow.sealedSecret)), from: '' },
        }));
        if (mail.mail) {
          result.mail = { ...mail.mail, from: mailFrom(settings, centerFrom) };
          if (settings.replyTo) result.mail.replyTo = settings.replyTo;
        }
      } else if (fallback.smtpUrl) {
        const url = fallback.smtpUrl;
        const mail = await build('mail', `env:${url}`, async () => ({ mail: { sender: smtpSender(url), from: '' } }));
        if (mail.mail) result.mail = { ...mail.mail, from: centerFrom };
      } else closeMail('mail');
      const smsRow = rows.find((r) => r.channel === 'sms');
      if (smsRow) {
        const settings = smsSettingsSchema.parse(JSON.parse(smsRow.settings));
        const built = await build('sms', smsRow.updatedAt, async () => ({
          sms: smsProviderOf(settings, await secretOf(smsRow.sealedSecret)),
        }));
        if (built.sms) result.sms = built.sms;
      }
      const waRow = rows.find((r) => r.channel === 'whatsapp');
      if (waRow) {
        const settings = whatsAppSettingsSchema.parse(JSON.parse(waRow.settings));
        const built = await build('whatsapp', waRow.updatedAt, async () => ({
          whatsapp: whatsAppSenderOf(settings, await secretOf(waRow.sealedSecret)),
        }));
        if (built.whatsapp) result.whatsapp = built.whatsapp;
      }
      return result;
    },
    close() {
      for (const channel of built.keys()) closeMail(channel);
      built.clear();
    },
  };
}
