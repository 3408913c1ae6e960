// What pages take from a request: the base of mail links, the client's IP, the form body and fields.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { AppError, type ErrorCode } from '../../errors.js';
import { normalizeIp } from '../ip.js';
import { idField } from './fields.js';

/** Links in mails are absolute: the configured public address, else the address this request came to. */
export function baseUrlOf(ctx: AppContext, request: FastifyRequest): string {
  return ctx.web.publicUrl ?? `${request.protocol}://${request.host}`;
}

export function clientIp(request: FastifyRequest): string {
  return normalizeIp(request.ip) ?? request.ip;
}

/** A posted or queried field as text ('' when absent or not text); callers trim what may be trimmed. */
export const formText = (v: unknown): string => (typeof v === 'string' ? v : '');

export function formBody(request: FastifyRequest): Record<string, unknown> {
  const body = request.body;
  return body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
}

export function queryOf(request: FastifyRequest): Record<string, string> {
  const query = (request.query ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(query).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** The id in a page's address (/…/:id), or null: the route then answers 404. */
export function idParam(request: FastifyRequest): number | null {
  const parsed = idField.safeParse((request.params as { id?: unknown } | undefined)?.id);
  return parsed.success ? parsed.data : null;
}

/**
 * The AppError a form shows instead of failing, or rethrows anything else. A refusal for too many
 * attempts also says when to come back (Retry-After).
 */
/** "?pagina=N" of a paged list: a page number, 1 for anything else (a typo must not be an error page). */
export function pageNumber(value: unknown): number {
  const n = typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}

/** A CSV download (page or API): never cached, since it carries patients' data. */
export function sendCsv(reply: FastifyReply, file: { filename: string; csv: string }) {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', 'no-store')
    .send(file.csv);
}

export function expected(error: unknown, reply: FastifyReply, codes: readonly ErrorCode[]): AppError {
  if (!(error instanceof AppError) || !codes.includes(error.code)) throw error;
  if (error.code === 'TOO_MANY_ATTEMPTS') reply.header('retry-after', String(error.params.seconds));
  return error;
}
