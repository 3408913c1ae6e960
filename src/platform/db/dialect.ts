// The only place where SQLite and PostgreSQL differ. Everything else speaks Kysely.
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  PostgresDialect,
  SqliteAdapter,
  SqliteDialect,
  SqliteIntrospector,
  SqliteQueryCompiler,
  sql,
  type TransactionSettings,
} from 'kysely';
import pg from 'pg';

export type DialectName = 'sqlite' | 'postgres';

export interface DbTarget {
  dialect: DialectName;
  /** SQLite: a file path or ':memory:'. PostgreSQL: the connection URL. */
  location: string;
}

export function parseDatabaseUrl(url: string): DbTarget {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    return { dialect: 'postgres', location: url };
  }
  if (url.startsWith('sqlite:')) {
    const location = url.slice('sqlite:'.length).replace(/^\/\//, '');
    return { dialect: 'sqlite', location: location || ':memory:' };
  }
  // Only the scheme is echoed: the rest may hold a password.
  throw new Error(`debe empezar con sqlite: o postgres:// (empieza con: ${url.split(':')[0]}:)`);
}

export function sqliteFileExists(target: DbTarget): boolean {
  return target.dialect === 'sqlite' && target.location !== ':memory:' && fs.existsSync(target.location);
}

/**
 * Every SQLite write transaction starts with BEGIN IMMEDIATE so that two processes
 * sharing one file never both read a free slot and then both write it.
 */
class ImmediateTransactionDriver implements Driver {
  constructor(private readonly inner: Driver) {}
  init() {
    return this.inner.init();
  }
  acquireConnection() {
    return this.inner.acquireConnection();
  }
  async beginTransaction(connection: DatabaseConnection, _settings: TransactionSettings) {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
  commitTransaction(connection: DatabaseConnection) {
    return this.inner.commitTransaction(connection);
  }
  rollbackTransaction(connection: DatabaseConnection) {
    return this.inner.rollbackTransaction(connection);
  }
  releaseConnection(connection: DatabaseConnection) {
    return this.inner.releaseConnection(connection);
  }
  destroy() {
    return this.inner.destroy();
  }
}

/**
 * Kysely prepares every query anew; a booking runs a dozen. Reusing prepared statements by SQL text
 * (a bounded set: the app's queries) saves that work. better-sqlite3 statements are reusable.
 */
function withStatementCache(database: SqliteDatabase.Database): SqliteDatabase.Database {
  const cache = new Map<string, SqliteDatabase.Statement>();
  const prepare = database.prepare.bind(database);
  return new Proxy(database, {
    get(target, property, receiver) {
      if (property !== 'prepare') {
        const value = Reflect.get(target, property, receiver);
        // Native methods must run on the real object, not on the proxy.
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return (source: string) => {
        let statement = cache.get(source);
        if (!statement) {
          if (cache.size >= 1000) cache.clear();
          statement = prepare(source);
          cache.set(source, statement);
        }
        return statement;
      };
    },
  });
}

function sqliteDialect(location: string): Dialect {
  if (location !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(location)), { recursive: true });
  const database = new SqliteDatabase(location);
  database.pragma('journal_mode = WAL');
  // FULL: a booking acknowledged to the patient survives a power cut (WAL is fsynced on every commit).
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 10000');
  database.function('turnero_fold', { deterministic: true }, (v: unknown) =>
    typeof v === 'string' ? foldText(v) : null,
  );
  const base = new SqliteDialect({ database: withStatementCache(database) });
  return {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new ImmediateTransactionDriver(base.createDriver()),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  };
}

const timestampParser = pg.types.getTypeParser(pg.types.builtins.TIMESTAMPTZ);
const UTC_TEXT = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(\.\d+)?\+00$/;

/** "2026-11-23 11:00:00+00" (sessions run in UTC) -> "2026-11-23T11:00:00.000Z" without building a Date. */
function instantFromPg(text: string): string {
  const m = UTC_TEXT.exec(text);
  if (!m) return (timestampParser(text) as Date).toISOString();
  return `${m[1]}T${m[2]}${(m[3] ?? '.000').padEnd(4, '0').slice(0, 4)}Z`;
}
/** Instants come back as ISO strings in UTC, dates as YYYY-MM-DD and counts as numbers, as on SQLite. */
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === pg.types.builtins.INT8) return (v: string) => Number(v);
    if (oid === pg.types.builtins.NUMERIC) return (v: string) => Number(v);
    if (oid === pg.types.builtins.DATE) return (v: string) => v;
    if (oid === pg.types.builtins.TIMESTAMPTZ) return instantFromPg;
    return pg.types.getTypeParser(oid, format);
  },
};

function postgresDialect(url: string, poolSize: number): Dialect {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types: pgTypes as pg.CustomTypesConfig,
    options: '-c TimeZone=UTC',
  });
  // An idle connection the server closed (restart, failover, a dropped database) must not crash the
  // process: the pool discards it and opens a new one when needed; /healthz reports the outage.
  pool.on('error', () => {});
  return new PostgresDialect({ pool });
}

export function createDialect(target: DbTarget, poolSize: number): Dialect {
  return target.dialect === 'sqlite' ? sqliteDialect(target.location) : postgresDialect(target.location, poolSize);
}

/** Auto-increment primary key column type. */
export function idType(dialect: DialectName) {
  return dialect === 'sqlite' ? ('integer' as const) : ('serial' as const);
}

/** Column type of an instant: timestamptz on PostgreSQL, ISO-8601 UTC text on SQLite (sorts correctly). */
export function instantType(dialect: DialectName) {
  return dialect === 'sqlite' ? ('text' as const) : ('timestamptz' as const);
}

export function dateType(dialect: DialectName) {
  return dialect === 'sqlite' ? ('text' as const) : ('date' as const);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
type AnyDb = Kysely<any>;

/**
 * Two active (not cancelled, not overbooked) appointments of one professional never overlap.
 * PostgreSQL: an exclusion constraint. SQLite: triggers that abort the write.
 */
export async function createOverlapGuard(db: AnyDb, dialect: DialectName) {
  if (dialect === 'postgres') {
    await sql`create extension if not exists btree_gist`.execute(db);
    await sql`alter table appointments add constraint appointments_no_overlap
      exclude using gist (professional_id with =, tstzrange(starts_at, ends_at) with &&)
      where (status <> 'cancelled' and overbook = 0)`.execute(db);
    return;
  }
  // The lower bound on starts_at (no appointment lasts a day) lets the (professional, start) index
  // stop there instead of reading the professional's whole history on every insert.
  const clash = (self: string) =>
    sql.raw(`select raise(abort, '${OVERLAP_MARK}') where exists (
      select 1 from appointments a
      where a.professional_id = new.professional_id and a.status <> 'cancelled' and a.overbook = 0
        and a.starts_at < new.ends_at and a.ends_at > new.starts_at ${self}
        and a.starts_at > strftime('%Y-%m-%dT%H:%M:%fZ', new.starts_at, '-1 day'))`);
  await sql`create trigger appointments_no_overlap_insert before insert on appointments
    when new.status <> 'cancelled' and new.overbook = 0
    begin ${clash('')}; end`.execute(db);
  await sql`create trigger appointments_no_overlap_update
    before update of professional_id, starts_at, ends_at, status, overbook on appointments
    when new.status <> 'cancelled' and new.overbook = 0
    begin ${clash('and a.id <> new.id')}; end`.execute(db);
}

const OVERLAP_MARK = 'APPOINTMENT_OVERLAP';

/** The table refuses UPDATE and DELETE from anyone, the application included (the audit log). */
export async function makeAppendOnly(db: AnyDb, dialect: DialectName, table: string) {
  const message = `${table} is append-only`;
  if (dialect === 'postgres') {
    await sql
      .raw(`create or replace function turnero_append_only() returns trigger language plpgsql as $$
        begin raise exception '%', tg_table_name || ' is append-only'; end $$`)
      .execute(db);
    await sql
      .raw(`create trigger ${table}_append_only before update or delete on ${table}
        for each row execute function turnero_append_only()`)
      .execute(db);
    return;
  }
  for (const event of ['update', 'delete']) {
    await sql
      .raw(`create trigger ${table}_no_${event} before ${event} on ${table}
        begin select raise(abort, '${message}'); end`)
      .execute(db);
  }
}

export function isOverlapError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: string }).code;
  return code === '23P01' || error.message.includes(OVERLAP_MARK);
}

export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: string }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * Serializes transactions that check a per-patient or per-IP limit before writing.
 * PostgreSQL: a transaction-scoped advisory lock on the key. SQLite: BEGIN IMMEDIATE
 * already makes every write transaction exclusive, so there is nothing more to do.
 */
export async function lockKey(trx: AnyDb, dialect: DialectName, key: string) {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);
}

/** Lower case without accents ("NÚÑEZ" -> "nunez"): searches ignore both. SQL: turnero_fold(text). */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

// Upper case too: under a "C" collation PostgreSQL's lower() leaves Ñ and Á alone.
const ACCENTED = 'áàäâãåéèëêíìïîóòöôõúùüûýÿñçÁÀÄÂÃÅÉÈËÊÍÌÏÎÓÒÖÔÕÚÙÜÛÝÑÇ';
const PLAIN = 'aaaaaaeeeeiiiiooooouuuuyyncAAAAAAEEEEIIIIOOOOOUUUUYNC';

/** turnero_fold(text) on PostgreSQL; SQLite registers it on each connection (see sqliteDialect). */
export async function createFoldFunction(db: AnyDb, dialect: DialectName) {
  if (dialect !== 'postgres') return;
  await sql`create or replace function turnero_fold(text) returns text language sql immutable strict
    as ${sql.lit(`select lower(translate($1, '${ACCENTED}', '${PLAIN}'))`)}`.execute(db);
}

export async function ping(db: AnyDb) {
  await sql`select 1`.execute(db);
}

/**
 * Rows several workers may claim at once: PostgreSQL skips rows another transaction holds;
 * SQLite's write transactions are exclusive already.
 */
export function skipLockedRows<QB extends { forUpdate(): QB; skipLocked(): QB }>(qb: QB, dialect: DialectName): QB {
  return dialect === 'postgres' ? qb.forUpdate().skipLocked() : qb;
}
