import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyRequest } from 'fastify';
import { clientIp, formText, idParam, pageNumber } from './request.js';

test('one spelling of the client address for limits and the audit log, whoever asks', () => {
  const from = (ip: string) => clientIp({ ip } as FastifyRequest);
  assert.equal(from('::ffff:10.0.0.8'), '10.0.0.8');
  assert.equal(from('2001:DB8:0:0:0:0:0:1'), '2001:db8::1');
  assert.equal(from('no-es-ip'), 'no-es-ip');
});

test('form fields: text as sent, anything else empty', () => {
  assert.equal(formText('  clave con espacios '), '  clave con espacios ');
  assert.equal(formText(['a', 'b']), '');
  assert.equal(formText(undefined), '');
});

test("the id in a page's address: a positive 32-bit number written in digits, else null (a 404)", () => {
  const id = (params: unknown) => idParam({ params } as FastifyRequest);
  assert.equal(id({ id: '12' }), 12);
  for (const bad of ['0', '1e3', '-4', '2147483648', 'doce', undefined])
    assert.equal(id({ id: bad }), null, String(bad));
  assert.equal(id(undefined), null);
});

test('the page of a list: a whole number from 1 to 100,000, else the first page', () => {
  assert.equal(pageNumber('3'), 3);
  for (const bad of ['0', '-2', '2.5', 'tres', '100001', undefined, ['2']])
    assert.equal(pageNumber(bad), 1, String(bad));
});
