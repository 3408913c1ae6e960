import type { Kysely } from 'kysely';
import type { CenterSettings, CenterSettingsTable, DB } from '../../platform/db/schema.js';

export function getSettings(db: Kysely<DB>): Promise<CenterSettings> {
  return db.selectFrom('centerSettings').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
}

export async function updateSettings(db: Kysely<DB>, changes: Partial<Omit<CenterSettingsTable, 'id'>>) {
  await db.updateTable('centerSettings').set(changes).where('id', '=', 1).execute();
}
