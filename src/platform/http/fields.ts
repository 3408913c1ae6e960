// Field schemas shared by every API adapter, with messages that name the problem in Spanish.
import { z } from 'zod';

/** Ids are 32-bit on PostgreSQL: a larger number cannot name anything. */
const MAX_ID = 2_147_483_647;

/** A positive id, as a JSON number or as digits in a query string or path. Not true, [7] or "1e3". */
export const idField = z.preprocess(
  (v) => (typeof v === 'string' && /^\d{1,10}$/.test(v) ? Number(v) : v),
  z
    .number({ error: 'debe ser un número de identificación' })
    .int('debe ser un número entero')
    .positive('debe ser un número positivo')
    .max(MAX_ID, 'no es un número de identificación válido'),
);

// Dates outside this range are typing mistakes, and far-away years break date arithmetic.
const FIRST_YEAR = 1900;
const LAST_YEAR = 2199;

function isCalendarDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const year = Number(v.slice(0, 4));
  if (year < FIRST_YEAR || year > LAST_YEAR) return false;
  const date = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(v);
}

/** A real calendar date, written YYYY-MM-DD, between 1900 and 2199. */
export const dateField = z.string().refine(isCalendarDate, 'debe ser una fecha válida con formato AAAA-MM-DD');

const INSTANT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+-](0\d|1[0-4]):[0-5]\d)$/;

/** An instant with an explicit offset or Z: 2026-11-23T08:00:00-03:00. Impossible dates (11-31) are refused. */
export const instantField = z.string().refine((v) => {
  const m = INSTANT.exec(v);
  return m !== null && isCalendarDate(m[1] as string) && !Number.isNaN(Date.parse(v));
}, 'debe ser fecha y hora ISO 8601 con zona horaria, por ejemplo 2026-11-23T08:00:00-03:00');

export const timeField = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'debe ser una hora con formato HH:MM (00:00 a 23:59)');

/** A form's zod problems as the page shows them: the first message of each field, by the field's name. */
export function fieldProblems(error: z.ZodError): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const issue of error.issues) problems[String(issue.path[0] ?? '')] ??= issue.message;
  return problems;
}

export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  }),
});
