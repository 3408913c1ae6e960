// The generated center, planned in memory before anything is written: which professional sees which
// patient on which agenda slot. Pure, seeded, so every run measures the same center.
import { createRandom, type Random } from '../src/demo/prng.js';
import { type AgendaBlock, computeSlots } from '../src/modules/scheduling/slots.rules.js';
import type { AppointmentStatus } from '../src/platform/db/schema.js';
import { addDays, startOfDayUtc } from '../src/platform/time/zone.js';
import type { BenchConfig } from './config.js';

const DAY = 86_400_000;
export const ZONE = 'America/Argentina/Buenos_Aires';
/** Friday 2026-11-20 19:00 in Buenos Aires: the week's last slot is over, so the next week is wholly ahead. */
export const NOW_MS = Date.UTC(2026, 10, 20, 22, 0);
/** The week whose availability is measured: the first one after "now". */
export const MEASURED_MONDAY = '2026-11-23';
export const AGENDA = { startTime: '08:00', endTime: '18:00', slotMinutes: 20, weekdays: [1, 2, 3, 4, 5] };
const PAST_OCCUPANCY = 0.8;
const FUTURE_OCCUPANCY = 0.5;

export interface PlannedSlot {
  /** Index into the professionals list, not a database id. */
  professional: number;
  startMs: number;
  endMs: number;
}

export interface PlannedAppointment extends PlannedSlot {
  patient: number;
  status: AppointmentStatus;
  bookedAtMs: number;
}

export interface CenterPlan {
  fromDate: string;
  pastWeeks: number;
  futureWeeks: number;
  appointments: PlannedAppointment[];
  /** Future slots with no active appointment, shuffled. */
  free: PlannedSlot[];
  measuredWeek: { slots: number; booked: number };
}

export function agendaBlocks(): AgendaBlock[] {
  return AGENDA.weekdays.map((weekday) => ({
    weekday,
    startTime: AGENDA.startTime,
    endTime: AGENDA.endTime,
    slotMinutes: AGENDA.slotMinutes,
    specialtyId: null,
    studyId: null,
    validFrom: '2020-01-01',
    validTo: null,
  }));
}

/** One professional's slots over whole weeks, straight from the slot engine, so every appointment sits on one. */
function grid(fromDate: string, weeks: number) {
  return computeSlots({
    zone: ZONE,
    fromDate,
    days: weeks * 7,
    blocks: agendaBlocks(),
    exceptions: [],
    busy: [],
    service: null,
    notBeforeMs: Number.NEGATIVE_INFINITY,
  });
}

/** Exactly `wanted` of `total` indices, each equally likely (Knuth's selection sampling). */
function chooseExactly(random: Random, total: number, wanted: number): Set<number> {
  const chosen = new Set<number>();
  for (let i = 0; i < total && chosen.size < wanted; i++) {
    if (random.next() * (total - i) < wanted - chosen.size) chosen.add(i);
  }
  return chosen;
}

function shuffle<T>(random: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/**
 * Future weeks are half booked and as many as needed to leave `freeNeeded` free slots for the booking run;
 * the rest of the appointments fill enough past weeks at ~80%.
 */
export function planCenter(cfg: BenchConfig, freeNeeded: number): CenterPlan {
  const random = createRandom(20_261_123);
  const pros = cfg.professionals;
  const perWeek = pros * grid(MEASURED_MONDAY, 1).length;
  const futureWeeks = Math.max(1, Math.ceil(freeNeeded / (perWeek * (1 - FUTURE_OCCUPANCY))));
  const futureTaken = Math.min(cfg.appointments, Math.round(futureWeeks * perWeek * FUTURE_OCCUPANCY));
  const pastTaken = cfg.appointments - futureTaken;
  const pastWeeks = Math.max(1, Math.ceil(pastTaken / (perWeek * PAST_OCCUPANCY)));
  const fromDate = addDays(MEASURED_MONDAY, -7 * pastWeeks);
  const slots = grid(fromDate, pastWeeks + futureWeeks);
  const firstFuture = slots.findIndex((s) => s.startMs >= NOW_MS);
  const past = slots.slice(0, firstFuture);
  const future = slots.slice(firstFuture);

  const appointments: PlannedAppointment[] = [];
  const free: PlannedSlot[] = [];
  const place = (range: typeof slots, taken: number, isPast: boolean) => {
    const chosen = chooseExactly(random, range.length * pros, taken);
    for (let i = 0; i < range.length * pros; i++) {
      const slot = range[Math.floor(i / pros)]!;
      const planned = { professional: i % pros, startMs: slot.startMs, endMs: slot.endMs };
      if (!chosen.has(i)) {
        if (!isPast) free.push(planned);
        continue;
      }
      const status: AppointmentStatus = isPast
        ? random.weighted([
            ['present', 80],
            ['absent', 15],
            ['cancelled', 5],
          ] as const)
        : random.weighted([
            ['reserved', 97],
            ['cancelled', 3],
          ] as const);
      // A cancelled appointment does not hold its slot: the database lets it be booked again.
      if (status === 'cancelled' && !isPast) free.push(planned);
      const bookedAtMs = Math.min(NOW_MS, slot.startMs) - random.int(1, 30) * DAY;
      appointments.push({ ...planned, patient: random.int(0, cfg.patients - 1), status, bookedAtMs });
    }
  };
  place(past, pastTaken, true);
  place(future, futureTaken, false);

  const weekEnd = startOfDayUtc(ZONE, addDays(MEASURED_MONDAY, 7));
  const inWeek = (s: { startMs: number }) => s.startMs >= NOW_MS && s.startMs < weekEnd;
  const measuredWeek = {
    slots: future.filter(inWeek).length * pros,
    booked: appointments.filter((a) => inWeek(a) && a.status !== 'cancelled').length,
  };
  return { fromDate, pastWeeks, futureWeeks, appointments, free: shuffle(random, free), measuredWeek };
}
