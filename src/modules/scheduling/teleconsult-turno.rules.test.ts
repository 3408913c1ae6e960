import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeVideoUrl, VIDEO_URL_MAX } from './teleconsult-turno.rules.js';

test('http and https links of any platform are kept, trimmed', () => {
  assert.equal(normalizeVideoUrl('  https://meet.jit.si/turno-42 '), 'https://meet.jit.si/turno-42');
  assert.equal(normalizeVideoUrl('http://zoom.example/j/123?pwd=x'), 'http://zoom.example/j/123?pwd=x');
  assert.equal(normalizeVideoUrl(''), '');
  assert.equal(normalizeVideoUrl('   '), '');
});

test('anything else is refused', () => {
  for (const bad of [
    'javascript:alert(1)',
    'file:///etc/passwd',
    'ftp://x.example/a',
    'meet.jit.si/turno',
    'https://',
    'https://a b.example',
    `https://x.example/${'a'.repeat(VIDEO_URL_MAX)}`,
  ]) {
    assert.equal(normalizeVideoUrl(bad), null, bad);
  }
});
