import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { addDays, civilToUtc, minutesToTime, timeToMinutes } from '../../platform/time/zone.js';
import { type BookedTurno, coveredBy, orphanedTurnos, type Schedule } from './agenda-orphans.rules.js';
import { type AgendaBlock, computeSlots, type ExceptionWindow, type Service } from './slots.rules.js';

const BA = 'America/Argentina/Buenos_Aires';
const MONDAY = '2026-11-30';
const TUESDAY = '2026-12-01';
const CARDIO: Service = { specialtyId: 1 };
const ECHO: Service = { studyId: 7 };

function block(over: Partial<AgendaBlock> = {}): AgendaBlock {
  return {
    weekday: 1,
    startTime: '08:00',
    endTime: '12:00',
    slotMinutes: 20,
    specialtyId: 1,
    studyId: null,
    validFrom: '2026-01-01',
    validTo: null,
    ...over,
  };
}

function at(date: string, time: string): number {
  return civilToUtc(BA, date, timeToMinutes(time)) as number;
}

interface Turno extends BookedTurno {
  label: string;
}

const turno = (date: string, time: string, over: Partial<Turno> = {}): Turno => ({
  label: `${date} ${time}`,
  startMs: at(date, time),
  overbook: false,
  service: CARDIO,
  ...over,
});

const orphans = (before: Schedule, after: Schedule, turnos: Turno[]) =>
  orphanedTurnos({ zone: BA, before, after, turnos }).map((t) => t.label);

const schedule = (blocks: readonly AgendaBlock[], exceptions: ExceptionWindow[] = []): Schedule => ({
  blocks,
  exceptions,
});

describe('orphanedTurnos', () => {
  const monday = schedule([block(), block({ weekday: 2 })]);
  const turnos = [turno(MONDAY, '08:00'), turno(MONDAY, '11:40'), turno(TUESDAY, '11:40')];

  test('the same agenda orphans nothing', () => {
    assert.deepEqual(orphans(monday, monday, turnos), []);
  });

  test('shorter hours leave out the turnos after the new end, on that weekday only', () => {
    const after = schedule([block({ endTime: '10:00' }), block({ weekday: 2 })]);
    assert.deepEqual(orphans(monday, after, turnos), [`${MONDAY} 11:40`]);
  });

  test('a deleted block leaves out all its turnos', () => {
    const after = schedule([block({ weekday: 2 })]);
    assert.deepEqual(orphans(monday, after, turnos), [`${MONDAY} 08:00`, `${MONDAY} 11:40`]);
  });

  test('a new slot length leaves out the turnos that no longer start on a slot', () => {
    const after = schedule([block({ slotMinutes: 30 }), block({ weekday: 2 })]);
    const list = [turno(MONDAY, '08:00'), turno(MONDAY, '08:20'), turno(MONDAY, '09:00'), turno(MONDAY, '09:40')];
    assert.deepEqual(orphans(monday, after, list), [`${MONDAY} 08:20`, `${MONDAY} 09:40`]);
  });

  test('a validity ending earlier leaves out the turnos after it', () => {
    const after = schedule([block({ validTo: '2026-12-06' }), block({ weekday: 2 })]);
    const list = [turno(MONDAY, '08:00'), turno(addDays(MONDAY, 7), '08:00'), turno(addDays(MONDAY, 14), '08:00')];
    assert.deepEqual(orphans(monday, after, list), [`${addDays(MONDAY, 7)} 08:00`, `${addDays(MONDAY, 14)} 08:00`]);
  });

  test('a block given to a study leaves out its specialty turnos; a general block keeps them all', () => {
    const general = schedule([block({ specialtyId: null })]);
    const list = [turno(MONDAY, '08:00'), turno(MONDAY, '08:20', { service: ECHO })];
    const echoOnly = schedule([block({ specialtyId: null, studyId: 7 })]);
    assert.deepEqual(orphans(general, echoOnly, list), [`${MONDAY} 08:00`]);
    assert.deepEqual(orphans(echoOnly, general, list), []);
  });

  test('a whole-day leave and a blocked morning leave out what they cover', () => {
    const leave: ExceptionWindow = { fromDate: MONDAY, toDate: MONDAY, fromTime: null, toTime: null };
    assert.deepEqual(orphans(monday, schedule(monday.blocks, [leave]), turnos), [`${MONDAY} 08:00`, `${MONDAY} 11:40`]);
    // 08:00-08:30 cuts the 08:20 slot too.
    const morning: ExceptionWindow = { fromDate: MONDAY, toDate: TUESDAY, fromTime: '08:00', toTime: '08:30' };
    const list = [turno(MONDAY, '08:00'), turno(MONDAY, '08:20'), turno(MONDAY, '08:40'), turno(TUESDAY, '08:00')];
    assert.deepEqual(orphans(monday, schedule(monday.blocks, [morning]), list), [
      `${MONDAY} 08:00`,
      `${MONDAY} 08:20`,
      `${TUESDAY} 08:00`,
    ]);
  });

  test('a sobreturno counts while a slot of the agenda contains it', () => {
    const extra = turno(MONDAY, '10:10', { overbook: true });
    assert.ok(coveredBy(BA, monday)(extra));
    assert.deepEqual(orphans(monday, schedule([block({ endTime: '10:20' })]), [extra]), []);
    assert.deepEqual(orphans(monday, schedule([block({ endTime: '10:00' })]), [extra]), [`${MONDAY} 10:10`]);
  });

  test('a turno already outside the agenda is not listed again', () => {
    const stray = turno(MONDAY, '13:00');
    assert.deepEqual(orphans(monday, schedule([]), [stray]), []);
  });

  test('property: an added exception leaves out exactly the turnos whose slot it touches', () => {
    const slots = computeSlots({
      zone: BA,
      fromDate: MONDAY,
      days: 14,
      blocks: [block(), block({ weekday: 3, startTime: '14:00', endTime: '18:00', slotMinutes: 30 })],
      exceptions: [],
      busy: [],
      service: CARDIO,
      notBeforeMs: 0,
    });
    const before = schedule([block(), block({ weekday: 3, startTime: '14:00', endTime: '18:00', slotMinutes: 30 })]);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: slots.length - 1 }), { maxLength: 12 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 3 }),
        fc.option(fc.tuple(fc.integer({ min: 7 * 60, max: 19 * 60 }), fc.integer({ min: 5, max: 240 }))),
        (picks, fromDay, span, hours) => {
          const fromDate = addDays(MONDAY, fromDay);
          const toDate = addDays(fromDate, span);
          const window: ExceptionWindow = hours
            ? {
                fromDate,
                toDate,
                fromTime: minutesToTime(hours[0]),
                toTime: minutesToTime(hours[0] + hours[1]),
              }
            : { fromDate, toDate, fromTime: null, toTime: null };
          const booked = picks.map((i) => {
            const s = slots[i] as (typeof slots)[number];
            return { slot: s, startMs: s.startMs, overbook: false, service: CARDIO };
          });
          const left = new Set(
            orphanedTurnos({ zone: BA, before, after: schedule(before.blocks, [window]), turnos: booked }),
          );
          const [from, to] = hours ? [hours[0], hours[0] + hours[1]] : [0, 24 * 60];
          for (const b of booked) {
            const minutes = (b.slot.startMs - (civilToUtc(BA, b.slot.date, 0) as number)) / 60_000;
            const length = (b.slot.endMs - b.slot.startMs) / 60_000;
            const touched = b.slot.date >= fromDate && b.slot.date <= toDate && from < minutes + length && to > minutes;
            assert.equal(left.has(b), touched, `${b.slot.date} +${minutes}min`);
          }
        },
      ),
    );
  });
});
