import assert from 'node:assert/strict';
import { test } from 'node:test';
import { localPath } from './local-path.js';

test('only paths of this site come back; anything a browser could turn into another site does not', () => {
  assert.equal(localPath('/mis-turnos?pagina=2'), '/mis-turnos?pagina=2');
  assert.equal(localPath('/turnos/confirmar?motivo=dolor+de+pecho'), '/turnos/confirmar?motivo=dolor+de+pecho');
  for (const evil of [
    '//evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    'https://evil.example',
    ' /mis-turnos',
    '/\u007f/evil.example',
    'mis-turnos',
    '',
  ]) {
    assert.equal(localPath(evil, '/'), '/', JSON.stringify(evil));
  }
  assert.equal(localPath(undefined, '/staff'), '/staff');
});
