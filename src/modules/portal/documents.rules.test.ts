import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { AppError } from '../../errors.js';
import {
  checkUpload,
  contentDisposition,
  DESCRIPTION_MAX,
  descriptionProblem,
  downloadName,
  foreignKind,
  overLimit,
  sizeLabel,
  type Upload,
} from './documents.rules.js';
import { DOCX, EXE, HTML, PDF, PNG } from './documents.test-helpers.js';

const MB = 1024 * 1024;
const file = (fileName: string, bytes: Buffer, declaredType = ''): Upload => ({
  fileName,
  declaredType,
  bytes,
  tooLarge: false,
});

/** The AppError checkUpload throws, in Spanish and with its code. */
function refusal(upload: Upload | null, max = 10 * MB): { code: string; es: string; en: string } {
  try {
    checkUpload(upload, max);
  } catch (e) {
    assert.ok(e instanceof AppError);
    return { code: e.code, es: e.messageIn('es'), en: e.messageIn('en') };
  }
  assert.fail('the upload was accepted');
}

describe('checkUpload', () => {
  test('a PDF or an image is accepted as what its bytes are, with or without a claim', () => {
    assert.equal(checkUpload(file('informe.pdf', PDF, 'application/pdf'), MB), 'application/pdf');
    assert.equal(checkUpload(file('FOTO.PNG', PNG), MB), 'image/png');
    assert.equal(checkUpload(file('escaneo', PNG, 'application/octet-stream'), MB), 'image/png');
  });

  test('content that is not what the name claims says both, in both languages', () => {
    const png = refusal(file('informe.pdf', PNG));
    assert.equal(png.code, 'FILE_CONTENT_MISMATCH');
    assert.equal(
      png.es,
      '«informe.pdf» dice ser un PDF, pero su contenido es una imagen PNG. Subí el archivo original.',
    );
    assert.equal(png.en, '«informe.pdf» claims to be a PDF, but its content is a PNG image. Upload the original file.');
    assert.match(refusal(file('informe.pdf', HTML)).en, /is not a PDF \(it looks like an HTML web page\)/);
    assert.match(refusal(file('informe.pdf', EXE)).es, /no es un PDF \(parece un programa ejecutable\)/);
    assert.match(refusal(file('informe.pdf', Buffer.alloc(0))).es, /no es un PDF \(está vacío\)/);
    assert.match(refusal(file('foto', HTML, 'image/jpeg')).es, /«foto» dice ser una imagen JPEG/);
  });

  test('a type the center does not take, no file, and a file over the limit', () => {
    assert.equal(refusal(file('notas.docx', DOCX)).code, 'FILE_TYPE_NOT_ACCEPTED');
    assert.equal(refusal(file('pagina.html', HTML, 'text/html')).code, 'FILE_TYPE_NOT_ACCEPTED');
    assert.equal(refusal(null).es, 'Elegí el archivo que querés subir.');
    const big = refusal(file('tomo.pdf', Buffer.concat([PDF, Buffer.alloc(3 * MB)])), 2 * MB);
    assert.equal(big.es, 'El archivo pesa 3 MB; el máximo es 2 MB.');
    assert.equal(big.en, 'The file is 3 MB; the maximum is 2 MB.');
    const cut = refusal({ ...file('tomo.pdf', PDF), tooLarge: true, wholeSize: 12.6 * MB }, 10 * MB);
    assert.equal(cut.es, 'El archivo pesa 12,6 MB; el máximo es 10 MB.');
    const unknown = refusal({ ...file('tomo.pdf', PDF), tooLarge: true, wholeSize: null }, 10 * MB);
    assert.equal(unknown.es, 'El archivo pesa más de 10 MB, que es el máximo.');
  });
});

describe('the messages about size', () => {
  test('the size always reads larger than the maximum', () => {
    assert.deepEqual(overLimit(1.04 * MB, MB), { size: 1.04, max: 1 });
    assert.deepEqual(overLimit(15 * MB, 10 * MB), { size: 15, max: 10 });
    assert.deepEqual(overLimit(MB + 10, MB), { size: '', max: 1 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 5 * MB }), (maxMb, over) => {
        const { size, max } = overLimit(maxMb * MB + over, maxMb * MB);
        return size === '' || size > max;
      }),
    );
  });

  test('sizes as people read them', () => {
    assert.equal(sizeLabel('es', 100), '1 KB');
    assert.equal(sizeLabel('es', 340 * 1024), '340 KB');
    assert.equal(sizeLabel('es', 1.25 * MB), '1,3 MB');
    assert.equal(sizeLabel('en', 1.25 * MB), '1.3 MB');
  });
});

describe('descriptionProblem', () => {
  test('required and short', () => {
    assert.equal(descriptionProblem('  '), 'descriptionRequired');
    assert.equal(descriptionProblem('x'.repeat(DESCRIPTION_MAX + 1)), 'descriptionTooLong');
    assert.equal(descriptionProblem(`  ${'x'.repeat(DESCRIPTION_MAX)}  `), null);
  });
});

describe('foreignKind', () => {
  test('says what a refused file looks like', () => {
    assert.equal(foreignKind(HTML), 'html');
    assert.equal(foreignKind(Buffer.from('\ufeff  <html><body>')), 'html');
    assert.equal(foreignKind(Buffer.from('<?xml version="1.0"?><svg onload="x()">')), 'svg');
    assert.equal(foreignKind(EXE), 'executable');
    assert.equal(foreignKind(Buffer.from('#!/bin/sh\nrm -rf /')), 'script');
    assert.equal(foreignKind(DOCX), 'archive');
    assert.equal(foreignKind(Buffer.from('hola')), null);
  });
});

describe('downloadName and contentDisposition', () => {
  test("the uploader's name without folders or control characters, ending as what the bytes are", () => {
    assert.equal(downloadName('Análisis.pdf', 'application/pdf', 1), 'Análisis.pdf');
    assert.equal(downloadName('C:\\fotos\\rx.JPEG', 'image/jpeg', 1), 'rx.JPEG');
    assert.equal(downloadName('../../etc/passwd', 'image/png', 1), 'passwd.png');
    assert.equal(downloadName('foto.html', 'image/png', 1), 'foto.html.png');
    assert.equal(downloadName('a\r\nb"c.pdf', 'application/pdf', 1), 'abc.pdf');
    assert.equal(downloadName('...', 'application/pdf', 7), 'documento-7.pdf');
  });

  test('an ASCII fallback and the exact name (RFC 5987)', () => {
    assert.equal(
      contentDisposition('attachment', 'Ecografía (Ñandú).pdf'),
      `attachment; filename="Ecografia (Nandu).pdf"; filename*=UTF-8''Ecograf%C3%ADa%20%28%C3%91and%C3%BA%29.pdf`,
    );
    assert.equal(
      contentDisposition('inline', '日本.png'),
      `inline; filename="__.png"; filename*=UTF-8''%E6%97%A5%E6%9C%AC.png`,
    );
  });

  test('for any name: a one-line ASCII header whose filename* decodes back to the offered name', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (raw) => {
        const name = downloadName(raw, 'application/pdf', 1);
        const header = contentDisposition('attachment', name);
        if (/[^\x20-\x7e]/.test(header)) return false;
        const exact = /filename\*=UTF-8''(.*)$/.exec(header)?.[1] ?? '';
        const fallback = /filename="([^"]*)"/.exec(header)?.[1];
        return decodeURIComponent(exact) === name && fallback !== undefined && name.endsWith('.pdf');
      }),
    );
  });
});
