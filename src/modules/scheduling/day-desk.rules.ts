// The reception desk's day: agenda slots and the day's turnos merged into one time-ordered list. Pure.
import type { AppointmentStatus } from '../../platform/db/schema.js';
import type { Slot } from './slots.rules.js';

export interface DeskTurno {
  id: number;
  startMs: number;
  endMs: number;
  status: AppointmentStatus;
  overbook: boolean;
}

/**
 * free: an agenda slot nobody holds. taken: an agenda slot and the turno that starts on it (null when a
 * turno starting in another slot overlaps it). overbook: a sobreturno, which takes no slot. outside: a
 * regular turno on no slot of today's agenda (the agenda or an exception changed after it was booked).
 */
export type DeskRowKind = 'free' | 'taken' | 'overbook' | 'outside';

export interface DeskRow<T extends DeskTurno> {
  kind: DeskRowKind;
  startMs: number;
  endMs: number;
  /** Started before now: a free past slot cannot be booked any more. */
  past: boolean;
  turno: T | null;
}

export interface DeskDay<T extends DeskTurno> {
  rows: DeskRow<T>[];
  /** Shown apart: a cancelled turno frees its slot, which appears free (or taken by someone else) in rows. */
  cancelled: T[];
  counts: {
    slots: number;
    free: number;
    taken: number;
    overbooks: number;
    outside: number;
    reserved: number;
    present: number;
    absent: number;
    cancelled: number;
  };
}

const ORDER: Record<DeskRowKind, number> = { free: 0, taken: 0, outside: 1, overbook: 2 };

/** `slots` from computeSlots for the day, whose busy times are the day's active regular turnos. */
export function mergeDay<T extends DeskTurno>(slots: readonly Slot[], turnos: readonly T[], nowMs: number): DeskDay<T> {
  const rows: DeskRow<T>[] = slots.map((s) => ({
    kind: s.free ? 'free' : 'taken',
    startMs: s.startMs,
    endMs: s.endMs,
    past: s.startMs < nowMs,
    turno: null,
  }));
  // Slots never overlap, so no two share a start.
  const slotAt = new Map(rows.map((r) => [r.startMs, r]));
  const cancelled: T[] = [];
  for (const t of [...turnos].sort((a, b) => a.startMs - b.startMs || a.id - b.id)) {
    if (t.status === 'cancelled') {
      cancelled.push(t);
      continue;
    }
    const row = t.overbook ? undefined : slotAt.get(t.startMs);
    if (row && row.turno === null) {
      row.kind = 'taken';
      row.turno = t;
    } else {
      const kind = t.overbook ? 'overbook' : 'outside';
      rows.push({ kind, startMs: t.startMs, endMs: t.endMs, past: t.startMs < nowMs, turno: t });
    }
  }
  rows.sort(
    (a, b) => a.startMs - b.startMs || ORDER[a.kind] - ORDER[b.kind] || (a.turno?.id ?? 0) - (b.turno?.id ?? 0),
  );
  const count = (kind: DeskRowKind) => rows.filter((r) => r.kind === kind).length;
  const active = rows.flatMap((r) => (r.turno ? [r.turno] : []));
  const withStatus = (status: AppointmentStatus) => active.filter((t) => t.status === status).length;
  return {
    rows,
    cancelled,
    counts: {
      slots: slots.length,
      free: count('free'),
      taken: slots.length - count('free'),
      overbooks: count('overbook'),
      outside: count('outside'),
      reserved: withStatus('reserved'),
      present: withStatus('present'),
      absent: withStatus('absent'),
      cancelled: cancelled.length,
    },
  };
}
