// What the pages and the API share over HTTP: how a document's bytes leave the server (the type read from the
// bytes, nosniff, a sandboxing CSP so nothing inside a file can run as this site, never cached, a safe file name)
// and how an upload is read from a page's form.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorCode } from '../../errors.js';
import { uploadedFile } from '../../platform/http/multipart.js';
import type { Lang } from '../../platform/i18n/lang.js';
import { checkUpload, contentDisposition, downloadName, type Upload } from './documents.rules.js';

/** Upload refusals shown on the file field; anything else is not a form mistake. */
export const FILE_ERRORS: readonly ErrorCode[] = [
  'FILE_MISSING',
  'FILE_TOO_LARGE',
  'FILE_TYPE_NOT_ACCEPTED',
  'FILE_CONTENT_MISMATCH',
];

/** The uploaded file as the rules see it; when too large, the request's length tells roughly how large. */
export function uploadOf(request: FastifyRequest, field: string): Upload | null {
  const file = uploadedFile(request, field);
  if (!file) return null;
  const length = Number(request.headers['content-length']);
  return { ...file, wholeSize: file.tooLarge && Number.isFinite(length) ? length : null };
}

/** The file's problem in words, or '' (what checkUpload refuses is the person's mistake, shown on the form). */
export function fileProblem(file: Upload | null, maxBytes: number, lang: Lang): { text: string; status: number } {
  try {
    checkUpload(file, maxBytes);
    return { text: '', status: 200 };
  } catch (e) {
    if (!(e instanceof AppError) || !FILE_ERRORS.includes(e.code)) throw e;
    return { text: e.messageIn(lang), status: e.status };
  }
}

export function sendDocument(
  reply: FastifyReply,
  document: { id: number; fileName: string; mediaType: string },
  bytes: Buffer,
  download: boolean,
) {
  const name = downloadName(document.fileName, document.mediaType, document.id);
  return reply
    .header('content-type', document.mediaType)
    .header('content-disposition', contentDisposition(download ? 'attachment' : 'inline', name))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', 'sandbox')
    .header('cross-origin-resource-policy', 'same-origin')
    .header('cache-control', 'private, no-store')
    .send(bytes);
}
