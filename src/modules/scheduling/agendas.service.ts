// Working hours and exceptions: what the slot engine builds its grid from.
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import type { Agenda, DB, ExceptionKind, ScheduleException } from '../../platform/db/schema.js';
import * as catalog from '../catalog/catalog.repo.js';
import { type Actor, canSeeProfessional, requireStaff } from '../staff/actor.js';
import { type ChangePlan, findOrphans, type PlanContext, saveChange } from './agenda-orphans.service.js';
import * as repo from './agendas.repo.js';

export interface AgendaInput {
  professionalId: number;
  weekday: number;
  startTime: string;
  endTime: string;
  slotMinutes: number;
  specialtyId?: number | null | undefined;
  studyId?: number | null | undefined;
  validFrom: string;
  validTo?: string | null | undefined;
}

const periodsOverlap = (a: Pick<Agenda, 'validFrom' | 'validTo'>, b: Pick<Agenda, 'validFrom' | 'validTo'>) =>
  (a.validTo === null || b.validFrom <= a.validTo) && (b.validTo === null || a.validFrom <= b.validTo);

/** A block as stored: every optional field resolved. */
export type AgendaFields = Omit<Agenda, 'id'>;

function agendaFields(input: AgendaInput): AgendaFields {
  return {
    ...input,
    specialtyId: input.specialtyId ?? null,
    studyId: input.studyId ?? null,
    validTo: input.validTo ?? null,
  };
}

/** The checks every saved block passes; `ownId` is the block being changed, which cannot clash with itself. */
export async function checkAgenda(db: Kysely<DB>, a: AgendaFields, ownId?: number) {
  if (!(await catalog.getProfessional(db, a.professionalId))) {
    throw new AppError('NOT_FOUND', { what: `el profesional ${a.professionalId}` });
  }
  if (a.startTime >= a.endTime) {
    throw new AppError('VALIDATION_ERROR', { detail: 'la hora de inicio debe ser anterior a la de fin' });
  }
  if (a.validTo !== null && a.validTo < a.validFrom) {
    throw new AppError('VALIDATION_ERROR', { detail: 'la vigencia termina antes de empezar' });
  }
  if (a.specialtyId !== null && a.studyId !== null) {
    throw new AppError('VALIDATION_ERROR', {
      detail: 'un horario es de una especialidad o de un estudio, no de ambos',
    });
  }
  if (
    a.specialtyId !== null &&
    !(await catalog.professionalOffers(db, a.professionalId, { specialtyId: a.specialtyId }))
  ) {
    const specialty = await catalog.getSpecialty(db, a.specialtyId);
    throw new AppError('SERVICE_NOT_OFFERED', {
      what: `la especialidad ${specialty?.name ?? a.specialtyId}`,
      assign: 'asignásela',
    });
  }
  if (a.studyId !== null && !(await catalog.professionalOffers(db, a.professionalId, { studyId: a.studyId }))) {
    const study = await catalog.getStudy(db, a.studyId);
    throw new AppError('SERVICE_NOT_OFFERED', { what: `el estudio ${study?.name ?? a.studyId}`, assign: 'asignáselo' });
  }
  const clash = (await repo.agendasOf(db, a.professionalId)).some(
    (b) =>
      b.id !== ownId &&
      b.weekday === a.weekday &&
      b.startTime < a.endTime &&
      a.startTime < b.endTime &&
      periodsOverlap(a, b),
  );
  if (clash) throw new AppError('AGENDA_OVERLAP');
}

export async function createAgenda(ctx: AppContext, input: { actor: Actor; agenda: AgendaInput }) {
  requireStaff(input.actor, ['admin']);
  const a = agendaFields(input.agenda);
  const db = ctx.database.db;
  await checkAgenda(db, a);
  return repo.insertAgenda(db, a);
}

export async function listAgendas(ctx: AppContext, input: { actor: Actor; professionalId: number }) {
  const staff = requireStaff(input.actor);
  // A professional reads their own hours only, as with getAgenda and listExceptions.
  if (!canSeeProfessional(staff, input.professionalId)) throw new AppError('FORBIDDEN');
  return repo.agendasOf(ctx.database.db, input.professionalId);
}

export interface ExceptionInput {
  professionalId?: number | null | undefined;
  fromDate: string;
  toDate: string;
  fromTime?: string | null | undefined;
  toTime?: string | null | undefined;
  kind: ExceptionKind;
  reason?: string | undefined;
}

export type ExceptionFields = Omit<ScheduleException, 'id'>;

/** A new exception as stored, after the checks that need no database. */
export function exceptionFields(e: ExceptionInput): ExceptionFields {
  if (e.toDate < e.fromDate) {
    throw new AppError('VALIDATION_ERROR', { detail: 'la fecha final es anterior a la inicial' });
  }
  const fromTime = e.fromTime ?? null;
  const toTime = e.toTime ?? null;
  if ((fromTime === null) !== (toTime === null) || (fromTime !== null && toTime !== null && fromTime >= toTime)) {
    throw new AppError('VALIDATION_ERROR', {
      detail: 'indicá ambas horas (desde antes que hasta) o ninguna para el día completo',
    });
  }
  return {
    professionalId: e.professionalId ?? null,
    fromDate: e.fromDate,
    toDate: e.toDate,
    fromTime,
    toTime,
    kind: e.kind,
    reason: e.reason?.trim() ?? '',
  };
}

/** How the audit log names a new exception. */
export const exceptionTarget = (e: ExceptionFields) =>
  e.professionalId === null ? 'excepcion:centro' : `excepcion:profesional:${e.professionalId}`;

/** A new exception's turnos left outside the agenda, and how to insert it. */
export async function planException(p: PlanContext, e: ExceptionFields): Promise<ChangePlan<ScheduleException>> {
  if (e.professionalId !== null && !(await catalog.getProfessional(p.db, e.professionalId))) {
    throw new AppError('NOT_FOUND', { what: `el profesional ${e.professionalId}` });
  }
  const window = { fromDate: e.fromDate, toDate: e.toDate, fromTime: e.fromTime, toTime: e.toTime };
  const orphans = await findOrphans(
    p,
    { professionalIds: e.professionalId === null ? null : [e.professionalId], fromDate: e.fromDate, toDate: e.toDate },
    (_id, current) => ({ blocks: current.blocks, exceptions: [...current.exceptions, window] }),
  );
  return { orphans, apply: () => repo.insertException(p.db, e) };
}

/**
 * Leave, a holiday, a blocked morning: slots inside disappear. Booked turnos inside stay for staff to
 * handle, so they are listed first and the exception is saved only with `confirmOrphans`.
 */
export async function createException(
  ctx: AppContext,
  input: { actor: Actor; exception: ExceptionInput; confirmOrphans?: boolean | undefined },
) {
  const actor = requireStaff(input.actor, ['admin']);
  const e = exceptionFields(input.exception);
  const saved = await saveChange(
    ctx,
    {
      actor,
      confirmOrphans: input.confirmOrphans === true,
      what: exceptionTarget(e),
      lockProfessionalIds: e.professionalId === null ? 'all' : [e.professionalId],
    },
    (p) => planException(p, e),
  );
  return { ...saved.result, orphaned: saved.orphaned };
}
