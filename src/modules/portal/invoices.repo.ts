// All SQL of invoices: numbers from `counters`, invoices with their lines, guarded status changes, and the
// turnos an invoice can be made from.
import type { Insertable, Kysely } from 'kysely';
import type { DB, Invoice, InvoiceLine, InvoiceStatus, InvoicesTable } from '../../platform/db/schema.js';

/**
 * The next invoice number, taken inside the issuing transaction: the row lock (PostgreSQL) or the write lock
 * (SQLite) makes concurrent issuers wait their turn, and a rolled-back issue gives its number back.
 */
export async function takeInvoiceNumber(trx: Kysely<DB>): Promise<number> {
  const row = await trx
    .updateTable('counters')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('name', '=', 'invoice_number')
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

export type NewLine = Omit<InvoiceLine, 'id' | 'invoiceId'>;

export async function insertInvoice(
  trx: Kysely<DB>,
  invoice: Insertable<InvoicesTable>,
  lines: readonly NewLine[],
): Promise<Invoice> {
  const row = await trx.insertInto('invoices').values(invoice).returningAll().executeTakeFirstOrThrow();
  await trx
    .insertInto('invoiceLines')
    .values(lines.map((l) => ({ ...l, invoiceId: row.id })))
    .execute();
  return row;
}

export function getInvoice(db: Kysely<DB>, id: number): Promise<Invoice | undefined> {
  return db.selectFrom('invoices').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Only that patient's: another patient's id finds nothing, exactly like a missing one. */
export function getPatientInvoice(db: Kysely<DB>, id: number, patientId: number): Promise<Invoice | undefined> {
  return db
    .selectFrom('invoices')
    .selectAll()
    .where('id', '=', id)
    .where('patientId', '=', patientId)
    .executeTakeFirst();
}

export async function linesOf(db: Kysely<DB>, invoiceIds: readonly number[]): Promise<Map<number, InvoiceLine[]>> {
  const byInvoice = new Map<number, InvoiceLine[]>(invoiceIds.map((id) => [id, []]));
  if (invoiceIds.length === 0) return byInvoice;
  const rows = await db
    .selectFrom('invoiceLines')
    .selectAll()
    .where('invoiceId', 'in', [...invoiceIds])
    .orderBy('invoiceId')
    .orderBy('position')
    .execute();
  for (const row of rows) byInvoice.get(row.invoiceId)?.push(row);
  return byInvoice;
}

export interface InvoiceFilter {
  patientId?: number | undefined;
  /** The DNI issued to, or the current DNI of the patient's record. */
  dni?: string | undefined;
  number?: number | undefined;
  status?: InvoiceStatus | undefined;
}

function filtered(db: Kysely<DB>, f: InvoiceFilter) {
  let q = db.selectFrom('invoices');
  if (f.patientId !== undefined) q = q.where('invoices.patientId', '=', f.patientId);
  if (f.number !== undefined) q = q.where('invoices.number', '=', f.number);
  if (f.status !== undefined) q = q.where('invoices.status', '=', f.status);
  const dni = f.dni;
  if (dni !== undefined) {
    q = q.where((eb) =>
      eb.or([
        eb('invoices.customerDni', '=', dni),
        eb('invoices.patientId', 'in', eb.selectFrom('patients').select('patients.id').where('patients.dni', '=', dni)),
      ]),
    );
  }
  return q;
}

/** `order`: 'number' newest issued first (the back office), 'date' by issue date (the patient's list). */
export function listInvoices(
  db: Kysely<DB>,
  f: InvoiceFilter,
  page: { limit: number; offset: number; order: 'number' | 'date' },
): Promise<Invoice[]> {
  let q = filtered(db, f).selectAll('invoices');
  if (page.order === 'date') q = q.orderBy('invoices.issuedOn', 'desc');
  return q.orderBy('invoices.number', 'desc').limit(page.limit).offset(page.offset).execute();
}

export async function countInvoices(db: Kysely<DB>, f: InvoiceFilter): Promise<number> {
  const row = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The invoice of a turno that still counts (not voided), if any. */
export function activeInvoiceOfTurno(db: Kysely<DB>, appointmentId: number) {
  return db
    .selectFrom('invoices')
    .select(['id', 'number'])
    .where('appointmentId', '=', appointmentId)
    .where('status', '<>', 'void')
    .executeTakeFirst();
}

/** A guarded change: only from one of `from`, so a concurrent change is never undone. */
export function changeStatus(
  trx: Kysely<DB>,
  id: number,
  from: readonly InvoiceStatus[],
  changes: { status: InvoiceStatus; paidAt: string | null; voidReason?: string; updatedAt: string },
): Promise<Invoice | undefined> {
  return trx
    .updateTable('invoices')
    .set(changes)
    .where('id', '=', id)
    .where('status', 'in', [...from])
    .returningAll()
    .executeTakeFirst();
}

/** A turno as an invoice needs it: who, with whom, for what, and the insurer it was booked with. */
function turnoRows(db: Kysely<DB>) {
  return db
    .selectFrom('appointments as a')
    .innerJoin('professionals as p', 'p.id', 'a.professionalId')
    .leftJoin('specialties as sp', 'sp.id', 'a.specialtyId')
    .leftJoin('studies as st', 'st.id', 'a.studyId')
    .select([
      'a.id',
      'a.patientId',
      'a.startsAt',
      'a.status',
      'a.insurerId',
      'p.lastName as professionalLastName',
      'p.firstName as professionalFirstName',
      'sp.webName as specialtyName',
      'st.name as studyName',
    ]);
}

export type TurnoForInvoice = Awaited<ReturnType<typeof getTurnoForInvoice>>;

export function getTurnoForInvoice(db: Kysely<DB>, appointmentId: number) {
  return turnoRows(db).where('a.id', '=', appointmentId).executeTakeFirst();
}

/** The patient's turnos that already happened (not cancelled) and have no invoice that counts, latest first. */
export function pastTurnosWithoutInvoice(db: Kysely<DB>, patientId: number, beforeIso: string, limit: number) {
  return turnoRows(db)
    .where('a.patientId', '=', patientId)
    .where('a.status', '<>', 'cancelled')
    .where('a.startsAt', '<', beforeIso)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('invoices as i')
            .select('i.id')
            .whereRef('i.appointmentId', '=', 'a.id')
            .where('i.status', '<>', 'void'),
        ),
      ),
    )
    .orderBy('a.startsAt', 'desc')
    .limit(limit)
    .execute();
}
