// The new-invoice form as posted: text as staff typed it → the invoice in cents, or every problem next to its
// field, with everything typed kept (the page shows the same rows again).
import { dateField, idField } from '../../platform/http/fields.js';
import type { Lang } from '../../platform/i18n/lang.js';
import { normalizeDni } from '../patients/patients.rules.js';
import type { FormState } from '../patients/views/form.js';
import {
  checkLines,
  type LineCents,
  type LineField,
  MAX_LINES,
  MEMBER_NUMBER_MAX,
  parseMoney,
  parseQuantity,
} from './invoice.rules.js';
import {
  type HeaderField,
  lineFieldName,
  lineProblemOf,
  moneyWords,
  type ProblemWords,
  problemText,
  quantityWords,
} from './invoice-problems.messages.js';

/** Empty rows the form offers below the typed ones. */
export const SPARE_ROWS = 3;
export const LINE_FIELDS: LineField[] = ['concept', 'quantity', 'unit', 'insurer'];

export interface InvoiceFormState extends FormState {
  /** How many line rows the page shows. */
  rows: number;
}

export interface InvoiceFormData {
  dni: string;
  issuedOn: string;
  insurerId: number | null;
  memberNumber: string;
  turnoId: number | null;
  lines: LineCents[];
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** The posted rows: the highest row number present (rows count from 1), at most MAX_LINES. */
function rowCount(values: Record<string, string>): number {
  let rows = 0;
  for (const key of Object.keys(values)) {
    const m = /^(?:concept|quantity|unit|insurer)-(\d{1,3})$/.exec(key);
    if (m) rows = Math.max(rows, Number(m[1]));
  }
  return Math.min(rows, MAX_LINES);
}

/** A row nobody typed in: the defaults it was offered with (quantity 1, insurer share 0) count as blank. */
function isBlank(values: Record<string, string>, n: number): boolean {
  const v = (f: LineField) => (values[lineFieldName(f, n)] ?? '').trim();
  return (
    v('concept') === '' && v('unit') === '' && ['', '1'].includes(v('quantity')) && /^(0*(,0*)?)?$/.test(v('insurer'))
  );
}

/** "23/11/2026" as browsers without a date picker let people type it → 2026-11-23. */
function civilDate(typed: string): string {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(typed);
  return m ? `${m[3]}-${(m[2] as string).padStart(2, '0')}-${(m[1] as string).padStart(2, '0')}` : typed;
}

/** The form's values as text (posted or in the address), kept as typed. */
export function invoiceFormValues(source: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const key of ['dni', 'issuedOn', 'insurerId', 'memberNumber', 'turno']) values[key] = text(source[key]);
  for (const [key, value] of Object.entries(source)) {
    if (/^(?:concept|quantity|unit|insurer)-\d{1,3}$/.test(key)) values[key] = text(value);
  }
  return values;
}

/** Rows to show: the typed ones plus spare ones (one more when "Agregar línea" was pressed). */
export function rowsToShow(values: Record<string, string>, extra = 0): number {
  let typed = rowCount(values);
  while (typed > 0 && isBlank(values, typed)) typed--;
  return Math.min(MAX_LINES, Math.max(typed + extra, 1) + (extra > 0 ? 0 : SPARE_ROWS));
}

export function parseInvoiceForm(
  values: Record<string, string>,
  lang: Lang,
): { form: InvoiceFormState; data: InvoiceFormData | null } {
  const errors: Record<string, string> = {};
  const fail = (name: string, words: ProblemWords, max?: number) => {
    errors[name] ??= problemText(lang, name, words, max);
  };
  const header = (name: HeaderField) => (values[name] ?? '').trim();

  const dniTyped = header('dni');
  const dni = normalizeDni(dniTyped);
  if (dniTyped === '') fail('dni', 'empty');
  else if (!dni) fail('dni', 'badDni');
  const issuedOn = civilDate(header('issuedOn'));
  if (issuedOn === '') fail('issuedOn', 'empty');
  else if (!dateField.safeParse(issuedOn).success) fail('issuedOn', 'badDate');
  const insurerTyped = header('insurerId');
  const insurer = insurerTyped === '' ? null : idField.safeParse(insurerTyped);
  if (insurer && !insurer.success) fail('insurerId', 'unknownInsurer');
  const memberNumber = header('memberNumber');
  if (memberNumber.length > MEMBER_NUMBER_MAX) fail('memberNumber', 'tooLong', MEMBER_NUMBER_MAX);
  const turno = idField.safeParse(values.turno);

  // Each typed row: text problems first, then what checkLines finds about the fields that did parse.
  const rowNumbers: number[] = [];
  const lines: LineCents[] = [];
  const rows = rowCount(values);
  for (let n = 1; n <= rows; n++) {
    if (isBlank(values, n)) continue;
    const v = (f: LineField) => values[lineFieldName(f, n)] ?? '';
    const quantity = parseQuantity(v('quantity'));
    const unit = parseMoney(v('unit'));
    const share = v('insurer').trim() === '' ? ({ ok: true, value: 0 } as const) : parseMoney(v('insurer'));
    if (!quantity.ok) fail(lineFieldName('quantity', n), quantityWords(quantity.problem));
    if (!unit.ok) fail(lineFieldName('unit', n), moneyWords(unit.problem));
    if (!share.ok) fail(lineFieldName('insurer', n), moneyWords(share.problem));
    rowNumbers.push(n);
    lines.push({
      concept: v('concept'),
      quantity: quantity.ok ? quantity.value : 1,
      unitCents: unit.ok ? unit.value : 0,
      insurerCents: share.ok && quantity.ok && unit.ok ? share.value : 0,
    });
  }
  for (const p of checkLines(lines, { hasInsurer: insurer === null ? false : insurer.success })) {
    if (p.line === null) {
      fail('lines', p.problem);
      continue;
    }
    const row = rowNumbers[p.line] as number;
    const { words, max } = lineProblemOf(p);
    fail(lineFieldName(p.field, row), words, max);
  }

  const form = { values, errors, rows: rowsToShow(values) };
  if (Object.keys(errors).length > 0 || !dni) return { form, data: null };
  return {
    form,
    data: {
      dni,
      issuedOn,
      insurerId: insurer?.success ? insurer.data : null,
      memberNumber,
      turnoId: turno.success ? turno.data : null,
      lines: lines.map((l) => ({ ...l, concept: l.concept.trim() })),
    },
  };
}
