import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  challengeAnswered,
  makeChallenge,
  maskEmail,
  maskName,
  mobileEnding,
  parseDate,
  passwordProblem,
  readChallenge,
  registrationTicket,
  ticketValid,
} from './accounts.rules.js';

const SECRET = 'secreto de prueba';
const NOW = Date.UTC(2026, 10, 23, 12);

describe('account rules', () => {
  test('passwords: at least 8 characters, not the DNI however written', () => {
    assert.equal(passwordProblem('corta', '30123456'), 'short');
    assert.equal(passwordProblem('ñandú🙂', '30123456'), 'short');
    assert.equal(passwordProblem('30123456', '30123456'), 'dni');
    assert.equal(passwordProblem('30.123.456', '30123456'), 'dni');
    assert.equal(passwordProblem('030123456', '30123456'), 'dni');
    assert.equal(passwordProblem('x'.repeat(129), '30123456'), 'long');
    assert.equal(passwordProblem('30123456 mío', '30123456'), null);
  });

  test("masking shows enough to recognize one's own data and no more", () => {
    assert.equal(maskEmail('juan.perez@gmail.com'), 'j•••@gmail.com');
    assert.equal(maskEmail('raro'), '•••');
    assert.equal(mobileEnding('+5491112345678'), '5678');
    assert.equal(maskName('Pérez Gómez  Ana'), 'P••• G••• A•••');
    assert.equal(maskName('Ñandú'), 'Ñ•••');
  });

  test('dates as typed in Argentina or ISO; impossible ones refused', () => {
    assert.equal(parseDate('4/5/1980'), '1980-05-04');
    assert.equal(parseDate(' 04-05-1980 '), '1980-05-04');
    assert.equal(parseDate('1980-05-04'), '1980-05-04');
    assert.equal(parseDate('31/02/1980'), null);
    assert.equal(parseDate('04/05/1899'), null);
    assert.equal(parseDate('mañana'), null);
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2199-12-31'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const [y, m, day] = iso.split('-');
        return parseDate(`${day}/${m}/${y}`) === iso && parseDate(iso) === iso;
      }),
    );
  });

  test('the anti-spam sum: right answer within its time, signed numbers', () => {
    const c = makeChallenge(SECRET, NOW, 3, 4);
    assert.deepEqual(readChallenge(SECRET, c.token)?.a, 3);
    assert.ok(challengeAnswered(SECRET, c.token, ' 7 ', NOW));
    assert.ok(!challengeAnswered(SECRET, c.token, '8', NOW));
    assert.ok(!challengeAnswered(SECRET, c.token, '7', NOW + 31 * 60_000));
    assert.ok(!challengeAnswered('otro secreto', c.token, '7', NOW));
    assert.ok(!challengeAnswered(SECRET, c.token.replace(/^3\.4/, '1.1'), '2', NOW));
    assert.equal(readChallenge(SECRET, 'basura'), null);
  });

  test('the registration ticket belongs to one DNI and expires', () => {
    const ticket = registrationTicket(SECRET, '30123456', NOW);
    assert.ok(ticketValid(SECRET, '30123456', ticket, NOW + 1000));
    assert.ok(!ticketValid(SECRET, '30123457', ticket, NOW));
    assert.ok(!ticketValid(SECRET, '30123456', ticket, NOW + 61 * 60_000));
    assert.ok(!ticketValid(SECRET, '30123456', 'x.y', NOW));
  });
});
