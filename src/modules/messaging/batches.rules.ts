// The send desk's rules without I/O: what a list is made from (the manual's six choices), the date range it
// may span, and who can take a message on the chosen channel. The manual shows only patients whose e-mail or
// mobile is "correctamente ingresado"; the rest are counted by reason, so staff know whose data to fix.
import { AppError } from '../../errors.js';
import type { MessageAudience, MessageChannel } from '../../platform/db/schema.js';
import { addDays, daysBetween, todayIn } from '../../platform/time/zone.js';
import { normalizeEmail } from '../patients/patients.rules.js';
import { checkMobile } from './phone.rules.js';

/** QUIÉNES: whether a message was already sent (a turno's reminder on this channel, or this template to the patient). */
export type SentFilter = 'all' | 'sent' | 'not_sent';
export const SENT_FILTERS: readonly SentFilter[] = ['not_sent', 'sent', 'all'];

/** The filters as a batch keeps them (JSON in message_batches.filters); empty id lists mean "todos". */
export interface BatchFilters {
  /** Civil dates of the turnos, both included; null for the all-patients audience. */
  from: string | null;
  to: string | null;
  sent: SentFilter;
  insurerIds: number[];
  specialtyIds: number[];
  studyIds: number[];
  professionalIds: number[];
}

export interface BatchRequest extends BatchFilters {
  templateId: number;
  audience: MessageAudience;
}

/** A quarter: enough for any reminder round, and a list that stays reviewable. */
export const MAX_RANGE_DAYS = 92;
/** A list beyond this is not reviewed row by row by anyone; it also bounds one send's transaction. */
export const MAX_BATCH_ROWS = 20_000;
/** Outbox kinds that count as a turno's reminder: the desk's and the automatic rules'. */
export const REMINDER_KINDS = ['reminder', 'auto_reminder'];
/** A message to patients without a turno is stale after two days: it fails instead of arriving late. */
export const PATIENT_MESSAGE_TTL_MS = 48 * 3600_000;

export type LeftOutReason = 'no_email' | 'bad_email' | 'no_mobile' | 'bad_mobile';
export const LEFT_OUT_REASONS: readonly LeftOutReason[] = ['no_email', 'bad_email', 'no_mobile', 'bad_mobile'];
export type LeftOut = Record<LeftOutReason, number>;

export const noneLeftOut = (): LeftOut => ({ no_email: 0, bad_email: 0, no_mobile: 0, bad_mobile: 0 });

/** Stored JSON back to counts; unknown keys are ignored so an old row still reads. */
export function parseLeftOut(json: string): LeftOut {
  const counts = noneLeftOut();
  const stored = JSON.parse(json) as Record<string, unknown>;
  for (const reason of LEFT_OUT_REASONS) {
    const n = stored[reason];
    if (typeof n === 'number' && Number.isInteger(n) && n > 0) counts[reason] = n;
  }
  return counts;
}

/** The desk's default: the coming week, starting tomorrow (today's turnos are usually already reminded). */
export function defaultRange(zone: string, nowMs: number): { from: string; to: string } {
  const from = addDays(todayIn(zone, nowMs), 1);
  return { from, to: addDays(from, 6) };
}

export function checkRange(from: string, to: string): void {
  if (daysBetween(from, to) < 0) {
    throw new AppError('VALIDATION_ERROR', { detail: 'la fecha «hasta» de los turnos es anterior a «desde»' });
  }
  if (daysBetween(from, to) + 1 > MAX_RANGE_DAYS) throw new AppError('BATCH_RANGE_TOO_LONG', { max: MAX_RANGE_DAYS });
}

const ids = (list: readonly number[]) => [...new Set(list)].sort((a, b) => a - b);

/**
 * The filters a batch stores: ids sorted and unique; the turnos' choices dropped for the all-patients audience
 * (they do not apply, and keeping them would mislead whoever reads the batch later).
 */
export function normalizeRequest(request: BatchRequest): BatchRequest {
  const forTurnos = request.audience === 'appointments';
  return {
    templateId: request.templateId,
    audience: request.audience,
    from: forTurnos ? request.from : null,
    to: forTurnos ? request.to : null,
    sent: request.sent,
    insurerIds: ids(request.insurerIds),
    specialtyIds: forTurnos ? ids(request.specialtyIds) : [],
    studyIds: forTurnos ? ids(request.studyIds) : [],
    professionalIds: forTurnos ? ids(request.professionalIds) : [],
  };
}

export function filtersOf(request: BatchRequest): BatchFilters {
  const { templateId: _t, audience: _a, ...filters } = request;
  return filters;
}

/** Stored JSON back to filters, tolerating missing keys. */
export function parseFilters(json: string): BatchFilters {
  const f = JSON.parse(json) as Partial<BatchFilters>;
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((n): n is number => Number.isInteger(n)) : []);
  return {
    from: typeof f.from === 'string' ? f.from : null,
    to: typeof f.to === 'string' ? f.to : null,
    sent: SENT_FILTERS.includes(f.sent as SentFilter) ? (f.sent as SentFilter) : 'all',
    insurerIds: list(f.insurerIds),
    specialtyIds: list(f.specialtyIds),
    studyIds: list(f.studyIds),
    professionalIds: list(f.professionalIds),
  };
}

export type RecipientCheck = { ok: true; recipient: string } | { ok: false; reason: LeftOutReason };

/**
 * Where this channel's message goes: the normalized e-mail, or the mobile in E.164 (what SMS and WhatsApp
 * providers take). `argentinaOnly` when the SMS provider only sends within Argentina.
 */
export function recipientFor(
  channel: MessageChannel,
  contact: { email: string | null; mobile: string | null },
  options: { argentinaOnly?: boolean } = {},
): RecipientCheck {
  if (channel === 'mail') {
    const typed = (contact.email ?? '').trim();
    if (typed === '') return { ok: false, reason: 'no_email' };
    const email = normalizeEmail(typed);
    return email ? { ok: true, recipient: email } : { ok: false, reason: 'bad_email' };
  }
  const check = checkMobile(contact.mobile ?? '', options);
  if (check.ok) return { ok: true, recipient: check.e164 };
  return { ok: false, reason: check.problem === 'empty' ? 'no_mobile' : 'bad_mobile' };
}

/** Splits candidates into the list's rows (with their recipient) and the counts of those left out. */
export function sortOut<T extends { email: string | null; mobile: string | null }>(
  channel: MessageChannel,
  candidates: readonly T[],
  options: { argentinaOnly?: boolean } = {},
): { kept: { row: T; recipient: string }[]; leftOut: LeftOut } {
  const kept: { row: T; recipient: string }[] = [];
  const leftOut = noneLeftOut();
  for (const row of candidates) {
    const check = recipientFor(channel, row, options);
    if (check.ok) kept.push({ row, recipient: check.recipient });
    else leftOut[check.reason] += 1;
  }
  return { kept, leftOut };
}
