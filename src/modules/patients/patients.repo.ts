import { type Kysely, sql } from 'kysely';
import { foldText } from '../../platform/db/dialect.js';
import type { DB, NewPatient, Patient, PatientUpdate } from '../../platform/db/schema.js';

export function getPatient(db: Kysely<DB>, id: number): Promise<Patient | undefined> {
  return db.selectFrom('patients').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findByDni(db: Kysely<DB>, dni: string): Promise<Patient | undefined> {
  return db.selectFrom('patients').selectAll().where('dni', '=', dni).executeTakeFirst();
}

export interface PatientSearch {
  dni?: string | undefined;
  /** Matches the start of the last name, case-insensitively. */
  lastName?: string | undefined;
  limit: number;
  offset: number;
}

/** LIKE wildcards typed by the user match themselves. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export function searchPatients(db: Kysely<DB>, s: PatientSearch): Promise<Patient[]> {
  let q = db.selectFrom('patients').selectAll().orderBy('lastName').orderBy('firstName').orderBy('id');
  if (s.dni) q = q.where('dni', '=', s.dni);
  if (s.lastName) {
    const prefix = `${escapeLike(foldText(s.lastName))}%`;
    q = q.where(sql<boolean>`turnero_fold(last_name) like ${prefix} escape '\\'`);
  }
  return q.limit(s.limit).offset(s.offset).execute();
}

export async function insertPatient(db: Kysely<DB>, patient: NewPatient): Promise<Patient> {
  return db.insertInto('patients').values(patient).returningAll().executeTakeFirstOrThrow();
}

export async function updatePatient(db: Kysely<DB>, id: number, changes: PatientUpdate): Promise<Patient | undefined> {
  return db.updateTable('patients').set(changes).where('id', '=', id).returningAll().executeTakeFirst();
}

/** Portal-enabled patients with that e-mail: it is their portal user name, so by rule there is at most one. */
export function portalPatientsByEmail(db: Kysely<DB>, email: string): Promise<Patient[]> {
  return db
    .selectFrom('patients')
    .selectAll()
    .where('email', '=', email)
    .where('portalEnabled', '=', 1)
    .orderBy('id')
    .execute();
}

/** The center's portal switch; enabling records when. A guarded update: the answer says whether it changed. */
export async function setPortalEnabled(db: Kysely<DB>, id: number, enabled: boolean, now: string): Promise<boolean> {
  const result = await db
    .updateTable('patients')
    .set(enabled ? { portalEnabled: 1, portalEnabledAt: now, updatedAt: now } : { portalEnabled: 0, updatedAt: now })
    .where('id', '=', id)
    .where('portalEnabled', '=', enabled ? 0 : 1)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
