// What a questionnaire is and what a valid answer is: pure functions, shared by the pages, the API and the PDF.
import type { QuestionKind, QuestionnaireRequestStatus } from '../../platform/db/schema.js';
import { parseDate } from '../patients/accounts.rules.js';

export const QUESTION_KINDS: readonly QuestionKind[] = ['text', 'choice', 'yes_no', 'date', 'scale'];
export const YES_NO = ['yes', 'no'] as const;

export const TITLE_MAX = 200;
export const INTRO_MAX = 4000;
export const LABEL_MAX = 500;
export const HELP_MAX = 1000;
export const CHOICE_MAX = 200;
export const CHOICES_MAX = 50;
export const SCALE_LIMIT = 1000;
export const ANSWER_MAX = 5000;
/** Up to this many steps a scale is a row of radio buttons; a wider one is a number box. */
export const SCALE_RADIO_STEPS = 11;

/** A question as the patient is asked it (also what the answers keep, so a later edit changes nothing sent). */
export interface QuestionSpec {
  questionId: number;
  kind: QuestionKind;
  label: string;
  help: string;
  required: boolean;
  choices: string[];
  scaleMin: number | null;
  scaleMax: number | null;
}

/** One answer as stored: the question as asked, and the value ('' when not answered). */
export interface AnswerItem extends QuestionSpec {
  value: string;
}

export type AnswerProblem =
  | { code: 'required' }
  | { code: 'date' }
  | { code: 'scale'; min: number; max: number }
  | { code: 'choice' }
  | { code: 'yesNo' }
  | { code: 'tooLong'; max: number };

export type DefinitionProblem =
  | { code: 'missing' }
  | { code: 'tooLong'; max: number }
  | { code: 'kind' }
  | { code: 'fewChoices' }
  | { code: 'manyChoices'; max: number }
  | { code: 'duplicateChoice'; choice: string }
  | { code: 'wholeNumber'; min: number; max: number }
  | { code: 'scaleOrder' }
  | { code: 'attach' };

/** Not yet sent: a second request of the same questionnaire waits until this one is sent. */
export const isOpen = (status: QuestionnaireRequestStatus) => status !== 'submitted';

/** The options of a choice question, one a line as staff type them: trimmed, empty lines dropped. */
export function parseChoices(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/\s+/g, ' '))
    .filter((line) => line !== '');
}

/** A whole number typed in a form, or null. */
export function wholeNumber(typed: string): number | null {
  const text = typed.trim();
  return /^-?\d{1,6}$/.test(text) ? Number(text) : null;
}

export interface QuestionnaireFields {
  title: string;
  intro: string;
  active: boolean;
  /** '', 'specialty:3' or 'study:5': attached to one of them, or to nothing. */
  attach: string;
}

export interface QuestionnaireDefinition {
  title: string;
  intro: string;
  active: boolean;
  specialtyId: number | null;
  studyId: number | null;
}

export function questionnaireDefinition(
  f: QuestionnaireFields,
): { value: QuestionnaireDefinition } | { problems: Record<string, DefinitionProblem> } {
  const problems: Record<string, DefinitionProblem> = {};
  const title = f.title.trim().replace(/\s+/g, ' ');
  const intro = f.intro.trim();
  if (title === '') problems.title = { code: 'missing' };
  else if (title.length > TITLE_MAX) problems.title = { code: 'tooLong', max: TITLE_MAX };
  if (intro.length > INTRO_MAX) problems.intro = { code: 'tooLong', max: INTRO_MAX };
  const attach = /^(specialty|study):(\d{1,9})$/.exec(f.attach.trim());
  if (f.attach.trim() !== '' && !attach) problems.attach = { code: 'attach' };
  if (Object.keys(problems).length > 0) return { problems };
  const id = attach ? Number(attach[2]) : null;
  return {
    value: {
      title,
      intro,
      active: f.active,
      specialtyId: attach?.[1] === 'specialty' ? id : null,
      studyId: attach?.[1] === 'study' ? id : null,
    },
  };
}

export interface QuestionFields {
  kind: string;
  label: string;
  help: string;
  required: boolean;
  /** One option a line. */
  choices: string;
  scaleMin: string;
  scaleMax: string;
}

export type QuestionDefinition = Omit<QuestionSpec, 'questionId'>;

function choiceProblem(choices: string[]): DefinitionProblem | null {
  if (choices.length < 2) return { code: 'fewChoices' };
  if (choices.length > CHOICES_MAX) return { code: 'manyChoices', max: CHOICES_MAX };
  if (choices.some((c) => c.length > CHOICE_MAX)) return { code: 'tooLong', max: CHOICE_MAX };
  const seen = new Set<string>();
  for (const c of choices) {
    const key = c.toLocaleLowerCase('es');
    if (seen.has(key)) return { code: 'duplicateChoice', choice: c };
    seen.add(key);
  }
  return null;
}

/** A question as staff typed it: what it is, or what is wrong with each field. */
export function questionDefinition(
  f: QuestionFields,
): { value: QuestionDefinition } | { problems: Record<string, DefinitionProblem> } {
  const problems: Record<string, DefinitionProblem> = {};
  const kind = QUESTION_KINDS.find((k) => k === f.kind);
  const label = f.label.trim().replace(/\s+/g, ' ');
  const help = f.help.trim();
  if (!kind) problems.kind = { code: 'kind' };
  if (label === '') problems.label = { code: 'missing' };
  else if (label.length > LABEL_MAX) problems.label = { code: 'tooLong', max: LABEL_MAX };
  if (help.length > HELP_MAX) problems.help = { code: 'tooLong', max: HELP_MAX };
  const choices = kind === 'choice' ? parseChoices(f.choices) : [];
  if (kind === 'choice') {
    const problem = choiceProblem(choices);
    if (problem) problems.choices = problem;
  }
  let scaleMin: number | null = null;
  let scaleMax: number | null = null;
  if (kind === 'scale') {
    const range = { code: 'wholeNumber', min: -SCALE_LIMIT, max: SCALE_LIMIT } as const;
    scaleMin = wholeNumber(f.scaleMin);
    scaleMax = wholeNumber(f.scaleMax);
    if (scaleMin === null || Math.abs(scaleMin) > SCALE_LIMIT) problems.scaleMin = range;
    if (scaleMax === null || Math.abs(scaleMax) > SCALE_LIMIT) problems.scaleMax = range;
    if (!problems.scaleMin && !problems.scaleMax && (scaleMin as number) >= (scaleMax as number)) {
      problems.scaleMax = { code: 'scaleOrder' };
    }
  }
  if (!kind || Object.keys(problems).length > 0) return { problems };
  return { value: { kind, label, help, required: f.required, choices, scaleMin, scaleMax } };
}

/** The value a question keeps: trimmed; a date as YYYY-MM-DD when it is one (a typed 23/11/2026 too). */
export function normalizeAnswer(q: QuestionSpec, typed: string): string {
  const value = q.kind === 'text' ? typed.replace(/\r\n/g, '\n').trim() : typed.trim();
  if (q.kind === 'date') return parseDate(value) ?? value;
  if (q.kind === 'scale' && /^-?\d+$/.test(value)) return String(Number(value));
  return value;
}

/** What is wrong with one answer; `submitting` adds the checks a draft skips (required, and a valid value). */
export function answerProblem(q: QuestionSpec, value: string, submitting: boolean): AnswerProblem | null {
  if (value.length > ANSWER_MAX) return { code: 'tooLong', max: ANSWER_MAX };
  if (!submitting) return null;
  if (value === '') return q.required ? { code: 'required' } : null;
  switch (q.kind) {
    case 'text':
      return null;
    case 'date':
      return parseDate(value) === value ? null : { code: 'date' };
    case 'choice':
      return q.choices.includes(value) ? null : { code: 'choice' };
    case 'yes_no':
      return (YES_NO as readonly string[]).includes(value) ? null : { code: 'yesNo' };
    case 'scale': {
      const min = q.scaleMin ?? 0;
      const max = q.scaleMax ?? 10;
      const n = /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
      return Number.isInteger(n) && n >= min && n <= max ? null : { code: 'scale', min, max };
    }
  }
}

export interface CheckedAnswers {
  items: AnswerItem[];
  /** By question id; empty when the answers may be kept. */
  problems: Map<number, AnswerProblem>;
}

/**
 * The answers to keep for these questions, each with its question as asked, and their problems. Values for
 * questions that are not in the questionnaire (any more) are dropped.
 */
export function checkAnswers(
  questions: readonly QuestionSpec[],
  typed: ReadonlyMap<number, string>,
  submitting: boolean,
): CheckedAnswers {
  const problems = new Map<number, AnswerProblem>();
  const items = questions.map((q) => {
    const value = normalizeAnswer(q, typed.get(q.questionId) ?? '');
    const problem = answerProblem(q, value, submitting);
    if (problem) problems.set(q.questionId, problem);
    return { ...q, value };
  });
  return { items, problems };
}

/** The stored JSON back as items; anything unreadable counts as no answers (never an error page for a patient). */
export function parseStoredAnswers(json: string): AnswerItem[] {
  try {
    const parsed = JSON.parse(json) as { items?: unknown };
    return Array.isArray(parsed.items) ? (parsed.items as AnswerItem[]) : [];
  } catch {
    return [];
  }
}

export const storedAnswers = (items: readonly AnswerItem[]) => JSON.stringify({ items });

/** The saved values by question id (a draft coming back filled). */
export function valuesById(items: readonly AnswerItem[]): Map<number, string> {
  return new Map(items.map((i) => [i.questionId, i.value]));
}

/** A scale's steps when they fit in a row of radio buttons, else null (a number box). */
export function scaleSteps(q: Pick<QuestionSpec, 'scaleMin' | 'scaleMax'>): number[] | null {
  const min = q.scaleMin ?? 0;
  const max = q.scaleMax ?? 10;
  if (max - min + 1 > SCALE_RADIO_STEPS) return null;
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

/** The neighbour to swap with when moving a question up or down, or null at either end. */
export function swapTarget<T extends { id: number }>(ordered: readonly T[], id: number, direction: 'up' | 'down') {
  const at = ordered.findIndex((q) => q.id === id);
  if (at === -1) return null;
  const other = direction === 'up' ? at - 1 : at + 1;
  return ordered[other] ?? null;
}
