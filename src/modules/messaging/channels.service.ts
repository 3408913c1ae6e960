// Configurar envíos: each channel's settings (mail, SMS, WhatsApp) and the "Enviar prueba" beside each.
// Passwords and tokens are sealed on save and never leave the server again; a test uses the typed one or,
// when none is typed, the saved one. Tests go out directly, not through the outbox: they are the admin's
// check of a server, not a message to a patient, and the admin waits for the answer.
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../context.js';
import type { MessageChannel } from '../../platform/db/schema.js';
import { seal, sealingKey, unseal } from '../../platform/sealed.js';
import { DeliveryError, type E164 } from '../../platform/sms/provider.js';
import { isoUtc } from '../../platform/time/zone.js';
import { centerMailFrom, getCenter } from '../center/center.service.js';
import { normalizeEmail } from '../patients/patients.rules.js';
import { type Actor, requireStaff } from '../staff/actor.js';
import {
  type ChannelProblems,
  ChannelSettingsError,
  problemsOfIssues,
  tooLongFields,
} from './channel-problems.rules.js';
import { smsProviderOf, whatsAppSenderOf } from './channel-senders.js';
import { channelsMessages } from './channels.messages.js';
import { deleteChannelRow, findChannelRow, listChannelRows, saveChannelRow } from './channels.repo.js';
import {
  type MailSettings,
  mailFrom,
  mailSettingsSchema,
  SMS_PROVIDERS,
  type SmsSettings,
  smsSettingsSchema,
  type WhatsAppSettings,
  whatsAppSettingsSchema,
} from './channels.rules.js';
import { checkMobile } from './phone.rules.js';
import { WA_LANGUAGE, WA_TEMPLATE, WA_TEMPLATE_MAX } from './template-input.rules.js';
import { sendTestMailOver, type TestMailOutcome } from './test-mail.js';

interface SettingsOf {
  mail: MailSettings;
  sms: SmsSettings;
  whatsapp: WhatsAppSettings;
}

export interface ChannelState<S> {
  settings: S;
  /** A password or token is saved (it is never shown). */
  hasSecret: boolean;
  updatedAt: string;
  updatedBy: string;
}

export type ChannelSettingsView = { [C in MessageChannel]: ChannelState<SettingsOf[C]> | null };

/** What a form sends: the plain settings as the schemas name them, and the password or token apart. */
interface SettingsInput {
  actor: Actor;
  settings: Record<string, unknown>;
  /** Typed on the form; empty keeps (or, for a test, uses) the saved one. */
  secret?: string;
}

const SCHEMAS = { mail: mailSettingsSchema, sms: smsSettingsSchema, whatsapp: whatsAppSettingsSchema } as const;

// Both read what was typed, not the parsed settings: a missing password is then reported together with
// the other fields' problems instead of after they are fixed.

/** The provider column: what the outbox records as who carried each message. */
function providerOf(channel: MessageChannel, input: Record<string, unknown>): string {
  if (channel === 'sms') return typeof input.provider === 'string' ? input.provider : '';
  return channel === 'mail' ? 'smtp' : 'cloud-api';
}

/** Who cannot work without a password or token: every provider but an open mail server or a webhook. */
function needsSecret(channel: MessageChannel, input: Record<string, unknown>): boolean {
  if (channel === 'mail') return typeof input.user === 'string' && input.user.trim() !== '';
  if (channel === 'sms') return input.provider === 'smsmasivos' || input.provider === 'twilio';
  return true;
}

/** The settings, or every problem found in them (the test's own fields are checked by the caller). */
function parseSettings<C extends MessageChannel>(
  channel: C,
  input: Record<string, unknown>,
): { settings: SettingsOf[C] | null; problems: ChannelProblems } {
  const tooLong = tooLongFields(input);
  if (channel === 'sms' && !(SMS_PROVIDERS as readonly unknown[]).includes(input.provider)) {
    return { settings: null, problems: { provider: input.provider ? 'option' : 'required', ...tooLong } };
  }
  const parsed = SCHEMAS[channel].safeParse(input);
  const problems = { ...(parsed.success ? {} : problemsOfIssues(parsed.error.issues, input)), ...tooLong };
  const settings = parsed.success ? (parsed.data as SettingsOf[C]) : null;
  if (settings && channel === 'sms') {
    const sms = settings as SmsSettings;
    if (sms.provider === 'twilio' && !sms.from && !sms.messagingServiceSid) problems.from = 'twilioSender';
  }
  return { settings: Object.keys(problems).length === 0 ? settings : null, problems };
}

/** The saved secret, when it belongs to this provider (a Twilio token is no SMS Masivos password). */
async function savedSecret(ctx: AppContext, channel: MessageChannel, provider: string): Promise<string> {
  const row = await findChannelRow(ctx.database.db, channel);
  if (!row?.sealedSecret || row.provider !== provider) return '';
  try {
    return unseal(await sealingKey(ctx), row.sealedSecret);
  } catch {
    // Sealed under another SECRETS_KEY: as good as none; saving a new one replaces it.
    return '';
  }
}

/** Settings and secret for a test, or every problem of the form at once (test fields' included). */
async function testSetup<C extends MessageChannel>(
  ctx: AppContext,
  channel: C,
  input: SettingsInput,
  testProblems: ChannelProblems,
): Promise<{ settings: SettingsOf[C]; secret: string }> {
  const { settings, problems } = parseSettings(channel, input.settings);
  const secret = input.secret || (await savedSecret(ctx, channel, providerOf(channel, input.settings)));
  if (!secret && needsSecret(channel, input.settings)) problems.secret = 'secretRequired';
  const all = { ...problems, ...testProblems };
  if (!settings || Object.keys(all).length > 0) throw new ChannelSettingsError(all);
  return { settings, secret };
}

export async function getChannelSettingsView(ctx: AppContext, input: { actor: Actor }): Promise<ChannelSettingsView> {
  requireStaff(input.actor, ['admin']);
  const view: ChannelSettingsView = { mail: null, sms: null, whatsapp: null };
  for (const row of await listChannelRows(ctx.database.db)) {
    const parsed = SCHEMAS[row.channel].safeParse(JSON.parse(row.settings));
    if (!parsed.success) continue;
    const state = {
      settings: parsed.data,
      hasSecret: row.sealedSecret !== null,
      updatedAt: row.updatedAt,
      updatedBy: row.updatedBy,
    };
    (view as Record<MessageChannel, unknown>)[row.channel] = state;
  }
  return view;
}

export async function saveChannelSettings(
  ctx: AppContext,
  input: SettingsInput & { channel: MessageChannel; eraseSecret?: boolean },
): Promise<void> {
  const actor = requireStaff(input.actor, ['admin']);
  const { channel } = input;
  const { settings, problems } = parseSettings(channel, input.settings);
  const db = ctx.database.db;
  const previous = await findChannelRow(db, channel);
  const provider = providerOf(channel, input.settings);
  const kept = previous?.provider === provider && !input.eraseSecret ? previous.sealedSecret : null;
  if (!input.secret && !kept && needsSecret(channel, input.settings)) problems.secret = 'secretRequired';
  if (!settings || Object.keys(problems).length > 0) throw new ChannelSettingsError(problems);
  const sealedSecret = input.secret ? seal(await sealingKey(ctx), input.secret) : kept;
  // The outbox worker rebuilds a sender when updated_at changes: two saves in the same millisecond (or
  // under a stopped test clock) must still read as a change.
  let now = ctx.clock.now();
  if (previous && Date.parse(previous.updatedAt) >= now) now = Date.parse(previous.updatedAt) + 1;
  await saveChannelRow(db, {
    channel,
    provider,
    settings: JSON.stringify(settings),
    sealedSecret,
    updatedAt: isoUtc(now),
    updatedBy: actor.name,
  });
}

export async function deleteChannelSettings(
  ctx: AppContext,
  input: { actor: Actor; channel: MessageChannel },
): Promise<void> {
  requireStaff(input.actor, ['admin']);
  await deleteChannelRow(ctx.database.db, input.channel);
}

export type MailTestResult = TestMailOutcome & { to: string; from: string };

export async function sendTestMail(ctx: AppContext, input: SettingsInput & { to: string }): Promise<MailTestResult> {
  const actor = requireStaff(input.actor, ['admin']);
  const to = normalizeEmail(input.to);
  const testProblems: ChannelProblems = to ? {} : { to: input.to.trim() ? 'email' : 'testEmail' };
  const { settings, secret } = await testSetup(ctx, 'mail', input, testProblems);
  const center = await getCenter(ctx);
  const t = channelsMessages('es');
  const from = mailFrom(settings, await centerMailFrom(ctx, ''));
  const outcome = await sendTestMailOver(
    { ...settings, password: secret },
    {
      from,
      replyTo: settings.replyTo,
      to: to as string,
      subject: t('mailSubject', { center: center.name }),
      text: t('mailText', { center: center.name, who: actor.name }),
    },
  );
  return { ...outcome, to: to as string, from };
}

export type TextTestResult = { to: E164 } & (
  | { ok: true; providerId: string; verifyOnly: boolean }
  | {
      ok: false;
      error: { kind: string; reason: string; status?: number; answer?: string; providerCode?: string };
    }
);

/** The provider's answer as the page shows it; anything but a DeliveryError is a fault of ours. */
async function textOutcome(
  to: E164,
  verifyOnly: boolean,
  send: () => Promise<{ providerId: string }>,
): Promise<TextTestResult> {
  try {
    return { to, ok: true, providerId: (await send()).providerId, verifyOnly };
  } catch (error) {
    if (!(error instanceof DeliveryError)) throw error;
    const { kind, reason, status, answer, providerCode } = error;
    return {
      to,
      ok: false,
      error: {
        kind,
        reason,
        ...(status !== undefined ? { status } : {}),
        ...(answer !== undefined ? { answer } : {}),
        ...(providerCode !== undefined ? { providerCode } : {}),
      },
    };
  }
}

function mobileProblems(to: string, argentinaOnly: boolean): { e164: E164 | null; problems: ChannelProblems } {
  const check = checkMobile(to, { argentinaOnly });
  if (check.ok) return { e164: check.e164, problems: {} };
  return { e164: null, problems: { to: check.problem === 'empty' ? 'testMobile' : `mobile_${check.problem}` } };
}

export async function sendTestSms(
  ctx: AppContext,
  input: SettingsInput & { to: string; verifyOnly?: boolean },
): Promise<TextTestResult> {
  requireStaff(input.actor, ['admin']);
  // SMS Masivos only takes Argentine mobiles; the others may send abroad.
  const { e164, problems } = mobileProblems(input.to, input.settings.provider === 'smsmasivos');
  const { settings, secret } = await testSetup(ctx, 'sms', input, problems);
  const verifyOnly = settings.provider === 'smsmasivos' && input.verifyOnly === true;
  const provider = smsProviderOf(settings, secret, { test: verifyOnly });
  const center = await getCenter(ctx);
  const text = channelsMessages('es')('smsText', { center: center.name });
  return textOutcome(e164 as E164, verifyOnly, () => provider.send(e164 as E164, text, { messageId: testId() }));
}

export async function sendTestWhatsApp(
  ctx: AppContext,
  input: SettingsInput & { to: string; template: string; language: string },
): Promise<TextTestResult> {
  requireStaff(input.actor, ['admin']);
  const template = input.template.trim();
  const language = input.language.trim();
  const { e164, problems } = mobileProblems(input.to, false);
  // The names and language codes a saved template accepts: what passes the test can be saved.
  if (!WA_TEMPLATE.test(template) || template.length > WA_TEMPLATE_MAX) {
    problems.template = template ? 'template' : 'required';
  }
  if (!WA_LANGUAGE.test(language)) problems.language = language ? 'language' : 'required';
  const { settings, secret } = await testSetup(ctx, 'whatsapp', input, problems);
  const sender = whatsAppSenderOf(settings, secret);
  return textOutcome(e164 as E164, false, () =>
    sender.sendTemplate(e164 as E164, { name: template, language, bodyParameters: [] }, { messageId: testId() }),
  );
}

/** Letters and digits only: SMS Masivos keeps no other character of its IDINTERNO. */
const testId = () => `prueba${randomUUID().replace(/-/g, '')}`;
