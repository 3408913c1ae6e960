// When "Actualizá tus datos" is due, and how long its lock lasts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lockMinutesLeft, profileCheckDue, TRAMITE_LOCK_MS } from './profile-check.rules.js';

const on = (at: string) => ({ profileCheckEnabled: 1, profileCheckEnabledAt: at });
const patient = (confirmed: string | null, portal = 1) => ({ portalEnabled: portal, profileConfirmedAt: confirmed });

describe('profile check rules', () => {
  test('due only while on, for portal patients who have not confirmed since it was turned on', () => {
    const at = '2026-11-23T12:00:00.000Z';
    assert.equal(profileCheckDue({ profileCheckEnabled: 0, profileCheckEnabledAt: at }, patient(null)), false);
    assert.equal(profileCheckDue(on(at), patient(null, 0)), false);
    assert.equal(profileCheckDue(on(at), patient(null)), true);
    assert.equal(profileCheckDue(on(at), patient('2026-11-23T11:59:59.999Z')), true);
    assert.equal(profileCheckDue(on(at), patient('2026-11-23T12:00:00.000Z')), false);
    assert.equal(profileCheckDue(on(at), patient('2026-11-24T08:00:00.000Z')), false);
  });

  test('the lock lasts 15 minutes, counted in whole minutes up', () => {
    const since = '2026-11-23T12:00:00.000Z';
    const start = Date.parse(since);
    assert.equal(lockMinutesLeft(null, start), 0);
    assert.equal(lockMinutesLeft(since, start), 15);
    assert.equal(lockMinutesLeft(since, start + 14 * 60_000 + 1), 1);
    assert.equal(lockMinutesLeft(since, start + TRAMITE_LOCK_MS), 0);
  });
});
