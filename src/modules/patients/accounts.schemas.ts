// The account forms at the edge: what was typed, normalized, with one problem per field to show next to it.
import { z } from 'zod';
import type { Sex } from '../../platform/db/schema.js';
import type { RegistrationData } from './accounts.register.service.js';
import { type FillableField, OPTIONAL_FIELDS, PASSWORD_MAX, PASSWORD_MIN, parseDate } from './accounts.rules.js';
import { normalizeDni, normalizeEmail, normalizeMobile, normalizeName } from './patients.rules.js';

/** Problems a field can have; each has a text in accounts.fields.messages.ts. */
const PROBLEMS = [
  'required',
  'dni',
  'email',
  'mobile',
  'date',
  'dateFuture',
  'sex',
  'insurer',
  'tooLong',
  'passwordShort',
  'passwordLong',
  'passwordMismatch',
] as const;
export type FieldProblem = (typeof PROBLEMS)[number];
const isProblem = (text: string): text is FieldProblem => (PROBLEMS as readonly string[]).includes(text);

export type Problems = Partial<Record<string, FieldProblem>>;

export interface Parsed<T> {
  /** What was typed, to show again (never passwords). */
  values: Record<string, string>;
  problems: Problems;
  data: T | null;
}

const asText = (v: unknown) => (typeof v === 'string' ? v : '');
/** A field this form does not ask: whatever is posted under its name is dropped. */
const ignored = z
  .unknown()
  .transform(() => undefined)
  .optional();

function normalized<T>(normalize: (v: string) => T | null, problem: FieldProblem) {
  return z.preprocess(
    asText,
    z.string().transform((v, ctx) => {
      if (v.trim() === '') {
        ctx.addIssue({ code: 'custom', message: 'required' });
        return z.NEVER;
      }
      const n = normalize(v);
      if (n === null) {
        ctx.addIssue({ code: 'custom', message: problem });
        return z.NEVER;
      }
      return n;
    }),
  );
}

const bounded = (max: number) => (v: string) => (v.length <= max ? v : null);
const name = normalized((v) => bounded(80)(normalizeName(v)), 'tooLong');

export const fields = {
  dni: normalized(normalizeDni, 'dni'),
  lastName: name,
  firstName: name,
  sex: normalized((v) => (['F', 'M', 'X'].includes(v) ? (v as Sex) : null), 'sex'),
  email: normalized(normalizeEmail, 'email'),
  mobile: normalized(normalizeMobile, 'mobile'),
  address: normalized((v) => bounded(200)(v.trim()), 'tooLong'),
  memberNumber: normalized((v) => bounded(40)(v.trim()), 'tooLong'),
  /** Any text: a login checks it, it does not judge it. */
  anyPassword: z.preprocess(asText, z.string().min(1, 'required').max(1000, 'passwordLong')),
  password: z.preprocess(
    asText,
    z
      .string()
      .min(1, 'required')
      .refine((v) => [...v].length >= PASSWORD_MIN, 'passwordShort')
      .refine((v) => v.length <= PASSWORD_MAX, 'passwordLong'),
  ),
};

/** A date of birth: a real date, not in the future (`today` in the center's zone). */
export function birthDateField(today: string) {
  return z.preprocess(
    asText,
    z.string().transform((v, ctx) => {
      if (v.trim() === '') {
        ctx.addIssue({ code: 'custom', message: 'required' });
        return z.NEVER;
      }
      const date = parseDate(v);
      if (date === null || date > today) {
        ctx.addIssue({ code: 'custom', message: date === null ? 'date' : 'dateFuture' });
        return z.NEVER;
      }
      return date;
    }),
  );
}

/** One of the insurers offered in the select. */
export function insurerField(allowed: readonly number[]) {
  return normalized((v) => {
    const id = /^\d{1,10}$/.test(v) ? Number(v) : Number.NaN;
    return allowed.includes(id) ? id : null;
  }, 'insurer');
}

/** Empty means "not given" (undefined); anything typed must be valid. */
function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (asText(v).trim() === '' ? undefined : v), schema.optional());
}

const PASSWORD_FIELDS = /password/i;

/** Parses a form: every field's first problem, the typed values, and the data when nothing is wrong. */
export function parseForm<T>(
  schema: z.ZodType<T>,
  body: unknown,
  options: { confirm?: [field: string, repeat: string] } = {},
): Parsed<T> {
  const raw = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === 'string' && !PASSWORD_FIELDS.test(key)) values[key] = value;
  }
  const problems: Problems = {};
  const result = schema.safeParse(raw);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? '');
      // Our schemas name their problems; anything else (a value of the wrong type) reads as "fill this in".
      problems[field] ??= isProblem(issue.message) ? issue.message : 'required';
    }
  }
  if (options.confirm) {
    const [field, repeat] = options.confirm;
    if (!problems[field] && raw[field] !== raw[repeat]) problems[repeat] = 'passwordMismatch';
  }
  const ok = result.success && Object.keys(problems).length === 0;
  return { values, problems, data: ok ? result.data : null };
}

/**
 * The second step of registration: everything for a new patient; for a known one the birth date
 * (to confirm or fill) and only what the record lacks.
 */
export function registrationSchema(
  form: { kind: 'new' } | { kind: 'known'; missing: FillableField[] },
  today: string,
  insurerIds: readonly number[],
) {
  const all = {
    sex: fields.sex,
    email: fields.email,
    mobile: fields.mobile,
    address: fields.address,
    insurerId: insurerField(insurerIds),
    memberNumber: fields.memberNumber,
  };
  const asked: FillableField[] = form.kind === 'new' ? (Object.keys(all) as FillableField[]) : form.missing;
  const shape: Record<string, z.ZodType> = {
    lastName: form.kind === 'new' ? fields.lastName : ignored,
    firstName: form.kind === 'new' ? fields.firstName : ignored,
    birthDate: birthDateField(today),
    password: fields.password,
  };
  for (const field of asked) {
    if (field === 'birthDate') continue;
    const schema = all[field];
    shape[field] = OPTIONAL_FIELDS.includes(field) ? optional(schema) : schema;
  }
  for (const field of Object.keys(all)) shape[field] ??= ignored;
  return z.object(shape) as unknown as z.ZodType<RegistrationData>;
}

/** Mis datos: names, sex, birth date, mobile and insurer are required; address and member number may be empty. */
export function myDataSchema(today: string, insurerIds: readonly number[]) {
  return z.object({
    lastName: fields.lastName,
    firstName: fields.firstName,
    sex: fields.sex,
    birthDate: birthDateField(today),
    mobile: fields.mobile,
    address: optional(fields.address).transform((v) => v ?? ''),
    insurerId: insurerField(insurerIds),
    memberNumber: optional(fields.memberNumber).transform((v) => v ?? ''),
  });
}
