// SQL of the staff's "Pacientes web": patients that have a web account, with their insurer's name.
import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import { foldText } from '../../platform/db/dialect.js';
import type { DB } from '../../platform/db/schema.js';
import { isoUtc } from '../../platform/time/zone.js';

/** Exclusive states: a disabled account counts as disabled whether it was activated or not. */
export type AccountState = 'activated' | 'pending' | 'disabled';

export interface AccountSearch {
  /** Every word must match the DNI (its start), a name or the e-mail (anywhere), ignoring case and accents. */
  text?: string | undefined;
  state?: AccountState | undefined;
}

export interface AccountRow {
  patientId: number;
  dni: string;
  lastName: string;
  firstName: string;
  email: string | null;
  mobile: string | null;
  insurerId: number | null;
  insurerName: string | null;
  activatedAt: string | null;
  disabled: number;
  disabledNote: string;
  createdAt: string;
}

/** LIKE wildcards typed by the user match themselves. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function baseQuery(db: Kysely<DB>) {
  return db
    .selectFrom('webAccounts as w')
    .innerJoin('patients as p', 'p.id', 'w.patientId')
    .leftJoin('insurers as i', 'i.id', 'p.insurerId');
}

type Base = ReturnType<typeof baseQuery>;

function filtered(q: Base, s: AccountSearch): Base {
  let out = q;
  for (const word of (s.text ?? '').split(/\s+/).filter(Boolean)) {
    const folded = escapeLike(foldText(word));
    const digits = word.replace(/\./g, '');
    out = out.where((eb) => {
      const anyOf: Expression<SqlBool>[] = [
        sql<SqlBool>`turnero_fold(${sql.ref('p.lastName')}) like ${`%${folded}%`} escape '\\'`,
        sql<SqlBool>`turnero_fold(${sql.ref('p.firstName')}) like ${`%${folded}%`} escape '\\'`,
        sql<SqlBool>`turnero_fold(${sql.ref('p.email')}) like ${`%${folded}%`} escape '\\'`,
      ];
      if (/^\d+$/.test(digits)) anyOf.push(eb('p.dni', 'like', `${digits}%`));
      return eb.or(anyOf);
    });
  }
  if (s.state === 'disabled') out = out.where('p.disabled', '=', 1);
  if (s.state === 'activated') out = out.where('p.disabled', '=', 0).where('w.activatedAt', 'is not', null);
  if (s.state === 'pending') out = out.where('p.disabled', '=', 0).where('w.activatedAt', 'is', null);
  return out;
}

function selectRow(q: Base) {
  return q.select([
    'p.id as patientId',
    'p.dni',
    'p.lastName',
    'p.firstName',
    'p.email',
    'p.mobile',
    'p.insurerId',
    'i.name as insurerName',
    'w.activatedAt',
    'p.disabled',
    'p.disabledNote',
    'w.createdAt',
  ]);
}

/** Newest accounts first. */
export function searchAccounts(
  db: Kysely<DB>,
  s: AccountSearch & { limit: number; offset: number },
): Promise<AccountRow[]> {
  return selectRow(filtered(baseQuery(db), s))
    .orderBy('w.createdAt', 'desc')
    .orderBy('p.id', 'desc')
    .limit(s.limit)
    .offset(s.offset)
    .execute();
}

export async function countAccounts(db: Kysely<DB>, s: AccountSearch): Promise<number> {
  const row = await filtered(baseQuery(db), s)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function accountRow(db: Kysely<DB>, patientId: number): Promise<AccountRow | undefined> {
  return selectRow(baseQuery(db)).where('p.id', '=', patientId).executeTakeFirst();
}

/** Which of these patients have a web account: one query for a whole page of search results. */
export async function withAccounts(db: Kysely<DB>, patientIds: number[]): Promise<Set<number>> {
  if (patientIds.length === 0) return new Set();
  const rows = await db.selectFrom('webAccounts').select('patientId').where('patientId', 'in', patientIds).execute();
  return new Set(rows.map((r) => r.patientId));
}

/**
 * Staff changes of the account itself. Unlike a link opened by the patient, a new password set by staff
 * proves no mailbox, so it does not activate anything by itself.
 */
export async function updateAccount(
  db: Kysely<DB>,
  patientId: number,
  changes: { passwordHash?: string | undefined; activated?: boolean | undefined },
  nowMs: number,
) {
  const now = isoUtc(nowMs);
  await db
    .updateTable('webAccounts')
    .set((eb) => ({
      updatedAt: now,
      ...(changes.passwordHash !== undefined ? { passwordHash: changes.passwordHash } : {}),
      ...(changes.activated === true ? { activatedAt: eb.fn.coalesce('activatedAt', eb.val(now)) } : {}),
      ...(changes.activated === false ? { activatedAt: null } : {}),
    }))
    .where('patientId', '=', patientId)
    .execute();
}
