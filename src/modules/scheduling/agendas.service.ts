// Working hours and exceptions: what the slot engine builds its grid from.
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import type { Agenda, ExceptionKind } from '../../platform/db/schema.js';
import * as catalog from '../catalog/catalog.repo.js';
import { type Actor, requireStaff } from '../staff/actor.js';
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

export async function createAgenda(ctx: AppContext, input: { actor: Actor; agenda: AgendaInput }) {
  requireStaff(input.actor, ['admin']);
  const a = {
    ...input.agenda,
    specialtyId: input.agenda.specialtyId ?? null,
    studyId: input.agenda.studyId ?? null,
    validTo: input.agenda.validTo ?? null,
  };
  const db = ctx.database.db;
  if (!(await catalog.getProfessional(db, a.professionalId))) {
    throw new AppError('NOT_FOUND', { what: `el profesional ${a.professionalId}` });
  }
  if (a.startTime >= a.endTime) {
    throw new AppError('VALIDATION_ERROR', { detail: 'la hora de inicio debe ser anterior a la de fin' });
  }
  if (a.validTo !== null && a.validTo < a.validFrom) {
    throw new AppError('VALIDATION_ERROR', { detail: 'la vigencia termina antes de empezar' });
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
    (b) => b.weekday === a.weekday && b.startTime < a.endTime && a.startTime < b.endTime && periodsOverlap(a, b),
  );
  if (clash) throw new AppError('AGENDA_OVERLAP');
  return repo.insertAgenda(db, a);
}

export async function listAgendas(ctx: AppContext, input: { actor: Actor; professionalId: number }) {
  requireStaff(input.actor);
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

/** Leave, a holiday, a blocked morning: slots inside disappear; booked turnos stay for staff to handle. */
export async function createException(ctx: AppContext, input: { actor: Actor; exception: ExceptionInput }) {
  requireStaff(input.actor, ['admin']);
  const e = input.exception;
  if (e.toDate < e.fromDate)
    throw new AppError('VALIDATION_ERROR', { detail: 'la fecha final es anterior a la inicial' });
  const fromTime = e.fromTime ?? null;
  const toTime = e.toTime ?? null;
  if ((fromTime === null) !== (toTime === null) || (fromTime !== null && toTime !== null && fromTime >= toTime)) {
    throw new AppError('VALIDATION_ERROR', {
      detail: 'indicá ambas horas (desde antes que hasta) o ninguna para el día completo',
    });
  }
  if (e.professionalId != null && !(await catalog.getProfessional(ctx.database.db, e.professionalId))) {
    throw new AppError('NOT_FOUND', { what: `el profesional ${e.professionalId}` });
  }
  return repo.insertException(ctx.database.db, {
    professionalId: e.professionalId ?? null,
    fromDate: e.fromDate,
    toDate: e.toDate,
    fromTime,
    toTime,
    kind: e.kind,
    reason: e.reason?.trim() ?? '',
  });
}
