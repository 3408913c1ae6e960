import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { claimedMediaType, sniffMediaType } from './sniff.js';

const bytes = (...parts: (number[] | string)[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('sniffMediaType', () => {
  test('recognizes each accepted type by its first bytes', () => {
    assert.equal(sniffMediaType(bytes('%PDF-1.7\n')), 'application/pdf');
    assert.equal(sniffMediaType(bytes([0x89], 'PNG\r\n', [0x1a, 0x0a], 'rest')), 'image/png');
    assert.equal(sniffMediaType(bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF')), 'image/jpeg');
    assert.equal(sniffMediaType(bytes('RIFF', [0x10, 0, 0, 0], 'WEBPVP8 ')), 'image/webp');
    assert.equal(sniffMediaType(bytes('GIF89a')), 'image/gif');
  });

  test('anything else is null, whatever it is called', () => {
    for (const other of [
      bytes('<!doctype html><script>alert(1)</script>'),
      bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      bytes('MZ', [0x90, 0]),
      bytes([0x7f], 'ELF'),
      bytes('PK', [3, 4]),
      bytes('RIFF', [0, 0, 0, 0], 'WAVE'),
      bytes('%PD'),
      bytes(''),
    ]) {
      assert.equal(sniffMediaType(other), null, other.toString('latin1'));
    }
  });
});

describe('claimedMediaType', () => {
  test("the file name's extension says what the file claims, in any case", () => {
    assert.equal(claimedMediaType('informe.PDF', ''), 'application/pdf');
    assert.equal(claimedMediaType('foto.jpeg', 'application/octet-stream'), 'image/jpeg');
    assert.equal(claimedMediaType('foto.JPG', ''), 'image/jpeg');
    assert.equal(claimedMediaType('a.b.webp', ''), 'image/webp');
  });

  test("without a known extension, the browser's declared type", () => {
    assert.equal(claimedMediaType('escaneo', 'image/png'), 'image/png');
    assert.equal(claimedMediaType('escaneo', 'Application/PDF; charset=binary'), 'application/pdf');
  });

  test('the extension wins over the declared type; an unknown claim is null', () => {
    assert.equal(claimedMediaType('informe.pdf', 'image/png'), 'application/pdf');
    assert.equal(claimedMediaType('pagina.html', 'text/html'), null);
    assert.equal(claimedMediaType('programa.exe', 'application/x-msdownload'), null);
    assert.equal(claimedMediaType('', ''), null);
  });
});
