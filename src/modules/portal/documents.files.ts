// What both sides (patient and staff) do with a document: show its row, keep its bytes with its row, read them
// back, and remove both. The file store and the database are two systems, and the store is never called inside a
// transaction (a slow S3 call would hold SQLite's write lock): the file is written before the row and removed
// again if the row cannot be; a row is removed (with its audit) and committed first, and only then its file, best
// effort — a file left behind is only space, while a row without its file would be a broken document.
import { createHash } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import type { DB, PatientDocument, PatientDocumentsTable } from '../../platform/db/schema.js';
import { newFileKey } from '../../platform/storage/file-store.js';
import { formatInZone, isoUtc } from '../../platform/time/zone.js';
import * as repo from './documents.repo.js';

/** A document as pages and the API show it. */
export function documentView(zone: string, row: repo.DocumentRow) {
  const turno =
    row.appointmentId !== null && row.appointmentStartsAt !== null
      ? {
          id: row.appointmentId,
          startMs: Date.parse(row.appointmentStartsAt),
          start: formatInZone(zone, Date.parse(row.appointmentStartsAt)),
          professional: `${row.professionalLastName ?? ''}, ${row.professionalFirstName ?? ''}`,
        }
      : null;
  return {
    id: row.id,
    patientId: row.patientId,
    source: row.source,
    category: row.category,
    description: row.description,
    fileName: row.fileName,
    mediaType: row.mediaType,
    sizeBytes: Number(row.sizeBytes),
    sha256: row.sha256,
    uploadedByRef: row.uploadedByRef,
    uploadedByName: row.uploadedByName,
    createdAt: row.createdAt,
    createdMs: Date.parse(row.createdAt),
    appointment: turno,
  };
}

export type DocumentView = ReturnType<typeof documentView>;

export async function findOrFail(ctx: AppContext, q: { id: number; patientId: number }): Promise<repo.DocumentRow> {
  const row = await repo.findDocument(ctx.database.db, q);
  if (!row) throw new AppError('NOT_FOUND', { what: `el documento ${q.id}` });
  return row;
}

type NewDocument = Omit<Insertable<PatientDocumentsTable>, 'storageKey' | 'sha256' | 'sizeBytes' | 'createdAt'>;

/**
 * Puts the bytes in the store under a fresh key, then the row (and whatever `alsoInTransaction` records, the audit
 * row for staff) in one transaction; the stored file is removed again when the row could not be written.
 */
export async function storeDocument(
  ctx: AppContext,
  row: NewDocument,
  bytes: Buffer,
  alsoInTransaction?: (trx: Kysely<DB>, document: PatientDocument) => Promise<void>,
): Promise<repo.DocumentRow> {
  const storageKey = newFileKey();
  await ctx.files.put(storageKey, bytes, row.mediaType);
  let inserted: PatientDocument;
  try {
    inserted = await ctx.database.db.transaction().execute(async (trx) => {
      const document = await repo.insertDocument(trx, {
        ...row,
        storageKey,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        sizeBytes: bytes.length,
        createdAt: isoUtc(ctx.clock.now()),
      });
      await alsoInTransaction?.(trx, document);
      return document;
    });
  } catch (e) {
    // The row's failure is what the caller hears about; a file left behind by a failed clean-up is only space.
    await ctx.files.delete(storageKey).catch(() => undefined);
    throw e;
  }
  return findOrFail(ctx, { id: inserted.id, patientId: inserted.patientId });
}

/** The document's bytes; a row whose file is gone (a store emptied by hand) says so instead of serving nothing. */
export async function readBytes(ctx: AppContext, row: repo.DocumentRow): Promise<Buffer> {
  const bytes = await ctx.files.get(row.storageKey);
  if (!bytes) throw new AppError('DOCUMENT_FILE_MISSING', { id: row.id });
  return bytes;
}

/**
 * Removes the row (and whatever `alsoInTransaction` records, the audit row for staff) and commits; then its file,
 * outside the transaction. A store that fails then leaves an orphan file, which costs only space: the document is
 * gone either way. A concurrent delete finds no row and answers as missing.
 */
export async function removeDocument(
  ctx: AppContext,
  row: repo.DocumentRow,
  alsoInTransaction?: (trx: Kysely<DB>) => Promise<void>,
): Promise<void> {
  await ctx.database.db.transaction().execute(async (trx) => {
    const deleted = await repo.deleteDocument(trx, { id: row.id, patientId: row.patientId });
    if (deleted === 0) throw new AppError('NOT_FOUND', { what: `el documento ${row.id}` });
    await alsoInTransaction?.(trx);
  });
  await ctx.files.delete(row.storageKey).catch(() => undefined);
}
