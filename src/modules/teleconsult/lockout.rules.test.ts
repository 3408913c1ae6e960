import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countingFromMs, isLocked, LOCKOUT_WINDOW_MS, minutesLeft, shouldLock } from './lockout.rules.js';

const NOW = Date.UTC(2026, 10, 23, 12, 0);
const iso = (ms: number) => new Date(ms).toISOString();

test('locked only while locked_until is ahead of now', () => {
  assert.equal(isLocked(null, NOW), false);
  assert.equal(isLocked(iso(NOW + 1), NOW), true);
  assert.equal(isLocked(iso(NOW), NOW), false);
  assert.equal(isLocked(iso(NOW - 60_000), NOW), false);
});

test('five failures lock, four do not', () => {
  assert.equal(shouldLock(4), false);
  assert.equal(shouldLock(5), true);
  assert.equal(shouldLock(9), true);
});

test('failures count over the last 15 minutes, but not from before the last lock ended', () => {
  assert.equal(countingFromMs(null, NOW), NOW - LOCKOUT_WINDOW_MS);
  assert.equal(countingFromMs(iso(NOW - 60 * 60_000), NOW), NOW - LOCKOUT_WINDOW_MS);
  assert.equal(countingFromMs(iso(NOW - 5 * 60_000), NOW), NOW - 5 * 60_000);
});

test('minutes left round up and never read 0', () => {
  assert.equal(minutesLeft(iso(NOW + 15 * 60_000), NOW), 15);
  assert.equal(minutesLeft(iso(NOW + 61_000), NOW), 2);
  assert.equal(minutesLeft(iso(NOW + 1), NOW), 1);
});
