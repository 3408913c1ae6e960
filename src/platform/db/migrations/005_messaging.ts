import { randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { type DialectName, idType, instantType } from '../dialect.js';

// Reminders: channel settings, templates, the send desk's lists, automatic reminder rules, and what the
// outbox must know to be the send log (who sent it, from which list or rule, until when it is worth sending).
// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the SQL names, not the typed schema
export async function up(db: Kysely<any>, dialect: DialectName) {
  const id = idType(dialect);
  const instant = instantType(dialect);
  const channel = sql`channel in ('mail', 'sms', 'whatsapp')`;

  // One row per channel: the provider, its plain settings (JSON) and its sealed password or token.
  await db.schema
    .createTable('message_channels')
    .addColumn('channel', 'text', (c) => c.primaryKey().check(channel))
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('sealed_secret', 'text')
    .addColumn('updated_at', instant, (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull().defaultTo(''))
    .execute();

  // Title: the mail's subject and the template's name. WhatsApp: the approved template's name and language.
  await db.schema
    .createTable('message_templates')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('channel', 'text', (c) => c.notNull().check(channel))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('wa_template', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('wa_language', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();

  // A list made on the send desk: its filters, then its rows; "Enviar" turns the rows into outbox messages.
  await db.schema
    .createTable('message_batches')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('template_id', 'integer', (c) => c.notNull().references('message_templates.id'))
    .addColumn('channel', 'text', (c) => c.notNull().check(channel))
    .addColumn('audience', 'text', (c) => c.notNull().check(sql`audience in ('appointments', 'patients')`))
    .addColumn('filters', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'queued')`))
    .addColumn('left_out', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_by_ref', 'text', (c) => c.notNull())
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('queued_at', instant)
    .execute();
  await db.schema
    .createTable('message_batch_rows')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('batch_id', 'integer', (c) => c.notNull().references('message_batches.id').onDelete('cascade'))
    .addColumn('patient_id', 'integer', (c) => c.notNull().references('patients.id').onDelete('cascade'))
    .addColumn('appointment_id', 'integer', (c) => c.references('appointments.id').onDelete('cascade'))
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('removed', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('message_batch_rows_batch').on('message_batch_rows').column('batch_id').execute();

  // "N hours before the turno", per template (so per channel); the worker queues each turno once per rule.
  await db.schema
    .createTable('reminder_rules')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('template_id', 'integer', (c) => c.notNull().references('message_templates.id'))
    .addColumn('hours_before', 'integer', (c) => c.notNull().check(sql`hours_before between 1 and 720`))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();

  await db.schema.alterTable('outbox').addColumn('batch_id', 'integer').execute();
  await db.schema.alterTable('outbox').addColumn('template_id', 'integer').execute();
  await db.schema.alterTable('outbox').addColumn('reminder_rule_id', 'integer').execute();
  // Shown in the send log: the staff user's name, "automático", or "web" for the patient's own actions.
  await db.schema
    .alterTable('outbox')
    .addColumn('sent_by', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  // Past it the message is not worth sending (a reminder after its turno): it fails instead of retrying.
  await db.schema.alterTable('outbox').addColumn('deadline_at', instant).execute();
  // WhatsApp: the approved template's name, language and parameters (JSON).
  await db.schema
    .alterTable('outbox')
    .addColumn('payload', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema
    .alterTable('outbox')
    .addColumn('provider_id', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  // Never the same automatic reminder twice for one turno: NULLs (every other message) do not collide.
  await db.schema
    .createIndex('outbox_reminder_once')
    .on('outbox')
    .columns(['appointment_id', 'reminder_rule_id'])
    .unique()
    .execute();
  await db.schema.createIndex('outbox_batch').on('outbox').columns(['batch_id', 'status']).execute();
  await db.schema.createIndex('outbox_created').on('outbox').column('created_at').execute();

  // The patient confirmed attendance from a reminder's link.
  await db.schema.alterTable('appointments').addColumn('confirmed_at', instant).execute();
  // [[DIRECCION]]: where the center is, for reminders and the confirmation mail.
  await db.schema
    .alterTable('center_settings')
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  // Signs the confirm/cancel links of reminders (stateless: no row per message).
  await db
    .insertInto('app_secrets')
    .values({ name: 'reminder-links', value: randomBytes(32).toString('base64url') })
    .execute();
}
