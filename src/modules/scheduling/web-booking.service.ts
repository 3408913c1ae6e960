// The patient's way to a turno on the web: what may be chosen, the weeks of free times, the confirm step.
import type { AppContext } from '../../context.js';
import { AppError, type ErrorCode } from '../../errors.js';
import type { Patient, SelectionMode } from '../../platform/db/schema.js';
import { addDays, todayIn } from '../../platform/time/zone.js';
import * as catalog from '../catalog/catalog.repo.js';
import { fullName } from '../catalog/catalog.service.js';
import { getSettings } from '../center/center.repo.js';
import { getPatient } from '../patients/patients.repo.js';
import type { Actor } from '../staff/actor.js';
import { professionalAvailability, serviceAvailability } from './availability.service.js';

/** A specialty or a study, as the patient asked for it. */
export type WebService = { specialtyId: number } | { studyId: number };

export interface ServiceInfo {
  kind: 'specialty' | 'study';
  id: number;
  name: string;
  /** Studies: what to do before coming (fasting…). */
  indication: string;
}

const DAYS = 7;

async function requirePatient(ctx: AppContext, actor: Actor): Promise<Patient> {
  if (actor.kind !== 'patient') throw new AppError('UNAUTHENTICATED');
  const patient = await getPatient(ctx.database.db, actor.patientId);
  if (!patient) throw new AppError('UNAUTHENTICATED');
  return patient;
}

/** Browsing free times is booking's first step: a disabled patient reads the center's note instead. */
async function requireBookingPatient(ctx: AppContext, actor: Actor): Promise<Patient> {
  const patient = await requirePatient(ctx, actor);
  if (patient.disabled === 1) throw new AppError('PATIENT_DISABLED', { note: patient.disabledNote });
  return patient;
}

async function serviceInfo(ctx: AppContext, service: WebService): Promise<ServiceInfo> {
  const db = ctx.database.db;
  if ('specialtyId' in service) {
    const s = await catalog.getSpecialty(db, service.specialtyId);
    if (s?.webEnabled !== 1) throw new AppError('NOT_FOUND', { what: `la especialidad ${service.specialtyId}` });
    return { kind: 'specialty', id: s.id, name: s.webName, indication: '' };
  }
  const s = await catalog.getStudy(db, service.studyId);
  if (s?.webEnabled !== 1) throw new AppError('NOT_FOUND', { what: `el estudio ${service.studyId}` });
  return { kind: 'study', id: s.id, name: s.name, indication: s.indication };
}

export interface Choice {
  id: number;
  name: string;
}

/**
 * "Tomar turno": the specialties or studies (by the center's selection mode) and the professionals with
 * what each attends, all web-enabled. Booking switched off or a disabled patient: say why, offer nothing.
 */
export async function bookingStart(ctx: AppContext, input: { actor: Actor }) {
  const patient = await requirePatient(ctx, input.actor);
  const db = ctx.database.db;
  const settings = await getSettings(db);
  const mode: SelectionMode = settings.selectionMode;
  const closed = {
    mode,
    services: [] as Choice[],
    professionals: [] as (Choice & { services: Choice[] })[],
  };
  if (settings.webBookingEnabled !== 1) return { state: 'off' as const, note: '', ...closed };
  if (patient.disabled === 1) return { state: 'disabled' as const, note: patient.disabledNote, ...closed };
  const services: Choice[] =
    mode === 'BY_STUDY'
      ? (await catalog.listStudies(db, true)).map((s) => ({ id: s.id, name: s.name }))
      : (await catalog.listSpecialties(db, true)).map((s) => ({ id: s.id, name: s.webName }));
  const pros = await catalog.listProfessionals(db, { webOnly: true });
  const offered = await catalog.servicesOf(
    db,
    pros.map((p) => p.id),
  );
  const ids = mode === 'BY_STUDY' ? offered.studyIds : offered.specialtyIds;
  const professionals = pros
    .map((p) => ({
      id: p.id,
      name: fullName(p),
      services: services.filter((s) => (ids.get(p.id) ?? []).includes(s.id)),
    }))
    .filter((p) => p.services.length > 0);
  return { state: 'open' as const, note: '', mode, services, professionals };
}

/** What a professional attends on the web, in the center's selection mode: the choice when none was given. */
export async function professionalServices(ctx: AppContext, input: { actor: Actor; professionalId: number }) {
  const start = await bookingStart(ctx, input);
  if (start.state === 'off') throw new AppError('WEB_BOOKING_DISABLED');
  if (start.state === 'disabled') throw new AppError('PATIENT_DISABLED', { note: start.note });
  const found = start.professionals.find((p) => p.id === input.professionalId);
  if (!found) throw new AppError('NOT_FOUND', { what: `el profesional ${input.professionalId}` });
  return { mode: start.mode, professional: found };
}

/** The week shown from `from` (never before today), and where the week buttons lead. */
function weekRange(today: string, from: string | undefined, maxDaysAhead: number) {
  const start = from !== undefined && from > today ? from : today;
  const back = addDays(start, -DAYS);
  const next = addDays(start, DAYS);
  return {
    from: start,
    to: addDays(start, DAYS - 1),
    prevFrom: start > today ? (back > today ? back : today) : null,
    // Past the professionals' last bookable day a further week can only be empty.
    nextFrom: next <= addDays(today, maxDaysAhead) ? next : null,
  };
}

/** "Ver profesionales": each professional of the specialty or study, alphabetically, with the week's free times. */
export async function serviceWeek(ctx: AppContext, input: { actor: Actor; service: WebService; from?: string }) {
  await requireBookingPatient(ctx, input.actor);
  const service = await serviceInfo(ctx, input.service);
  const settings = await getSettings(ctx.database.db);
  const today = todayIn(settings.timeZone, ctx.clock.now());
  const probe = weekRange(today, input.from, 0);
  const week = await serviceAvailability(ctx, {
    actor: input.actor,
    origin: 'web',
    service: input.service,
    from: probe.from,
    days: DAYS,
  });
  const furthest = Math.max(0, ...week.professionals.map((p) => p.professional.maxDaysAhead));
  return {
    zone: settings.timeZone,
    service,
    ...weekRange(today, input.from, furthest),
    professionals: week.professionals.map((p) => ({
      id: p.professional.id,
      name: p.professional.fullName,
      firstFree: p.firstFree,
      free: p.slots.filter((s) => s.free),
    })),
  };
}

/** One professional's week grid, after the general message the patient must read first. */
export async function professionalWeek(
  ctx: AppContext,
  input: { actor: Actor; professionalId: number; service: WebService; from?: string },
) {
  await requireBookingPatient(ctx, input.actor);
  const service = await serviceInfo(ctx, input.service);
  const settings = await getSettings(ctx.database.db);
  const today = todayIn(settings.timeZone, ctx.clock.now());
  const week = await professionalAvailability(ctx, {
    actor: input.actor,
    origin: 'web',
    professionalId: input.professionalId,
    service: input.service,
    from: weekRange(today, input.from, 0).from,
    days: DAYS,
  });
  return {
    zone: settings.timeZone,
    service,
    ...weekRange(today, input.from, week.professional.maxDaysAhead),
    professional: {
      id: week.professional.id,
      name: week.professional.fullName,
      generalMessage: week.professional.generalMessage.trim(),
      maxDaysAhead: week.professional.maxDaysAhead,
    },
    /** The last day the web offers with this professional; later days are not "no atiende". */
    lastDate: addDays(today, week.professional.maxDaysAhead),
    firstFree: week.firstFree,
    slots: week.slots,
  };
}

export interface ConfirmRequest {
  actor: Actor;
  professionalId: number;
  service: WebService;
  /** ISO instant. */
  start: string;
}

/**
 * The confirm step before booking: names, the insurers the patient may choose, and whether the time can
 * still be taken (so a stale link says so at once; booking checks every rule again).
 */
export async function confirmPreview(ctx: AppContext, input: ConfirmRequest) {
  const patient = await requirePatient(ctx, input.actor);
  const db = ctx.database.db;
  const service = await serviceInfo(ctx, input.service);
  const settings = await getSettings(db);
  const startMs = Date.parse(input.start);
  const zone = settings.timeZone;
  const day = await professionalAvailability(ctx, {
    actor: input.actor,
    origin: 'web',
    professionalId: input.professionalId,
    service: input.service,
    from: todayIn(zone, startMs),
    days: 1,
  });
  const slot = day.slots.find((s) => Date.parse(s.start) === startMs);
  let problem: { code: ErrorCode; params: Record<string, string | number> } | null = null;
  if (patient.disabled === 1) problem = { code: 'PATIENT_DISABLED', params: { note: patient.disabledNote } };
  else if (slot && !slot.free) problem = { code: 'SLOT_TAKEN', params: {} };
  else if (!slot) problem = { code: startMs < ctx.clock.now() ? 'IN_THE_PAST' : 'NOT_IN_AGENDA', params: {} };
  const insurers = (await catalog.listInsurers(db, true)).map((i) => ({ id: i.id, name: i.webName }));
  return {
    zone,
    startMs,
    endMs: slot ? Date.parse(slot.end) : null,
    professional: { id: day.professional.id, name: day.professional.fullName },
    service,
    insurers,
    patientInsurerId: patient.insurerId,
    reasonRequired: settings.reasonRequired === 1,
    problem,
  };
}
