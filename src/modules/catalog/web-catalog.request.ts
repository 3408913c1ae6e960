// What the TURNOS WEB configuration pages take from a request: the posted form as the services' schemas
// expect it (they are JSON-typed), the id in the address, and the "done" note after a redirect.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { AppError, ErrorCode } from '../../errors.js';
import type { StaffRole } from '../../platform/db/schema.js';
import { idField } from '../../platform/http/fields.js';
import { expected, formBody, queryOf } from '../../platform/http/request.js';

export const hidden = { schema: { hide: true } };
export const ADMIN: readonly StaffRole[] = ['admin'];

/** Refusals a form shows next to what was typed; anything else becomes an error page. */
const FORM_ERRORS: readonly ErrorCode[] = ['VALIDATION_ERROR', 'NAME_TAKEN', 'IN_USE'];

/** The posted fields: the first value of each, every value of a repeated one, a checkbox as a boolean. */
export function postedForm(request: FastifyRequest) {
  const body = formBody(request);
  const all = (key: string) => [body[key]].flat().filter((v): v is string => typeof v === 'string');
  return {
    text: (key: string) => all(key)[0] ?? '',
    all,
    // An unticked checkbox is not sent at all, so absence is "no".
    flag: (key: string) => all(key).includes('1'),
  };
}

export type PostedForm = ReturnType<typeof postedForm>;

/**
 * A number input as the schema should see it: empty is missing ("es obligatorio"), a whole or decimal
 * number becomes a number, anything else stays text so the schema says what it expects.
 */
export function numberOf(typed: string): number | string | undefined {
  const v = typed.trim();
  if (v === '') return undefined;
  return /^-?\d+([.,]\d+)?$/.test(v) ? Number(v.replace(',', '.')) : v;
}

/** The first problem of each field, keyed by the field's name as the form posts it. */
export function problemsOf(error: z.ZodError): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    if (field && !(field in problems)) problems[field] = issue.message;
  }
  return problems;
}

/** The id in the address, or null: the route then answers 404. */
export function idParam(request: FastifyRequest): number | null {
  const parsed = idField.safeParse((request.params as { id?: unknown }).id);
  return parsed.success ? parsed.data : null;
}

/** After a redirect: what was just done (?ok=…) and to which row (&id=…). */
export function doneOf(request: FastifyRequest): { ok: string; id: number | null } | null {
  const query = queryOf(request);
  if (!query.ok) return null;
  const id = idField.safeParse(query.id);
  return { ok: query.ok, id: id.success ? id.data : null };
}

/** Where a list goes after a change: the note, and the changed row in view. */
export function doneUrl(list: string, ok: string, id?: number): string {
  return id === undefined ? `${list}?ok=${ok}` : `${list}?ok=${ok}&id=${id}#fila-${id}`;
}

export type Outcome<T> = { value: T } | { status: number; problems: Record<string, string>; error: AppError | null };

/**
 * Parses the form with the service's own schema and runs the action: its result, or what the page shows
 * again (the field problems, or the service's refusal).
 */
export async function attempt<S extends z.ZodType, T>(
  reply: FastifyReply,
  schema: S,
  input: unknown,
  run: (data: z.output<S>) => Promise<T>,
): Promise<Outcome<T>> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { status: 400, problems: problemsOf(parsed.error), error: null };
  try {
    return { value: await run(parsed.data) };
  } catch (e) {
    const error = expected(e, reply, FORM_ERRORS);
    return { status: error.status, problems: {}, error };
  }
}
