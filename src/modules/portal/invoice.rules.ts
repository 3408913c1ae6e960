// Invoice money and lines, pure: amounts as staff type them in es-AR ("1.234,56"), integer cents inside,
// "$ 1.234,56" on pages and PDFs, and the checks every invoice passes whichever door it came in by.

/** 999.999.999,99 pesos: the most one amount may be; anything larger is a typing mistake. */
export const MAX_AMOUNT_CENTS = 99_999_999_999;
/** 9.999.999.999,99 pesos: the most an invoice may add up to. */
export const MAX_TOTAL_CENTS = 999_999_999_999;
export const MAX_QUANTITY = 1000;
export const MAX_LINES = 30;
export const CONCEPT_MAX = 200;
export const MEMBER_NUMBER_MAX = 50;
export const VOID_REASON_MAX = 300;
// With these limits every product and sum stays an exact integer in a JS number (30 × 1000 × MAX < 2^53).

export type MoneyProblem = 'empty' | 'negative' | 'decimals' | 'dotDecimals' | 'format' | 'tooLarge';
export type QuantityProblem = 'empty' | 'negative' | 'notWhole' | 'format' | 'zero' | 'tooLarge';

export type Parsed<P> = { ok: true; value: number } | { ok: false; problem: P };

const GROUPED = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d*))?$/;

/**
 * "1.234,56", "1234,5", "1234", "$ 1.234" → cents. Dots only as thousands separators in groups of three;
 * the comma is the decimal mark, with at most two decimals. Never rounds: 0,005 is refused, not guessed.
 */
export function parseMoney(typed: string): Parsed<MoneyProblem> {
  let text = typed.replace(/[\s\u00a0]+/g, ' ').trim();
  let negative = false;
  if (/^[-−]/.test(text)) {
    negative = true;
    text = text.slice(1).trim();
  }
  if (text.startsWith('$')) text = text.slice(1).trim();
  if (!negative && /^[-−]/.test(text)) {
    negative = true;
    text = text.slice(1).trim();
  }
  if (text === '') return negative ? { ok: false, problem: 'format' } : { ok: false, problem: 'empty' };
  const m = GROUPED.exec(text);
  if (!m) {
    if (/^\d+\.\d{1,2}$/.test(text)) return { ok: false, problem: 'dotDecimals' };
    if (/^(\d{1,3}(\.\d{3})+|\d+),\d{3,}$/.test(text)) return { ok: false, problem: 'decimals' };
    return { ok: false, problem: 'format' };
  }
  const whole = (m[1] as string).replace(/\./g, '').replace(/^0+(?=\d)/, '');
  const decimals = m[2] ?? '';
  if (decimals.length > 2) return { ok: false, problem: 'decimals' };
  if (negative) return { ok: false, problem: 'negative' };
  if (whole.length > 12) return { ok: false, problem: 'tooLarge' };
  const cents = Number(whole) * 100 + Number(decimals.padEnd(2, '0'));
  if (cents > MAX_AMOUNT_CENTS) return { ok: false, problem: 'tooLarge' };
  return { ok: true, value: cents };
}

/** A line's quantity: a whole number from 1 to MAX_QUANTITY. */
export function parseQuantity(typed: string): Parsed<QuantityProblem> {
  const text = typed.trim();
  if (text === '') return { ok: false, problem: 'empty' };
  if (/^[-−]\s*\d/.test(text)) return { ok: false, problem: 'negative' };
  if (/^\d+[.,]\d+$/.test(text)) {
    return /^\d+[.,]0+$/.test(text) ? parseQuantity(text.replace(/[.,]0+$/, '')) : { ok: false, problem: 'notWhole' };
  }
  if (!/^\d+$/.test(text)) return { ok: false, problem: 'format' };
  const value = text.length > 7 ? Number.POSITIVE_INFINITY : Number(text);
  if (value === 0) return { ok: false, problem: 'zero' };
  if (value > MAX_QUANTITY) return { ok: false, problem: 'tooLarge' };
  return { ok: true, value };
}

const GROUPING = new Intl.NumberFormat('es-AR', { useGrouping: true, maximumFractionDigits: 0 });

/** 123456 → "$ 1.234,56", as pages and the PDF print money (integer arithmetic: no float rounding). */
export function formatMoney(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100);
  return `${sign}$ ${GROUPING.format(whole)},${String(abs % 100).padStart(2, '0')}`;
}

/** Cents as staff type them back into a form: 123456 → "1.234,56" (what parseMoney reads). */
export function moneyInput(cents: number): string {
  return formatMoney(cents).replace('$ ', '');
}

/** 42 → "00000042": the number as printed on the invoice. */
export function formatInvoiceNumber(n: number): string {
  return String(n).padStart(8, '0');
}

export interface LineCents {
  concept: string;
  quantity: number;
  unitCents: number;
  /** The insurer's part of the whole line (quantity × unit); the patient pays the rest. */
  insurerCents: number;
}

export const lineAmount = (l: LineCents) => l.quantity * l.unitCents;
export const linePatientCents = (l: LineCents) => lineAmount(l) - l.insurerCents;

export interface Totals {
  insurerCents: number;
  patientCents: number;
  totalCents: number;
}

export function invoiceTotals(lines: readonly LineCents[]): Totals {
  let insurerCents = 0;
  let totalCents = 0;
  for (const l of lines) {
    insurerCents += l.insurerCents;
    totalCents += lineAmount(l);
  }
  return { insurerCents, patientCents: totalCents - insurerCents, totalCents };
}

export type LineField = 'concept' | 'quantity' | 'unit' | 'insurer';
export type LineProblem =
  | 'empty'
  | 'tooLong'
  | 'negative'
  | 'notWhole'
  | 'zero'
  | 'tooLarge'
  | 'overAmount'
  | 'noInsurer';
export type InvoiceProblem =
  | { line: number; field: LineField; problem: LineProblem }
  | { line: null; field: 'lines'; problem: 'noLines' | 'tooManyLines' | 'totalTooLarge' };

const isCents = (n: number) => Number.isSafeInteger(n);

/**
 * Everything wrong with these lines (in cents), each naming its line (0-based) and field. `hasInsurer`:
 * without an insurer on the invoice nobody else pays, so an insurer share is a mistake.
 */
export function checkLines(lines: readonly LineCents[], opts: { hasInsurer: boolean }): InvoiceProblem[] {
  const problems: InvoiceProblem[] = [];
  if (lines.length === 0) return [{ line: null, field: 'lines', problem: 'noLines' }];
  if (lines.length > MAX_LINES) return [{ line: null, field: 'lines', problem: 'tooManyLines' }];
  lines.forEach((l, line) => {
    const add = (field: LineField, problem: LineProblem) => problems.push({ line, field, problem });
    const concept = l.concept.trim();
    if (concept === '') add('concept', 'empty');
    else if (concept.length > CONCEPT_MAX) add('concept', 'tooLong');
    if (!Number.isInteger(l.quantity)) add('quantity', 'notWhole');
    else if (l.quantity < 0) add('quantity', 'negative');
    else if (l.quantity === 0) add('quantity', 'zero');
    else if (l.quantity > MAX_QUANTITY) add('quantity', 'tooLarge');
    const unitOk = isCents(l.unitCents) && l.unitCents >= 0 && l.unitCents <= MAX_AMOUNT_CENTS;
    if (!isCents(l.unitCents)) add('unit', 'notWhole');
    else if (l.unitCents < 0) add('unit', 'negative');
    else if (l.unitCents > MAX_AMOUNT_CENTS) add('unit', 'tooLarge');
    if (!isCents(l.insurerCents)) add('insurer', 'notWhole');
    else if (l.insurerCents < 0) add('insurer', 'negative');
    else if (l.insurerCents > 0 && !opts.hasInsurer) add('insurer', 'noInsurer');
    else if (unitOk && Number.isInteger(l.quantity) && l.insurerCents > lineAmount(l)) add('insurer', 'overAmount');
  });
  if (problems.length === 0 && invoiceTotals(lines).totalCents > MAX_TOTAL_CENTS) {
    problems.push({ line: null, field: 'lines', problem: 'totalTooLarge' });
  }
  return problems;
}

/** "Consulta Cardiología — GONZALEZ José — 23/11/2026": the line an invoice from a turno starts with. */
export function turnoConcept(t: { service: string; professional: string; date: string }): string {
  const [y, m, d] = t.date.split('-');
  return [`Consulta${t.service ? ` ${t.service}` : ''}`, t.professional, `${d}/${m}/${y}`].filter(Boolean).join(' — ');
}
