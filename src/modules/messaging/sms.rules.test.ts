// SMS counting against the 3GPP TS 23.038 table and the exact segment boundaries phones bill by.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { GSM_BASIC, GSM_EXTENSION, gsmUnits, smsSegments } from './sms.rules.js';

test('the basic table has 128 positions in 3GPP order, with the escape at 0x1B', () => {
  assert.equal([...GSM_BASIC].length, 128);
  const at: [string, number][] = [
    ['@', 0x00],
    ['$', 0x02],
    ['Ç', 0x09],
    ['\n', 0x0a],
    ['\r', 0x0d],
    ['Δ', 0x10],
    ['\u001b', 0x1b],
    ['É', 0x1f],
    [' ', 0x20],
    ['¤', 0x24],
    ['0', 0x30],
    ['¡', 0x40],
    ['A', 0x41],
    ['Ñ', 0x5d],
    ['Ü', 0x5e],
    ['§', 0x5f],
    ['¿', 0x60],
    ['a', 0x61],
    ['ñ', 0x7d],
    ['ü', 0x7e],
    ['à', 0x7f],
  ];
  for (const [char, index] of at) assert.equal(GSM_BASIC.indexOf(char), index, JSON.stringify(char));
  assert.deepEqual([...GSM_EXTENSION], ['\f', '^', '{', '}', '\\', '[', '~', ']', '|', '€']);
});

test('Spanish: é ñ Ñ ü Ü ¿ ¡ É are GSM-7; á í ó ú Á Í Ó Ú are not', () => {
  for (const char of 'éñÑüÜ¿¡É') assert.equal(gsmUnits(char), 1, char);
  for (const char of 'áíóúÁÍÓÚ') assert.equal(gsmUnits(char), null, char);
  for (const char of '€[]{}~^\\|') assert.equal(gsmUnits(char), 2, char);
  assert.equal(smsSegments('¿Confirmás tu turno?').encoding, 'UCS-2');
  assert.deepEqual(smsSegments('¡Señor Núñez!').forcedBy, ['ú']);
  assert.equal(smsSegments('¡Señor Nuñez! ¿Qué hacés?').encoding, 'GSM-7');
});

test('GSM-7: 160 fit in one SMS, 161 take two; 306 fit in two, 307 take three', () => {
  assert.deepEqual(smsSegments('a'.repeat(160)), {
    encoding: 'GSM-7',
    units: 160,
    segments: 1,
    perSegment: 160,
    remaining: 0,
    forcedBy: [],
  });
  const two = smsSegments('a'.repeat(161));
  assert.equal(two.segments, 2);
  assert.equal(two.perSegment, 153);
  assert.equal(two.remaining, 306 - 161);
  assert.equal(smsSegments('a'.repeat(306)).segments, 2);
  assert.equal(smsSegments('a'.repeat(307)).segments, 3);
  assert.equal(smsSegments('a'.repeat(153 * 3)).segments, 3);
});

test('extension characters count two, and are never split across segments', () => {
  assert.equal(smsSegments('€'.repeat(80)).units, 160);
  assert.equal(smsSegments('€'.repeat(80)).segments, 1);
  assert.equal(smsSegments(`${'a'.repeat(159)}€`).segments, 2);
  // 152 + € would be 154 > 153: the € opens the second segment, which then holds 2 + 152 = 154 > 153.
  const packed = smsSegments(`${'a'.repeat(152)}€${'a'.repeat(152)}`);
  assert.equal(packed.units, 306);
  assert.equal(packed.segments, 3);
});

test('UCS-2: 70 fit in one, 71 take two; 134 fit in two, 135 take three', () => {
  const one = smsSegments(`á${'a'.repeat(69)}`);
  assert.deepEqual(
    { encoding: one.encoding, units: one.units, segments: one.segments, perSegment: one.perSegment },
    { encoding: 'UCS-2', units: 70, segments: 1, perSegment: 70 },
  );
  assert.deepEqual(one.forcedBy, ['á']);
  assert.equal(smsSegments(`á${'a'.repeat(70)}`).segments, 2);
  assert.equal(smsSegments(`á${'a'.repeat(133)}`).segments, 2);
  assert.equal(smsSegments(`á${'a'.repeat(134)}`).segments, 3);
  assert.equal(smsSegments(`á${'a'.repeat(133)}`).perSegment, 67);
});

test('an emoji is a surrogate pair: two UCS-2 units, kept whole in one segment', () => {
  const smile = smsSegments('Hola 😀');
  assert.equal(smile.encoding, 'UCS-2');
  assert.equal(smile.units, 7);
  assert.deepEqual(smile.forcedBy, ['😀']);
  assert.equal(smsSegments('😀'.repeat(35)).segments, 1);
  assert.equal(smsSegments('😀'.repeat(36)).segments, 2);
  // 66 units then a pair: the pair does not fit in the first 67, so it starts the second segment.
  const split = smsSegments(`${'á'.repeat(66)}😀${'a'.repeat(66)}`);
  assert.equal(split.units, 134);
  assert.equal(split.segments, 3);
});

test('an empty text costs nothing; line breaks count', () => {
  assert.equal(smsSegments('').segments, 0);
  assert.equal(smsSegments('a\r\nb').units, 4);
});

test('property: counting agrees with the units', () => {
  const alphabet = fc.constantFrom(...'aé€ñá[ 😀\nÓ¿'.split(/(?:)/u));
  fc.assert(
    fc.property(fc.array(alphabet, { maxLength: 400 }), (chars) => {
      const text = chars.join('');
      const count = smsSegments(text);
      const cap = count.segments <= 1 ? count.perSegment : count.segments * count.perSegment;
      assert.ok(count.units <= cap);
      if (count.segments > 1) assert.ok(count.units > (count.encoding === 'GSM-7' ? 160 : 70));
    }),
  );
});
