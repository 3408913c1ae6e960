import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Database } from './database.js';
import type { DialectName } from './dialect.js';
import * as initial from './migrations/001_initial.js';
import * as patientWeb from './migrations/002_patient_web.js';
import * as staff from './migrations/003_staff.js';
import * as sqliteIds from './migrations/004_sqlite_ids.js';
import * as messaging from './migrations/005_messaging.js';
import * as outboxRuleIndex from './migrations/006_outbox_rule_index.js';
import * as portal from './migrations/007_portal.js';
import * as teleconsult from './migrations/008_teleconsult.js';

// biome-ignore lint/suspicious/noExplicitAny: migrations speak SQL names
type MigrationModule = { up(db: Kysely<any>, dialect: DialectName): Promise<void> };

/** Migrations live in code, in order; the same source runs on SQLite and PostgreSQL. */
const migrations: Record<string, MigrationModule> = {
  '001_initial': initial,
  '002_patient_web': patientWeb,
  '003_staff': staff,
  '004_sqlite_ids': sqliteIds,
  '005_messaging': messaging,
  '006_outbox_rule_index': outboxRuleIndex,
  '007_portal': portal,
  '008_teleconsult': teleconsult,
};

class InCodeMigrations implements MigrationProvider {
  constructor(private readonly dialect: DialectName) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return Object.fromEntries(
      Object.entries(migrations).map(([name, m]) => [name, { up: (db) => m.up(db, this.dialect) }]),
    );
  }
}

/** Applies pending migrations; safe to run from several processes at once (the migrator takes a lock). */
export async function migrateToLatest(database: Database): Promise<string[]> {
  // Migrations use the SQL (snake_case) names, so they run without the camelCase plugin.
  const plain = database.db.withoutPlugins();
  const migrator = new Migrator({ db: plain, provider: new InCodeMigrations(database.dialect) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export async function pendingMigrations(database: Database): Promise<string[]> {
  const migrator = new Migrator({ db: database.db.withoutPlugins(), provider: new InCodeMigrations(database.dialect) });
  return (await migrator.getMigrations()).filter((m) => m.executedAt === undefined).map((m) => m.name);
}
