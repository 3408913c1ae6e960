import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { test } from 'node:test';
import { seal, unseal } from './sealed.js';

test('a sealed value opens with its key only, and any change to it is detected', () => {
  const key = crypto.randomBytes(32);
  const sealed = seal(key, 'clave SMTP ñandú');
  assert.notEqual(sealed.includes('ñandú'), true);
  assert.equal(unseal(key, sealed), 'clave SMTP ñandú');
  assert.notEqual(seal(key, 'x'), seal(key, 'x'), 'a fresh nonce each time');
  assert.throws(() => unseal(crypto.randomBytes(32), sealed));
  // Flip one bit of the ciphertext itself (editing the base64 text could touch only padding bits).
  const raw = Buffer.from(sealed.slice(3), 'base64url');
  raw[raw.length - 1] = (raw[raw.length - 1] as number) ^ 1;
  assert.throws(() => unseal(key, `v1:${raw.toString('base64url')}`));
  assert.throws(() => unseal(key, 'v0:abc'), /unknown format/);
});
