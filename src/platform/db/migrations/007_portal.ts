import { type Kysely, sql } from 'kysely';
import { type DialectName, dateType, idType, instantType } from '../dialect.js';

// The patient portal: the center enables it per patient, the patient proves who they are on first access;
// documents both ways, questionnaires, invoices, and what the profile keeps (photo, language, security answer).
// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the SQL names, not the typed schema
export async function up(db: Kysely<any>, dialect: DialectName) {
  const id = idType(dialect);
  const instant = instantType(dialect);
  const date = dateType(dialect);

  // The trámite number printed on the DNI card: what only the card's holder has at hand, to prove identity.
  await db.schema
    .alterTable('patients')
    .addColumn('dni_tramite', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('patients')
    .addColumn('portal_enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('patients').addColumn('portal_enabled_at', instant).execute();
  // What the first access asks to prove identity: the DNI's trámite number or the birth date.
  await db.schema
    .alterTable('center_settings')
    .addColumn('portal_identity_check', 'text', (c) => c.notNull().defaultTo('birth_date'))
    .execute();

  for (const [column, type] of [
    ['security_question', 'text'],
    // Hashed like a password: staff and a stolen backup cannot read it.
    ['security_answer_hash', 'text'],
    // '' : the browser's choice.
    ['lang', 'text'],
    // The profile photo in the file store, already square.
    ['photo_key', 'text'],
  ] as const) {
    await db.schema
      .alterTable('web_accounts')
      .addColumn(column, type, (c) => c.notNull().defaultTo(''))
      .execute();
  }

  // Files in the file store (never under the web root), one row each; the bytes' type was read from the bytes.
  await db.schema
    .createTable('patient_documents')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('patient_id', 'integer', (c) => c.notNull().references('patients.id').onDelete('cascade'))
    .addColumn('appointment_id', 'integer', (c) => c.references('appointments.id').onDelete('set null'))
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('patient', 'center')`))
    .addColumn('category', 'text', (c) =>
      c.notNull().check(sql`category in ('report', 'questionnaire', 'document', 'image')`),
    )
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull().unique())
    .addColumn('uploaded_by_ref', 'text', (c) => c.notNull())
    .addColumn('uploaded_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('patient_documents_patient')
    .on('patient_documents')
    .columns(['patient_id', 'created_at'])
    .execute();

  // A questionnaire attached to a specialty or a study is requested of whoever has a turno for it.
  await db.schema
    .createTable('questionnaires')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('intro', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('specialty_id', 'integer', (c) => c.references('specialties.id').onDelete('set null'))
    .addColumn('study_id', 'integer', (c) => c.references('studies.id').onDelete('set null'))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('questionnaire_questions')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('questionnaire_id', 'integer', (c) => c.notNull().references('questionnaires.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('text', 'choice', 'yes_no', 'date', 'scale')`))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('help', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('required', 'integer', (c) => c.notNull().defaultTo(0))
    // JSON array of the options of a choice question.
    .addColumn('choices', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('scale_min', 'integer')
    .addColumn('scale_max', 'integer')
    .execute();
  await db.schema
    .createIndex('questionnaire_questions_order')
    .on('questionnaire_questions')
    .columns(['questionnaire_id', 'position'])
    .execute();
  // One questionnaire asked of one patient (for one turno, when it came from the turno's specialty or study).
  // The answers are JSON with each question's text as it was asked, so a later edit does not change them.
  await db.schema
    .createTable('questionnaire_requests')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('questionnaire_id', 'integer', (c) => c.notNull().references('questionnaires.id'))
    .addColumn('patient_id', 'integer', (c) => c.notNull().references('patients.id').onDelete('cascade'))
    .addColumn('appointment_id', 'integer', (c) => c.references('appointments.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'draft', 'submitted')`))
    .addColumn('answers', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_at', instant, (c) => c.notNull())
    .addColumn('saved_at', instant)
    .addColumn('submitted_at', instant)
    .execute();
  await db.schema
    .createIndex('questionnaire_requests_patient')
    .on('questionnaire_requests')
    .columns(['patient_id', 'status'])
    .execute();
  await db.schema
    .createIndex('questionnaire_requests_turno')
    .on('questionnaire_requests')
    .columns(['questionnaire_id', 'appointment_id'])
    .unique()
    .execute();

  // Invoices keep who and what they were issued to as issued: a later change of the record does not rewrite them.
  // Money is integer cents (bigint: an operation can exceed 21 million pesos). Numbers come from `counters`.
  await db.schema
    .createTable('invoices')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('number', 'integer', (c) => c.notNull().unique())
    .addColumn('patient_id', 'integer', (c) => c.notNull().references('patients.id'))
    .addColumn('appointment_id', 'integer', (c) => c.references('appointments.id').onDelete('set null'))
    .addColumn('issued_on', date, (c) => c.notNull())
    .addColumn('customer_name', 'text', (c) => c.notNull())
    .addColumn('customer_dni', 'text', (c) => c.notNull())
    .addColumn('insurer_id', 'integer', (c) => c.references('insurers.id').onDelete('set null'))
    .addColumn('insurer_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('member_number', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('insurer_cents', 'bigint', (c) => c.notNull())
    .addColumn('patient_cents', 'bigint', (c) => c.notNull())
    .addColumn('total_cents', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('due', 'paid', 'void')`))
    .addColumn('paid_at', instant)
    .addColumn('void_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by_ref', 'text', (c) => c.notNull())
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('invoices_patient').on('invoices').columns(['patient_id', 'issued_on']).execute();
  await db.schema
    .createTable('invoice_lines')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('invoice_id', 'integer', (c) => c.notNull().references('invoices.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('concept', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('unit_cents', 'bigint', (c) => c.notNull())
    // The insurer's part of this line; the patient pays the rest.
    .addColumn('insurer_cents', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('invoice_lines_invoice').on('invoice_lines').column('invoice_id').execute();

  // Sequences without gaps or repeats: one row each, advanced inside the transaction that uses the number (its
  // row lock orders concurrent issuers; a refused invoice takes no number, a voided one keeps its own).
  await db.schema
    .createTable('counters')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .execute();
  await db.insertInto('counters').values({ name: 'invoice_number', value: 0 }).execute();
}
