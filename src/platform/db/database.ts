import { CamelCasePlugin, Kysely } from 'kysely';
import { createDialect, type DbTarget, type DialectName } from './dialect.js';
import type { DB } from './schema.js';

export interface Database {
  db: Kysely<DB>;
  dialect: DialectName;
  close(): Promise<void>;
}

export function createDb(target: DbTarget, options: { poolSize?: number } = {}): Database {
  const db = new Kysely<DB>({
    dialect: createDialect(target, options.poolSize ?? 10),
    plugins: [new CamelCasePlugin()],
  });
  return { db, dialect: target.dialect, close: () => db.destroy() };
}
