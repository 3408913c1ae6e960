import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  addDays,
  civilDateMs,
  civilToUtc,
  dateFromCivilMs,
  daysBetween,
  formatInZone,
  isoUtc,
  isoWeekday,
  isValidTimeZone,
  minutesToTime,
  offsetMinutes,
  startOfDayUtc,
  timeToMinutes,
  todayIn,
  utcToCivil,
} from './zone.js';

const BA = 'America/Argentina/Buenos_Aires';
const NY = 'America/New_York';
const SANTIAGO = 'America/Santiago';
const BERLIN = 'Europe/Berlin';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const utc = (iso: string): number => Date.parse(iso);
const hm = (time: string): number => timeToMinutes(time);

describe('calendar arithmetic', () => {
  test('addDays crosses month, year and leap-day boundaries', () => {
    assert.equal(addDays('2026-01-31', 1), '2026-02-01');
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
    assert.equal(addDays('2027-01-01', -1), '2026-12-31');
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2024-02-29', 1), '2024-03-01');
    assert.equal(addDays('2023-02-28', 1), '2023-03-01');
    // Century rule: 2100 is not a leap year, 2000 was.
    assert.equal(addDays('2100-02-28', 1), '2100-03-01');
    assert.equal(addDays('2000-02-28', 1), '2000-02-29');
    assert.equal(addDays('2026-03-01', 365), '2027-03-01');
    assert.equal(addDays('2024-03-01', -366), '2023-03-01');
    assert.equal(addDays('2026-05-10', 0), '2026-05-10');
  });

  test('addDays is calendar-only: no daylight-saving hour leaks in', () => {
    // The civil-date math runs in UTC; stepping over DST weekends must not drift a day.
    assert.equal(addDays('2026-03-07', 1), '2026-03-08');
    assert.equal(addDays('2026-03-08', 1), '2026-03-09');
    assert.equal(addDays('2026-10-31', 2), '2026-11-02');
  });

  test('isoWeekday: Monday is 1, Sunday is 7', () => {
    assert.equal(isoWeekday('2026-11-23'), 1);
    assert.equal(isoWeekday('2026-11-24'), 2);
    assert.equal(isoWeekday('2026-11-28'), 6);
    assert.equal(isoWeekday('2026-11-29'), 7);
    assert.equal(isoWeekday('2026-01-01'), 4);
    assert.equal(isoWeekday('2024-02-29'), 4);
    assert.equal(isoWeekday('2000-01-01'), 6);
    assert.equal(isoWeekday('2026-03-08'), 7);
  });

  test('daysBetween counts whole days, signed, across year ends and leap years', () => {
    assert.equal(daysBetween('2026-12-31', '2027-01-01'), 1);
    assert.equal(daysBetween('2027-01-01', '2026-12-31'), -1);
    assert.equal(daysBetween('2024-01-01', '2025-01-01'), 366);
    assert.equal(daysBetween('2026-01-01', '2027-01-01'), 365);
    assert.equal(daysBetween('2024-02-28', '2024-03-01'), 2);
    assert.equal(daysBetween('2026-02-28', '2026-03-01'), 1);
    assert.equal(daysBetween('2026-06-15', '2026-06-15'), 0);
  });

  test('civilDateMs and dateFromCivilMs are inverse', () => {
    assert.equal(civilDateMs('2026-03-08'), Date.UTC(2026, 2, 8));
    assert.equal(dateFromCivilMs(Date.UTC(2026, 2, 8, 23, 59)), '2026-03-08');
  });

  const dateArb = fc
    .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

  test('property: addDays, daysBetween and isoWeekday agree with each other', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -1500, max: 1500 }), (date, n) => {
        const later = addDays(date, n);
        assert.match(later, /^\d{4}-\d{2}-\d{2}$/);
        assert.equal(daysBetween(date, later), n);
        assert.equal(addDays(later, -n), date);
        assert.equal(isoWeekday(later), ((((isoWeekday(date) - 1 + n) % 7) + 7) % 7) + 1);
        // Against the platform calendar, which knows leap years independently.
        const [y, m, d] = date.split('-').map(Number) as [number, number, number];
        assert.equal(later, new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10));
      }),
      { numRuns: 300 },
    );
  });

  test('timeToMinutes and minutesToTime', () => {
    assert.equal(timeToMinutes('00:00'), 0);
    assert.equal(timeToMinutes('08:20'), 500);
    assert.equal(timeToMinutes('23:59'), 1439);
    assert.equal(timeToMinutes('24:00'), 1440);
    assert.equal(minutesToTime(0), '00:00');
    assert.equal(minutesToTime(500), '08:20');
    assert.equal(minutesToTime(1440), '24:00');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1440 }), (m) => {
        assert.equal(timeToMinutes(minutesToTime(m)), m);
      }),
    );
  });
});

describe('zones', () => {
  test('isValidTimeZone accepts IANA names and rejects junk', () => {
    assert.equal(isValidTimeZone(BA), true);
    assert.equal(isValidTimeZone('UTC'), true);
    assert.equal(isValidTimeZone('Mars/Olympus_Mons'), false);
    assert.equal(isValidTimeZone('not a zone'), false);
  });

  test('Buenos Aires is a fixed -03:00 all year', () => {
    for (const iso of [
      '2026-01-15T12:00:00Z',
      '2026-03-08T07:00:00Z',
      '2026-07-01T00:00:00Z',
      '2026-11-01T06:00:00Z',
    ]) {
      assert.equal(offsetMinutes(BA, utc(iso)), -180, iso);
    }
    assert.equal(civilToUtc(BA, '2026-11-23', hm('08:00')), utc('2026-11-23T11:00:00Z'));
    assert.equal(formatInZone(BA, utc('2026-11-23T11:00:00Z')), '2026-11-23T08:00:00-03:00');
    assert.equal(startOfDayUtc(BA, '2026-11-23'), utc('2026-11-23T03:00:00Z'));
  });

  test('utcToCivil and todayIn roll the date back across UTC midnight', () => {
    // 02:59 UTC on Jan 1 is still New Year's Eve in Buenos Aires.
    assert.deepEqual(utcToCivil(BA, utc('2026-01-01T02:59:00Z')), { date: '2025-12-31', minutes: hm('23:59') });
    assert.deepEqual(utcToCivil(BA, utc('2026-01-01T03:00:00Z')), { date: '2026-01-01', minutes: 0 });
    assert.equal(todayIn(BA, utc('2026-01-01T02:59:59Z')), '2025-12-31');
    assert.equal(todayIn(BERLIN, utc('2025-12-31T23:00:00Z')), '2026-01-01');
    // Midnight must come out as 0, not 24 (an old hour-cycle pitfall of Intl).
    assert.deepEqual(utcToCivil(NY, utc('2026-01-01T05:00:00Z')), { date: '2026-01-01', minutes: 0 });
  });

  test('formatInZone pads and signs the offset, including half and quarter hours', () => {
    assert.equal(formatInZone('UTC', utc('2026-01-01T00:00:00Z')), '2026-01-01T00:00:00+00:00');
    assert.equal(formatInZone('Asia/Kolkata', utc('2026-01-01T00:00:00Z')), '2026-01-01T05:30:00+05:30');
    assert.equal(formatInZone('Asia/Kathmandu', utc('2026-01-01T00:00:00Z')), '2026-01-01T05:45:00+05:45');
    assert.equal(isoUtc(utc('2026-01-01T00:00:00Z')), '2026-01-01T00:00:00.000Z');
  });

  // [zone, last instant before the change, expected before, expected at the change]
  const transitions: Array<[string, string, string, string]> = [
    [NY, '2026-03-08T06:59:00Z', '2026-03-08T01:59:00-05:00', '2026-03-08T03:00:00-04:00'],
    [NY, '2026-11-01T05:59:00Z', '2026-11-01T01:59:00-04:00', '2026-11-01T01:00:00-05:00'],
    [BERLIN, '2026-03-29T00:59:00Z', '2026-03-29T01:59:00+01:00', '2026-03-29T03:00:00+02:00'],
    [BERLIN, '2026-10-25T00:59:00Z', '2026-10-25T02:59:00+02:00', '2026-10-25T02:00:00+01:00'],
    [SANTIAGO, '2026-04-05T02:59:00Z', '2026-04-04T23:59:00-03:00', '2026-04-04T23:00:00-04:00'],
    [SANTIAGO, '2026-09-06T03:59:00Z', '2026-09-05T23:59:00-04:00', '2026-09-06T01:00:00-03:00'],
  ];
  for (const [zone, before, expectedBefore, expectedAfter] of transitions) {
    test(`formatInZone on both sides of ${zone} ${expectedAfter.slice(0, 10)}`, () => {
      assert.equal(formatInZone(zone, utc(before)), expectedBefore);
      assert.equal(formatInZone(zone, utc(before) + MINUTE), expectedAfter);
    });
  }

  test('the skipped hour of a spring-forward night does not exist', () => {
    assert.equal(civilToUtc(NY, '2026-03-08', hm('02:00')), null);
    assert.equal(civilToUtc(NY, '2026-03-08', hm('02:30')), null);
    assert.equal(civilToUtc(NY, '2026-03-08', hm('02:59')), null);
    assert.equal(civilToUtc(NY, '2026-03-08', hm('01:59')), utc('2026-03-08T06:59:00Z'));
    assert.equal(civilToUtc(NY, '2026-03-08', hm('03:00')), utc('2026-03-08T07:00:00Z'));
    assert.equal(civilToUtc(BERLIN, '2026-03-29', hm('02:30')), null);
    assert.equal(civilToUtc(BERLIN, '2026-03-29', hm('03:00')), utc('2026-03-29T01:00:00Z'));
    // Southern hemisphere: Chile springs forward at midnight, in September.
    assert.equal(civilToUtc(SANTIAGO, '2026-09-06', 0), null);
    assert.equal(civilToUtc(SANTIAGO, '2026-09-06', hm('00:59')), null);
    assert.equal(civilToUtc(SANTIAGO, '2026-09-06', hm('01:00')), utc('2026-09-06T04:00:00Z'));
  });

  test('the repeated hour of a fall-back night resolves to the earlier instant', () => {
    assert.equal(civilToUtc(NY, '2026-11-01', hm('01:30')), utc('2026-11-01T05:30:00Z'));
    assert.equal(civilToUtc(NY, '2026-11-01', hm('01:00')), utc('2026-11-01T05:00:00Z'));
    assert.equal(civilToUtc(NY, '2026-11-01', hm('02:00')), utc('2026-11-01T07:00:00Z'));
    assert.equal(civilToUtc(BERLIN, '2026-10-25', hm('02:30')), utc('2026-10-25T00:30:00Z'));
    // Chile falls back at midnight in April, so 23:xx of Saturday happens twice.
    assert.equal(civilToUtc(SANTIAGO, '2026-04-04', hm('23:30')), utc('2026-04-05T02:30:00Z'));
    assert.equal(civilToUtc(SANTIAGO, '2026-04-05', 0), utc('2026-04-05T04:00:00Z'));
  });

  test('startOfDayUtc uses the first minute that exists', () => {
    assert.equal(startOfDayUtc(SANTIAGO, '2026-09-06'), utc('2026-09-06T04:00:00Z'));
    assert.equal(formatInZone(SANTIAGO, startOfDayUtc(SANTIAGO, '2026-09-06')), '2026-09-06T01:00:00-03:00');
    assert.equal(startOfDayUtc(SANTIAGO, '2026-09-05'), utc('2026-09-05T04:00:00Z'));
    // DST days whose change is not at midnight start at an ordinary midnight.
    assert.equal(startOfDayUtc(NY, '2026-03-08'), utc('2026-03-08T05:00:00Z'));
    assert.equal(startOfDayUtc(NY, '2026-11-01'), utc('2026-11-01T04:00:00Z'));
  });

  test('startOfDayUtc throws for a date the zone skipped entirely', () => {
    // Samoa jumped over 2011-12-30 when it crossed the date line.
    assert.throws(() => startOfDayUtc('Pacific/Apia', '2011-12-30'), /no tiene hora válida/);
    assert.equal(
      formatInZone('Pacific/Apia', startOfDayUtc('Pacific/Apia', '2011-12-31')),
      '2011-12-31T00:00:00+14:00',
    );
  });
});

describe('properties', () => {
  const zones = [BA, NY, SANTIAGO, BERLIN];
  // Around 2026 so every year contains both transitions of each DST zone.
  const instantArb = fc
    .integer({ min: utc('2025-01-01T00:00:00Z') / MINUTE, max: utc('2027-12-31T00:00:00Z') / MINUTE })
    .map((m) => m * MINUTE);
  // fc.record builds null-prototype objects, which strict deepEqual would never match.
  const plain = (c: { date: string; minutes: number }) => ({ date: c.date, minutes: c.minutes });
  const civilArb = fc
    .record({
      date: fc.integer({ min: 0, max: 3 * 365 }).map((n) => addDays('2025-01-01', n)),
      minutes: fc.integer({ min: 0, max: 1439 }),
    })
    .map(plain);
  // Bias towards the transition dates so the interesting hours are actually hit.
  const transitionCivilArb = fc
    .record({
      date: fc.constantFrom(
        '2026-03-08',
        '2026-11-01',
        '2026-03-29',
        '2026-10-25',
        '2026-04-04',
        '2026-04-05',
        '2026-09-05',
        '2026-09-06',
      ),
      minutes: fc.integer({ min: 0, max: 1439 }),
    })
    .map(plain);

  test('utcToCivil(civilToUtc(c)) = c for every civil time that exists', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.oneof(civilArb, transitionCivilArb), (zone, c) => {
        const t = civilToUtc(zone, c.date, c.minutes);
        if (t === null) {
          // A null must mean no instant shows that wall time: check both offsets around it.
          const naive = civilDateMs(c.date) + c.minutes * MINUTE;
          for (const probe of [naive - DAY, naive + DAY]) {
            const candidate = naive - offsetMinutes(zone, probe) * MINUTE;
            assert.notDeepEqual(utcToCivil(zone, candidate), c);
          }
          return;
        }
        assert.deepEqual(utcToCivil(zone, t), c);
        assert.equal(t % MINUTE, 0);
      }),
      { numRuns: 1000 },
    );
  });

  test('civilToUtc(utcToCivil(t)) is t, or the earlier twin of t in a repeated hour', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), instantArb, (zone, t) => {
        const c = utcToCivil(zone, t);
        const back = civilToUtc(zone, c.date, c.minutes);
        assert.notEqual(back, null);
        if (back !== t) {
          assert.equal(back, t - HOUR);
          assert.deepEqual(utcToCivil(zone, back as number), c);
        }
      }),
      { numRuns: 1000 },
    );
  });

  test('Buenos Aires never changes offset', () => {
    fc.assert(
      fc.property(instantArb, (t) => {
        assert.equal(offsetMinutes(BA, t), -180);
        assert.equal(formatInZone(BA, t).slice(-6), '-03:00');
      }),
      { numRuns: 300 },
    );
  });

  test('formatInZone and utcToCivil describe the same wall time', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), instantArb, (zone, t) => {
        const c = utcToCivil(zone, t);
        const text = formatInZone(zone, t);
        assert.equal(text.slice(0, 16), `${c.date}T${minutesToTime(c.minutes)}`);
        assert.equal(Date.parse(text), t);
      }),
      { numRuns: 500 },
    );
  });

  test('startOfDayUtc is the earliest instant of its date', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), civilArb, (zone, c) => {
        const start = startOfDayUtc(zone, c.date);
        assert.equal(utcToCivil(zone, start).date, c.date);
        assert.equal(utcToCivil(zone, start - MINUTE).date, addDays(c.date, -1));
      }),
      { numRuns: 300 },
    );
  });
});
