// A fresh, migrated database for each run: a temp SQLite file, or a new database on a PostgreSQL server.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { createDb, type Database } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';

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
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'turnero-bench-'));
  const file = path.join(dir, 'turnero.db');
  const database = createDb({ dialect: 'sqlite', location: file }, { poolSize: POOL_SIZE });
  await migrateToLatest(database);
  return {
    name: 'SQLite',
    label: `SQLite (${file}, WAL, synchronous=FULL)`,
    database,
    // The app never runs ANALYZE on SQLite, so neither does the benchmark: it measures what ships.
    settle: async () => {},
    drop: async () => {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function freshPostgres(serverUrl: string): Promise<BenchDatabase> {
  const name = `turnero_bench_${randomBytes(6).toString('hex')}`;
  await asAdmin(serverUrl, (c) => c.query(`create database ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = createDb({ dialect: 'postgres', location: url.toString() }, { poolSize: POOL_SIZE });
  await migrateToLatest(database);
  return {
    name: 'PostgreSQL',
    label: `PostgreSQL (${url.host}/${name}, pool ${POOL_SIZE})`,
    database,
    // Autovacuum analyzes a table within a minute of a load this size; doing it now measures that steady state.
    settle: async () => {
      await sql`analyze`.execute(database.db);
    },
    drop: async () => {
      await database.close();
      await asAdmin(serverUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}

async function asAdmin<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
