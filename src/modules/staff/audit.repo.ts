// The audit log's SQL: rows go in, and are read back filtered, newest first. Never updated or deleted.
import type { Kysely } from 'kysely';
import type { AuditEntry, DB } from '../../platform/db/schema.js';

export interface NewAuditEntry {
  at: string;
  actorRef: string;
  actorName: string;
  action: string;
  patientId: number | null;
  target: string;
  ip: string;
  detail: string;
}

export async function insertEntry(db: Kysely<DB>, entry: NewAuditEntry): Promise<void> {
  await db.insertInto('auditLog').values(entry).execute();
}

export interface AuditFilter {
  patientId?: number;
  actorRef?: string;
  action?: string;
  /** Instants, inclusive from, exclusive to. */
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

export async function listEntries(db: Kysely<DB>, f: AuditFilter): Promise<AuditEntry[]> {
  let q = db.selectFrom('auditLog').selectAll();
  if (f.patientId !== undefined) q = q.where('patientId', '=', f.patientId);
  if (f.actorRef !== undefined) q = q.where('actorRef', '=', f.actorRef);
  if (f.action !== undefined) q = q.where('action', '=', f.action);
  if (f.from !== undefined) q = q.where('at', '>=', f.from);
  if (f.to !== undefined) q = q.where('at', '<', f.to);
  return q.orderBy('at', 'desc').orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute();
}
