import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  addDays,
  civilToUtc,
  daysBetween,
  formatInZone,
  isoWeekday,
  minutesToTime,
  startOfDayUtc,
  timeToMinutes,
  utcToCivil,
} from '../../platform/time/zone.js';
import {
  type AgendaBlock,
  type BusyInterval,
  blockedWindows,
  blockServes,
  computeSlots,
  type ExceptionWindow,
  findSlot,
  firstFree,
  type Service,
  type Slot,
  type SlotQuery,
  slotContaining,
} from './slots.rules.js';

const BA = 'America/Argentina/Buenos_Aires';
const NY = 'America/New_York';
const MINUTE = 60_000;
const MONDAY = '2026-11-23';

function block(over: Partial<AgendaBlock> = {}): AgendaBlock {
  return {
    weekday: 1,
    startTime: '08:00',
    endTime: '12:00',
    slotMinutes: 20,
    specialtyId: null,
    studyId: null,
    validFrom: '2026-01-01',
    validTo: null,
    ...over,
  };
}

function query(over: Partial<SlotQuery> = {}): SlotQuery {
  return {
    zone: BA,
    fromDate: MONDAY,
    days: 1,
    blocks: [block()],
    exceptions: [],
    busy: [],
    service: null,
    notBeforeMs: 0,
    ...over,
  };
}

function at(date: string, time: string, zone = BA): number {
  const t = civilToUtc(zone, date, timeToMinutes(time));
  assert.notEqual(t, null, `${date} ${time} does not exist in ${zone}`);
  return t as number;
}

/** Slots as wall-clock labels with offset, so a failure reads like an agenda. */
const labels = (slots: readonly Slot[], zone = BA) => slots.map((s) => formatInZone(zone, s.startMs).slice(0, 16));
const times = (slots: readonly Slot[], zone = BA) => slots.map((s) => formatInZone(zone, s.startMs).slice(11, 16));
const grid = (from: string, step: number, count: number) =>
  Array.from({ length: count }, (_, i) => minutesToTime(timeToMinutes(from) + i * step));
const holiday = (fromDate: string, toDate = fromDate): ExceptionWindow => ({
  fromDate,
  toDate,
  fromTime: null,
  toTime: null,
});
const busyAt = (date: string, from: string, to: string): BusyInterval => ({
  startMs: at(date, from),
  endMs: at(date, to),
});

describe('computeSlots: the grid', () => {
  test('Monday 08:00–12:00 with 20-minute slots gives 12 free slots on a Monday', () => {
    const slots = computeSlots(query());
    assert.deepEqual(times(slots), grid('08:00', 20, 12));
    assert.equal(slots[0]?.startMs, Date.parse('2026-11-23T11:00:00Z'));
    for (const s of slots) {
      assert.equal(s.endMs - s.startMs, 20 * MINUTE);
      assert.equal(s.free, true);
      assert.equal(s.date, MONDAY);
    }
  });

  test('only the block weekday gets slots, every week', () => {
    assert.deepEqual(computeSlots(query({ fromDate: '2026-11-24', days: 6 })), []);
    const slots = computeSlots(query({ days: 14 }));
    assert.equal(slots.length, 24);
    assert.deepEqual([...new Set(slots.map((s) => s.date))], [MONDAY, '2026-11-30']);
  });

  test('a slot length that does not divide the block drops the partial last slot', () => {
    const slots = computeSlots(query({ blocks: [block({ slotMinutes: 25 })] }));
    assert.deepEqual(times(slots), grid('08:00', 25, 9));
    assert.equal(slots.at(-1)?.endMs, at(MONDAY, '11:45'));
  });

  test('a slot longer than its block yields nothing', () => {
    assert.deepEqual(computeSlots(query({ blocks: [block({ endTime: '08:15', slotMinutes: 20 })] })), []);
  });

  test('a block may run to midnight', () => {
    const slots = computeSlots(query({ blocks: [block({ startTime: '23:00', endTime: '24:00', slotMinutes: 30 })] }));
    assert.deepEqual(labels(slots), ['2026-11-23T23:00', '2026-11-23T23:30']);
    assert.equal(slots[1]?.endMs, at('2026-11-24', '00:00'));
  });

  test('validFrom and validTo are inclusive bounds', () => {
    const q = (validFrom: string, validTo: string | null) => [
      ...new Set(computeSlots(query({ days: 21, blocks: [block({ validFrom, validTo })] })).map((s) => s.date)),
    ];
    assert.deepEqual(q('2026-11-30', null), ['2026-11-30', '2026-12-07']);
    assert.deepEqual(q('2026-11-24', '2026-12-06'), ['2026-11-30']);
    assert.deepEqual(q('2026-11-23', '2026-11-23'), [MONDAY]);
    assert.deepEqual(q('2026-12-08', null), []);
  });
});

describe('computeSlots: exceptions', () => {
  test('a whole-day exception (holiday) removes the day and only that day', () => {
    const slots = computeSlots(query({ days: 8, exceptions: [holiday(MONDAY)] }));
    assert.deepEqual([...new Set(slots.map((s) => s.date))], ['2026-11-30']);
  });

  test('a multi-day exception (vacation) removes every day in its range', () => {
    const slots = computeSlots(query({ days: 22, exceptions: [holiday('2026-11-20', '2026-12-07')] }));
    assert.deepEqual([...new Set(slots.map((s) => s.date))], ['2026-12-14']);
  });

  test('an exception with only one of its times set counts as the whole day', () => {
    const e: ExceptionWindow = { fromDate: MONDAY, toDate: MONDAY, fromTime: '09:00', toTime: null };
    assert.deepEqual(computeSlots(query({ exceptions: [e] })), []);
  });

  test('a blocked morning removes only the slots it overlaps', () => {
    const e: ExceptionWindow = { fromDate: MONDAY, toDate: MONDAY, fromTime: '08:00', toTime: '10:10' };
    assert.deepEqual(times(computeSlots(query({ exceptions: [e] }))), grid('10:20', 20, 5));
  });

  test('exception windows are half-open: touching a slot is not overlapping it', () => {
    const e: ExceptionWindow = { fromDate: MONDAY, toDate: MONDAY, fromTime: '10:00', toTime: '10:20' };
    const got = times(computeSlots(query({ exceptions: [e] })));
    assert.deepEqual(
      got,
      grid('08:00', 20, 12).filter((t) => t !== '10:00'),
    );
  });

  test('an exception on another date changes nothing', () => {
    assert.equal(computeSlots(query({ exceptions: [holiday('2026-11-24')] })).length, 12);
  });

  test('blockedWindows lists the minute windows of one date', () => {
    const exceptions: ExceptionWindow[] = [
      holiday('2026-11-20', '2026-11-23'),
      { fromDate: MONDAY, toDate: '2026-11-25', fromTime: '08:30', toTime: '09:15' },
      holiday('2026-11-24'),
    ];
    assert.deepEqual(blockedWindows(exceptions, MONDAY), [
      [0, 1440],
      [510, 555],
    ]);
    assert.deepEqual(blockedWindows(exceptions, '2026-11-25'), [[510, 555]]);
    assert.deepEqual(blockedWindows(exceptions, '2026-11-26'), []);
  });
});

describe('computeSlots: busy, past and horizon', () => {
  test('a busy interval equal to a slot takes exactly that slot', () => {
    const slots = computeSlots(query({ busy: [busyAt(MONDAY, '09:00', '09:20')] }));
    assert.deepEqual(times(slots.filter((s) => !s.free)), ['09:00']);
  });

  test('a busy interval covering only part of a slot takes the slot', () => {
    const slots = computeSlots(query({ busy: [busyAt(MONDAY, '09:05', '09:10')] }));
    assert.deepEqual(times(slots.filter((s) => !s.free)), ['09:00']);
  });

  test('a busy interval that only touches a slot boundary does not take it', () => {
    const slots = computeSlots(query({ busy: [busyAt(MONDAY, '08:40', '09:00'), busyAt(MONDAY, '12:00', '13:00')] }));
    assert.deepEqual(times(slots.filter((s) => !s.free)), ['08:40']);
  });

  test('an overbooked longer interval takes every slot it overlaps, whatever the input order', () => {
    const busy = [busyAt(MONDAY, '11:30', '11:35'), busyAt(MONDAY, '09:10', '10:10'), busyAt(MONDAY, '08:00', '08:05')];
    const slots = computeSlots(query({ busy }));
    assert.deepEqual(times(slots.filter((s) => !s.free)), ['08:00', '09:00', '09:20', '09:40', '10:00', '11:20']);
    assert.equal(slots.length, 12);
  });

  test('a long busy interval followed by shorter ones inside it still takes the later slots', () => {
    const busy = [busyAt(MONDAY, '08:00', '11:00'), busyAt(MONDAY, '08:20', '08:25')];
    const slots = computeSlots(query({ busy }));
    assert.deepEqual(times(slots.filter((s) => s.free)), ['11:00', '11:20', '11:40']);
  });

  test('notBeforeMs hides slots that started in the past, not the one starting now', () => {
    assert.deepEqual(times(computeSlots(query({ notBeforeMs: at(MONDAY, '09:30') }))), grid('09:40', 20, 7));
    assert.deepEqual(times(computeSlots(query({ notBeforeMs: at(MONDAY, '09:40') }))), grid('09:40', 20, 7));
    assert.equal(computeSlots(query({ days: 8, notBeforeMs: at(MONDAY, '12:00') }))[0]?.date, '2026-11-30');
  });

  test('lastDate cuts the range (maximum days ahead), inclusively', () => {
    const dates = (lastDate: string) => [...new Set(computeSlots(query({ days: 30, lastDate })).map((s) => s.date))];
    assert.deepEqual(dates('2026-11-29'), [MONDAY]);
    assert.deepEqual(dates('2026-11-30'), [MONDAY, '2026-11-30']);
    assert.deepEqual(dates('2026-11-22'), []);
  });
});

describe('services and overlapping blocks', () => {
  const blocks = [
    block({ startTime: '08:00', endTime: '09:00', specialtyId: 1 }),
    block({ startTime: '09:00', endTime: '10:00', specialtyId: 2 }),
    block({ startTime: '10:00', endTime: '11:00', studyId: 7 }),
    block({ startTime: '11:00', endTime: '12:00' }),
  ];
  const ranges = (service: Service) => {
    const t = times(computeSlots(query({ blocks, service })));
    return [...new Set(t.map((x) => x.slice(0, 2)))];
  };

  test('by specialty: its blocks and general ones; by study: every block not tied to another study', () => {
    assert.deepEqual(ranges({ specialtyId: 2 }), ['09', '11']);
    assert.deepEqual(ranges({ specialtyId: 1 }), ['08', '11']);
    assert.deepEqual(ranges({ studyId: 7 }), ['08', '09', '10', '11']);
    assert.deepEqual(ranges({ studyId: 8 }), ['08', '09', '11']);
    assert.deepEqual(ranges(null), ['08', '09', '10', '11']);
  });

  test('blockServes: studies are booked regardless of the specialty of the hours, never in another study', () => {
    const spec1 = block({ specialtyId: 1 });
    assert.equal(blockServes(spec1, { specialtyId: 1 }), true);
    assert.equal(blockServes(spec1, { specialtyId: 2 }), false);
    assert.equal(blockServes(spec1, { studyId: 3 }), true);
    assert.equal(blockServes(block({ studyId: 3 }), { studyId: 3 }), true);
    assert.equal(blockServes(block({ studyId: 3 }), { specialtyId: 1 }), false);
    assert.equal(blockServes(block({ studyId: 3 }), { studyId: 4 }), false);
    assert.equal(blockServes(block(), { studyId: 4 }), true);
    assert.equal(blockServes(block({ specialtyId: 1, studyId: 3 }), null), true);
  });

  test('two overlapping blocks never produce overlapping slots; the earlier block wins', () => {
    const overlapping = [block({ startTime: '09:10', endTime: '13:00', slotMinutes: 30 }), block()];
    const slots = computeSlots(query({ blocks: overlapping }));
    assert.deepEqual(times(slots), [...grid('08:00', 20, 12), '12:10']);
    for (let i = 1; i < slots.length; i++) assert.ok((slots[i] as Slot).startMs >= (slots[i - 1] as Slot).endMs);
  });

  test('a duplicated block does not duplicate slots', () => {
    assert.equal(computeSlots(query({ blocks: [block(), block()] })).length, 12);
  });
});

describe('picking slots', () => {
  const slots = computeSlots(query({ days: 8, busy: [busyAt(MONDAY, '08:00', '08:40')] }));

  test('firstFree is the first free slot in time order', () => {
    assert.equal(formatInZone(BA, firstFree(slots)?.startMs ?? 0), '2026-11-23T08:40:00-03:00');
    const allMondayBusy = computeSlots(query({ days: 8, busy: [busyAt(MONDAY, '07:00', '13:00')] }));
    assert.equal(formatInZone(BA, firstFree(allMondayBusy)?.startMs ?? 0), '2026-11-30T08:00:00-03:00');
    assert.equal(firstFree(computeSlots(query({ busy: [busyAt(MONDAY, '08:00', '12:00')] }))), null);
    assert.equal(firstFree([]), null);
  });

  test('findSlot matches a grid start exactly, free or taken', () => {
    assert.deepEqual(findSlot(slots, at(MONDAY, '08:20')), {
      startMs: at(MONDAY, '08:20'),
      endMs: at(MONDAY, '08:40'),
      free: false,
      date: MONDAY,
    });
    assert.equal(findSlot(slots, at(MONDAY, '09:00'))?.free, true);
    assert.equal(findSlot(slots, at(MONDAY, '08:25')), null);
    assert.equal(findSlot(slots, at(MONDAY, '12:00')), null);
  });

  test('slotContaining finds the slot a start falls in, end excluded', () => {
    assert.equal(slotContaining(slots, at(MONDAY, '08:25'))?.startMs, at(MONDAY, '08:20'));
    assert.equal(slotContaining(slots, at(MONDAY, '08:20'))?.startMs, at(MONDAY, '08:20'));
    assert.equal(slotContaining(slots, at(MONDAY, '11:59'))?.startMs, at(MONDAY, '11:40'));
    assert.equal(slotContaining(slots, at(MONDAY, '12:00')), null);
    assert.equal(slotContaining(slots, at(MONDAY, '07:59')), null);
  });
});

describe('computeSlots across daylight saving', () => {
  const sunday = (over: Partial<AgendaBlock>) => block({ weekday: 7, ...over });

  test('no slot starts in the skipped hour (New York, March)', () => {
    const slots = computeSlots(
      query({
        zone: NY,
        fromDate: '2026-03-08',
        blocks: [sunday({ startTime: '00:00', endTime: '04:00', slotMinutes: 30 })],
      }),
    );
    assert.deepEqual(
      labels(slots, NY),
      ['00:00', '00:30', '01:00', '01:30', '03:00', '03:30'].map((t) => `2026-03-08T${t}`),
    );
    assert.equal(slots[3]?.endMs, slots[4]?.startMs);
  });

  test('the repeated hour is offered once, at its first occurrence (New York, November)', () => {
    const slots = computeSlots(
      query({
        zone: NY,
        fromDate: '2026-11-01',
        blocks: [sunday({ startTime: '00:00', endTime: '03:00', slotMinutes: 30 })],
      }),
    );
    assert.deepEqual(
      slots.map((s) => formatInZone(NY, s.startMs).slice(11)),
      ['00:00:00-04:00', '00:30:00-04:00', '01:00:00-04:00', '01:30:00-04:00', '02:00:00-05:00', '02:30:00-05:00'],
    );
  });

  test('a day whose midnight does not exist starts at 01:00 (Santiago, September)', () => {
    const slots = computeSlots(
      query({
        zone: 'America/Santiago',
        fromDate: '2026-09-06',
        blocks: [sunday({ startTime: '00:00', endTime: '03:00', slotMinutes: 60 })],
      }),
    );
    assert.deepEqual(
      slots.map((s) => formatInZone('America/Santiago', s.startMs)),
      ['2026-09-06T01:00:00-03:00', '2026-09-06T02:00:00-03:00'],
    );
  });

  // Regression: 01:00 + 90 minutes on a spring-forward night is 03:30 on the wall, not 02:30.
  test('a slot that runs across the skipped hour must still end inside its block', () => {
    const q = (endTime: string) =>
      computeSlots(
        query({ zone: NY, fromDate: '2026-03-08', blocks: [sunday({ startTime: '01:00', endTime, slotMinutes: 90 })] }),
      );
    assert.deepEqual(q('03:00'), []);
    const slots = q('04:00');
    assert.deepEqual(
      slots.map((s) => [formatInZone(NY, s.startMs), formatInZone(NY, s.endMs)]),
      [['2026-03-08T01:00:00-05:00', '2026-03-08T03:30:00-04:00']],
    );
  });

  test('after a slot that ran across the skipped hour, a grid start inside it is dropped', () => {
    const b = sunday({ startTime: '01:00', endTime: '04:00', slotMinutes: 45 });
    const slots = computeSlots(query({ zone: NY, fromDate: '2026-03-08', blocks: [b] }));
    // 01:45 EST + 45 min ends at 03:30 EDT, so the 03:15 grid start would overlap it.
    assert.deepEqual(
      slots.map((s) => [formatInZone(NY, s.startMs).slice(11, 16), formatInZone(NY, s.endMs).slice(11, 16)]),
      [
        ['01:00', '01:45'],
        ['01:45', '03:30'],
      ],
    );
  });

  test('a slot that runs across the skipped hour must not reach into a later exception', () => {
    const e: ExceptionWindow = { fromDate: '2026-03-08', toDate: '2026-03-08', fromTime: '03:15', toTime: '05:00' };
    const b = sunday({ startTime: '01:00', endTime: '04:00', slotMinutes: 90 });
    assert.deepEqual(computeSlots(query({ zone: NY, fromDate: '2026-03-08', blocks: [b], exceptions: [e] })), []);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over random agendas, in a fixed zone and in one with daylight saving, over the
// March and November weeks in which New York changes its clocks (Sundays 2026-03-08 and 2026-11-01).

const ZONES = [BA, NY];
// Wednesdays: with fromOffset 0..4 most ranges reach the DST Sunday four days later.
const WEEKS = ['2026-03-04', '2026-10-28'];

// Half the times fall between 00:00 and 04:00 so the DST night is actually exercised.
const minuteArb = fc.oneof(fc.integer({ min: 0, max: 288 }), fc.integer({ min: 0, max: 48 })).map((x) => x * 5);
const nightMinuteArb = fc.integer({ min: 0, max: 60 }).map((x) => x * 5);
const windowArb = (minute: fc.Arbitrary<number>) =>
  fc
    .tuple(minute, minute)
    .filter(([a, b]) => a !== b)
    .map(([a, b]) => [minutesToTime(Math.min(a, b)), minutesToTime(Math.max(a, b))] as const);
const idArb = fc.constantFrom(null, null, 1, 2);

const rawBlockArb = (weekday: fc.Arbitrary<number>, minute: fc.Arbitrary<number>) =>
  fc.record({
    weekday,
    window: windowArb(minute),
    slotMinutes: fc.integer({ min: 5, max: 120 }),
    specialtyId: idArb,
    studyId: idArb,
    validFrom: fc.integer({ min: -3, max: 8 }),
    validDays: fc.option(fc.integer({ min: 0, max: 8 })),
  });
const rawExceptionArb = (minute: fc.Arbitrary<number>) =>
  fc.record({
    day: fc.integer({ min: -1, max: 10 }),
    span: fc.integer({ min: 0, max: 2 }),
    window: fc.option(windowArb(minute), { freq: 3 }),
  });
const rawBusyArb = fc.record({
  day: fc.integer({ min: 0, max: 10 }),
  minute: minuteArb,
  length: fc.integer({ min: 1, max: 240 }),
});

const commonArb = {
  week: fc.constantFrom(...WEEKS),
  busy: fc.array(rawBusyArb, { maxLength: 6 }),
  notBefore: fc.option(fc.record({ day: fc.integer({ min: -1, max: 9 }), minute: minuteArb })),
  lastDate: fc.option(fc.integer({ min: 0, max: 10 })),
  service: fc.constantFrom<Service>(null, { specialtyId: 1 }, { specialtyId: 2 }, { studyId: 1 }, { studyId: 2 }),
};
const weekArb = fc.record({
  ...commonArb,
  zone: fc.constantFrom(...ZONES),
  fromOffset: fc.integer({ min: 0, max: 4 }),
  days: fc.integer({ min: 1, max: 9 }),
  blocks: fc.array(rawBlockArb(fc.oneof(fc.constant(7), fc.integer({ min: 1, max: 7 })), minuteArb), {
    minLength: 1,
    maxLength: 4,
  }),
  exceptions: fc.array(rawExceptionArb(minuteArb), { maxLength: 3 }),
});
// Sunday-night agendas on the New York transition day itself, where the rare DST cases live.
const dstNightArb = fc.record({
  ...commonArb,
  zone: fc.constant(NY),
  fromOffset: fc.constant(4),
  days: fc.integer({ min: 1, max: 2 }),
  blocks: fc.array(rawBlockArb(fc.constant(7), nightMinuteArb), { minLength: 1, maxLength: 3 }),
  exceptions: fc.array(rawExceptionArb(nightMinuteArb), { maxLength: 2 }),
  busy: fc.array(fc.record({ day: fc.constant(4), minute: nightMinuteArb, length: fc.integer({ min: 1, max: 120 }) }), {
    maxLength: 3,
  }),
  notBefore: fc.option(fc.record({ day: fc.constant(4), minute: nightMinuteArb })),
  lastDate: fc.option(fc.integer({ min: 4, max: 5 })),
});

const scenarioArb = fc
  .oneof({ arbitrary: weekArb, weight: 3 }, { arbitrary: dstNightArb, weight: 1 })
  .map((r): SlotQuery => {
    const day = (n: number) => addDays(r.week, n);
    const instant = (n: number, minute: number) => startOfDayUtc(r.zone, day(n)) + minute * MINUTE;
    return {
      zone: r.zone,
      fromDate: day(r.fromOffset),
      days: r.days,
      blocks: r.blocks.map((b) => ({
        weekday: b.weekday,
        startTime: b.window[0],
        endTime: b.window[1],
        slotMinutes: b.slotMinutes,
        specialtyId: b.specialtyId,
        studyId: b.studyId,
        validFrom: day(b.validFrom),
        validTo: b.validDays === null ? null : day(b.validFrom + b.validDays),
      })),
      exceptions: r.exceptions.map((e) => ({
        fromDate: day(e.day),
        toDate: day(e.day + e.span),
        fromTime: e.window?.[0] ?? null,
        toTime: e.window?.[1] ?? null,
      })),
      busy: r.busy.map((b) => ({
        startMs: instant(b.day, b.minute),
        endMs: instant(b.day, b.minute) + b.length * MINUTE,
      })),
      service: r.service,
      notBeforeMs: r.notBefore === null ? 0 : instant(r.notBefore.day, r.notBefore.minute),
      ...(r.lastDate === null ? {} : { lastDate: day(r.lastDate) }),
    };
  });

const RUNS = { numRuns: 200 };

function appliesOn(b: AgendaBlock, q: SlotQuery, date: string): boolean {
  return (
    b.weekday === isoWeekday(date) &&
    b.validFrom <= date &&
    (b.validTo === null || date <= b.validTo) &&
    blockServes(b, q.service)
  );
}

/** The wall-clock minutes a slot occupies on its date: [start, end). Across a spring-forward gap the end is later than start + length. */
function wallSpan(q: SlotQuery, s: Slot): [number, number] {
  const start = utcToCivil(q.zone, s.startMs);
  const last = utcToCivil(q.zone, s.endMs - 1);
  assert.equal(start.date, s.date);
  assert.equal(last.date, s.date, 'a slot never runs past midnight');
  const length = (s.endMs - s.startMs) / MINUTE;
  return [start.minutes, Math.max(start.minutes + length, last.minutes + 1)];
}

function exceptionWindows(q: SlotQuery, date: string): Array<[number, number]> {
  return q.exceptions
    .filter((e) => e.fromDate <= date && date <= e.toDate)
    .map((e) =>
      e.fromTime === null || e.toTime === null ? [0, 1440] : [timeToMinutes(e.fromTime), timeToMinutes(e.toTime)],
    );
}

const overlapsBusy = (q: SlotQuery, s: Slot) => q.busy.some((b) => b.startMs < s.endMs && b.endMs > s.startMs);

describe('computeSlots properties', () => {
  test('(a) slots are strictly increasing and never overlap', () => {
    fc.assert(
      fc.property(scenarioArb, (q) => {
        const slots = computeSlots(q);
        for (const [i, s] of slots.entries()) {
          assert.ok(s.endMs > s.startMs);
          if (i > 0) assert.ok(s.startMs >= (slots[i - 1] as Slot).endMs, `slot ${i} overlaps the one before`);
        }
      }),
      RUNS,
    );
  });

  test('(b) every slot sits on the grid of a block that applies that date and ends inside it', () => {
    fc.assert(
      fc.property(scenarioArb, (q) => {
        for (const s of computeSlots(q)) {
          const [start, wallEnd] = wallSpan(q, s);
          const length = (s.endMs - s.startMs) / MINUTE;
          const home = q.blocks.find((b) => {
            const from = timeToMinutes(b.startTime);
            const to = timeToMinutes(b.endTime);
            return (
              appliesOn(b, q, s.date) &&
              b.slotMinutes === length &&
              start >= from &&
              (start - from) % b.slotMinutes === 0 &&
              start + length <= to &&
              wallEnd <= to
            );
          });
          assert.ok(home, `${formatInZone(q.zone, s.startMs)} (${length} min) has no block`);
        }
      }),
      RUNS,
    );
  });

  test('(c) no slot overlaps an exception window of its date', () => {
    fc.assert(
      fc.property(scenarioArb, (q) => {
        for (const s of computeSlots(q)) {
          const [start, end] = wallSpan(q, s);
          for (const [from, to] of exceptionWindows(q, s.date)) {
            assert.ok(!(from < end && to > start), `${formatInZone(q.zone, s.startMs)} overlaps ${from}-${to}`);
          }
        }
      }),
      RUNS,
    );
  });

  test('(d) a slot is taken exactly when some busy interval overlaps it', () => {
    fc.assert(
      fc.property(scenarioArb, (q) => {
        const slots = computeSlots(q);
        for (const s of slots) assert.equal(s.free, !overlapsBusy(q, s), formatInZone(q.zone, s.startMs));
        assert.equal(firstFree(slots), slots.find((s) => !overlapsBusy(q, s)) ?? null);
      }),
      RUNS,
    );
  });

  test('(e) no slot starts before notBeforeMs or outside [fromDate, lastDate]', () => {
    fc.assert(
      fc.property(scenarioArb, (q) => {
        for (const s of computeSlots(q)) {
          assert.ok(s.startMs >= q.notBeforeMs);
          assert.ok(s.date >= q.fromDate && daysBetween(q.fromDate, s.date) < q.days);
          if (q.lastDate !== undefined) assert.ok(s.date <= q.lastDate);
        }
      }),
      RUNS,
    );
  });

  test('(f) a block that overlaps no other block that day offers every grid slot it can', () => {
    fc.assert(
      fc.property(scenarioArb, (q) => {
        const slots = computeSlots(q);
        for (let n = 0; n < q.days; n++) {
          const date = addDays(q.fromDate, n);
          if (q.lastDate !== undefined && date > q.lastDate) break;
          const today = q.blocks.filter((b) => appliesOn(b, q, date));
          for (const b of today) {
            const from = timeToMinutes(b.startTime);
            const to = timeToMinutes(b.endTime);
            const alone = today.every(
              (o) => o === b || timeToMinutes(o.endTime) <= from || timeToMinutes(o.startTime) >= to,
            );
            if (!alone) continue;
            // Within the block the earlier slot wins: after a slot that ran across the skipped hour,
            // the next grid start can fall inside it.
            let previousEnd = Number.NEGATIVE_INFINITY;
            for (let m = from; m + b.slotMinutes <= to; m += b.slotMinutes) {
              const startMs = civilToUtc(q.zone, date, m);
              if (startMs === null || startMs < q.notBeforeMs || startMs < previousEnd) continue;
              const candidate: Slot = { startMs, endMs: startMs + b.slotMinutes * MINUTE, free: true, date };
              const [start, end] = wallSpan(q, candidate);
              if (end > to || exceptionWindows(q, date).some(([f, t]) => f < end && t > start)) continue;
              previousEnd = candidate.endMs;
              const found = findSlot(slots, startMs);
              assert.ok(found, `missing ${formatInZone(q.zone, startMs)}`);
              assert.equal(found.endMs, candidate.endMs);
              assert.equal(found.date, date);
            }
          }
        }
      }),
      RUNS,
    );
  });
});
