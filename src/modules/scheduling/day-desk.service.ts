// The reception's "Pantalla de turnos": one day of one professional, or of every professional of a
// specialty, slot by slot with who holds it; and moving a turno to another free slot.
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { isOverlapError, lockKey } from '../../platform/db/dialect.js';
import type { Professional, ScheduleException } from '../../platform/db/schema.js';
import { addDays, formatInZone, isoUtc, startOfDayUtc, utcToCivil } from '../../platform/time/zone.js';
import * as catalog from '../catalog/catalog.repo.js';
import { fullName } from '../catalog/catalog.service.js';
import { getSettings } from '../center/center.repo.js';
import { type Actor, canSeeProfessional, requireStaff, type StaffActor } from '../staff/actor.js';
import { audit } from '../staff/audit.service.js';
import { coveredBy } from './agenda-orphans.rules.js';
import { blocksFor, exceptionsFor } from './agendas.repo.js';
import { appointmentView } from './appointment.view.js';
import * as appointments from './appointments.repo.js';
import { requireAgendaSlot } from './booking.service.js';
import { type DayAppointment, dayAppointments } from './day-desk.repo.js';
import { mergeDay } from './day-desk.rules.js';
import { computeSlots, type Service } from './slots.rules.js';

export interface DayAgendaInput {
  actor: Actor;
  /** Civil date in the center's zone. */
  date: string;
  /** Exactly one of the two. */
  professionalId?: number | undefined;
  specialtyId?: number | undefined;
}

type Named = { id: number; name: string };
const named = (list: readonly Named[]) => new Map(list.map((x) => [x.id, { id: x.id, name: x.name }]));

async function professionalsFor(ctx: AppContext, staff: StaffActor, input: DayAgendaInput): Promise<Professional[]> {
  const db = ctx.database.db;
  if ((input.professionalId === undefined) === (input.specialtyId === undefined)) {
    throw new AppError('VALIDATION_ERROR', { detail: 'indicá professionalId o specialtyId (solo uno)' });
  }
  if (input.professionalId !== undefined) {
    if (!canSeeProfessional(staff, input.professionalId)) throw new AppError('FORBIDDEN');
    const professional = await catalog.getProfessional(db, input.professionalId);
    if (!professional) throw new AppError('NOT_FOUND', { what: `el profesional ${input.professionalId}` });
    return [professional];
  }
  const specialtyId = input.specialtyId as number;
  if (!(await catalog.getSpecialty(db, specialtyId))) {
    throw new AppError('NOT_FOUND', { what: `la especialidad ${specialtyId}` });
  }
  const pros = await catalog.listProfessionals(db, { webOnly: false, specialtyId });
  return pros.filter((p) => canSeeProfessional(staff, p.id));
}

function exceptionView(e: ScheduleException) {
  return {
    kind: e.kind,
    fromTime: e.fromTime,
    toTime: e.toTime,
    reason: e.reason,
    centerWide: e.professionalId === null,
  };
}

/**
 * Everything the desk and its printed list show for one date: per professional (alphabetically) the
 * agenda's slots merged with the day's turnos, the cancelled ones apart, the day's exceptions, and counts.
 */
export async function dayAgenda(ctx: AppContext, input: DayAgendaInput) {
  const staff = requireStaff(input.actor);
  const pros = await professionalsFor(ctx, staff, input);
  const db = ctx.database.db;
  const ids = pros.map((p) => p.id);
  const settings = await getSettings(db);
  const zone = settings.timeZone;
  const from = startOfDayUtc(zone, input.date);
  const to = startOfDayUtc(zone, addDays(input.date, 1));
  const [blocks, exceptions, rows, services, specialties, studies, insurers] = await Promise.all([
    blocksFor(db, ids, input.date, input.date),
    exceptionsFor(db, ids, input.date, input.date),
    dayAppointments(db, ids, isoUtc(from), isoUtc(to)),
    catalog.servicesOf(db, ids),
    catalog.listSpecialties(db, false),
    catalog.listStudies(db, false),
    catalog.listInsurers(db, false),
  ]);
  const specialtyOf = named(specialties);
  const studyOf = named(studies);
  const insurerOf = named(insurers);
  const time = (ms: number) => formatInZone(zone, ms);
  const turnoView = ({ row: a }: { row: DayAppointment }) => ({
    ...appointmentView(zone, a),
    patient: {
      id: a.patientId,
      dni: a.patientDni,
      lastName: a.patientLastName,
      firstName: a.patientFirstName,
      mobile: a.patientMobile,
      memberNumber: a.patientMemberNumber,
    },
    insurer: a.insurerId === null ? null : (insurerOf.get(a.insurerId) ?? null),
    specialty: a.specialtyId === null ? null : (specialtyOf.get(a.specialtyId) ?? null),
    study: a.studyId === null ? null : (studyOf.get(a.studyId) ?? null),
    // The patient confirmed attendance from a reminder's link.
    confirmedAt: a.confirmedAt,
  });
  const now = ctx.clock.now();
  const professionals = pros.map((p) => {
    const own = exceptions.filter((e) => e.professionalId === null || e.professionalId === p.id);
    const turnos = rows
      .filter((a) => a.professionalId === p.id)
      .map((a) => ({
        id: a.id,
        startMs: Date.parse(a.startsAt),
        endMs: Date.parse(a.endsAt),
        status: a.status,
        overbook: a.overbook === 1,
        row: a,
      }));
    const slots = computeSlots({
      zone,
      fromDate: input.date,
      days: 1,
      blocks: blocks.filter((b) => b.professionalId === p.id),
      exceptions: own,
      busy: turnos.filter((t) => t.status !== 'cancelled' && !t.overbook),
      service: null,
      // The desk shows the whole day, the morning already gone included.
      notBeforeMs: Number.NEGATIVE_INFINITY,
    });
    const day = mergeDay(slots, turnos, now);
    return {
      professional: {
        id: p.id,
        fullName: fullName(p),
        specialties: (services.specialtyIds.get(p.id) ?? []).flatMap((id) => specialtyOf.get(id) ?? []),
        studies: (services.studyIds.get(p.id) ?? []).flatMap((id) => studyOf.get(id) ?? []),
      },
      exceptions: own.map(exceptionView),
      rows: day.rows.map((r) => ({
        kind: r.kind,
        start: time(r.startMs),
        end: time(r.endMs),
        past: r.past,
        turno: r.turno && turnoView(r.turno),
      })),
      cancelled: day.cancelled.map(turnoView),
      counts: day.counts,
    };
  });
  const asked =
    input.professionalId !== undefined ? `professionalId=${input.professionalId}` : `specialtyId=${input.specialtyId}`;
  await audit(ctx, staff, {
    action: 'appointment.list',
    patientId: null,
    detail: `agenda del día date=${input.date} ${asked}`,
  });
  return { date: input.date, generatedAt: time(now), professionals };
}

/**
 * For each service, whether the professional's agenda offers it at that start, judged as booking judges it
 * (a sobreturno: inside one of its slots). Whoever holds the slot does not matter: the desk's booking form
 * offers these first.
 */
export async function servicesAt(
  ctx: AppContext,
  input: { actor: Actor; professionalId: number; start: string; overbook: boolean; services: NonNullable<Service>[] },
): Promise<boolean[]> {
  const staff = requireStaff(input.actor);
  if (!canSeeProfessional(staff, input.professionalId)) throw new AppError('FORBIDDEN');
  const db = ctx.database.db;
  const zone = (await getSettings(db)).timeZone;
  const startMs = Date.parse(input.start);
  const date = utcToCivil(zone, startMs).date;
  const ids = [input.professionalId];
  const [blocks, exceptions] = await Promise.all([blocksFor(db, ids, date, date), exceptionsFor(db, ids, date, date)]);
  const offered = coveredBy(zone, { blocks, exceptions });
  return input.services.map((service) => offered({ startMs, overbook: input.overbook, service }));
}

export interface RescheduleInput {
  actor: Actor;
  id: number;
  /** ISO 8601 instant with offset: the new start, which must be a slot of the agenda. */
  start: string;
  /** Another professional who offers the same specialty or study; by default the same one. */
  professionalId?: number | undefined;
}

/**
 * Moves a reserved turno to another free agenda slot, keeping its id, patient, service, insurer and reason.
 * A sobreturno moved onto a free slot becomes a regular turno: it now holds that slot.
 */
export async function rescheduleAppointment(ctx: AppContext, input: RescheduleInput) {
  requireStaff(input.actor, ['admin', 'reception']);
  const db = ctx.database.db;
  const a = await appointments.getAppointment(db, input.id);
  if (!a) throw new AppError('NOT_FOUND', { what: `el turno ${input.id}` });
  if (a.status !== 'reserved') throw new AppError('INVALID_TRANSITION', { from: a.status, to: 'rescheduled' });
  const service: Service =
    a.specialtyId !== null ? { specialtyId: a.specialtyId } : a.studyId !== null ? { studyId: a.studyId } : null;
  if (!service) throw new AppError('SERVICE_REQUIRED');
  const professionalId = input.professionalId ?? a.professionalId;
  const [settings, professional, serviceEntity] = await Promise.all([
    getSettings(db),
    catalog.getProfessional(db, professionalId),
    'specialtyId' in service ? catalog.getSpecialty(db, service.specialtyId) : catalog.getStudy(db, service.studyId),
  ]);
  if (!professional) throw new AppError('NOT_FOUND', { what: `el profesional ${professionalId}` });
  const serviceName = serviceEntity?.name ?? '';
  if (!(await catalog.professionalOffers(db, professionalId, service))) {
    throw new AppError('WRONG_SERVICE', { what: serviceName });
  }
  const now = ctx.clock.now();
  const startMs = Date.parse(input.start);
  if (startMs < now) throw new AppError('IN_THE_PAST');
  const zone = settings.timeZone;
  const moved = professionalId === a.professionalId ? '' : ` (profesional ${a.professionalId} → ${professionalId})`;
  try {
    const updated = await db.transaction().execute(async (trx) => {
      // Same order as booking: inserts and moves onto one professional's agenda queue up instead of deadlocking.
      await lockKey(trx, ctx.database.dialect, `professional:${professionalId}`);
      // Under that lock, as booking does: an agenda change saved meanwhile is seen.
      const slot = await requireAgendaSlot(ctx, trx, {
        zone,
        professionalId,
        service,
        serviceName,
        startMs,
        overbook: false,
      });
      const detail = `reprogramado de ${formatInZone(zone, Date.parse(a.startsAt))} a ${formatInZone(zone, slot.startMs)}${moved}`;
      const row = await appointments.updateAppointment(
        trx,
        a.id,
        {
          professionalId,
          startsAt: isoUtc(slot.startMs),
          endsAt: isoUtc(slot.endMs),
          overbook: 0,
          updatedAt: isoUtc(now),
        },
        ['reserved'],
      );
      // Cancelled or marked meanwhile: the other change wins.
      if (!row) throw new AppError('INVALID_TRANSITION', { from: 'cambiado', to: 'rescheduled' });
      const event = { patientId: a.patientId, target: `turno:${a.id}`, detail };
      await audit(ctx, input.actor, { action: 'appointment.update', ...event }, trx);
      return row;
    });
    return appointmentView(zone, updated);
  } catch (e) {
    if (isOverlapError(e)) throw new AppError('SLOT_TAKEN');
    throw e;
  }
}
