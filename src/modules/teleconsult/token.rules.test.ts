// The token's pure rules: how codes read, when a step ends, what a series may be asked for, its state.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { groupDigits, printedCodes, seriesProblems, seriesState, stepWindow } from './token.rules.js';

test('codes are grouped for reading out', () => {
  assert.equal(groupDigits('482913'), '482 913');
  assert.equal(groupDigits('1234567'), '1234 567');
  assert.equal(groupDigits('12345678'), '1234 5678');
  assert.equal(groupDigits('0123456789'), '01234 56789');
});

test('a step: when the next code shows, and one more step of validity', () => {
  assert.deepEqual(stepWindow(61_000, 30), { counter: 2, nextAtMs: 90_000, validUntilMs: 120_000 });
});

test('series requests: count 1–50, a real date from today to a year ahead', () => {
  const today = '2026-11-23';
  assert.deepEqual(seriesProblems({ count: 10, validUntil: '2026-11-23' }, today), []);
  assert.deepEqual(seriesProblems({ count: 50, validUntil: '2027-11-23' }, today), []);
  const codes = (count: number, validUntil: string) => seriesProblems({ count, validUntil }, today).map((p) => p.code);
  assert.deepEqual(codes(0, '2027-01-01'), ['TOKEN_SERIES_COUNT']);
  assert.deepEqual(codes(51, '2027-01-01'), ['TOKEN_SERIES_COUNT']);
  assert.deepEqual(codes(Number.NaN, '2027-02-30'), ['TOKEN_SERIES_COUNT', 'TOKEN_SERIES_DATE_INVALID']);
  assert.deepEqual(codes(5, '2026-11-22'), ['TOKEN_SERIES_DATE_PAST']);
  assert.deepEqual(codes(5, '2027-11-24'), ['TOKEN_SERIES_DATE_FAR']);
});

test('series state', () => {
  assert.equal(seriesState({ validUntil: '2026-11-23', revokedAt: null }, '2026-11-23'), 'active');
  assert.equal(seriesState({ validUntil: '2026-11-22', revokedAt: null }, '2026-11-23'), 'expired');
  assert.equal(seriesState({ validUntil: '2027-01-01', revokedAt: '2026-11-23T12:00:00Z' }, '2026-11-23'), 'revoked');
});

test('printed codes: 10 digits with leading zeros, distinct even from a repeating source', () => {
  const source = [7, 7, 42, 9_999_999_999];
  const codes = printedCodes(3, () => source.shift() as number);
  assert.deepEqual(codes, ['0000000007', '0000000042', '9999999999']);
});
