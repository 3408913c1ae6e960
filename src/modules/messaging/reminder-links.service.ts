// The confirm and cancel links of a reminder, used without logging in: the signed token is the patient's
// authority over that one turno and that one action. Opening a link (mail scanners open every link) only
// shows the turno; the button posts the action.
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { hitRateLimit, type RateRule, refundRateLimit } from '../../platform/http/rate-limit.js';
import { loadSecret } from '../../platform/secrets.js';
import { isoUtc } from '../../platform/time/zone.js';
import { getAppointment } from '../scheduling/appointments.repo.js';
import { cancelAppointment } from '../scheduling/appointments.service.js';
import { getAppointmentDetails } from '../scheduling/web-appointments.service.js';
import type { Actor } from '../staff/actor.js';
import { confirmAppointment } from './reminder-links.repo.js';
import { type ReminderAction, readReminderToken } from './reminder-links.rules.js';

export type { ReminderAction };

/**
 * Only wrong tokens count (a good one gives its attempt back). Guessing a 216-bit signature is hopeless
 * anyway; the limit keeps someone trying from costing the database a lookup per try.
 */
const WRONG_TOKENS: RateRule = { limit: 30, windowMs: 15 * 60_000 };

export type LinkDetails = Awaited<ReturnType<typeof getAppointmentDetails>>;

/**
 * What the page says: `open` offers the action; the rest explain why not. `confirmed` still offers
 * cancelling (someone who confirmed may fall ill).
 */
export type LinkState = 'open' | 'confirmed' | 'cancelled' | 'past';

export type LinkView =
  | { state: 'invalid' }
  /** The token is ours but the turno was deleted. */
  | { state: 'gone' }
  | { state: LinkState; details: LinkDetails };

interface LinkInput {
  token: string;
  action: ReminderAction;
  /** The visitor's address, for the limit on wrong tokens. */
  ip: string;
}

/** The turno a genuine token names for this action, or null for a token that is not ours. */
async function tokenTurno(ctx: AppContext, input: LinkInput): Promise<number | null> {
  const db = ctx.database.db;
  const key = `reminder-link:ip:${input.ip}`;
  // Counted before checking, so a burst of parallel guesses still meets the limit.
  const verdict = await hitRateLimit(db, key, WRONG_TOKENS, ctx.clock.now());
  if (!verdict.allowed) {
    const seconds = verdict.retryAfterSeconds;
    throw new AppError('TOO_MANY_ATTEMPTS', { minutes: Math.ceil(seconds / 60), seconds });
  }
  const read = readReminderToken(await loadSecret(db, 'reminder-links'), input.token);
  // A confirm link never cancels, and the other way round.
  if (!read || read.action !== input.action) return null;
  await refundRateLimit(db, key);
  return read.appointmentId;
}

/** The turno and its patient (the one who may act on it), or null for a token that is not ours. */
async function target(ctx: AppContext, input: LinkInput) {
  const id = await tokenTurno(ctx, input);
  if (id === null) return null;
  const appointment = await getAppointment(ctx.database.db, id);
  if (!appointment) return { id, appointment: null, actor: null };
  const actor: Actor = { kind: 'patient', patientId: appointment.patientId };
  return { id, appointment, actor };
}

export async function openReminderLink(ctx: AppContext, input: LinkInput): Promise<LinkView> {
  const found = await target(ctx, input);
  if (!found) return { state: 'invalid' };
  if (!found.appointment) return { state: 'gone' };
  const details = await getAppointmentDetails(ctx, { actor: found.actor, id: found.id });
  const state: LinkState =
    details.status === 'cancelled'
      ? 'cancelled'
      : details.status !== 'reserved' || details.startMs <= ctx.clock.now()
        ? 'past'
        : found.appointment.confirmedAt
          ? 'confirmed'
          : 'open';
  return { state, details };
}

/** `done`: this request did it; `not_done`: the turno's state (shown by the page) is why not. */
export type LinkOutcome = 'invalid' | 'done' | 'not_done';

/** Confirms attendance once; a second confirm changes nothing and the page says it already was. */
export async function confirmFromReminder(ctx: AppContext, input: Omit<LinkInput, 'action'>): Promise<LinkOutcome> {
  const id = await tokenTurno(ctx, { ...input, action: 'confirm' });
  if (id === null) return 'invalid';
  // The guarded update also finds a deleted turno: nothing to confirm, and the page says why.
  return (await confirmAppointment(ctx.database.db, id, isoUtc(ctx.clock.now()))) ? 'done' : 'not_done';
}

/**
 * Cancels through the same use case as "Mis turnos", as the patient: its rules (still reserved, not
 * started) and its record (cancelled by PACIENTE) hold here too, and the slot is free again.
 */
export async function cancelFromReminder(ctx: AppContext, input: Omit<LinkInput, 'action'>): Promise<LinkOutcome> {
  const found = await target(ctx, { ...input, action: 'cancel' });
  if (!found) return 'invalid';
  if (!found.appointment) return 'not_done';
  try {
    await cancelAppointment(ctx, { actor: found.actor, id: found.id });
    return 'done';
  } catch (e) {
    if (e instanceof AppError && ['INVALID_TRANSITION', 'IN_THE_PAST', 'NOT_FOUND'].includes(e.code)) {
      return 'not_done';
    }
    throw e;
  }
}
