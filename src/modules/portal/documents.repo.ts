// patient_documents, always looked up by (id AND patient_id): another patient's id finds nothing.
import type { Insertable, Kysely } from 'kysely';
import type { AppointmentStatus, DB, PatientDocument, PatientDocumentsTable } from '../../platform/db/schema.js';

/** A document with the turno it belongs to, when it belongs to one. */
export interface DocumentRow extends PatientDocument {
  appointmentStartsAt: string | null;
  professionalLastName: string | null;
  professionalFirstName: string | null;
}

function withTurno(db: Kysely<DB>) {
  return db
    .selectFrom('patientDocuments as d')
    .leftJoin('appointments as a', 'a.id', 'd.appointmentId')
    .leftJoin('professionals as p', 'p.id', 'a.professionalId')
    .selectAll('d')
    .select([
      'a.startsAt as appointmentStartsAt',
      'p.lastName as professionalLastName',
      'p.firstName as professionalFirstName',
    ]);
}

/** Newest first; one more than asked tells whether older ones exist. */
export function listDocuments(
  db: Kysely<DB>,
  q: { patientId: number; limit: number; offset: number },
): Promise<DocumentRow[]> {
  return withTurno(db)
    .where('d.patientId', '=', q.patientId)
    .orderBy('d.createdAt', 'desc')
    .orderBy('d.id', 'desc')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
}

export function findDocument(db: Kysely<DB>, q: { id: number; patientId: number }): Promise<DocumentRow | undefined> {
  return withTurno(db).where('d.id', '=', q.id).where('d.patientId', '=', q.patientId).executeTakeFirst();
}

export function insertDocument(db: Kysely<DB>, row: Insertable<PatientDocumentsTable>): Promise<PatientDocument> {
  return db.insertInto('patientDocuments').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Deletes the row when it is still there and still the patient's; how many went (0 or 1). */
export async function deleteDocument(db: Kysely<DB>, q: { id: number; patientId: number }): Promise<number> {
  const result = await db
    .deleteFrom('patientDocuments')
    .where('id', '=', q.id)
    .where('patientId', '=', q.patientId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export interface TurnoChoice {
  id: number;
  startsAt: string;
  status: AppointmentStatus;
  professionalId: number;
  professionalLastName: string;
  professionalFirstName: string;
}

/** A patient's turnos for the "which turno" select, newest first (only one professional's, when given). */
export function patientTurnos(
  db: Kysely<DB>,
  q: { patientId: number; professionalId?: number | undefined; limit: number },
): Promise<TurnoChoice[]> {
  let query = db
    .selectFrom('appointments as a')
    .innerJoin('professionals as p', 'p.id', 'a.professionalId')
    .select([
      'a.id',
      'a.startsAt',
      'a.status',
      'a.professionalId',
      'p.lastName as professionalLastName',
      'p.firstName as professionalFirstName',
    ])
    .where('a.patientId', '=', q.patientId);
  if (q.professionalId !== undefined) query = query.where('a.professionalId', '=', q.professionalId);
  return query.orderBy('a.startsAt', 'desc').orderBy('a.id', 'desc').limit(q.limit).execute();
}

export function findTurno(
  db: Kysely<DB>,
  q: { id: number; patientId: number },
): Promise<{ id: number; professionalId: number } | undefined> {
  return db
    .selectFrom('appointments')
    .select(['id', 'professionalId'])
    .where('id', '=', q.id)
    .where('patientId', '=', q.patientId)
    .executeTakeFirst();
}

export function patientName(
  db: Kysely<DB>,
  id: number,
): Promise<{ id: number; firstName: string; lastName: string } | undefined> {
  return db.selectFrom('patients').select(['id', 'firstName', 'lastName']).where('id', '=', id).executeTakeFirst();
}
