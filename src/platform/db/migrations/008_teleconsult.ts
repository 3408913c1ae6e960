import { type Kysely, sql } from 'kysely';
import { type DialectName, dateType, idType, instantType } from '../dialect.js';

// Teleconsultation: the patient's token (a TOTP secret of their own, sealed), pre-printed series of
// single-use codes, the conformity a professional records with one of them, failed attempts (for the
// lockout), turnos held by video, the credential's plan, and the identity-checked profile update.
// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the SQL names, not the typed schema
export async function up(db: Kysely<any>, dialect: DialectName) {
  const id = idType(dialect);
  const instant = instantType(dialect);
  const date = dateType(dialect);

  await db.schema
    .alterTable('center_settings')
    .addColumn('token_digits', 'integer', (c) => c.notNull().defaultTo(6).check(sql`token_digits between 6 and 8`))
    .execute();
  await db.schema
    .alterTable('center_settings')
    .addColumn('token_step_seconds', 'integer', (c) =>
      c.notNull().defaultTo(30).check(sql`token_step_seconds in (30, 60)`),
    )
    .execute();
  await db.schema
    .alterTable('center_settings')
    .addColumn('token_algorithm', 'text', (c) =>
      c.notNull().defaultTo('sha1').check(sql`token_algorithm in ('sha1', 'sha256', 'sha512')`),
    )
    .execute();
  // "Actualizá tus datos": asked once of every portal patient who enters after the center turns it on.
  await db.schema
    .alterTable('center_settings')
    .addColumn('profile_check_enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('center_settings').addColumn('profile_check_enabled_at', instant).execute();

  await db.schema
    .alterTable('patients')
    .addColumn('insurance_plan', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.alterTable('patients').addColumn('profile_confirmed_at', instant).execute();

  await db.schema
    .alterTable('professionals')
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .execute();

  await db.schema
    .alterTable('appointments')
    .addColumn('teleconsult', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('appointments')
    .addColumn('video_url', 'text', (c) => c.notNull().defaultTo(''))
    .execute();

  // One secret per patient, made the first time they open "Generar token". last_counter: the newest TOTP
  // step already used, so a code (or an older one) never verifies twice.
  await db.schema
    .createTable('patient_token_secrets')
    .addColumn('patient_id', 'integer', (c) => c.primaryKey().references('patients.id').onDelete('cascade'))
    .addColumn('secret_sealed', 'text', (c) => c.notNull())
    .addColumn('last_counter', 'integer', (c) => c.notNull().defaultTo(-1))
    .addColumn('locked_until', instant)
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('token_series')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('patient_id', 'integer', (c) => c.notNull().references('patients.id').onDelete('cascade'))
    .addColumn('code_count', 'integer', (c) => c.notNull())
    .addColumn('valid_until', date, (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('revoked_at', instant)
    .execute();
  await db.schema
    .createIndex('token_series_patient')
    .on('token_series')
    .columns(['patient_id', 'created_at'])
    .execute();

  // A printed code is found by its keyed hash (the table alone reveals no code) and kept sealed so the
  // patient can print the same sheet again.
  await db.schema
    .createTable('token_series_codes')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('series_id', 'integer', (c) => c.notNull().references('token_series.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('code_sealed', 'text', (c) => c.notNull())
    .addColumn('used_at', instant)
    .execute();
  await db.schema
    .createIndex('token_series_codes_position')
    .on('token_series_codes')
    .columns(['series_id', 'position'])
    .unique()
    .execute();
  await db.schema.createIndex('token_series_codes_hash').on('token_series_codes').column('code_hash').execute();

  // The patient's conformity: one per turno, and one per code (the partial unique indexes hold it even
  // when two verifications race).
  await db.schema
    .createTable('teleconsult_conformities')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('patient_id', 'integer', (c) => c.notNull().references('patients.id').onDelete('cascade'))
    .addColumn('appointment_id', 'integer', (c) => c.references('appointments.id').onDelete('set null'))
    .addColumn('code_kind', 'text', (c) => c.notNull().check(sql`code_kind in ('dynamic', 'printed')`))
    .addColumn('totp_counter', 'integer')
    .addColumn('series_code_id', 'integer', (c) => c.references('token_series_codes.id').onDelete('set null'))
    .addColumn('verified_at', instant, (c) => c.notNull())
    .addColumn('verified_by_ref', 'text', (c) => c.notNull())
    .addColumn('verified_by_name', 'text', (c) => c.notNull())
    .addColumn('via', 'text', (c) => c.notNull().check(sql`via in ('staff', 'api')`))
    .execute();
  await db.schema
    .createIndex('teleconsult_conformities_turno')
    .on('teleconsult_conformities')
    .column('appointment_id')
    .unique()
    .where(sql.ref('appointment_id'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('teleconsult_conformities_step')
    .on('teleconsult_conformities')
    .columns(['patient_id', 'totp_counter'])
    .unique()
    .where(sql.ref('totp_counter'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('teleconsult_conformities_patient')
    .on('teleconsult_conformities')
    .columns(['patient_id', 'verified_at'])
    .execute();

  // Every failed verification, counted per patient for the lockout and listed for staff. patient_id is
  // null when the DNI matched nobody.
  await db.schema
    .createTable('token_failures')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('patient_id', 'integer', (c) => c.references('patients.id').onDelete('cascade'))
    .addColumn('dni', 'text', (c) => c.notNull())
    .addColumn('appointment_id', 'integer', (c) => c.references('appointments.id').onDelete('set null'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('at', instant, (c) => c.notNull())
    .addColumn('actor_ref', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('token_failures_patient').on('token_failures').columns(['patient_id', 'at']).execute();

  // What the patient's identifying and contact data were before each change, and who changed them.
  await db.schema
    .createTable('patient_data_changes')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('patient_id', 'integer', (c) => c.notNull().references('patients.id').onDelete('cascade'))
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('old_value', 'text', (c) => c.notNull())
    .addColumn('new_value', 'text', (c) => c.notNull())
    .addColumn('changed_at', instant, (c) => c.notNull())
    .addColumn('changed_by_ref', 'text', (c) => c.notNull())
    .addColumn('changed_by_name', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('patient_data_changes_patient')
    .on('patient_data_changes')
    .columns(['patient_id', 'changed_at'])
    .execute();
}
