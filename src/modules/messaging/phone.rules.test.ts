// Mobiles as people type them in Argentina → E.164, and a reason for each one that cannot take a message.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeMobile } from '../patients/patients.rules.js';
import { messagingRulesMessages, mobileProblemText } from './messaging.rules.messages.js';
import { checkMobile, formatMobile, type MobileProblem, mobileE164 } from './phone.rules.js';

test('the usual spellings of a Buenos Aires mobile all give +5491112345678', () => {
  const spellings = [
    '011 15 1234-5678',
    '(011) 15-1234-5678',
    '11-15-1234-5678',
    '11 1234 5678',
    '1112345678',
    '+54 9 11 1234 5678',
    '+54 9 11 1234-5678',
    '5491112345678',
    '549 11 1234 5678',
    '+5491112345678',
    '0054 9 11 1234 5678',
    '+54 11 15 1234 5678',
    '+54 11 1234 5678',
    '9 11 1234 5678',
    '  011.15.1234.5678  ',
  ];
  for (const input of spellings) assert.deepEqual(checkMobile(input), { ok: true, e164: '+5491112345678' }, input);
});

test('other areas: 3 and 4 digit codes, with 0 and 15', () => {
  assert.equal(mobileE164('(0351) 155-123456'), '+5493515123456');
  assert.equal(mobileE164('0221 15 456 7890'), '+5492214567890');
  assert.equal(mobileE164('02966 15 41-2345'), '+5492966412345');
});

test('"+54 9" followed by the 15 people still add is understood', () => {
  assert.equal(normalizeMobile('+54 9 11 15 1234 5678'), null, 'the patients normalization alone refuses it');
  assert.deepEqual(checkMobile('+54 9 11 15 1234 5678'), { ok: true, e164: '+5491112345678' });
  assert.deepEqual(checkMobile('54 9 351 15 512 3456'), { ok: true, e164: '+5493515123456' });
});

test('whatever the patients normalization accepts is accepted the same here: one rule, not two', () => {
  for (const input of ['011 4321-1234', '+1 415 555 2671', '+44 7911 123456', '0351 15 123 4567']) {
    assert.equal(mobileE164(input), normalizeMobile(input), input);
  }
});

test('each refusal says why', () => {
  const cases: [string, MobileProblem][] = [
    ['', 'empty'],
    ['   ', 'empty'],
    ['no tiene', 'not_a_number'],
    ['11 1234 5678 (tarde)', 'not_a_number'],
    ['1234', 'too_short'],
    ['011 1234 567', 'too_short'],
    ['+54 9 11 1234 56789', 'too_long'],
    ['15 1234 5678', 'missing_area_code'],
    ['15-1234-5678', 'missing_area_code'],
    ['0800 333 1234', 'not_mobile'],
    ['+54 9 123 456 7890', 'invalid'],
  ];
  for (const [input, problem] of cases) assert.deepEqual(checkMobile(input), { ok: false, problem }, input);
});

test('foreign mobiles are kept unless only Argentine numbers can be sent to', () => {
  assert.deepEqual(checkMobile('+44 7911 123456'), { ok: true, e164: '+447911123456' });
  assert.deepEqual(checkMobile('+44 7911 123456', { argentinaOnly: true }), { ok: false, problem: 'foreign' });
  assert.equal(mobileE164('11 1234 5678', { argentinaOnly: true }), '+5491112345678');
});

test('every problem has a sentence in both languages', () => {
  const problems: MobileProblem[] = [
    'empty',
    'not_a_number',
    'too_short',
    'too_long',
    'missing_area_code',
    'not_mobile',
    'foreign',
    'invalid',
  ];
  for (const lang of ['es', 'en'] as const) {
    const t = messagingRulesMessages(lang);
    for (const problem of problems) assert.ok(mobileProblemText(t, problem).length > 10, `${lang} ${problem}`);
  }
  assert.match(mobileProblemText(messagingRulesMessages('es'), 'missing_area_code'), /código de área/);
});

test('lists show the number readable', () => {
  assert.equal(formatMobile('+5491112345678'), '+54 9 11 1234 5678');
  assert.equal(formatMobile('no'), 'no');
});
