import { type Kysely, sql } from 'kysely';
import type { DialectName } from '../dialect.js';

// SQLite gives a new row the highest id plus one, so deleting the newest patient (a merged duplicate)
// or turno ("borrar el turno") lends its id, and its audit history, to the next one. AUTOINCREMENT
// never reuses an id. PostgreSQL's serial never does either: nothing to change there.
const TABLES = ['patients', 'appointments'];

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the SQL names, not the typed schema
type AnyDb = Kysely<any>;

async function run(db: AnyDb, statement: string) {
  await sql.raw(statement).execute(db);
}

/** SQLite cannot change a key in place: the table is rebuilt with its rows, indexes and triggers. */
async function rebuildWithAutoincrement(db: AnyDb, table: string) {
  const { rows } = await sql<{ type: string; sql: string }>`
    select type, sql from sqlite_master where tbl_name = ${table} and sql is not null`.execute(db);
  const create = rows.find((r) => r.type === 'table')?.sql ?? '';
  if (/autoincrement/i.test(create)) return;
  const rebuilt = create
    .replace(`CREATE TABLE "${table}"`, `CREATE TABLE "${table}_rebuilt"`)
    .replace('"id" integer primary key', '"id" integer primary key autoincrement');
  if (!rebuilt.includes(`"${table}_rebuilt"`) || !/autoincrement/.test(rebuilt)) {
    throw new Error(`${table}: unexpected table definition, cannot add AUTOINCREMENT`);
  }
  await run(db, rebuilt);
  await run(db, `insert into "${table}_rebuilt" select * from "${table}"`);
  await run(db, `drop table "${table}"`);
  await run(db, `alter table "${table}_rebuilt" rename to "${table}"`);
  for (const r of rows) if (r.type === 'index' || r.type === 'trigger') await run(db, r.sql);
}

export async function up(db: AnyDb, dialect: DialectName) {
  if (dialect !== 'sqlite') return;
  // Other tables reference these: with the check on, dropping the old table would be refused.
  await run(db, 'pragma foreign_keys = off');
  try {
    await run(db, 'begin immediate');
    try {
      for (const table of TABLES) await rebuildWithAutoincrement(db, table);
      const { rows } = await sql`pragma foreign_key_check`.execute(db);
      if (rows.length > 0) throw new Error(`foreign keys broken after rebuilding: ${JSON.stringify(rows)}`);
      await run(db, 'commit');
    } catch (error) {
      await run(db, 'rollback');
      throw error;
    }
  } finally {
    await run(db, 'pragma foreign_keys = on');
  }
}
