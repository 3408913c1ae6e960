// A fresh, migrated database for each run (the tests' throwaway databases): a temp SQLite file, or a new
// database on a PostgreSQL server.
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { Database } from '../src/platform/db/database.js';
import type { FileStore } from '../src/platform/storage/file-store.js';
import { LocalFileStore } from '../src/platform/storage/local-store.js';
import { createTestDatabase } from '../test/support/test-db.js';

/** The app's default DATABASE_POOL_SIZE; SQLite ignores it (one connection). */
export const POOL_SIZE = 10;

export interface BenchDatabase {
  name: 'SQLite' | 'PostgreSQL';
  label: string;
  database: Database;
  /** Call after the bulk load, before measuring. */
  settle(): Promise<void>;
  drop(): Promise<void>;
}

export async function freshSqlite(): Promise<BenchDatabase> {
  const fresh = await createTestDatabase('sqlite', { poolSize: POOL_SIZE });
  return {
    name: 'SQLite',
    label: `SQLite (${fresh.url.slice('sqlite:'.length)}, WAL, synchronous=FULL)`,
    database: fresh.database,
    // The app never runs ANALYZE on SQLite, so neither does the benchmark: it measures what ships.
    settle: async () => {},
    drop: fresh.drop,
  };
}

export async function freshPostgres(serverUrl: string): Promise<BenchDatabase> {
  const fresh = await createTestDatabase('postgres', { poolSize: POOL_SIZE, serverUrl });
  const url = new URL(fresh.url);
  return {
    name: 'PostgreSQL',
    label: `PostgreSQL (${url.host}${url.pathname}, pool ${POOL_SIZE})`,
    database: fresh.database,
    // Autovacuum analyzes a table within a minute of a load this size; doing it now measures that steady state.
    settle: async () => {
      await sql`analyze`.execute(fresh.database.db);
    },
    drop: fresh.drop,
  };
}

/** The benchmarks upload nothing; the app still needs a file store. */
export function benchFileStore(): FileStore {
  return new LocalFileStore(path.join(os.tmpdir(), 'turnero-bench-files'));
}
