import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dayRangeUtc } from './day-range.js';

test('both days included: from its midnight to the midnight after the last day, in the zone', () => {
  assert.deepEqual(dayRangeUtc('America/Argentina/Buenos_Aires', '2026-11-17', '2026-11-23'), {
    from: '2026-11-17T03:00:00.000Z',
    before: '2026-11-24T03:00:00.000Z',
  });
});

test('an end not given stays open', () => {
  assert.deepEqual(dayRangeUtc('UTC', undefined, '2026-11-23'), {
    from: undefined,
    before: '2026-11-24T00:00:00.000Z',
  });
  assert.deepEqual(dayRangeUtc('UTC', '2026-11-23', undefined), {
    from: '2026-11-23T00:00:00.000Z',
    before: undefined,
  });
});

test('a day whose midnight does not exist starts at its first real minute', () => {
  // Santiago de Chile moved its clocks from 00:00 to 01:00 on 2026-09-06.
  const range = dayRangeUtc('America/Santiago', '2026-09-06', '2026-09-06');
  assert.equal(range.from, '2026-09-06T04:00:00.000Z');
  assert.equal(range.before, '2026-09-07T03:00:00.000Z');
});
