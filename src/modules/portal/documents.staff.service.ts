// A patient's documents in the back office: admin and reception for any patient, a professional for the patients
// they have turnos with (they upload their reports). Every list, read, upload and delete goes to the audit log.
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import type { DocumentCategory } from '../../platform/db/schema.js';
import { formatInZone } from '../../platform/time/zone.js';
import { getCenter } from '../center/center.service.js';
import { type Actor, requireStaff, type StaffActor } from '../staff/actor.js';
import { audit } from '../staff/audit.service.js';
import {
  type DocumentView,
  documentView,
  findOrFail,
  readBytes,
  removeDocument,
  storeDocument,
} from './documents.files.js';
import * as repo from './documents.repo.js';
import { checkUpload, isCategory, type Upload } from './documents.rules.js';
import { checkDescription } from './documents.service.js';
import { requireStaffReach } from './staff-reach.js';

/** The back office lists this many documents of one patient, newest first. */
const STAFF_LIST_LIMIT = 500;
/** And offers this many of the patient's turnos to tie an upload to. */
const TURNO_CHOICES = 200;

const target = (id: number) => `documento:${id}`;

/** The staff member, when they may reach this patient's documents at all. */
async function reachPatient(ctx: AppContext, actor: Actor, patientId: number) {
  const staff = requireStaff(actor, ['admin', 'reception', 'professional']);
  const patient = await repo.patientName(ctx.database.db, patientId);
  if (!patient) throw new AppError('NOT_FOUND', { what: `el paciente ${patientId}` });
  await requireStaffReach(ctx, staff, patientId);
  return { staff, patient: { id: patient.id, name: `${patient.lastName}, ${patient.firstName}` } };
}

/** Professionals delete only what they uploaded; the desk and administration, anything (a wrong file). */
const mayDelete = (staff: StaffActor, document: { uploadedByRef: string }) =>
  staff.role !== 'professional' || document.uploadedByRef === staff.ref;

/** The tab: the patient, their documents and the turnos an upload may belong to (a professional's own only). */
export async function staffDocuments(ctx: AppContext, input: { actor: Actor; patientId: number }) {
  const { staff, patient } = await reachPatient(ctx, input.actor, input.patientId);
  const db = ctx.database.db;
  const [rows, turnos, center] = await Promise.all([
    repo.listDocuments(db, { patientId: patient.id, limit: STAFF_LIST_LIMIT, offset: 0 }),
    repo.patientTurnos(db, {
      patientId: patient.id,
      professionalId: staff.role === 'professional' ? (staff.professionalId ?? -1) : undefined,
      limit: TURNO_CHOICES,
    }),
    getCenter(ctx),
  ]);
  await audit(ctx, staff, { action: 'document.list', patientId: patient.id, detail: `documentos=${rows.length}` });
  const zone = center.timeZone;
  return {
    patient,
    documents: rows.map((r) => ({ ...documentView(zone, r), canDelete: mayDelete(staff, r) })),
    turnos: turnos.map((t) => ({
      id: t.id,
      startMs: Date.parse(t.startsAt),
      start: formatInZone(zone, Date.parse(t.startsAt)),
      status: t.status,
      professional: `${t.professionalLastName}, ${t.professionalFirstName}`,
    })),
  };
}

/** One document's data (the delete confirmation); its content is not read. */
export async function staffDocument(ctx: AppContext, input: { actor: Actor; patientId: number; id: number }) {
  const { staff } = await reachPatient(ctx, input.actor, input.patientId);
  const row = await findOrFail(ctx, { id: input.id, patientId: input.patientId });
  const view: DocumentView = documentView((await getCenter(ctx)).timeZone, row);
  return { ...view, canDelete: mayDelete(staff, row) };
}

/** The bytes, for viewing or downloading: each read is one audit row. */
export async function staffDocumentContent(
  ctx: AppContext,
  input: { actor: Actor; patientId: number; id: number; download: boolean },
) {
  const { staff } = await reachPatient(ctx, input.actor, input.patientId);
  const row = await findOrFail(ctx, { id: input.id, patientId: input.patientId });
  const bytes = await readBytes(ctx, row);
  await audit(ctx, staff, {
    action: 'document.read',
    patientId: row.patientId,
    target: target(row.id),
    detail: input.download ? 'descarga' : 'vista',
  });
  return { document: documentView((await getCenter(ctx)).timeZone, row), bytes };
}

export interface StaffUpload {
  actor: Actor;
  patientId: number;
  category: string;
  description: string;
  appointmentId: number | null;
  file: Upload | null;
}

export async function staffUploadDocument(ctx: AppContext, input: StaffUpload) {
  const { staff, patient } = await reachPatient(ctx, input.actor, input.patientId);
  if (!isCategory(input.category)) {
    throw new AppError('VALIDATION_ERROR', { detail: 'el tipo debe ser informe, cuestionario, documento o imagen' });
  }
  const category: DocumentCategory = input.category;
  const description = checkDescription(input.description);
  if (input.appointmentId !== null) {
    const turno = await repo.findTurno(ctx.database.db, { id: input.appointmentId, patientId: patient.id });
    if (!turno) throw new AppError('TURNO_NOT_OF_PATIENT', { id: input.appointmentId });
    if (staff.role === 'professional' && turno.professionalId !== staff.professionalId) throw new AppError('FORBIDDEN');
  }
  const mediaType = checkUpload(input.file, ctx.web.uploadMaxBytes);
  const file = input.file as Upload;
  const row = await storeDocument(
    ctx,
    {
      patientId: patient.id,
      appointmentId: input.appointmentId,
      source: 'center',
      category,
      description,
      fileName: file.fileName,
      mediaType,
      uploadedByRef: staff.ref,
      uploadedByName: staff.name,
    },
    file.bytes,
    (trx, document) =>
      audit(
        ctx,
        staff,
        {
          action: 'document.upload',
          patientId: patient.id,
          target: target(document.id),
          detail: `${category} ${mediaType} ${document.sizeBytes} bytes${input.appointmentId ? ` turno:${input.appointmentId}` : ''}`,
        },
        trx,
      ),
  );
  return documentView((await getCenter(ctx)).timeZone, row);
}

export async function staffDeleteDocument(ctx: AppContext, input: { actor: Actor; patientId: number; id: number }) {
  const { staff } = await reachPatient(ctx, input.actor, input.patientId);
  const row = await findOrFail(ctx, { id: input.id, patientId: input.patientId });
  if (!mayDelete(staff, row)) throw new AppError('DOCUMENT_NOT_YOURS');
  await removeDocument(ctx, row, (trx) =>
    audit(
      ctx,
      staff,
      {
        action: 'document.delete',
        patientId: row.patientId,
        target: target(row.id),
        // What kind of file, never its description or name (they can be clinical text).
        detail: `${row.source} ${row.category} ${row.mediaType}`,
      },
      trx,
    ),
  );
}
