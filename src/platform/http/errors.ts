import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, errorMessage, errorStatus, type Lang } from '../../errors.js';
import { LANG_COOKIE, pickLang } from '../i18n/lang.js';

export function requestLang(request: FastifyRequest): Lang {
  return pickLang(request.cookies?.[LANG_COOKIE], request.headers['accept-language']);
}

interface Detail {
  field: string;
  message: string;
}

function send(reply: FastifyReply, code: ErrorCode, message: string, details?: Detail[]) {
  return reply.status(errorStatus(code)).send({ error: { code, message, ...(details ? { details } : {}) } });
}

const PARTS: Record<string, string> = { body: '', querystring: '', params: '', headers: 'encabezado ' };

/** Renders an error as a page when the request is a page's (true), or leaves it to the JSON answer (false). */
export type HtmlErrorRenderer = (
  request: FastifyRequest,
  reply: FastifyReply,
  error: AppError | null,
) => Promise<boolean>;

/** Every error leaves as { error: { code, message } } with its own status; unexpected ones are logged, not shown. */
export function installErrorHandling(app: FastifyInstance, html?: HtmlErrorRenderer) {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const lang = requestLang(request);
    if (error instanceof AppError) {
      if (html && (await html(request, reply, error))) return reply;
      return send(reply, error.code, error.messageIn(lang));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((v) => {
        const where = PARTS[error.validationContext ?? ''] ?? '';
        const field = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
        return { field: `${where}${field}`, message: v.message ?? 'valor inválido' };
      });
      const detail = details.map((d) => (d.field ? `«${d.field}» ${d.message}` : d.message)).join('; ');
      return send(reply, 'VALIDATION_ERROR', errorMessage('VALIDATION_ERROR', lang, { detail }), details);
    }
    if (error.statusCode === 429) return send(reply, 'RATE_LIMITED', errorMessage('RATE_LIMITED', lang));
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500 && !isResponseSerializationError(error)) {
      // Malformed JSON, wrong content type, body too large: the client's mistake, said plainly.
      const detail =
        error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError
          ? lang === 'es'
            ? 'el cuerpo no es JSON válido'
            : 'the body is not valid JSON'
          : error.message;
      return reply.status(error.statusCode).send({
        error: { code: 'VALIDATION_ERROR', message: errorMessage('VALIDATION_ERROR', lang, { detail }) },
      });
    }
    request.log.error({ err: error }, 'unexpected error');
    const internal = new AppError('INTERNAL');
    if (html && (await html(request, reply, internal).catch(() => false))) return reply;
    return send(reply, 'INTERNAL', errorMessage('INTERNAL', lang));
  });

  app.setNotFoundHandler(async (request, reply) => {
    if (html && (await html(request, reply, null))) return reply;
    const lang = requestLang(request);
    const what = lang === 'es' ? `la dirección ${request.method} ${request.url}` : `${request.method} ${request.url}`;
    return send(reply, 'NOT_FOUND', errorMessage('NOT_FOUND', lang, { what }));
  });
}
