import { randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { type DialectName, idType, instantType, makeAppendOnly } from '../dialect.js';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the SQL names, not the typed schema
export async function up(db: Kysely<any>, dialect: DialectName) {
  const id = idType(dialect);
  const instant = instantType(dialect);

  // People who log in to /staff. The username is how they log in (or their e-mail).
  await db.schema
    .createTable('staff_users')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('email', 'text', (c) => c.unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'reception', 'professional')`))
    .addColumn('professional_id', 'integer', (c) => c.references('professionals.id'))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    // Sealed (encrypted) TOTP secret once two-factor is on; null while it is off.
    .addColumn('totp_secret', 'text')
    // The last TOTP step accepted: a code of that step or an older one is refused (no replay).
    .addColumn('totp_last_step', 'integer')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('last_login_at', instant)
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();

  // Who read or changed which patient's data, when and from where. Rows are never updated or deleted.
  await db.schema
    .createTable('audit_log')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('at', instant, (c) => c.notNull())
    // "usuario:3" or "token:5": stays true after the user or token is renamed.
    .addColumn('actor_ref', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'integer')
    .addColumn('target', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('ip', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
  await db.schema.createIndex('audit_log_patient').on('audit_log').columns(['patient_id', 'at']).execute();
  await db.schema.createIndex('audit_log_actor').on('audit_log').columns(['actor_ref', 'at']).execute();
  await makeAppendOnly(db, dialect, 'audit_log');

  // The key that seals stored credentials when SECRETS_KEY is not set (see README).
  await db
    .insertInto('app_secrets')
    .values({ name: 'sealing', value: randomBytes(32).toString('base64url') })
    .execute();
}
