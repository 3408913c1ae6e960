// Schedule exceptions of the demo, placed relative to "today" so the demo always shows a leave next week.
import type { ExceptionKind } from '../platform/db/schema.js';
import { addDays, isoWeekday } from '../platform/time/zone.js';

interface DemoExceptionRule {
  /** Last name of a demo professional (unique in the demo). */
  professional: string;
  /** Weeks from the current one (Monday-based): -2 two weeks ago, 1 next week. */
  weekOffset: number;
  weekday: number;
  days: number;
  fromTime: string | null;
  toTime: string | null;
  kind: ExceptionKind;
  reason: string;
}

const rules: readonly DemoExceptionRule[] = [
  {
    professional: 'GONZALEZ',
    weekOffset: 1,
    weekday: 1,
    days: 3,
    fromTime: null,
    toTime: null,
    kind: 'leave',
    reason: 'Congreso Argentino de Cardiología',
  },
  {
    professional: 'MARTINEZ',
    weekOffset: 2,
    weekday: 3,
    days: 1,
    fromTime: '08:00',
    toTime: '12:00',
    kind: 'block',
    reason: 'Ateneo del servicio de ginecología',
  },
  {
    professional: 'GOMEZ',
    weekOffset: -2,
    weekday: 2,
    days: 1,
    fromTime: null,
    toTime: null,
    kind: 'leave',
    reason: 'Enfermedad',
  },
];

export interface DemoException {
  professional: string;
  fromDate: string;
  toDate: string;
  fromTime: string | null;
  toTime: string | null;
  kind: ExceptionKind;
  reason: string;
}

export function demoExceptions(today: string): DemoException[] {
  const monday = addDays(today, 1 - isoWeekday(today));
  return rules.map((r) => {
    const fromDate = addDays(monday, r.weekOffset * 7 + r.weekday - 1);
    return {
      professional: r.professional,
      fromDate,
      toDate: addDays(fromDate, r.days - 1),
      fromTime: r.fromTime,
      toTime: r.toTime,
      kind: r.kind,
      reason: r.reason,
    };
  });
}
