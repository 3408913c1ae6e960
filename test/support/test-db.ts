// Real databases for tests: a fresh SQLite file always, and a fresh PostgreSQL database when
// TEST_DATABASE_URL is set (CI sets it). Each call gets its own, dropped afterwards.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDb, type Database } from '../../src/platform/db/database.js';
import { type DialectName, parseDatabaseUrl } from '../../src/platform/db/dialect.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';

export interface TestDatabase {
  database: Database;
  /** A DATABASE_URL for child processes that should share this database. */
  url: string;
  drop(): Promise<void>;
}

/** The dialects this run covers: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function testDialects(): DialectName[] {
  return process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

export async function createTestDatabase(
  dialect: DialectName,
  /** serverUrl: the PostgreSQL server to create the database on (default TEST_DATABASE_URL). */
  options: { migrate?: boolean; poolSize?: number; serverUrl?: string } = {},
): Promise<TestDatabase> {
  const made = dialect === 'sqlite' ? makeSqlite() : await makePostgres(options.serverUrl);
  const database = createDb(parseDatabaseUrl(made.url), { poolSize: options.poolSize ?? 10 });
  if (options.migrate ?? true) await migrateToLatest(database);
  return {
    database,
    url: made.url,
    drop: async () => {
      await database.close();
      await made.remove();
    },
  };
}

function makeSqlite() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'turnero-test-'));
  return {
    url: `sqlite:${path.join(dir, 'turnero.db')}`,
    remove: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

async function makePostgres(serverUrl = process.env.TEST_DATABASE_URL) {
  if (!serverUrl) throw new Error('TEST_DATABASE_URL no está definida');
  const name = `turnero_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(serverUrl, (c) => c.query(`create database ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    remove: () => withAdmin(serverUrl, (c) => c.query(`drop database if exists ${name} with (force)`)),
  };
}

async function withAdmin<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
