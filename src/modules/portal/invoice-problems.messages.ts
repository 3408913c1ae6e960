// What is wrong with a field of an invoice, in words that name the field ("Precio unitario (línea 2): …"):
// the same text on the form, next to the field and in the summary, and in the API's error.
import type { Lang } from '../../platform/i18n/lang.js';
import { defineMessages } from '../../platform/i18n/messages.js';
import {
  CONCEPT_MAX,
  type InvoiceProblem,
  type LineField,
  type MoneyProblem,
  type QuantityProblem,
} from './invoice.rules.js';

const problemMessages = defineMessages(
  {
    f_dni: 'DNI del paciente',
    f_issuedOn: 'Fecha de emisión',
    f_insurerId: 'Obra social',
    f_memberNumber: 'N.º de afiliado',
    f_concept: (p: { n: number }) => `Concepto (línea ${p.n})`,
    f_quantity: (p: { n: number }) => `Cantidad (línea ${p.n})`,
    f_unit: (p: { n: number }) => `Precio unitario (línea ${p.n})`,
    f_insurer: (p: { n: number }) => `Parte de la obra social (línea ${p.n})`,
    f_lines: 'Líneas',
    f_paidOn: 'Fecha de pago',
    f_reason: 'Motivo de la anulación',
    empty: 'es obligatorio.',
    emptyMoney: 'es obligatorio (escribí 0 si no corresponde).',
    negative: 'no puede ser negativo.',
    decimals: 'tiene más de dos decimales.',
    dotDecimals: 'usá coma para los decimales, por ejemplo 1.234,56.',
    moneyFormat: 'no es un importe válido: escribilo como 1.234,56.',
    moneyTooLarge: 'es demasiado grande (máximo $ 999.999.999,99).',
    notWhole: 'tiene que ser un número entero.',
    quantityFormat: 'no es un número.',
    zero: 'tiene que ser al menos 1.',
    quantityTooLarge: 'es demasiado grande (máximo 1000).',
    tooLong: (p: { max: number }) => `es demasiado largo (máximo ${p.max} caracteres).`,
    overAmount: 'supera el importe de la línea (cantidad × precio unitario).',
    noInsurer: 'la factura no tiene obra social: dejalo en 0.',
    noLines: 'cargá al menos una línea con concepto, cantidad y precio.',
    tooManyLines: 'se pueden cargar hasta 30 líneas.',
    totalTooLarge: 'el total es demasiado grande (máximo $ 9.999.999.999,99).',
    noPatient: 'no hay un paciente con ese DNI.',
    badDni: 'no es un DNI válido.',
    badDate: 'no es una fecha válida.',
    future: 'no puede ser posterior a hoy.',
    beforeIssue: 'no puede ser anterior a la fecha de emisión.',
    unknownInsurer: 'no es una obra social del centro.',
  },
  {
    f_dni: "Patient's DNI",
    f_issuedOn: 'Issue date',
    f_insurerId: 'Health insurer',
    f_memberNumber: 'Member number',
    f_concept: (p: { n: number }) => `Description (line ${p.n})`,
    f_quantity: (p: { n: number }) => `Quantity (line ${p.n})`,
    f_unit: (p: { n: number }) => `Unit price (line ${p.n})`,
    f_insurer: (p: { n: number }) => `Insurer share (line ${p.n})`,
    f_lines: 'Lines',
    f_paidOn: 'Payment date',
    f_reason: 'Reason for voiding',
    empty: 'is required.',
    emptyMoney: 'is required (type 0 if it does not apply).',
    negative: 'cannot be negative.',
    decimals: 'has more than two decimals.',
    dotDecimals: 'use a comma for decimals, for example 1.234,56.',
    moneyFormat: 'is not a valid amount: write it as 1.234,56.',
    moneyTooLarge: 'is too large (at most $ 999.999.999,99).',
    notWhole: 'must be a whole number.',
    quantityFormat: 'is not a number.',
    zero: 'must be at least 1.',
    quantityTooLarge: 'is too large (at most 1000).',
    tooLong: (p: { max: number }) => `is too long (at most ${p.max} characters).`,
    overAmount: 'is more than the line amount (quantity × unit price).',
    noInsurer: 'the invoice has no health insurer: leave it at 0.',
    noLines: 'add at least one line with description, quantity and price.',
    tooManyLines: 'at most 30 lines.',
    totalTooLarge: 'the total is too large (at most $ 9.999.999.999,99).',
    noPatient: 'there is no patient with that DNI.',
    badDni: 'is not a valid DNI.',
    badDate: 'is not a valid date.',
    future: 'cannot be later than today.',
    beforeIssue: 'cannot be earlier than the issue date.',
    unknownInsurer: "is not one of the center's health insurers.",
  },
);

type Key = Parameters<ReturnType<typeof problemMessages>>[0];

/** The words of one problem; the message's own parameters (a limit) when it has them. */
export type ProblemWords = Exclude<Key, `f_${string}`>;

export type HeaderField = 'dni' | 'issuedOn' | 'insurerId' | 'memberNumber' | 'paidOn' | 'reason';

/** The form field of a line's input: "unit-2" is line 2's unit price (lines count from 1). */
export const lineFieldName = (field: LineField, n: number) => `${field}-${n}`;

/** "Precio unitario (línea 2)", the label of a form field by its name. */
export function fieldLabel(lang: Lang, name: string): string {
  const t = problemMessages(lang);
  const m = /^(concept|quantity|unit|insurer)-(\d+)$/.exec(name);
  if (m) return t(`f_${m[1] as LineField}`, { n: Number(m[2]) });
  return t(`f_${name as HeaderField | 'lines'}`);
}

/** "Precio unitario (línea 2): no puede ser negativo." */
export function problemText(lang: Lang, name: string, words: ProblemWords, max = 0): string {
  const t = problemMessages(lang);
  const text = words === 'tooLong' ? t('tooLong', { max }) : t(words as Exclude<ProblemWords, 'tooLong'>);
  return `${fieldLabel(lang, name)}: ${text}`;
}

export function moneyWords(p: MoneyProblem): ProblemWords {
  const words: Record<MoneyProblem, ProblemWords> = {
    empty: 'emptyMoney',
    negative: 'negative',
    decimals: 'decimals',
    dotDecimals: 'dotDecimals',
    format: 'moneyFormat',
    tooLarge: 'moneyTooLarge',
  };
  return words[p];
}

export function quantityWords(p: QuantityProblem): ProblemWords {
  const words: Record<QuantityProblem, ProblemWords> = {
    empty: 'empty',
    negative: 'negative',
    notWhole: 'notWhole',
    format: 'quantityFormat',
    zero: 'zero',
    tooLarge: 'quantityTooLarge',
  };
  return words[p];
}

/** A problem of checkLines as the form's field name and its words. */
export function lineProblemOf(p: InvoiceProblem): { name: string; words: ProblemWords; max?: number } {
  if (p.line === null) return { name: 'lines', words: p.problem };
  const name = lineFieldName(p.field, p.line + 1);
  if (p.problem === 'tooLong') return { name, words: 'tooLong', max: CONCEPT_MAX };
  if (p.problem === 'tooLarge') return { name, words: p.field === 'quantity' ? 'quantityTooLarge' : 'moneyTooLarge' };
  return { name, words: p.problem };
}
