// Between the Configurar envíos form and the service: which posted field is which setting, what the page
// shows again (never a password or token), and which field each problem belongs next to.
import type { MessageChannel } from '../../platform/db/schema.js';
import { numberOf, type PostedForm } from '../catalog/web-catalog.request.js';
import type { ChannelProblems } from './channel-problems.rules.js';
import { SMS_PROVIDERS, type SmsProviderName } from './channels.rules.js';
import type { ChannelSettingsView } from './channels.service.js';

export const CHANNELS: readonly MessageChannel[] = ['mail', 'sms', 'whatsapp'];

export const channelOf = (value: string): MessageChannel | null =>
  (CHANNELS as readonly string[]).includes(value) ? (value as MessageChannel) : null;

const MAIL_TEXTS = ['host', 'security', 'user', 'fromName', 'fromAddress', 'replyTo'] as const;
const WHATSAPP_TEXTS = ['phoneNumberId', 'apiVersion', 'baseUrl'] as const;

/** Each SMS company's own fields; on the page they carry the company as a prefix ("twilio-from"). */
export const SMS_FIELDS: Record<SmsProviderName, readonly string[]> = {
  smsmasivos: ['user', 'baseUrl'],
  twilio: ['accountSid', 'from', 'messagingServiceSid', 'baseUrl'],
  webhook: ['url'],
};

export const smsField = (provider: SmsProviderName, key: string) => `${provider}-${key}`;

const isSmsProvider = (value: string): value is SmsProviderName => (SMS_PROVIDERS as readonly string[]).includes(value);

/** The test's fields as the page names them (the service calls them to, template, language). */
const TEST_FIELDS: Record<string, string> = { to: 'testTo', template: 'testTemplate', language: 'testLanguage' };

export interface ChannelForm {
  /** Everything typed, to show again — secrets left out on purpose. */
  values: Record<string, string>;
  settings: Record<string, unknown>;
  secret: string;
  eraseSecret: boolean;
  test: { to: string; verifyOnly: boolean; template: string; language: string };
}

export function readChannelForm(channel: MessageChannel, form: PostedForm): ChannelForm {
  const values: Record<string, string> = {};
  const settings: Record<string, unknown> = {};
  let secret = form.text('secret');
  if (channel === 'mail') {
    for (const key of MAIL_TEXTS) values[key] = settings[key] = form.text(key);
    values.port = form.text('port');
    settings.port = numberOf(values.port);
  } else if (channel === 'whatsapp') {
    for (const key of WHATSAPP_TEXTS) values[key] = settings[key] = form.text(key);
  } else {
    const provider = form.text('provider');
    values.provider = settings.provider = provider;
    // Every company's fields come back as typed; only the chosen one's are settings.
    for (const [name, keys] of Object.entries(SMS_FIELDS) as [SmsProviderName, readonly string[]][]) {
      for (const key of keys) {
        const value = form.text(smsField(name, key));
        values[smsField(name, key)] = value;
        if (name === provider) settings[key] = value;
      }
    }
    secret = isSmsProvider(provider) ? form.text(smsField(provider, 'secret')) : '';
  }
  const test = {
    to: form.text('testTo'),
    verifyOnly: form.flag('testVerifyOnly'),
    template: form.text('testTemplate'),
    language: form.text('testLanguage'),
  };
  values.testTo = test.to;
  values.testVerifyOnly = test.verifyOnly ? '1' : '';
  values.testTemplate = test.template;
  values.testLanguage = test.language;
  values.eraseSecret = form.flag('eraseSecret') ? '1' : '';
  return { values, settings, secret, eraseSecret: form.flag('eraseSecret'), test };
}

/** The problems keyed by the page's field names, so each shows next to its field. */
export function fieldProblems(
  channel: MessageChannel,
  problems: ChannelProblems,
  values: Record<string, string>,
): ChannelProblems {
  const provider = values.provider ?? '';
  const fields: ChannelProblems = {};
  for (const [key, problem] of Object.entries(problems)) {
    let field = TEST_FIELDS[key] ?? key;
    if (channel === 'sms' && isSmsProvider(provider) && key !== 'provider' && !(key in TEST_FIELDS)) {
      field = smsField(provider, key);
    }
    fields[field] = problem;
  }
  return fields;
}

/** The form as saved (or empty, with the usual choices made), for opening the page. */
export function savedValues(channel: MessageChannel, view: ChannelSettingsView): Record<string, string> {
  if (channel === 'mail') {
    const s = view.mail?.settings;
    return s
      ? { ...s, port: String(s.port) }
      : { host: '', port: '587', security: 'starttls', user: '', fromName: '', fromAddress: '', replyTo: '' };
  }
  if (channel === 'whatsapp') {
    const s = view.whatsapp?.settings;
    return { phoneNumberId: '', apiVersion: '', baseUrl: '', ...s, testTemplate: 'hello_world', testLanguage: 'en_US' };
  }
  const s = view.sms?.settings;
  if (!s) return { provider: 'smsmasivos', testVerifyOnly: '1' };
  const values: Record<string, string> = {
    provider: s.provider,
    testVerifyOnly: s.provider === 'smsmasivos' ? '1' : '',
  };
  for (const [key, value] of Object.entries(s)) {
    if (key !== 'provider') values[smsField(s.provider, key)] = String(value);
  }
  return values;
}
