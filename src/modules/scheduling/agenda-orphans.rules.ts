// Which booked turnos an agenda change would leave outside the agenda. Pure: the slot engine alone decides
// what the agenda offers, so this can never disagree with booking or with the desk's "fuera de agenda".
import { utcToCivil } from '../../platform/time/zone.js';
import {
  type AgendaBlock,
  computeSlots,
  type ExceptionWindow,
  findSlot,
  type Service,
  type Slot,
  slotContaining,
} from './slots.rules.js';

/** One professional's working hours and the exceptions that apply to them (their own and the center's). */
export interface Schedule {
  blocks: readonly AgendaBlock[];
  exceptions: readonly ExceptionWindow[];
}

export interface BookedTurno {
  startMs: number;
  overbook: boolean;
  service: Service;
}

const serviceKey = (s: Service) => (s === null ? '-' : 'specialtyId' in s ? `s${s.specialtyId}` : `e${s.studyId}`);

/**
 * Whether the schedule still offers a turno's time, judged as booking judges it: a regular turno needs a
 * slot of its service starting exactly then, a sobreturno a slot of its service it falls in. Who holds the
 * slot does not matter, nor whether it is past.
 */
export function coveredBy(zone: string, schedule: Schedule): (t: BookedTurno) => boolean {
  const grids = new Map<string, Slot[]>();
  return (t) => {
    const date = utcToCivil(zone, t.startMs).date;
    const key = `${date}|${serviceKey(t.service)}`;
    let slots = grids.get(key);
    if (!slots) {
      slots = computeSlots({
        zone,
        fromDate: date,
        days: 1,
        blocks: schedule.blocks,
        exceptions: schedule.exceptions,
        busy: [],
        service: t.service,
        notBeforeMs: Number.NEGATIVE_INFINITY,
      });
      grids.set(key, slots);
    }
    return (t.overbook ? slotContaining : findSlot)(slots, t.startMs) !== null;
  };
}

/**
 * The turnos the agenda covers now and would no longer cover after the change. A turno already outside
 * the agenda (an earlier change kept it) is not the new change's doing and is not listed again.
 */
export function orphanedTurnos<T extends BookedTurno>(q: {
  zone: string;
  before: Schedule;
  after: Schedule;
  turnos: readonly T[];
}): T[] {
  const was = coveredBy(q.zone, q.before);
  const is = coveredBy(q.zone, q.after);
  return q.turnos.filter((t) => was(t) && !is(t));
}
