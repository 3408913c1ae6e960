// File uploads from page forms (multipart/form-data). Fields land in request.body as plain strings, as with
// urlencoded forms, so the CSRF check and formBody() work the same; each file becomes an UploadedFile.
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';

export interface UploadedFile {
  /** As the browser sent it: shown to people and offered on download, never used as a path. */
  fileName: string;
  /** What the browser claimed; only the bytes say what the file is (platform/storage/sniff.ts). */
  declaredType: string;
  /** Up to the limit: when tooLarge, the rest was not read. */
  bytes: Buffer;
  tooLarge: boolean;
}

/**
 * Registers the parser in the calling plugin only (the package is encapsulation-aware through its hooks): a
 * route plugin that takes files calls it, and a multipart body sent anywhere else is refused unread (415).
 */
export async function installMultipart(app: FastifyInstance, maxBytes: number) {
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    // Too large is a form error like any other (the page comes back with what was typed), not a bare 413.
    throwFileSizeLimit: false,
    limits: { fileSize: maxBytes, files: 1, fields: 50, fieldSize: 100_000 },
    async onFile(part) {
      const bytes = await part.toBuffer();
      const file: UploadedFile = {
        fileName: part.filename.slice(0, 200),
        declaredType: part.mimetype,
        bytes,
        tooLarge: part.file.truncated,
      };
      (part as unknown as { value: UploadedFile }).value = file;
    },
  });
}

/** The file sent in that field, or null when none was chosen (a browser sends an empty part then). */
export function uploadedFile(request: FastifyRequest, field: string): UploadedFile | null {
  const value = (request.body as Record<string, unknown> | undefined)?.[field];
  if (!value || typeof value !== 'object' || !('bytes' in value)) return null;
  const file = value as UploadedFile;
  return file.fileName === '' && file.bytes.length === 0 ? null : file;
}
