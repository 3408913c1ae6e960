// Recordatorios automáticos: "N horas antes del turno" with a template (whose channel decides mail, SMS or
// WhatsApp). The manual's desk needs someone to press "Enviar" twice a week; these rules do it on their own,
// and each turno gets each rule's message at most once: the outbox's unique index says so, not this code.
import type { Logger } from 'pino';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import type { MessageTemplate } from '../../platform/db/schema.js';
import type { OutgoingMessage } from '../../platform/outbox/outbox.js';
import { loadSecret } from '../../platform/secrets.js';
import { isoUtc } from '../../platform/time/zone.js';
import { type CenterView, getCenter } from '../center/center.service.js';
import { normalizeEmail } from '../patients/patients.rules.js';
import { type Actor, requireStaff } from '../staff/actor.js';
import { findChannelRow } from './channels.repo.js';
import { appointmentValues, type LinkSigner } from './message-values.js';
import { mobileE164 } from './phone.rules.js';
import type { AppointmentRecipient } from './recipients.repo.js';
import * as repo from './reminder-rules.repo.js';
import { renderMessage } from './template-render.js';
import { findTemplate, listTemplateRows } from './templates.repo.js';

export type { RuleFields, RuleRow } from './reminder-rules.repo.js';

const HOUR_MS = 3_600_000;
export const HOURS_MIN = 1;
export const HOURS_MAX = 720;
/** Turnos read (and rendered) at once per rule. */
const PAGE = 500;

const ADMIN = ['admin'] as const;

export async function listReminderRules(ctx: AppContext, input: { actor: Actor }) {
  requireStaff(input.actor, ADMIN);
  const db = ctx.database.db;
  const [rules, templates] = await Promise.all([repo.listRuleRows(db), listTemplateRows(db)]);
  return { rules: rules.map((r) => ({ ...r, queued: Number(r.queued ?? 0) })), templates };
}

export async function getReminderRule(ctx: AppContext, input: { actor: Actor; id: number }) {
  requireStaff(input.actor, ADMIN);
  const rule = await repo.findRule(ctx.database.db, input.id);
  if (!rule) throw new AppError('NOT_FOUND', { what: `el recordatorio ${input.id}` });
  return rule;
}

async function checkFields(ctx: AppContext, fields: repo.RuleFields, exceptId: number | null) {
  if (!Number.isInteger(fields.hoursBefore) || fields.hoursBefore < HOURS_MIN || fields.hoursBefore > HOURS_MAX) {
    throw new AppError('VALIDATION_ERROR', {
      detail: `las horas antes del turno deben ser un número entero entre ${HOURS_MIN} y ${HOURS_MAX}`,
    });
  }
  if (!(await findTemplate(ctx.database.db, fields.templateId))) {
    throw new AppError('NOT_FOUND', { what: `la plantilla ${fields.templateId}` });
  }
  if (await repo.hasTwin(ctx.database.db, fields, exceptId)) throw new AppError('REMINDER_TWIN');
}

export async function createReminderRule(ctx: AppContext, input: { actor: Actor; rule: repo.RuleFields }) {
  requireStaff(input.actor, ADMIN);
  await checkFields(ctx, input.rule, null);
  return repo.insertRule(ctx.database.db, input.rule, isoUtc(ctx.clock.now()));
}

/** Changing the hours or the template does not remind again the turnos this rule already queued. */
export async function updateReminderRule(ctx: AppContext, input: { actor: Actor; id: number; rule: repo.RuleFields }) {
  requireStaff(input.actor, ADMIN);
  await getReminderRule(ctx, input);
  await checkFields(ctx, input.rule, input.id);
  if (!(await repo.updateRule(ctx.database.db, input.id, input.rule, isoUtc(ctx.clock.now())))) {
    throw new AppError('NOT_FOUND', { what: `el recordatorio ${input.id}` });
  }
}

export async function setReminderRuleEnabled(ctx: AppContext, input: { actor: Actor; id: number; enabled: boolean }) {
  requireStaff(input.actor, ADMIN);
  const changes = { enabled: input.enabled };
  if (!(await repo.updateRule(ctx.database.db, input.id, changes, isoUtc(ctx.clock.now())))) {
    throw new AppError('NOT_FOUND', { what: `el recordatorio ${input.id}` });
  }
}

/** Messages already queued by the rule stay queued and in the send log. */
export async function deleteReminderRule(ctx: AppContext, input: { actor: Actor; id: number }) {
  requireStaff(input.actor, ADMIN);
  const deleted = await ctx.database.db.transaction().execute((trx) => repo.deleteRule(trx, input.id));
  if (!deleted) throw new AppError('NOT_FOUND', { what: `el recordatorio ${input.id}` });
}

type DueRule = Awaited<ReturnType<typeof repo.enabledRules>>[number];

interface RunContext {
  center: CenterView;
  links: LinkSigner;
  /** SMS Masivos only sends within Argentina: a foreign mobile would only fail at the provider. */
  argentinaOnlySms: boolean;
}

/** Where the message goes on the template's channel, or null when the patient has no usable address. */
function addressFor(template: Pick<MessageTemplate, 'channel'>, row: AppointmentRecipient, run: RunContext) {
  if (template.channel === 'mail') return normalizeEmail(row.email ?? '');
  const argentinaOnly = template.channel === 'sms' && run.argentinaOnlySms;
  return mobileE164(row.mobile ?? '', { argentinaOnly });
}

function reminderFor(rule: DueRule, row: AppointmentRecipient, run: RunContext): OutgoingMessage | null {
  const to = addressFor(rule, row, run);
  if (!to) return null;
  const rendered = renderMessage(rule, appointmentValues(row, run.center, run.links));
  const origin = {
    kind: 'auto_reminder',
    patientId: row.patientId,
    appointmentId: row.appointmentId,
    templateId: rule.id,
    reminderRuleId: rule.ruleId,
    sentBy: 'automático',
    // Past the turno's start a reminder is worse than none: the worker fails it instead.
    deadlineMs: Date.parse(row.startsAt),
  };
  if (rule.channel === 'mail') {
    return { ...origin, to, subject: rendered.subject, text: rendered.text, html: rendered.html };
  }
  return { ...origin, channel: rule.channel, to, text: rendered.text, payload: rendered.payload };
}

async function loadRunContext(ctx: AppContext, baseUrl: string): Promise<RunContext> {
  const db = ctx.database.db;
  const [center, secret, sms] = await Promise.all([
    getCenter(ctx),
    loadSecret(db, 'reminder-links'),
    findChannelRow(db, 'sms'),
  ]);
  return {
    center,
    links: { baseUrl: ctx.web.publicUrl ?? baseUrl, secret },
    argentinaOnlySms: sms?.provider === 'smsmasivos',
  };
}

/**
 * Queues, for every enabled rule, the reserved turnos starting in (now, now + hours] that the rule has not
 * queued yet. Safe to run from several processes at once. Returns how many messages went into the outbox.
 */
export async function queueDueReminders(ctx: AppContext, input: { nowMs: number; baseUrl: string }): Promise<number> {
  const db = ctx.database.db;
  const rules = await repo.enabledRules(db);
  // It runs every minute from the worker, and most minutes owe nothing: the rest is read only when needed.
  let run: Promise<RunContext> | undefined;
  let queued = 0;
  for (const rule of rules) {
    const window = { fromIso: isoUtc(input.nowMs), toIso: isoUtc(input.nowMs + rule.hoursBefore * HOUR_MS) };
    for (let afterId = 0; ; ) {
      const rows = await repo.owedAppointments(db, {
        ruleId: rule.ruleId,
        channel: rule.channel,
        ...window,
        afterId,
        limit: PAGE,
      });
      const last = rows.at(-1);
      if (!last) break;
      run ??= loadRunContext(ctx, input.baseUrl);
      const context = await run;
      const messages = rows.flatMap((row) => reminderFor(rule, row, context) ?? []);
      queued += await repo.insertReminders(db, messages, input.nowMs);
      if (rows.length < PAGE) break;
      afterId = last.appointmentId;
    }
  }
  return queued;
}

export interface ReminderSchedulerOptions {
  /** The start of the links when PUBLIC_URL is not set, e.g. http://localhost:3000. */
  baseUrl: string;
  /** At most one run per this many milliseconds in this process (default one minute). */
  everyMs?: number;
  /** With a logger a failed run is logged and the worker goes on sending; without one it throws. */
  logger?: Pick<Logger, 'info' | 'error'>;
}

/**
 * The outbox worker's `beforeCycle`: the worker calls it every couple of seconds, and one query per rule
 * per minute is plenty for reminders counted in hours.
 */
export function reminderScheduler(ctx: AppContext, options: ReminderSchedulerOptions): () => Promise<void> {
  const everyMs = options.everyMs ?? 60_000;
  let lastRunMs: number | null = null;
  return async () => {
    const now = ctx.clock.now();
    // A clock set back (NTP, a test) runs at once instead of waiting for the old time to come round again.
    if (lastRunMs !== null && now >= lastRunMs && now - lastRunMs < everyMs) return;
    lastRunMs = now;
    try {
      const queued = await queueDueReminders(ctx, { nowMs: now, baseUrl: options.baseUrl });
      if (queued > 0) options.logger?.info({ queued }, 'automatic reminders queued');
    } catch (err) {
      if (!options.logger) throw err;
      options.logger.error({ err }, 'automatic reminders failed; retrying on the next run');
    }
  };
}
