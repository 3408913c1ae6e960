// /me/documents of the JSON API: the portal's documents for a mobile app, with the patient's session.
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { apiPlugin, errorResponses } from '../../platform/http/api.js';
import { errorBody, idField } from '../../platform/http/fields.js';
import type { DocumentView } from './documents.files.js';
import { sendDocument } from './documents.reply.js';
import { CATEGORIES, DESCRIPTION_MAX, FILE_NAME_MAX } from './documents.rules.js';
import {
  DOCUMENTS_PAGE,
  deleteMyDocument,
  listMyDocuments,
  myDocumentContent,
  uploadMyDocument,
} from './documents.service.js';

const tags = ['Paciente (sesión)'];
const sessionSecurity = [{ session: [] }];
const idParams = z.object({ id: idField });
/** Standard base64 (RFC 4648), padding optional; line breaks of MIME encoders are allowed. */
const BASE64 = /^[A-Za-z0-9+/\r\n]*={0,2}\s*$/;

export const documentOutput = z.object({
  id: z.number(),
  category: z.enum(CATEGORIES as [string, ...string[]]),
  description: z.string(),
  fileName: z.string(),
  mediaType: z.string().describe('Leído del contenido del archivo, no de su nombre'),
  sizeBytes: z.number(),
  sha256: z.string(),
  source: z.enum(['patient', 'center']).describe('Quién lo subió: el paciente o el centro'),
  uploadedBy: z.string(),
  createdAt: z.string(),
  appointment: z
    .object({ id: z.number(), start: z.string(), professional: z.string() })
    .nullable()
    .describe('El turno al que pertenece, si pertenece a uno'),
  canDelete: z.boolean().describe('El paciente puede borrar lo que subió; lo del centro, no'),
  contentUrl: z.string(),
});

/** Only these fields leave (production serializes with JSON.stringify, which would send any extra one). */
function documentOut(d: DocumentView): z.infer<typeof documentOutput> {
  return {
    id: d.id,
    category: d.category,
    description: d.description,
    fileName: d.fileName,
    mediaType: d.mediaType,
    sizeBytes: d.sizeBytes,
    sha256: d.sha256,
    source: d.source,
    uploadedBy: d.uploadedByName,
    createdAt: d.createdAt,
    appointment: d.appointment
      ? { id: d.appointment.id, start: d.appointment.start, professional: d.appointment.professional }
      : null,
    canDelete: d.source === 'patient',
    contentUrl: `/api/v1/me/documents/${d.id}/content`,
  };
}

/** Base64 makes a file a third larger; a file somewhat over the limit still arrives and is refused by name. */
const base64Length = (bytes: number) => Math.ceil(bytes / 3) * 4;

export const documentsApi = (ctx: AppContext) =>
  apiPlugin((api) => {
    api.get(
      '/me/documents',
      {
        schema: {
          tags,
          summary: 'Mis documentos, del más nuevo al más viejo',
          description: `Los del centro (informes, cuestionarios, documentos, imágenes) y los que subió el paciente, de a ${DOCUMENTS_PAGE} por página.`,
          security: sessionSecurity,
          querystring: z.object({ page: z.coerce.number().int().min(1).max(100_000).default(1) }),
          response: { 200: z.array(documentOutput), ...errorResponses },
        },
      },
      async (req) => {
        const list = await listMyDocuments(ctx, { actor: req.actor, page: req.query.page });
        return list.items.map(documentOut);
      },
    );

    api.get(
      '/me/documents/:id/content',
      {
        schema: {
          tags,
          summary: 'El archivo de un documento mío',
          description:
            'Con el tipo leído del contenido, `X-Content-Type-Options: nosniff` y `Content-Security-Policy: sandbox`. ' +
            'Para verlo, `Content-Disposition: inline`; con `?download=1`, `attachment` con el nombre del archivo.',
          security: sessionSecurity,
          params: idParams,
          querystring: z.object({ download: z.enum(['0', '1']).default('0') }),
          produces: ['application/pdf', 'image/png', 'image/jpeg', 'image/webp', 'image/gif'],
          response: errorResponses,
        },
      },
      async (req, reply) => {
        const { document, bytes } = await myDocumentContent(ctx, { actor: req.actor, id: req.params.id });
        return sendDocument(reply, document, bytes, req.query.download === '1');
      },
    );

    api.post(
      '/me/documents',
      {
        bodyLimit: base64Length(Math.ceil(ctx.web.uploadMaxBytes * 1.25)) + 64 * 1024,
        schema: {
          tags,
          summary: 'Subir un documento',
          description:
            `El archivo va en base64 dentro del JSON (la API sólo acepta escrituras application/json). PDF o imagen ` +
            `JPG, PNG, WEBP o GIF de hasta ${Math.round(ctx.web.uploadMaxBytes / 1024 / 1024)} MB: el tipo se lee del ` +
            'contenido, y un archivo cuyo contenido no es lo que dice su nombre se rechaza (422 FILE_CONTENT_MISMATCH).',
          security: sessionSecurity,
          body: z.object({
            description: z
              .string()
              .trim()
              .min(1, 'es obligatoria')
              .max(DESCRIPTION_MAX, `es demasiado larga (máximo ${DESCRIPTION_MAX} caracteres)`),
            fileName: z.string().trim().min(1, 'es obligatorio').max(FILE_NAME_MAX),
            contentBase64: z.string().regex(BASE64, 'debe ser el contenido del archivo en base64'),
          }),
          response: { 201: documentOutput, 413: errorBody, ...errorResponses },
        },
      },
      async (req, reply) => {
        const { description, fileName, contentBase64 } = req.body;
        const bytes = Buffer.from(contentBase64, 'base64');
        const file = { fileName, declaredType: '', bytes, tooLarge: false };
        const created = await uploadMyDocument(ctx, { actor: req.actor, description, file });
        return reply.status(201).send(documentOut(created));
      },
    );

    api.delete(
      '/me/documents/:id',
      {
        schema: {
          tags,
          summary: 'Borrar un documento que subí',
          description: 'Sólo los que subió el paciente (los del centro responden 403 DOCUMENT_FROM_CENTER).',
          security: sessionSecurity,
          params: idParams,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (req, reply) => {
        await deleteMyDocument(ctx, { actor: req.actor, id: req.params.id });
        return reply.status(204).send(null);
      },
    );
  });
