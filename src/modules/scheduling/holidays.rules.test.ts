import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addDays, isoWeekday } from '../../platform/time/zone.js';
import { argentineHolidays, easterSunday, moveToMonday } from './holidays.rules.js';

describe('easterSunday', () => {
  test('matches the published dates', () => {
    const known: Record<number, string> = {
      2019: '2019-04-21',
      2024: '2024-03-31',
      2025: '2025-04-20',
      2026: '2026-04-05',
      2027: '2027-03-28',
      2038: '2038-04-25', // the latest possible date
      2285: '2285-03-22', // the earliest possible date
    };
    for (const [year, date] of Object.entries(known)) assert.equal(easterSunday(Number(year)), date, year);
  });

  test('is always a Sunday between 22 March and 25 April', () => {
    for (let year = 2000; year <= 2100; year++) {
      const easter = easterSunday(year);
      assert.equal(isoWeekday(easter), 7, easter);
      assert.ok(easter >= `${year}-03-22` && easter <= `${year}-04-25`, easter);
    }
  });
});

describe('moveToMonday (Ley 27.399, art. 6)', () => {
  // The week of Monday 2026-11-16.
  const cases: Array<[string, string, string]> = [
    ['Monday', '2026-11-16', '2026-11-16'],
    ['Tuesday', '2026-11-17', '2026-11-16'],
    ['Wednesday', '2026-11-18', '2026-11-16'],
    ['Thursday', '2026-11-19', '2026-11-23'],
    ['Friday', '2026-11-20', '2026-11-23'],
    ['Saturday', '2026-11-21', '2026-11-21'],
    ['Sunday', '2026-11-22', '2026-11-22'],
  ];
  for (const [weekday, date, expected] of cases) {
    test(`${weekday} ${date} → ${expected}`, () => assert.equal(moveToMonday(date), expected));
  }

  test('moves across month and year boundaries', () => {
    assert.equal(moveToMonday('2026-12-31'), '2027-01-04'); // Thursday
    assert.equal(moveToMonday('2025-07-01'), '2025-06-30'); // Tuesday
  });
});

describe('argentineHolidays', () => {
  const find = (year: number, name: RegExp) => argentineHolidays(year).filter((h) => name.test(h.name));

  test('Carnaval is the Monday and Tuesday 48 and 47 days before Easter; Viernes Santo two days before', () => {
    for (const year of [2024, 2025, 2026, 2027]) {
      const easter = easterSunday(year);
      const carnaval = find(year, /^Carnaval$/).map((h) => h.date);
      assert.deepEqual(carnaval, [addDays(easter, -48), addDays(easter, -47)]);
      assert.deepEqual(carnaval.map(isoWeekday), [1, 2]);
      const goodFriday = find(year, /Viernes Santo/);
      assert.deepEqual(
        goodFriday.map((h) => h.date),
        [addDays(easter, -2)],
      );
      assert.equal(isoWeekday(addDays(easter, -2)), 5);
    }
    assert.deepEqual(
      find(2024, /^Carnaval$/).map((h) => h.date),
      ['2024-02-12', '2024-02-13'],
    );
    assert.deepEqual(
      find(2027, /Viernes Santo/).map((h) => h.date),
      ['2027-03-26'],
    );
  });

  // The law's rules only: days "con fines turísticos" and one-off decrees (such as moving 20 November 2025 to
  // Friday 21) are not in the law and the center adds them by hand.
  test('2025 follows the law', () => {
    assert.deepEqual(
      argentineHolidays(2025).map((h) => h.date),
      [
        '2025-01-01',
        '2025-03-03', // Carnaval (Easter 20 April)
        '2025-03-04',
        '2025-03-24',
        '2025-04-02',
        '2025-04-18', // Viernes Santo
        '2025-05-01',
        '2025-05-25', // a Sunday: fixed holidays do not move
        '2025-06-16', // Güemes, Tuesday 17 → Monday 16
        '2025-06-20',
        '2025-07-09',
        '2025-08-17', // San Martín on a Sunday stays
        '2025-10-12', // Diversidad Cultural on a Sunday stays
        '2025-11-24', // Soberanía, Thursday 20 → Monday 24
        '2025-12-08',
        '2025-12-25',
      ],
    );
  });

  test('2026 follows the law', () => {
    assert.deepEqual(
      argentineHolidays(2026).map((h) => h.date),
      [
        '2026-01-01',
        '2026-02-16', // Carnaval (Easter 5 April)
        '2026-02-17',
        '2026-03-24',
        '2026-04-02',
        '2026-04-03', // Viernes Santo
        '2026-05-01',
        '2026-05-25',
        '2026-06-15', // Güemes, Wednesday 17 → Monday 15
        '2026-06-20', // Belgrano is fixed even on a Saturday
        '2026-07-09',
        '2026-08-17', // San Martín falls on a Monday
        '2026-10-12', // Diversidad Cultural falls on a Monday
        '2026-11-23', // Soberanía, Friday 20 → Monday 23
        '2026-12-08',
        '2026-12-25',
      ],
    );
  });

  test('every holiday has a name and the list is in date order', () => {
    for (const year of [2025, 2026, 2027]) {
      const list = argentineHolidays(year);
      assert.equal(list.length, 16);
      for (const h of list) {
        assert.ok(h.name.length > 3, h.date);
        assert.ok(h.date.startsWith(`${year}-`), h.date);
      }
      assert.deepEqual(
        list.map((h) => h.date),
        list.map((h) => h.date).sort(),
      );
    }
    assert.deepEqual(
      argentineHolidays(2026).find((h) => h.date === '2026-05-25'),
      { date: '2026-05-25', name: 'Día de la Revolución de Mayo' },
    );
  });
});
