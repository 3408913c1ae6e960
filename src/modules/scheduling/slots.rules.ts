// The slot engine: pure functions from agendas, exceptions and busy times to the slots a patient sees.
import { addDays, civilToUtc, isoWeekday, offsetMinutes, timeToMinutes } from '../../platform/time/zone.js';

const MINUTE = 60_000;

export interface AgendaBlock {
  weekday: number;
  startTime: string;
  endTime: string;
  slotMinutes: number;
  specialtyId: number | null;
  studyId: number | null;
  validFrom: string;
  validTo: string | null;
}

export interface ExceptionWindow {
  fromDate: string;
  toDate: string;
  /** null: the whole day. */
  fromTime: string | null;
  toTime: string | null;
}

export interface BusyInterval {
  startMs: number;
  endMs: number;
}

/** What the patient asked for: a specialty, a study, or anything the professional offers. */
export type Service = { specialtyId: number } | { studyId: number } | null;

export interface Slot {
  startMs: number;
  endMs: number;
  free: boolean;
  /** Civil date of the slot in the center's zone. */
  date: string;
}

export interface SlotQuery {
  zone: string;
  fromDate: string;
  days: number;
  blocks: readonly AgendaBlock[];
  exceptions: readonly ExceptionWindow[];
  /** Active appointments of the professional, in any order. */
  busy: readonly BusyInterval[];
  service: Service;
  /** Slots starting before this instant are not offered (the past). */
  notBeforeMs: number;
  /** Civil date after which nothing is offered (web: today + max days ahead). */
  lastDate?: string;
}

/**
 * Which blocks serve a request. By specialty: the blocks of that specialty and the general ones (tied to
 * nothing). By study: every block not tied to another study, because the manual books studies
 * "regardless of the specialty configured" (a cardiologist's specialty hours serve the electrocardiograms
 * he performs; that he performs it is checked against his studies, not here).
 */
export function blockServes(block: AgendaBlock, service: Service): boolean {
  if (service === null) return true;
  if ('specialtyId' in service) {
    return block.studyId === null && (block.specialtyId === null || block.specialtyId === service.specialtyId);
  }
  return block.studyId === null || block.studyId === service.studyId;
}

function blockAppliesOn(block: AgendaBlock, date: string, weekday: number): boolean {
  return block.weekday === weekday && block.validFrom <= date && (block.validTo === null || date <= block.validTo);
}

/** Minute windows [from, to) of a date that exceptions block; a whole-day exception is [0, 1440). */
export function blockedWindows(exceptions: readonly ExceptionWindow[], date: string): Array<[number, number]> {
  const windows: Array<[number, number]> = [];
  for (const e of exceptions) {
    if (e.fromDate > date || e.toDate < date) continue;
    windows.push(
      e.fromTime === null || e.toTime === null ? [0, 24 * 60] : [timeToMinutes(e.fromTime), timeToMinutes(e.toTime)],
    );
  }
  return windows;
}

/**
 * Every slot of the range, in time order, each free or taken. Slots never overlap each other
 * (where two blocks overlap, the earlier slot wins), never leave their block, never touch an
 * exception, and never start at a civil time the zone skips (daylight saving).
 */
export function computeSlots(q: SlotQuery): Slot[] {
  const busy = [...q.busy].sort((a, b) => a.startMs - b.startMs);
  const slots: Slot[] = [];
  let busyIndex = 0;
  let lastEnd = Number.NEGATIVE_INFINITY;
  for (let day = 0; day < q.days; day++) {
    const date = addDays(q.fromDate, day);
    if (q.lastDate !== undefined && date > q.lastDate) break;
    const weekday = isoWeekday(date);
    const blocks = q.blocks
      .filter((b) => blockAppliesOn(b, date, weekday) && blockServes(b, q.service))
      .sort((a, b) => a.startTime.localeCompare(b.startTime));
    if (blocks.length === 0) continue;
    const windows = blockedWindows(q.exceptions, date);
    for (const block of blocks) {
      const end = timeToMinutes(block.endTime);
      for (let m = timeToMinutes(block.startTime); m + block.slotMinutes <= end; m += block.slotMinutes) {
        const slotEnd = m + block.slotMinutes;
        if (windows.some(([from, to]) => from < slotEnd && to > m)) continue;
        const startMs = civilToUtc(q.zone, date, m);
        if (startMs === null || startMs < q.notBeforeMs || startMs < lastEnd) continue;
        const endMs = startMs + block.slotMinutes * MINUTE;
        // A slot that runs across a spring-forward gap ends an hour later on the wall clock than m + length says:
        // 01:00 + 90 min is 03:30, not 02:30. Judge the block end and the exceptions by that wall-clock end.
        const wallEnd = slotEnd + Math.max(0, offsetMinutes(q.zone, endMs - 1) - offsetMinutes(q.zone, startMs));
        if (wallEnd > slotEnd && (wallEnd > end || windows.some(([from, to]) => from < wallEnd && to > m))) continue;
        while (busyIndex < busy.length && (busy[busyIndex] as BusyInterval).endMs <= startMs) busyIndex++;
        let free = true;
        for (let j = busyIndex; j < busy.length && (busy[j] as BusyInterval).startMs < endMs; j++) {
          if ((busy[j] as BusyInterval).endMs > startMs) {
            free = false;
            break;
          }
        }
        slots.push({ startMs, endMs, free, date });
        lastEnd = endMs;
      }
    }
  }
  return slots;
}

export function firstFree(slots: readonly Slot[]): Slot | null {
  return slots.find((s) => s.free) ?? null;
}

/** The grid slot a booking asks for, whatever its state; null when the agenda has no slot starting then. */
export function findSlot(slots: readonly Slot[], startMs: number): Slot | null {
  return slots.find((s) => s.startMs === startMs) ?? null;
}

/** For an overbook: the grid slot during which the start falls. */
export function slotContaining(slots: readonly Slot[], startMs: number): Slot | null {
  return slots.find((s) => s.startMs <= startMs && startMs < s.endMs) ?? null;
}
