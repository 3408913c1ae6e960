// Documentos del paciente, the patient's side: their documents only (every lookup carries their id), upload
// with a description, delete what they uploaded themselves. Patients' own actions are not audited.
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { getCenter } from '../center/center.service.js';
import type { Actor } from '../staff/actor.js';
import { documentView, findOrFail, readBytes, removeDocument, storeDocument } from './documents.files.js';
import { listDocuments } from './documents.repo.js';
import { checkUpload, DESCRIPTION_MAX, descriptionProblem, isImage, type Upload } from './documents.rules.js';
import { requirePortalPatient } from './portal-actor.js';

/** How many documents a page of the list shows. */
export const DOCUMENTS_PAGE = 50;

const zoneOf = async (ctx: AppContext) => (await getCenter(ctx)).timeZone;

/** Newest first, a page at a time. */
export async function listMyDocuments(ctx: AppContext, input: { actor: Actor; page: number }) {
  const patient = await requirePortalPatient(ctx, input.actor);
  const [rows, zone] = await Promise.all([
    listDocuments(ctx.database.db, {
      patientId: patient.id,
      limit: DOCUMENTS_PAGE + 1,
      offset: (input.page - 1) * DOCUMENTS_PAGE,
    }),
    zoneOf(ctx),
  ]);
  return {
    items: rows.slice(0, DOCUMENTS_PAGE).map((r) => documentView(zone, r)),
    hasOlder: rows.length > DOCUMENTS_PAGE,
  };
}

export async function getMyDocument(ctx: AppContext, input: { actor: Actor; id: number }) {
  const patient = await requirePortalPatient(ctx, input.actor);
  const row = await findOrFail(ctx, { id: input.id, patientId: patient.id });
  return documentView(await zoneOf(ctx), row);
}

export async function myDocumentContent(ctx: AppContext, input: { actor: Actor; id: number }) {
  const patient = await requirePortalPatient(ctx, input.actor);
  const row = await findOrFail(ctx, { id: input.id, patientId: patient.id });
  return { document: documentView(await zoneOf(ctx), row), bytes: await readBytes(ctx, row) };
}

/** The description is checked here too (the API's callers do not go through the page's form). */
export function checkDescription(description: string): string {
  const problem = descriptionProblem(description);
  if (problem === 'descriptionRequired') throw new AppError('VALIDATION_ERROR', { detail: 'falta la descripción' });
  if (problem === 'descriptionTooLong') {
    throw new AppError('VALIDATION_ERROR', { detail: `la descripción tiene más de ${DESCRIPTION_MAX} caracteres` });
  }
  return description.trim();
}

/** The patient's own upload: a document, or an image when the bytes are one. */
export async function uploadMyDocument(
  ctx: AppContext,
  input: { actor: Actor; description: string; file: Upload | null },
) {
  const patient = await requirePortalPatient(ctx, input.actor);
  const description = checkDescription(input.description);
  const mediaType = checkUpload(input.file, ctx.web.uploadMaxBytes);
  const file = input.file as Upload;
  const row = await storeDocument(
    ctx,
    {
      patientId: patient.id,
      appointmentId: null,
      source: 'patient',
      category: isImage(mediaType) ? 'image' : 'document',
      description,
      fileName: file.fileName,
      mediaType,
      uploadedByRef: `paciente:${patient.id}`,
      uploadedByName: `${patient.lastName}, ${patient.firstName}`,
    },
    file.bytes,
  );
  return documentView(await zoneOf(ctx), row);
}

/** Only what the patient uploaded; the center's documents stay. */
export async function deleteMyDocument(ctx: AppContext, input: { actor: Actor; id: number }) {
  const patient = await requirePortalPatient(ctx, input.actor);
  const row = await findOrFail(ctx, { id: input.id, patientId: patient.id });
  if (row.source !== 'patient') throw new AppError('DOCUMENT_FROM_CENTER');
  await removeDocument(ctx, row);
}
