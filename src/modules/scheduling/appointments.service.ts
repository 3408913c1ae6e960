// Everything done to an appointment after it is booked: list, cancel, mark present/absent, edit reason, delete.
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { isOverlapError } from '../../platform/db/dialect.js';
import type { Appointment, AppointmentOrigin, AppointmentStatus } from '../../platform/db/schema.js';
import { dayRangeUtc } from '../../platform/time/day-range.js';
import { isoUtc, todayIn, utcToCivil } from '../../platform/time/zone.js';
import { getSettings } from '../center/center.repo.js';
import { type Actor, canSeeProfessional, requireStaff } from '../staff/actor.js';
import { type AuditEvent, audit } from '../staff/audit.service.js';
import { REASON_MAX } from './appointment.details.js';
import { appointmentView } from './appointment.view.js';
import * as repo from './appointments.repo.js';

/** `origin`: a screen that lists only turnos of one origin (Turnos dados por web) acts only on those. */
async function loadFor(ctx: AppContext, actor: Actor, id: number, origin?: AppointmentOrigin): Promise<Appointment> {
  const a = await repo.getAppointment(ctx.database.db, id);
  const visible =
    a !== undefined &&
    (origin === undefined || a.origin === origin) &&
    ((actor.kind === 'patient' && actor.patientId === a.patientId) ||
      (actor.kind === 'staff' && canSeeProfessional(actor, a.professionalId)));
  // Someone else's appointment looks exactly like a missing one.
  if (!visible) {
    if (actor.kind === 'public') throw new AppError('UNAUTHENTICATED');
    throw new AppError('NOT_FOUND', { what: `el turno ${id}` });
  }
  return a;
}

/** Who and what an audit row about one turno names. */
const about = (a: Appointment): Pick<AuditEvent, 'patientId' | 'target'> => ({
  patientId: a.patientId,
  target: `turno:${a.id}`,
});

async function zoneOf(ctx: AppContext) {
  return (await getSettings(ctx.database.db)).timeZone;
}

export async function getAppointment(ctx: AppContext, input: { actor: Actor; id: number }) {
  const a = await loadFor(ctx, input.actor, input.id);
  await audit(ctx, input.actor, { action: 'appointment.read', ...about(a) });
  return appointmentView(await zoneOf(ctx), a);
}

export interface ListInput {
  actor: Actor;
  professionalId?: number | undefined;
  patientId?: number | undefined;
  specialtyId?: number | undefined;
  studyId?: number | undefined;
  insurerId?: number | undefined;
  status?: AppointmentStatus | undefined;
  origin?: AppointmentOrigin | undefined;
  /** Civil dates in the center's zone, both included. */
  from?: string | undefined;
  to?: string | undefined;
  bookedFrom?: string | undefined;
  bookedTo?: string | undefined;
  /** Latest start first, as "Mis turnos" lists them ("ordenado por fechas decreciente"). */
  newestFirst?: boolean | undefined;
  limit: number;
  offset: number;
}

export async function listAppointments(ctx: AppContext, input: ListInput) {
  const { actor } = input;
  if (actor.kind !== 'patient') requireStaff(actor);
  const zone = await zoneOf(ctx);
  const starts = dayRangeUtc(zone, input.from, input.to);
  const booked = dayRangeUtc(zone, input.bookedFrom, input.bookedTo);
  const filter: repo.AppointmentFilter = {
    ...input,
    startsFrom: starts.from,
    startsBefore: starts.before,
    bookedFrom: booked.from,
    bookedBefore: booked.before,
  };
  if (actor.kind === 'patient') filter.patientId = actor.patientId;
  if (actor.kind === 'staff' && actor.role === 'professional') {
    if (input.professionalId !== undefined && input.professionalId !== actor.professionalId)
      throw new AppError('FORBIDDEN');
    filter.professionalId = actor.professionalId ?? -1;
  }
  const rows = await repo.listAppointments(ctx.database.db, filter);
  const { actor: _, ...asked } = input;
  const detail = Object.entries(asked)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  await audit(ctx, actor, { action: 'appointment.list', patientId: input.patientId ?? null, detail });
  return rows.map((a) => appointmentView(zone, a));
}

function actorName(actor: Actor): string {
  return actor.kind === 'staff' ? actor.name : actor.kind === 'patient' ? 'PACIENTE' : 'ANONIMO';
}

/** Patients cancel their own upcoming turnos; staff cancel any that is still reserved. Cancelling frees the slot. */
export async function cancelAppointment(
  ctx: AppContext,
  input: { actor: Actor; id: number; origin?: AppointmentOrigin | undefined },
) {
  const { actor } = input;
  if (actor.kind === 'staff') requireStaff(actor, ['admin', 'reception']);
  const a = await loadFor(ctx, actor, input.id, input.origin);
  const now = ctx.clock.now();
  if (a.status !== 'reserved') throw new AppError('INVALID_TRANSITION', { from: a.status, to: 'cancelled' });
  if (actor.kind === 'patient' && Date.parse(a.startsAt) <= now) throw new AppError('IN_THE_PAST');
  const updated = await ctx.database.db.transaction().execute(async (trx) => {
    const row = await repo.updateAppointment(
      trx,
      a.id,
      { status: 'cancelled', cancelledAt: isoUtc(now), cancelledBy: actorName(actor), updatedAt: isoUtc(now) },
      ['reserved'],
    );
    if (row) await audit(ctx, actor, { action: 'appointment.cancel', ...about(a) }, trx);
    return row;
  });
  if (!updated) throw new AppError('INVALID_TRANSITION', { from: 'cambiado', to: 'cancelled' });
  return appointmentView(await zoneOf(ctx), updated);
}

const ATTENDANCE: readonly AppointmentStatus[] = ['reserved', 'present', 'absent'];

/** Staff mark attendance (and may correct it); the patient and staff may edit the reason. */
export async function updateAppointment(
  ctx: AppContext,
  input: {
    actor: Actor;
    id: number;
    status?: 'present' | 'absent' | 'reserved' | undefined;
    reason?: string | undefined;
  },
) {
  const { actor } = input;
  if (input.status !== undefined) requireStaff(actor);
  const a = await loadFor(ctx, actor, input.id);
  if (input.status !== undefined && !ATTENDANCE.includes(a.status)) {
    throw new AppError('INVALID_TRANSITION', { from: a.status, to: input.status });
  }
  if (input.reason !== undefined && actor.kind === 'patient' && a.status === 'cancelled') {
    throw new AppError('INVALID_TRANSITION', { from: a.status, to: 'reason' });
  }
  // The reason is what the patient tells the professional before the visit; afterwards it is the record's.
  if (input.reason !== undefined && actor.kind === 'patient' && a.status !== 'reserved') {
    throw new AppError('REASON_LOCKED');
  }
  const reason = input.reason?.trim();
  if (reason !== undefined && reason.length > REASON_MAX) throw new AppError('REASON_TOO_LONG', { max: REASON_MAX });
  const settings = await getSettings(ctx.database.db);
  if (reason === '' && actor.kind === 'patient' && settings.reasonRequired === 1) throw new AppError('REASON_REQUIRED');
  const zone = settings.timeZone;
  const now = ctx.clock.now();
  if (
    (input.status === 'present' || input.status === 'absent') &&
    utcToCivil(zone, Date.parse(a.startsAt)).date > todayIn(zone, now)
  ) {
    throw new AppError('ATTENDANCE_TOO_EARLY');
  }
  const changes = {
    ...(input.status !== undefined ? { status: input.status } : {}),
    ...(reason !== undefined ? { reason } : {}),
    updatedAt: isoUtc(now),
  };
  // Guarded by the status read above: a cancel in between wins, and the row is not brought back.
  const updated = await ctx.database.db
    .transaction()
    .execute(async (trx) => {
      const row = await repo.updateAppointment(
        trx,
        a.id,
        changes,
        input.status !== undefined ? ATTENDANCE : [a.status],
      );
      if (!row) return row;
      if (input.status !== undefined) {
        const detail = `${a.status} → ${input.status}`;
        await audit(ctx, actor, { action: 'appointment.attendance', ...about(a), detail }, trx);
      }
      // The reason may be clinical: the row says it changed, not what it says.
      if (reason !== undefined) {
        await audit(ctx, actor, { action: 'appointment.update', ...about(a), detail: 'motivo' }, trx);
      }
      return row;
    })
    .catch((e: unknown) => {
      throw isOverlapError(e) ? new AppError('SLOT_TAKEN') : e;
    });
  if (!updated) throw new AppError('INVALID_TRANSITION', { from: 'cambiado', to: input.status ?? 'reason' });
  return appointmentView(zone, updated);
}

/** A turno with attendance recorded is part of the patient's history: only reserved or cancelled ones go. */
const DELETABLE: readonly AppointmentStatus[] = ['reserved', 'cancelled'];

export async function deleteAppointment(
  ctx: AppContext,
  input: { actor: Actor; id: number; origin?: AppointmentOrigin | undefined },
) {
  requireStaff(input.actor, ['admin', 'reception']);
  const a = await loadFor(ctx, input.actor, input.id, input.origin);
  if (!DELETABLE.includes(a.status)) throw new AppError('ATTENDANCE_RECORDED');
  const deleted = await ctx.database.db.transaction().execute(async (trx) => {
    if (!(await repo.deleteAppointment(trx, a.id, DELETABLE))) return false;
    await audit(ctx, input.actor, { action: 'appointment.delete', ...about(a) }, trx);
    return true;
  });
  // Attendance marked in between: the turno stays (deleted in between: nothing left to do).
  if (!deleted && (await repo.getAppointment(ctx.database.db, a.id))) throw new AppError('ATTENDANCE_RECORDED');
}
