import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvCell, toCsv } from './csv.js';

test('plain cells stay as they are; empty values are empty cells', () => {
  assert.equal(csvCell('Pérez Ana'), 'Pérez Ana');
  assert.equal(csvCell(30123456), '30123456');
  assert.equal(csvCell(null), '');
  assert.equal(csvCell(undefined), '');
});

test('separators, quotes and line breaks are quoted, quotes doubled', () => {
  assert.equal(csvCell('a;b'), '"a;b"');
  assert.equal(csvCell('dice "hola"'), '"dice ""hola"""');
  assert.equal(csvCell('una\nlínea'), '"una\nlínea"');
  assert.equal(csvCell('coma, no'), 'coma, no');
});

test('a cell a spreadsheet would run as a formula starts with a quote mark', () => {
  assert.equal(csvCell('=1+1'), "'=1+1");
  assert.equal(csvCell('+54 9 11'), "'+54 9 11");
  assert.equal(csvCell('-2'), "'-2");
  assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(csvCell('\tx'), "'\tx");
  assert.equal(csvCell('=HYPERLINK("http://x";"y")'), `"'=HYPERLINK(""http://x"";""y"")"`);
  assert.equal(csvCell('a=b'), 'a=b');
});

test('a file is the BOM, the header and rows, separated by ; and ended by CRLF', () => {
  assert.equal(
    toCsv(
      ['A', 'B'],
      [
        ['1', null],
        ['x;y', 2],
      ],
    ),
    '\uFEFFA;B\r\n1;\r\n"x;y";2\r\n',
  );
});
