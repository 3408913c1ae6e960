// Baselines measured in the same run, so the app's figures read as ratios on whatever machine runs them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import SqliteDatabase from 'better-sqlite3';
import Fastify from 'fastify';
import type { BenchConfig } from './config.js';
import type { LoadGenerator, LoadResult } from './load.js';

export interface Baseline {
  helloOne: LoadResult;
  helloMany: LoadResult;
  rawInsertsPerSecond: number;
}

/** The same HTTP path as the app (Fastify 5 on loopback, load from the worker thread) with no work behind it. */
export async function helloWorld(cfg: BenchConfig, load: LoadGenerator) {
  const app = Fastify({ logger: false });
  app.get('/', async () => ({ hello: 'world' }));
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    await load.run({ kind: 'cannon', url, connections: cfg.connections, seconds: cfg.warmupSeconds });
    const helloOne = await load.run({ kind: 'cannon', url, connections: 1, seconds: cfg.runSeconds });
    const helloMany = await load.run({ kind: 'cannon', url, connections: cfg.connections, seconds: cfg.runSeconds });
    return { helloOne, helloMany };
  } finally {
    await app.close();
  }
}

/** Single-row insert transactions with the app's durability settings: the ceiling of a disk-bound commit rate. */
export function rawSqliteInserts(cfg: BenchConfig): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'turnero-bench-raw-'));
  const db = new SqliteDatabase(path.join(dir, 'raw.db'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('create table t (id integer primary key, starts_at text not null, patient_id integer not null)');
    const insert = db.prepare('insert into t (starts_at, patient_id) values (?, ?)');
    const insertOne = db.transaction((i: number) => insert.run(new Date(i * 60_000).toISOString(), i));
    const started = performance.now();
    const until = started + cfg.rawInsertSeconds * 1000;
    let count = 0;
    while (performance.now() < until) insertOne(count++);
    return count / ((performance.now() - started) / 1000);
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
