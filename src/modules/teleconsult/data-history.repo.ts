// The history of a patient's personal and contact data: every path that changes them writes its rows here in
// the same transaction as the change, so the record and its history never disagree.
import type { Kysely } from 'kysely';
import type { DB, Patient } from '../../platform/db/schema.js';

/** The record's fields the history follows, as stored in `patient_data_changes.field`. */
export const TRACKED_FIELDS = {
  lastName: 'last_name',
  firstName: 'first_name',
  sex: 'sex',
  birthDate: 'birth_date',
  dniTramite: 'dni_tramite',
  mobile: 'mobile',
  email: 'email',
  address: 'address',
  insurerId: 'insurer',
  memberNumber: 'member_number',
  insurancePlan: 'insurance_plan',
} as const satisfies Partial<Record<keyof Patient, string>>;

export type TrackedField = (typeof TRACKED_FIELDS)[keyof typeof TRACKED_FIELDS];

type Tracked = Pick<Patient, keyof typeof TRACKED_FIELDS>;

export interface ChangedBy {
  /** "paciente:12" for the patient themself, else the staff actor's ref ("usuario:3", "token:5"). */
  ref: string;
  name: string;
}

/** Absent and empty read the same: a null mobile becoming '' is no change. */
const asText = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));

/** The fields whose value differs, old and new as text. */
export function dataChanges(
  before: Tracked,
  after: Tracked,
): { field: TrackedField; oldValue: string; newValue: string }[] {
  const changes: { field: TrackedField; oldValue: string; newValue: string }[] = [];
  for (const [key, field] of Object.entries(TRACKED_FIELDS) as [keyof Tracked, TrackedField][]) {
    const oldValue = asText(before[key]);
    const newValue = asText(after[key]);
    if (oldValue !== newValue) changes.push({ field, oldValue, newValue });
  }
  return changes;
}

/** Writes one row per changed field; call it inside the transaction that saved `after`. */
export async function recordDataChanges(
  trx: Kysely<DB>,
  input: { before: Patient; after: Patient; by: ChangedBy; at: string },
): Promise<number> {
  const rows = dataChanges(input.before, input.after).map((c) => ({
    patientId: input.after.id,
    ...c,
    changedAt: input.at,
    changedByRef: input.by.ref,
    changedByName: input.by.name,
  }));
  if (rows.length > 0) await trx.insertInto('patientDataChanges').values(rows).execute();
  return rows.length;
}

/** Newest first. */
export function listDataChanges(db: Kysely<DB>, patientId: number, limit: number, offset: number) {
  return db
    .selectFrom('patientDataChanges')
    .selectAll()
    .where('patientId', '=', patientId)
    .orderBy('changedAt', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countDataChanges(db: Kysely<DB>, patientId: number): Promise<number> {
  const row = await db
    .selectFrom('patientDataChanges')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('patientId', '=', patientId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
