import { randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { type DialectName, idType, instantType } from '../dialect.js';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the SQL names, not the typed schema
export async function up(db: Kysely<any>, dialect: DialectName) {
  const id = idType(dialect);
  const instant = instantType(dialect);

  // One web account per patient: the DNI is the user name. It works only once activated.
  await db.schema
    .createTable('web_accounts')
    .addColumn('patient_id', 'integer', (c) => c.primaryKey().references('patients.id').onDelete('cascade'))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('activated_at', instant)
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();

  // Server-side sessions; the cookie holds a random id, the table only its hash.
  await db.schema
    .createTable('sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('subject_kind', 'text', (c) => c.notNull().check(sql`subject_kind in ('patient', 'staff')`))
    .addColumn('subject_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('last_seen_at', instant, (c) => c.notNull())
    .addColumn('expires_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_subject').on('sessions').columns(['subject_kind', 'subject_id']).execute();

  // Links sent by mail (activation, password reset, e-mail change): single use, limited time, hash only.
  await db.schema
    .createTable('one_time_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'integer', (c) => c.notNull().references('patients.id').onDelete('cascade'))
    .addColumn('payload', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('expires_at', instant, (c) => c.notNull())
    .addColumn('used_at', instant)
    .execute();
  await db.schema
    .createIndex('one_time_tokens_patient')
    .on('one_time_tokens')
    .columns(['patient_id', 'purpose'])
    .execute();

  // Fixed-window counters shared by every process (login, registration, reset, resend).
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('window_start', instant, (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .execute();

  // Transactional outbox: a mail is a row, written with its cause, before anything is sent.
  await db.schema
    .createTable('outbox')
    .addColumn('id', id, (c) => c.primaryKey())
    // SMS and WhatsApp reminders share the outbox; a CHECK cannot be widened later on SQLite without a rebuild.
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('mail', 'sms', 'whatsapp')`))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('attachments', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('message_id', 'text', (c) => c.notNull().unique())
    .addColumn('patient_id', 'integer', (c) => c.references('patients.id').onDelete('set null'))
    .addColumn('appointment_id', 'integer', (c) => c.references('appointments.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'sent', 'failed', 'cancelled')`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', instant, (c) => c.notNull())
    .addColumn('locked_until', instant)
    .addColumn('last_error', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('sent_at', instant)
    .execute();
  await db.schema.createIndex('outbox_due').on('outbox').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('outbox_patient').on('outbox').column('patient_id').execute();

  // Secrets every process shares (CSRF tokens, anti-spam challenges), made once per database.
  await db.schema
    .createTable('app_secrets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  await db
    .insertInto('app_secrets')
    .values({ name: 'forms', value: randomBytes(32).toString('base64url') })
    .execute();
}
