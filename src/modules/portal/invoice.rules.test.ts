// Money as staff type it in es-AR, as pages print it, and the checks and totals of an invoice's lines.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  checkLines,
  formatInvoiceNumber,
  formatMoney,
  invoiceTotals,
  type LineCents,
  MAX_AMOUNT_CENTS,
  MAX_TOTAL_CENTS,
  moneyInput,
  parseMoney,
  parseQuantity,
  turnoConcept,
} from './invoice.rules.js';
import { parseInvoiceForm } from './invoices.form.js';

const cents = (typed: string) => {
  const r = parseMoney(typed);
  assert.ok(r.ok, `${typed} should parse`);
  return r.value;
};
const problem = (typed: string) => {
  const r = parseMoney(typed);
  assert.ok(!r.ok, `${typed} should be refused`);
  return r.problem;
};

test('the usual ways of typing an amount in Argentina', () => {
  assert.equal(cents('1.234,56'), 123456);
  assert.equal(cents('1234,5'), 123450);
  assert.equal(cents('1234'), 123400);
  assert.equal(cents('1.234'), 123400, 'a dot groups thousands');
  assert.equal(cents('1.234.567,8'), 123456780);
  assert.equal(cents('0,05'), 5);
  assert.equal(cents('0'), 0);
  assert.equal(cents(' $ 1.234,56 '), 123456);
  assert.equal(cents('$1234'), 123400);
  assert.equal(cents('$\u00a01.234,56'), 123456, 'a copied "$ 1.234,56" with a non-breaking space');
  assert.equal(cents('007,10'), 710);
  assert.equal(cents('12,'), 1200);
  assert.equal(cents('999.999.999,99'), MAX_AMOUNT_CENTS);
});

test('refusals say why', () => {
  assert.equal(problem(''), 'empty');
  assert.equal(problem('   '), 'empty');
  assert.equal(problem('$ '), 'empty');
  assert.equal(problem('-5'), 'negative');
  assert.equal(problem('-1.234,56'), 'negative');
  assert.equal(problem('$ -5'), 'negative');
  assert.equal(problem('−5'), 'negative', 'a typographic minus too');
  assert.equal(problem('1,234'), 'decimals');
  assert.equal(problem('0,005'), 'decimals');
  assert.equal(problem('1.234,567'), 'decimals');
  assert.equal(problem('1234.56'), 'dotDecimals');
  assert.equal(problem('12.5'), 'dotDecimals');
  for (const garbage of [
    'abc',
    '12a',
    '1,2,3',
    '1.23.456',
    '12.3456',
    '1 234',
    '--5',
    '-',
    '5-',
    '1e5',
    '0x10',
    'NaN',
  ]) {
    assert.ok(['format', 'dotDecimals'].includes(problem(garbage)), garbage);
  }
  assert.equal(problem('1.000.000.000'), 'tooLarge');
  assert.equal(problem('999999999999999999999'), 'tooLarge');
  assert.equal(problem('1.000.000.000,00'), 'tooLarge');
});

test('what formatMoney prints, parseMoney reads back to the same cents', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: MAX_AMOUNT_CENTS }), (n) => {
      assert.equal(cents(formatMoney(n)), n);
      assert.equal(cents(moneyInput(n)), n);
    }),
  );
});

test('plain digits with up to two decimals are read exactly, never rounded', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 999_999_999 }), fc.integer({ min: 0, max: 99 }), (whole, dec) => {
      assert.equal(cents(`${whole},${String(dec).padStart(2, '0')}`), whole * 100 + dec);
    }),
  );
});

test('any text parseMoney accepts is a whole number of cents within the limit; anything else says why', () => {
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom(...'0123456789.,-$ ab'.split('')), maxLength: 16 }), (typed) => {
      const r = parseMoney(typed);
      if (r.ok) assert.ok(Number.isSafeInteger(r.value) && r.value >= 0 && r.value <= MAX_AMOUNT_CENTS, typed);
      else assert.ok(['empty', 'negative', 'decimals', 'dotDecimals', 'format', 'tooLarge'].includes(r.problem));
    }),
  );
});

test('money prints as "$ 1.234,56"', () => {
  assert.equal(formatMoney(123456), '$ 1.234,56');
  assert.equal(formatMoney(5), '$ 0,05');
  assert.equal(formatMoney(0), '$ 0,00');
  assert.equal(formatMoney(100_000_000), '$ 1.000.000,00');
  assert.equal(formatMoney(MAX_TOTAL_CENTS), '$ 9.999.999.999,99');
  assert.equal(formatMoney(-150), '-$ 1,50');
});

test('quantities are whole numbers from 1 to 1000', () => {
  assert.deepEqual(parseQuantity(' 3 '), { ok: true, value: 3 });
  assert.deepEqual(parseQuantity('2,0'), { ok: true, value: 2 });
  assert.deepEqual(parseQuantity(''), { ok: false, problem: 'empty' });
  assert.deepEqual(parseQuantity('0'), { ok: false, problem: 'zero' });
  assert.deepEqual(parseQuantity('-1'), { ok: false, problem: 'negative' });
  assert.deepEqual(parseQuantity('1,5'), { ok: false, problem: 'notWhole' });
  assert.deepEqual(parseQuantity('1001'), { ok: false, problem: 'tooLarge' });
  assert.deepEqual(parseQuantity('99999999999999999999'), { ok: false, problem: 'tooLarge' });
  assert.deepEqual(parseQuantity('dos'), { ok: false, problem: 'format' });
});

test('numbers print with eight digits', () => {
  assert.equal(formatInvoiceNumber(42), '00000042');
  assert.equal(formatInvoiceNumber(123456789), '123456789');
});

const line = (l: Partial<LineCents> = {}): LineCents => ({
  concept: 'Consulta',
  quantity: 1,
  unitCents: 1000_00,
  insurerCents: 0,
  ...l,
});

test('totals: the insurer pays its share of each line, the patient the rest', () => {
  const totals = invoiceTotals([
    line({ quantity: 2, unitCents: 1500_00, insurerCents: 2000_00 }),
    line({ unitCents: 999_99, insurerCents: 0 }),
  ]);
  assert.deepEqual(totals, { insurerCents: 2000_00, patientCents: 1999_99, totalCents: 3999_99 });
});

test('totals add up exactly for any lines within the limits', () => {
  const anyLine = fc
    .record({
      quantity: fc.integer({ min: 1, max: 1000 }),
      unitCents: fc.integer({ min: 0, max: MAX_AMOUNT_CENTS }),
      share: fc.double({ min: 0, max: 1, noNaN: true }),
    })
    .map(({ quantity, unitCents, share }) =>
      line({ quantity, unitCents, insurerCents: Math.floor(quantity * unitCents * share) }),
    );
  fc.assert(
    fc.property(fc.array(anyLine, { minLength: 1, maxLength: 30 }), (lines) => {
      const t = invoiceTotals(lines);
      assert.ok(Number.isSafeInteger(t.totalCents));
      assert.equal(t.insurerCents + t.patientCents, t.totalCents);
      assert.ok(t.patientCents >= 0);
      const problems = checkLines(lines, { hasInsurer: true });
      assert.deepEqual(problems.length === 0, t.totalCents <= MAX_TOTAL_CENTS);
    }),
  );
});

test('line checks name the line and the field', () => {
  assert.deepEqual(checkLines([], { hasInsurer: true }), [{ line: null, field: 'lines', problem: 'noLines' }]);
  assert.deepEqual(
    checkLines(
      [
        line(),
        line({ concept: '  ', quantity: 0 }),
        line({ unitCents: -1, insurerCents: -5 }),
        line({ quantity: 2, unitCents: 100, insurerCents: 201 }),
        line({ concept: 'x'.repeat(201), quantity: 1.5, unitCents: 0.5 }),
      ],
      { hasInsurer: true },
    ),
    [
      { line: 1, field: 'concept', problem: 'empty' },
      { line: 1, field: 'quantity', problem: 'zero' },
      { line: 2, field: 'unit', problem: 'negative' },
      { line: 2, field: 'insurer', problem: 'negative' },
      { line: 3, field: 'insurer', problem: 'overAmount' },
      { line: 4, field: 'concept', problem: 'tooLong' },
      { line: 4, field: 'quantity', problem: 'notWhole' },
      { line: 4, field: 'unit', problem: 'notWhole' },
    ],
  );
  assert.deepEqual(checkLines([line({ insurerCents: 1 })], { hasInsurer: false }), [
    { line: 0, field: 'insurer', problem: 'noInsurer' },
  ]);
  assert.deepEqual(checkLines([line({ unitCents: MAX_AMOUNT_CENTS + 1 })], { hasInsurer: true }), [
    { line: 0, field: 'unit', problem: 'tooLarge' },
  ]);
  assert.deepEqual(
    checkLines(
      Array.from({ length: 31 }, () => line()),
      { hasInsurer: true },
    ),
    [{ line: null, field: 'lines', problem: 'tooManyLines' }],
  );
  assert.deepEqual(checkLines([line({ quantity: 1000, unitCents: MAX_AMOUNT_CENTS })], { hasInsurer: true }), [
    { line: null, field: 'lines', problem: 'totalTooLarge' },
  ]);
});

test('the concept of an invoice from a turno', () => {
  assert.equal(
    turnoConcept({ service: 'Cardiología', professional: 'GONZALEZ José', date: '2026-11-23' }),
    'Consulta Cardiología — GONZALEZ José — 23/11/2026',
  );
  assert.equal(
    turnoConcept({ service: '', professional: 'PEREZ Ana', date: '2026-01-05' }),
    'Consulta — PEREZ Ana — 05/01/2026',
  );
});

test('the form: each problem names its field and line; blank rows do not count; typed text is kept', () => {
  const values = {
    dni: '30.123.456',
    issuedOn: '23/11/2026',
    insurerId: '',
    memberNumber: '',
    turno: '',
    'concept-1': 'Consulta',
    'quantity-1': '1',
    'unit-1': '-5',
    'insurer-1': '0',
    'concept-2': '',
    'quantity-2': '1',
    'unit-2': '',
    'insurer-2': '0',
    'concept-3': 'Electrocardiograma',
    'quantity-3': '2',
    'unit-3': '1.500,5',
    'insurer-3': '100',
  };
  const { form, data } = parseInvoiceForm(values, 'es');
  assert.equal(data, null);
  assert.deepEqual(form.errors, {
    'unit-1': 'Precio unitario (línea 1): no puede ser negativo.',
    'insurer-3': 'Parte de la obra social (línea 3): la factura no tiene obra social: dejalo en 0.',
  });
  assert.equal(form.values['unit-3'], '1.500,5');
  assert.equal(
    parseInvoiceForm({ ...values, 'unit-1': '1.234,567' }, 'en').form.errors['unit-1'],
    'Unit price (line 1): has more than two decimals.',
  );

  const ok = parseInvoiceForm({ ...values, 'unit-1': '1.234,56', 'insurer-3': '0', insurerId: '' }, 'es');
  assert.deepEqual(ok.form.errors, {});
  assert.deepEqual(ok.data, {
    dni: '30123456',
    issuedOn: '2026-11-23',
    insurerId: null,
    memberNumber: '',
    turnoId: null,
    lines: [
      { concept: 'Consulta', quantity: 1, unitCents: 123456, insurerCents: 0 },
      { concept: 'Electrocardiograma', quantity: 2, unitCents: 150050, insurerCents: 0 },
    ],
  });
  const empty = parseInvoiceForm(
    { dni: '30123456', issuedOn: '2026-11-23', 'quantity-1': '1', 'insurer-1': '0' },
    'es',
  );
  assert.equal(empty.form.errors.lines, 'Líneas: cargá al menos una línea con concepto, cantidad y precio.');
});
