// The published test vectors of RFC 4226 (HOTP) and RFC 6238 (TOTP), through the project's own code.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { base32Decode, base32Encode, hotp, matchTotp, type OtpAlgorithm, otpauthUri, totp } from './otp.js';

const ascii = (s: string) => Buffer.from(s, 'ascii');

test('RFC 4226 appendix D: HOTP of counters 0 to 9', () => {
  const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
  for (const [counter, code] of expected.entries()) assert.equal(hotp(ascii('12345678901234567890'), counter), code);
});

test('RFC 6238 appendix B: TOTP with SHA-1, SHA-256 and SHA-512, 8 digits, 30 s', () => {
  const seeds: Record<OtpAlgorithm, Buffer> = {
    sha1: ascii('12345678901234567890'),
    sha256: ascii('12345678901234567890123456789012'),
    sha512: ascii('1234567890123456789012345678901234567890123456789012345678901234'),
  };
  const vectors: [number, Record<OtpAlgorithm, string>][] = [
    [59, { sha1: '94287082', sha256: '46119246', sha512: '90693936' }],
    [1111111109, { sha1: '07081804', sha256: '68084774', sha512: '25091201' }],
    [1111111111, { sha1: '14050471', sha256: '67062674', sha512: '99943326' }],
    [1234567890, { sha1: '89005924', sha256: '91819424', sha512: '93441116' }],
    [2000000000, { sha1: '69279037', sha256: '90698825', sha512: '38618901' }],
    [20000000000, { sha1: '65353130', sha256: '77737706', sha512: '47863826' }],
  ];
  for (const [seconds, codes] of vectors) {
    for (const algorithm of ['sha1', 'sha256', 'sha512'] as const) {
      const code = totp(seeds[algorithm], seconds * 1000, { digits: 8, stepSeconds: 30, algorithm });
      assert.equal(code, codes[algorithm], `${algorithm} at ${seconds}`);
    }
  }
});

test('a code matches its step and the one before, not two steps back nor the next', () => {
  const secret = ascii('12345678901234567890');
  const now = 1_700_000_000_000;
  const code = (ms: number) => totp(secret, ms);
  assert.equal(matchTotp(secret, code(now), now), Math.floor(now / 30_000));
  assert.notEqual(matchTotp(secret, code(now - 30_000), now), null);
  assert.equal(matchTotp(secret, code(now - 60_000), now), null);
  assert.equal(matchTotp(secret, code(now + 30_000), now), null);
  assert.equal(matchTotp(secret, '12345', now), null, 'wrong length');
  assert.equal(matchTotp(secret, 'abcdef', now), null);
  assert.notEqual(matchTotp(secret, `${code(now).slice(0, 3)} ${code(now).slice(3)}`, now), null, 'spaces ignored');
});

test('Base32 round-trips and reads what people type; the otpauth address carries it', () => {
  assert.equal(base32Encode(ascii('foobar')), 'MZXW6YTBOI');
  assert.deepEqual(base32Decode('mzxw 6ytb oi=='), ascii('foobar'));
  assert.equal(base32Decode('MZXW1'), null);
  const uri = otpauthUri({ issuer: 'Centro Médico', account: 'ana', secret: ascii('foobar') });
  assert.match(uri, /^otpauth:\/\/totp\/Centro%20M%C3%A9dico%3Aana\?secret=MZXW6YTBOI&issuer=Centro\+M%C3%A9dico/);
});
