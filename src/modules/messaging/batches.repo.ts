// SQL of the send desk's lists: a batch, its rows, and what the outbox says about them (the outbox is the send
// log, so a batch's progress and each row's result are read from it, never copied).
import type { Kysely } from 'kysely';
import type { DB, MessageAudience, MessageChannel, OutboxStatus } from '../../platform/db/schema.js';
import { inChunks } from './recipients.repo.js';

export interface NewBatch {
  templateId: number;
  channel: MessageChannel;
  audience: MessageAudience;
  filters: string;
  leftOut: string;
  createdByRef: string;
  createdByName: string;
  createdAt: string;
}

export interface NewRow {
  patientId: number;
  appointmentId: number | null;
  recipient: string;
}

/** Five values a row: 400 rows stay well under SQLite's bound-parameter limit. */
const ROW_CHUNK = 400;

export async function insertBatch(db: Kysely<DB>, batch: NewBatch, rows: NewRow[]): Promise<number> {
  const { id } = await db
    .insertInto('messageBatches')
    .values({ ...batch, status: 'draft', queuedAt: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (let i = 0; i < rows.length; i += ROW_CHUNK) {
    await db
      .insertInto('messageBatchRows')
      .values(rows.slice(i, i + ROW_CHUNK).map((r) => ({ ...r, batchId: id, removed: 0 })))
      .execute();
  }
  return id;
}

/** Drafts nobody sent are scratch lists; old ones go so the table does not keep every list ever made. */
export async function deleteDraftsBefore(db: Kysely<DB>, before: string): Promise<void> {
  await db.deleteFrom('messageBatches').where('status', '=', 'draft').where('createdAt', '<', before).execute();
}

export function findBatch(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('messageBatches as b')
    .leftJoin('messageTemplates as t', 't.id', 'b.templateId')
    .selectAll('b')
    .select('t.title as templateTitle')
    .where('b.id', '=', id)
    .executeTakeFirst();
}

export type BatchRecord = NonNullable<Awaited<ReturnType<typeof findBatch>>>;

export async function recentBatches(db: Kysely<DB>, limit: number) {
  return db
    .selectFrom('messageBatches as b')
    .leftJoin('messageTemplates as t', 't.id', 'b.templateId')
    .selectAll('b')
    .select('t.title as templateTitle')
    .select((eb) =>
      eb
        .selectFrom('messageBatchRows as r')
        .whereRef('r.batchId', '=', 'b.id')
        .where('r.removed', '=', 0)
        .select(eb.fn.countAll<number>().as('n'))
        .as('kept'),
    )
    .orderBy('b.id', 'desc')
    .limit(limit)
    .execute();
}

/** The last list this staff member made: the desk opens with its choices. */
export function lastBatchBy(db: Kysely<DB>, createdByRef: string) {
  return db
    .selectFrom('messageBatches')
    .select(['id', 'templateId', 'audience', 'filters'])
    .where('createdByRef', '=', createdByRef)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The rows still in the list, in the order they were listed; without a page, all of them. */
export function keptRows(db: Kysely<DB>, batchId: number, page?: { limit: number; offset: number }) {
  let q = db
    .selectFrom('messageBatchRows')
    .select(['id', 'patientId', 'appointmentId', 'recipient'])
    .where('batchId', '=', batchId)
    .where('removed', '=', 0)
    .orderBy('id');
  if (page) q = q.limit(page.limit).offset(page.offset);
  return q.execute();
}

export type BatchRow = Awaited<ReturnType<typeof keptRows>>[number];

export async function countRows(db: Kysely<DB>, batchId: number): Promise<{ kept: number; removed: number }> {
  const rows = await db
    .selectFrom('messageBatchRows')
    .select(['removed', (eb) => eb.fn.countAll<number>().as('n')])
    .where('batchId', '=', batchId)
    .groupBy('removed')
    .execute();
  const count = (removed: number) => Number(rows.find((r) => r.removed === removed)?.n ?? 0);
  return { kept: count(0), removed: count(1) };
}

export async function rowIdsIn(db: Kysely<DB>, batchId: number, rowIds: number[]): Promise<number[]> {
  if (rowIds.length === 0) return [];
  const rows = await db
    .selectFrom('messageBatchRows')
    .select('id')
    .where('batchId', '=', batchId)
    .where('id', 'in', rowIds)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Marks rows removed (or back in). Only while the batch is a draft, checked in the same statement, so a row
 * removed while another tab sends is either sent or removed, never in doubt.
 */
export async function setRemoved(
  db: Kysely<DB>,
  batchId: number,
  rowIds: number[] | 'all',
  removed: 0 | 1,
): Promise<number> {
  let q = db
    .updateTable('messageBatchRows')
    .set({ removed })
    .where('batchId', '=', batchId)
    .where('removed', '=', removed === 1 ? 0 : 1)
    .where((eb) =>
      eb.exists(
        eb.selectFrom('messageBatches as b').select('b.id').where('b.id', '=', batchId).where('b.status', '=', 'draft'),
      ),
    );
  if (rowIds !== 'all') {
    if (rowIds.length === 0) return 0;
    q = q.where('id', 'in', rowIds);
  }
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The guard against sending twice: only one caller turns a draft into queued. */
export async function markQueued(db: Kysely<DB>, batchId: number, at: string): Promise<boolean> {
  const result = await db
    .updateTable('messageBatches')
    .set({ status: 'queued', queuedAt: at })
    .where('id', '=', batchId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function progressCounts(db: Kysely<DB>, batchId: number): Promise<Record<OutboxStatus, number>> {
  const rows = await db
    .selectFrom('outbox')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('batchId', '=', batchId)
    .groupBy('status')
    .execute();
  const counts: Record<OutboxStatus, number> = { pending: 0, sent: 0, failed: 0, cancelled: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

/** This batch's own messages for some of its rows (by turno, or by patient in all-patients lists). */
export function batchMessages(db: Kysely<DB>, batchId: number, by: 'appointmentId' | 'patientId', ids: number[]) {
  return inChunks(ids, (part) =>
    db
      .selectFrom('outbox')
      .select([`${by} as key`, 'status', 'lastError'])
      .where('batchId', '=', batchId)
      .where(by, 'in', part)
      .$narrowType<{ key: number }>()
      .execute(),
  );
}
