// The staff_users table.
import type { Insertable, Kysely } from 'kysely';
import type { DB, StaffUser, StaffUsersTable } from '../../platform/db/schema.js';

export function countUsers(db: Kysely<DB>): Promise<number> {
  return db
    .selectFrom('staffUsers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

/** By username or e-mail, both compared in lower case (they are stored that way). */
export function findByLogin(db: Kysely<DB>, login: string): Promise<StaffUser | undefined> {
  return db
    .selectFrom('staffUsers')
    .selectAll()
    .where((eb) => eb.or([eb('username', '=', login), eb('email', '=', login)]))
    .executeTakeFirst();
}

export function getUser(db: Kysely<DB>, id: number): Promise<StaffUser | undefined> {
  return db.selectFrom('staffUsers').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listUsers(db: Kysely<DB>): Promise<StaffUser[]> {
  return db.selectFrom('staffUsers').selectAll().orderBy('name').execute();
}

export function insertUser(db: Kysely<DB>, user: Insertable<StaffUsersTable>): Promise<StaffUser> {
  return db.insertInto('staffUsers').values(user).returningAll().executeTakeFirstOrThrow();
}

export async function updateUser(db: Kysely<DB>, id: number, changes: Partial<Insertable<StaffUsersTable>>) {
  await db.updateTable('staffUsers').set(changes).where('id', '=', id).execute();
}

export function countActiveAdmins(db: Kysely<DB>): Promise<number> {
  return db
    .selectFrom('staffUsers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('active', '=', 1)
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

/** Records an accepted TOTP step; false when that step or a later one was already used (a replay). */
export async function advanceTotpStep(db: Kysely<DB>, id: number, step: number): Promise<boolean> {
  const result = await db
    .updateTable('staffUsers')
    .set({ totpLastStep: step })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('totpLastStep', 'is', null), eb('totpLastStep', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
