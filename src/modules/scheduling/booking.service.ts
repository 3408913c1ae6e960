// The one use case that books an appointment, for the web and for staff, with every rule of the manual.
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { isOverlapError, lockKey } from '../../platform/db/dialect.js';
import type { AppointmentOrigin, DB } from '../../platform/db/schema.js';
import type { Lang } from '../../platform/i18n/lang.js';
import { normalizeIp } from '../../platform/ip.js';
import { enqueueMail } from '../../platform/outbox/outbox.js';
import { addDays, isoUtc, startOfDayUtc, todayIn, utcToCivil } from '../../platform/time/zone.js';
import * as catalog from '../catalog/catalog.repo.js';
import { fullName } from '../catalog/catalog.service.js';
import { getSettings } from '../center/center.repo.js';
import { getPatient } from '../patients/patients.repo.js';
import { type Actor, requireStaff } from '../staff/actor.js';
import { audit } from '../staff/audit.service.js';
import { blocksFor, exceptionsFor } from './agendas.repo.js';
import { appointmentDetails, bookingNotes, REASON_MAX } from './appointment.details.js';
import { appointmentView } from './appointment.view.js';
import * as repo from './appointments.repo.js';
import { bookingConfirmationMail } from './booking.mail.js';
import { computeSlots, findSlot, type Service, slotContaining } from './slots.rules.js';

export interface BookingInput {
  actor: Actor;
  professionalId: number;
  patientId: number;
  /** ISO 8601 instant with offset. */
  start: string;
  specialtyId?: number | null | undefined;
  studyId?: number | null | undefined;
  /** Defaults to the patient's insurer. */
  insurerId?: number | null | undefined;
  reason?: string | undefined;
  origin: AppointmentOrigin;
  /** The patient's IP, for the per-IP limit of web bookings. */
  ip?: string | null | undefined;
  overbook?: boolean | undefined;
  /** Staff bookings: the appointment type label (default NORMAL). */
  typeLabel?: string | undefined;
  /** Mail the confirmation to the patient's address, if any, in this language: written with the booking or not at all. */
  confirmationMail?: { lang: Lang } | undefined;
}

function authorize(input: BookingInput) {
  if (input.actor.kind === 'patient') {
    if (input.actor.patientId !== input.patientId || input.origin !== 'web') throw new AppError('FORBIDDEN');
    return null;
  }
  return requireStaff(input.actor, ['admin', 'reception']);
}

function serviceOf(input: BookingInput): NonNullable<Service> {
  const hasSpecialty = input.specialtyId != null;
  const hasStudy = input.studyId != null;
  if (hasSpecialty === hasStudy) throw new AppError('SERVICE_REQUIRED');
  return hasSpecialty ? { specialtyId: input.specialtyId as number } : { studyId: input.studyId as number };
}

/**
 * The agenda slot a turno starting at `startMs` takes (an overbook: the slot it falls in), taken or not:
 * the database guard judges that. Refuses a time the professional's agenda does not offer for the service.
 * `db` is the transaction holding the professional's lock: agenda changes take it too, so a leave or a
 * holiday saved a moment ago is seen here, and one being saved waits for this turno (and then lists it).
 */
export async function requireAgendaSlot(
  ctx: AppContext,
  db: Kysely<DB>,
  q: {
    zone: string;
    professionalId: number;
    service: NonNullable<Service>;
    serviceName: string;
    startMs: number;
    overbook: boolean;
  },
) {
  const date = utcToCivil(q.zone, q.startMs).date;
  const [blocks, exceptions] = await Promise.all([
    blocksFor(db, [q.professionalId], date, date),
    exceptionsFor(db, [q.professionalId], date, date),
  ]);
  const day = { zone: q.zone, fromDate: date, days: 1, blocks, exceptions, busy: [], notBeforeMs: ctx.clock.now() };
  const pick = q.overbook ? slotContaining : findSlot;
  const slot = pick(computeSlots({ ...day, service: q.service }), q.startMs);
  if (!slot) {
    if (pick(computeSlots({ ...day, service: null }), q.startMs)) {
      throw new AppError('WRONG_SERVICE', { what: q.serviceName });
    }
    throw new AppError('NOT_IN_AGENDA');
  }
  return slot;
}

export async function bookAppointment(ctx: AppContext, input: BookingInput) {
  const staff = authorize(input);
  const service = serviceOf(input);
  const web = input.origin === 'web';
  if (input.overbook && (web || !staff)) throw new AppError('OVERBOOK_STAFF_ONLY');
  const db = ctx.database.db;
  const [settings, professional, patient, serviceEntity] = await Promise.all([
    getSettings(db),
    catalog.getProfessional(db, input.professionalId),
    getPatient(db, input.patientId),
    'specialtyId' in service ? catalog.getSpecialty(db, service.specialtyId) : catalog.getStudy(db, service.studyId),
  ]);
  if (!professional) throw new AppError('NOT_FOUND', { what: `el profesional ${input.professionalId}` });
  if (!patient) throw new AppError('NOT_FOUND', { what: `el paciente ${input.patientId}` });
  const serviceLabel = 'specialtyId' in service ? 'la especialidad' : 'el estudio';
  if (!serviceEntity) throw new AppError('NOT_FOUND', { what: `${serviceLabel} indicada` });
  const insurerId = input.insurerId ?? patient.insurerId;
  const insurer = insurerId === null ? undefined : await catalog.getInsurer(db, insurerId);
  if (insurerId !== null && !insurer) throw new AppError('NOT_FOUND', { what: `la obra social ${insurerId}` });
  const reason = (input.reason ?? '').trim();
  if (reason.length > REASON_MAX) throw new AppError('REASON_TOO_LONG', { max: REASON_MAX });
  const ip = input.ip ? normalizeIp(input.ip) : null;

  if (web) {
    if (settings.webBookingEnabled !== 1) throw new AppError('WEB_BOOKING_DISABLED');
    if (patient.disabled === 1) throw new AppError('PATIENT_DISABLED', { note: patient.disabledNote });
    if (professional.webEnabled !== 1)
      throw new AppError('NOT_WEB_ENABLED', { what: `El profesional ${fullName(professional)}` });
    if (serviceEntity.webEnabled !== 1) throw new AppError('NOT_WEB_ENABLED', { what: serviceEntity.name });
    if (insurer && insurer.webEnabled !== 1)
      throw new AppError('NOT_WEB_ENABLED', { what: `La obra social ${insurer.webName}` });
    if (settings.reasonRequired === 1 && reason === '') throw new AppError('REASON_REQUIRED');
  }
  if (!(await catalog.professionalOffers(db, professional.id, service))) {
    throw new AppError('WRONG_SERVICE', { what: serviceEntity.name });
  }

  const zone = settings.timeZone;
  const now = ctx.clock.now();
  const startMs = Date.parse(input.start);
  if (startMs < now) throw new AppError('IN_THE_PAST');
  const date = utcToCivil(zone, startMs).date;
  if (web && date > addDays(todayIn(zone, now), professional.maxDaysAhead)) {
    throw new AppError('TOO_FAR_AHEAD', { days: professional.maxDaysAhead });
  }

  const nowIso = isoUtc(now);
  try {
    const created = await db.transaction().execute(async (trx) => {
      // Serialize the limit checks of one patient (and one IP) across requests and processes, and the
      // inserts of one professional: two inserts racing on PostgreSQL's exclusion constraint would
      // otherwise deadlock instead of one of them getting a clean conflict. Always in this order.
      await lockKey(trx, ctx.database.dialect, `patient:${patient.id}`);
      if (web && ip) await lockKey(trx, ctx.database.dialect, `ip:${ip}`);
      await lockKey(trx, ctx.database.dialect, `professional:${professional.id}`);
      // The agenda is read under the professional's lock, which every agenda change takes as well.
      const slot = await requireAgendaSlot(ctx, trx, {
        zone,
        professionalId: professional.id,
        service,
        serviceName: serviceEntity.name,
        startMs,
        overbook: input.overbook ?? false,
      });
      const endMs = input.overbook ? startMs + (slot.endMs - slot.startMs) : slot.endMs;
      if (web) {
        const sameDay = await repo.countWithProfessionalBetween(
          trx,
          patient.id,
          professional.id,
          isoUtc(startOfDayUtc(zone, date)),
          isoUtc(startOfDayUtc(zone, addDays(date, 1))),
        );
        if (sameDay >= settings.maxPerDayProfessional) {
          throw new AppError('LIMIT_PER_DAY', { max: settings.maxPerDayProfessional });
        }
        if ((await repo.countFutureOfPatient(trx, patient.id, nowIso)) >= settings.maxFuturePerPatient) {
          throw new AppError('LIMIT_FUTURE_PATIENT', { max: settings.maxFuturePerPatient });
        }
        if (ip && (await repo.countFutureFromIp(trx, ip, nowIso)) >= settings.maxFuturePerIp) {
          throw new AppError('LIMIT_FUTURE_IP', { max: settings.maxFuturePerIp });
        }
      }
      const row = await repo.insertAppointment(trx, {
        professionalId: professional.id,
        specialtyId: 'specialtyId' in service ? service.specialtyId : null,
        studyId: 'studyId' in service ? service.studyId : null,
        patientId: patient.id,
        startsAt: isoUtc(startMs),
        endsAt: isoUtc(endMs),
        status: 'reserved',
        origin: input.origin,
        typeLabel: web ? settings.webAppointmentType : (input.typeLabel ?? 'NORMAL'),
        reason,
        insurerId,
        bookedAt: nowIso,
        bookedIp: ip,
        // The manual's "usuario WEB": web turnos show it whoever relayed them (the audit log keeps the integration).
        bookedBy: web || !staff ? settings.webUserLabel : staff.name,
        cancelledAt: null,
        cancelledBy: null,
        overbook: input.overbook ? 1 : 0,
        updatedAt: nowIso,
      });
      if (input.confirmationMail && patient.email) {
        const details = appointmentDetails({
          appointment: row,
          settings,
          professional,
          patient,
          ...('indication' in serviceEntity ? { study: serviceEntity } : { specialty: serviceEntity }),
          insurer,
        });
        await enqueueMail(trx, bookingConfirmationMail(details, input.confirmationMail.lang, patient.email), now);
      }
      const detail = [web ? 'origen web' : '', input.overbook ? 'sobreturno' : ''].filter(Boolean).join(', ');
      await audit(
        ctx,
        input.actor,
        { action: 'appointment.create', patientId: patient.id, target: `turno:${row.id}`, detail },
        trx,
      );
      return row;
    });
    const messages = bookingNotes(serviceEntity, professional, insurer).map((n) => n.text);
    return { ...appointmentView(zone, created), messages };
  } catch (e) {
    if (isOverlapError(e)) throw new AppError('SLOT_TAKEN');
    throw e;
  }
}
