// The send desk's pure rules: who can take a message on each channel (and why not), the date range, and the
// filters a batch stores.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AppError } from '../../errors.js';
import {
  type BatchRequest,
  checkRange,
  defaultRange,
  MAX_RANGE_DAYS,
  normalizeRequest,
  parseFilters,
  parseLeftOut,
  recipientFor,
  sortOut,
} from './batches.rules.js';

const ZONE = 'America/Argentina/Buenos_Aires';

describe('send desk rules', () => {
  test('mail needs a valid e-mail, normalized; SMS and WhatsApp a mobile, in E.164', () => {
    assert.deepEqual(recipientFor('mail', { email: ' Ana@Example.COM ', mobile: null }), {
      ok: true,
      recipient: 'ana@example.com',
    });
    assert.deepEqual(recipientFor('mail', { email: null, mobile: '1112345678' }), { ok: false, reason: 'no_email' });
    assert.deepEqual(recipientFor('mail', { email: '  ', mobile: null }), { ok: false, reason: 'no_email' });
    assert.deepEqual(recipientFor('mail', { email: 'ana@', mobile: null }), { ok: false, reason: 'bad_email' });
    assert.deepEqual(recipientFor('sms', { email: 'a@b.com', mobile: '011 15 1234-5678' }), {
      ok: true,
      recipient: '+5491112345678',
    });
    assert.deepEqual(recipientFor('whatsapp', { email: null, mobile: '' }), { ok: false, reason: 'no_mobile' });
    assert.deepEqual(recipientFor('sms', { email: null, mobile: '1234' }), { ok: false, reason: 'bad_mobile' });
    assert.deepEqual(recipientFor('sms', { email: null, mobile: '0800 555 1234' }), {
      ok: false,
      reason: 'bad_mobile',
    });
    const foreign = { email: null, mobile: '+34 612 345 678' };
    assert.equal(recipientFor('sms', foreign).ok, true);
    assert.deepEqual(recipientFor('sms', foreign, { argentinaOnly: true }), { ok: false, reason: 'bad_mobile' });
  });

  test('sortOut keeps the reachable ones in order and counts the rest by reason', () => {
    const rows = [
      { n: 1, email: 'uno@example.com', mobile: null },
      { n: 2, email: null, mobile: null },
      { n: 3, email: 'mal', mobile: null },
      { n: 4, email: 'cuatro@example.com', mobile: null },
      { n: 5, email: '', mobile: null },
    ];
    const { kept, leftOut } = sortOut('mail', rows);
    assert.deepEqual(
      kept.map((k) => [k.row.n, k.recipient]),
      [
        [1, 'uno@example.com'],
        [4, 'cuatro@example.com'],
      ],
    );
    assert.deepEqual(leftOut, { no_email: 2, bad_email: 1, no_mobile: 0, bad_mobile: 0 });
  });

  test('the default range is tomorrow and the six days after, in the center’s zone', () => {
    // 23:30 of Nov 23 in Buenos Aires is already Nov 24 in UTC: tomorrow is still the 24th.
    assert.deepEqual(defaultRange(ZONE, Date.UTC(2026, 10, 24, 2, 30)), { from: '2026-11-24', to: '2026-11-30' });
  });

  test('a range runs forward and spans at most 92 days', () => {
    checkRange('2026-11-24', '2026-11-24');
    checkRange('2026-01-01', '2026-04-02'); // 92 days, both included
    assert.equal(MAX_RANGE_DAYS, 92);
    assert.throws(
      () => checkRange('2026-01-01', '2026-04-03'),
      (e: unknown) => e instanceof AppError && e.code === 'BATCH_RANGE_TOO_LONG',
    );
    assert.throws(
      () => checkRange('2026-11-25', '2026-11-24'),
      (e: unknown) => e instanceof AppError && e.code === 'VALIDATION_ERROR',
    );
  });

  test('a batch stores sorted unique ids, and no turno filters for every patient', () => {
    const request: BatchRequest = {
      templateId: 3,
      audience: 'patients',
      from: '2026-11-24',
      to: '2026-11-30',
      sent: 'all',
      insurerIds: [5, 2, 5],
      specialtyIds: [1],
      studyIds: [2],
      professionalIds: [9],
    };
    assert.deepEqual(normalizeRequest(request), {
      ...request,
      from: null,
      to: null,
      insurerIds: [2, 5],
      specialtyIds: [],
      studyIds: [],
      professionalIds: [],
    });
    const turnos = normalizeRequest({ ...request, audience: 'appointments', professionalIds: [9, 1, 9] });
    assert.deepEqual(turnos.professionalIds, [1, 9]);
    assert.equal(turnos.from, '2026-11-24');
  });

  test('stored JSON reads back, tolerating missing or odd keys', () => {
    assert.deepEqual(parseLeftOut('{"no_email":2,"bad_mobile":-1,"other":4}'), {
      no_email: 2,
      bad_email: 0,
      no_mobile: 0,
      bad_mobile: 0,
    });
    assert.deepEqual(parseFilters('{"from":"2026-11-24","sent":"nope","insurerIds":[1,"x",2]}'), {
      from: '2026-11-24',
      to: null,
      sent: 'all',
      insurerIds: [1, 2],
      specialtyIds: [],
      studyIds: [],
      professionalIds: [],
    });
  });
});
