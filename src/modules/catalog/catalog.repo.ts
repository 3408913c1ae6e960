import type { Kysely } from 'kysely';
import type { DB, Insurer, Professional, Specialty, Study } from '../../platform/db/schema.js';

// Spanish order (Á with A, Ñ after N) whatever the database collation; these lists are short.
const spanish = new Intl.Collator('es', { sensitivity: 'base' });

export async function listSpecialties(db: Kysely<DB>, webOnly: boolean): Promise<Specialty[]> {
  let q = db.selectFrom('specialties').selectAll();
  if (webOnly) q = q.where('webEnabled', '=', 1);
  return (await q.execute()).sort((a, b) => spanish.compare(a.webName, b.webName));
}

export async function listStudies(db: Kysely<DB>, webOnly: boolean): Promise<Study[]> {
  let q = db.selectFrom('studies').selectAll();
  if (webOnly) q = q.where('webEnabled', '=', 1);
  return (await q.execute()).sort((a, b) => spanish.compare(a.name, b.name));
}

export async function listInsurers(db: Kysely<DB>, webOnly: boolean): Promise<Insurer[]> {
  let q = db.selectFrom('insurers').selectAll();
  if (webOnly) q = q.where('webEnabled', '=', 1);
  return (await q.execute()).sort((a, b) => spanish.compare(a.webName, b.webName));
}

export interface ProfessionalFilter {
  webOnly: boolean;
  specialtyId?: number | undefined;
  studyId?: number | undefined;
}

const byName = (a: Professional, b: Professional) =>
  spanish.compare(a.lastName, b.lastName) || spanish.compare(a.firstName, b.firstName) || a.id - b.id;

/** Alphabetical by last name, then first name, as the web lists them. */
export async function listProfessionals(db: Kysely<DB>, f: ProfessionalFilter): Promise<Professional[]> {
  let q = db.selectFrom('professionals').selectAll('professionals');
  if (f.webOnly) q = q.where('webEnabled', '=', 1);
  if (f.specialtyId !== undefined) {
    const id = f.specialtyId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('professionalSpecialties as ps')
          .select('ps.professionalId')
          .whereRef('ps.professionalId', '=', 'professionals.id')
          .where('ps.specialtyId', '=', id),
      ),
    );
  }
  if (f.studyId !== undefined) {
    const id = f.studyId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('professionalStudies as pst')
          .select('pst.professionalId')
          .whereRef('pst.professionalId', '=', 'professionals.id')
          .where('pst.studyId', '=', id),
      ),
    );
  }
  return (await q.execute()).sort(byName);
}

export interface ProfessionalServices {
  specialtyIds: Map<number, number[]>;
  studyIds: Map<number, number[]>;
}

export async function servicesOf(db: Kysely<DB>, professionalIds: readonly number[]): Promise<ProfessionalServices> {
  const specialtyIds = new Map<number, number[]>();
  const studyIds = new Map<number, number[]>();
  if (professionalIds.length === 0) return { specialtyIds, studyIds };
  const [specs, studies] = await Promise.all([
    db
      .selectFrom('professionalSpecialties')
      .selectAll()
      .where('professionalId', 'in', professionalIds)
      .orderBy('specialtyId')
      .execute(),
    db
      .selectFrom('professionalStudies')
      .selectAll()
      .where('professionalId', 'in', professionalIds)
      .orderBy('studyId')
      .execute(),
  ]);
  for (const r of specs)
    specialtyIds.set(r.professionalId, [...(specialtyIds.get(r.professionalId) ?? []), r.specialtyId]);
  for (const r of studies) studyIds.set(r.professionalId, [...(studyIds.get(r.professionalId) ?? []), r.studyId]);
  return { specialtyIds, studyIds };
}

export function getProfessional(db: Kysely<DB>, id: number) {
  return db.selectFrom('professionals').selectAll().where('id', '=', id).executeTakeFirst();
}

export function getSpecialty(db: Kysely<DB>, id: number) {
  return db.selectFrom('specialties').selectAll().where('id', '=', id).executeTakeFirst();
}

export function getStudy(db: Kysely<DB>, id: number) {
  return db.selectFrom('studies').selectAll().where('id', '=', id).executeTakeFirst();
}

export function getInsurer(db: Kysely<DB>, id: number) {
  return db.selectFrom('insurers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function professionalOffers(
  db: Kysely<DB>,
  professionalId: number,
  service: { specialtyId: number } | { studyId: number },
): Promise<boolean> {
  const row =
    'specialtyId' in service
      ? await db
          .selectFrom('professionalSpecialties')
          .select('professionalId')
          .where('professionalId', '=', professionalId)
          .where('specialtyId', '=', service.specialtyId)
          .executeTakeFirst()
      : await db
          .selectFrom('professionalStudies')
          .select('professionalId')
          .where('professionalId', '=', professionalId)
          .where('studyId', '=', service.studyId)
          .executeTakeFirst();
  return row !== undefined;
}
