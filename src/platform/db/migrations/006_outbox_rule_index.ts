import type { Kysely } from 'kysely';

// The Recordatorios automáticos page counts each rule's messages, and deleting a rule unlinks them: both
// read the outbox by rule, which the (appointment_id, reminder_rule_id) index cannot serve.
// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the SQL names, not the typed schema
export async function up(db: Kysely<any>) {
  await db.schema.createIndex('outbox_reminder_rule').on('outbox').column('reminder_rule_id').execute();
}
