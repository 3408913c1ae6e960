// Fills the agendas with appointments the way a real center looks: busy past, half-booked future,
// every appointment on a slot the slot engine offers, and never a clash the database would refuse.
import { type AgendaBlock, computeSlots, type ExceptionWindow } from '../modules/scheduling/slots.rules.js';
import type { AppointmentStatus, NewAppointment } from '../platform/db/schema.js';
import { addDays, civilToUtc, isoUtc, utcToCivil } from '../platform/time/zone.js';
import { type PatientFit, staffTypeLabel, staffUser } from './demo-data.js';
import { consultationReasons, studyReasons } from './demo-names.js';
import { ageOn, fits } from './demo-patients.js';
import type { Random } from './prng.js';

const MINUTE = 60_000;
const DAY = 86_400_000;
const PAST_DAYS = 21;
const FUTURE_DAYS = 28;
const PAST_OCCUPANCY = 0.5;
const FUTURE_OCCUPANCY = 0.3;
/** A cancelled slot is often taken again by someone else: shows that cancelled turns free the slot. */
const REBOOK_AFTER_CANCEL = 0.35;
const PICK_ATTEMPTS = 25;

export interface PlanProfessional {
  id: number;
  webEnabled: boolean;
  maxDaysAhead: number;
  /** Used for appointments in blocks tied to neither a specialty nor a study. */
  firstSpecialtyId: number;
  fit: PatientFit;
  blocks: readonly AgendaBlock[];
  exceptions: readonly ExceptionWindow[];
}

export interface PlanPatient {
  id: number;
  sex: string | null;
  birthDate: string;
  insurerId: number;
  /** Has an e-mail and an insurer offered on the web: could have booked online. */
  canBookOnWeb: boolean;
  homeIp: string;
}

export interface AppointmentPlan {
  zone: string;
  today: string;
  nowMs: number;
  professionals: readonly PlanProfessional[];
  patients: readonly PlanPatient[];
  studyFits: ReadonlyMap<number, PatientFit>;
  /** The center's web user and appointment type ("WEB"). */
  webUser: string;
  webTypeLabel: string;
  /** The center's limit of future active appointments per patient. */
  maxFuturePerPatient: number;
}

interface BlockSlot {
  startMs: number;
  endMs: number;
  date: string;
  block: AgendaBlock;
}

/** The professional's slots over the demo range, each with the block it comes from, in time order. */
function slotsOf(plan: AppointmentPlan, professional: PlanProfessional): BlockSlot[] {
  const fromDate = addDays(plan.today, -PAST_DAYS);
  const all: BlockSlot[] = [];
  for (const block of professional.blocks) {
    const slots = computeSlots({
      zone: plan.zone,
      fromDate,
      days: PAST_DAYS + FUTURE_DAYS + 1,
      blocks: [block],
      exceptions: professional.exceptions,
      busy: [],
      service: null,
      notBeforeMs: Number.NEGATIVE_INFINITY,
    });
    for (const s of slots) all.push({ startMs: s.startMs, endMs: s.endMs, date: s.date, block });
  }
  all.sort((a, b) => a.startMs - b.startMs);
  // The agendas are checked not to overlap; this keeps the promise even if one ever did (earlier slot wins).
  return all.filter((s, i) => i === 0 || s.startMs >= (all[i - 1] as BlockSlot).endMs);
}

/** Who already holds active appointments on which days, so no patient gets two clashing turns. */
class PatientCalendar {
  private readonly days = new Map<string, { professionalId: number; startMs: number; endMs: number }[]>();
  private readonly future = new Map<number, number>();

  constructor(private readonly maxFuture: number) {}

  canTake(patientId: number, professionalId: number, slot: BlockSlot, isFuture: boolean): boolean {
    if (isFuture && (this.future.get(patientId) ?? 0) >= this.maxFuture) return false;
    const taken = this.days.get(`${patientId}|${slot.date}`) ?? [];
    // One active appointment per day with the same professional (the center's default limit), and no clashes.
    return taken.every(
      (t) => t.professionalId !== professionalId && (t.endMs <= slot.startMs || t.startMs >= slot.endMs),
    );
  }

  take(patientId: number, professionalId: number, slot: BlockSlot, isFuture: boolean) {
    const key = `${patientId}|${slot.date}`;
    const taken = this.days.get(key) ?? [];
    taken.push({ professionalId, startMs: slot.startMs, endMs: slot.endMs });
    this.days.set(key, taken);
    if (isFuture) this.future.set(patientId, (this.future.get(patientId) ?? 0) + 1);
  }
}

function pastStatus(random: Random): AppointmentStatus {
  return random.weighted<AppointmentStatus>([
    ['present', 78],
    ['absent', 10],
    ['cancelled', 12],
  ]);
}

function futureStatus(random: Random): AppointmentStatus {
  return random.chance(0.92) ? 'reserved' : 'cancelled';
}

/**
 * When the appointment was given: a few days before it, never after now, within the professional's
 * web horizon, after the cancellation it replaces, and at an hour when someone would be booking.
 */
function bookingInstant(
  plan: AppointmentPlan,
  random: Random,
  professional: PlanProfessional,
  slot: BlockSlot,
  web: boolean,
  bookedAfterMs: number,
): number {
  const { zone, nowMs } = plan;
  const earliest = Math.max(bookedAfterMs, slot.startMs - (professional.maxDaysAhead - 1) * DAY);
  const latest = Math.min(slot.startMs - 30 * MINUTE, nowMs - 10 * MINUTE);
  if (earliest >= latest) return earliest;
  let ms = slot.startMs - random.int(1, Math.min(20, professional.maxDaysAhead - 1)) * DAY;
  if (ms < earliest || ms > latest) ms = earliest + Math.floor(random.next() * (latest - earliest));
  // Reception books in office hours; patients book on the web at any waking hour.
  const minutes = web ? random.int(7 * 60, 23 * 60 + 59) : random.int(8 * 60, 19 * 60);
  const atHour = civilToUtc(zone, utcToCivil(zone, ms).date, minutes);
  return atHour !== null && atHour >= earliest && atHour <= latest ? atHour : ms;
}

function appointmentFor(
  plan: AppointmentPlan,
  random: Random,
  professional: PlanProfessional,
  patient: PlanPatient,
  slot: BlockSlot,
  status: AppointmentStatus,
  /** A rebooking happens after the cancellation that freed the slot. */
  bookedAfterMs = Number.NEGATIVE_INFINITY,
): NewAppointment {
  const { nowMs } = plan;
  const web = professional.webEnabled && patient.canBookOnWeb && random.chance(0.45);
  const bookedMs = bookingInstant(plan, random, professional, slot, web, bookedAfterMs);
  const cancelled = status === 'cancelled';
  const cancelledMs = cancelled
    ? bookedMs + Math.floor(random.next() * (Math.min(slot.startMs, nowMs) - bookedMs))
    : null;
  const attendedMs = Math.min(slot.endMs + random.int(5, 90) * MINUTE, nowMs);
  const updatedMs = cancelledMs ?? (status === 'reserved' ? bookedMs : attendedMs);
  const { block } = slot;
  const reasons = block.studyId !== null ? studyReasons : consultationReasons;
  return {
    professionalId: professional.id,
    specialtyId: block.studyId === null ? (block.specialtyId ?? professional.firstSpecialtyId) : null,
    studyId: block.studyId,
    patientId: patient.id,
    startsAt: isoUtc(slot.startMs),
    endsAt: isoUtc(slot.endMs),
    status,
    origin: web ? 'web' : 'staff',
    typeLabel: web ? plan.webTypeLabel : staffTypeLabel,
    reason: random.chance(0.3) ? random.pick(reasons) : '',
    insurerId: patient.insurerId,
    bookedAt: isoUtc(bookedMs),
    bookedIp: web ? patient.homeIp : null,
    bookedBy: web ? plan.webUser : staffUser,
    cancelledAt: cancelledMs === null ? null : isoUtc(cancelledMs),
    cancelledBy: cancelled ? (web && random.chance(0.7) ? plan.webUser : staffUser) : null,
    overbook: 0,
    updatedAt: isoUtc(updatedMs),
  };
}

export function planAppointments(plan: AppointmentPlan, random: Random): NewAppointment[] {
  const calendar = new PatientCalendar(plan.maxFuturePerPatient);
  const appointments: NewAppointment[] = [];
  for (const professional of plan.professionals) {
    const candidatesByBlock = new Map<AgendaBlock, PlanPatient[]>();
    for (const block of professional.blocks) {
      const studyFit = block.studyId === null ? {} : (plan.studyFits.get(block.studyId) ?? {});
      candidatesByBlock.set(
        block,
        plan.patients.filter((p) => {
          const age = ageOn(p.birthDate, plan.today);
          return fits(professional.fit, p.sex, age) && fits(studyFit, p.sex, age);
        }),
      );
    }

    for (const slot of slotsOf(plan, professional)) {
      const isFuture = slot.startMs >= plan.nowMs;
      if (!random.chance(isFuture ? FUTURE_OCCUPANCY : PAST_OCCUPANCY)) continue;
      const candidates = candidatesByBlock.get(slot.block) ?? [];
      const choose = () => {
        for (let attempt = 0; attempt < PICK_ATTEMPTS && candidates.length > 0; attempt++) {
          const patient = random.pick(candidates);
          if (calendar.canTake(patient.id, professional.id, slot, isFuture)) return patient;
        }
        return null;
      };

      const first = choose();
      if (first === null) continue;
      const status = isFuture ? futureStatus(random) : pastStatus(random);
      const original = appointmentFor(plan, random, professional, first, slot, status);
      appointments.push(original);
      if (status !== 'cancelled') {
        calendar.take(first.id, professional.id, slot, isFuture);
        continue;
      }
      if (!random.chance(REBOOK_AFTER_CANCEL)) continue;
      const second = choose();
      if (second === null) continue;
      const rebooked = isFuture ? 'reserved' : random.chance(0.85) ? 'present' : 'absent';
      const cancelledMs = Date.parse(original.cancelledAt as string);
      appointments.push(appointmentFor(plan, random, professional, second, slot, rebooked, cancelledMs));
      calendar.take(second.id, professional.id, slot, isFuture);
    }
  }
  return appointments;
}
