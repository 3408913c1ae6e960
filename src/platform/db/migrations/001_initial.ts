import { type Kysely, sql } from 'kysely';
import { createFoldFunction, createOverlapGuard, type DialectName, dateType, idType, instantType } from '../dialect.js';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the SQL names, not the typed schema
export async function up(db: Kysely<any>, dialect: DialectName) {
  const id = idType(dialect);
  const instant = instantType(dialect);
  const date = dateType(dialect);
  const flag = (on: boolean) => sql`${sql.raw(on ? '1' : '0')}`;

  await db.schema
    .createTable('center_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('welcome_phrase', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('web_address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contact_email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phones', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contact_hours', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('America/Argentina/Buenos_Aires'))
    .addColumn('web_booking_enabled', 'integer', (c) => c.notNull().defaultTo(flag(true)))
    .addColumn('web_user_label', 'text', (c) => c.notNull().defaultTo('WEB'))
    .addColumn('web_appointment_type', 'text', (c) => c.notNull().defaultTo('WEB'))
    .addColumn('selection_mode', 'text', (c) => c.notNull().defaultTo('BY_SPECIALTY'))
    .addColumn('max_per_day_professional', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('max_future_per_patient', 'integer', (c) => c.notNull().defaultTo(4))
    .addColumn('max_future_per_ip', 'integer', (c) => c.notNull().defaultTo(8))
    .addColumn('reason_required', 'integer', (c) => c.notNull().defaultTo(flag(false)))
    .addColumn('mail_phrase', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();
  // The center always has exactly one settings row; `turnero demo` or the staff fill it in.
  await db
    .insertInto('center_settings')
    .values({ id: 1, name: 'Centro Médico', updated_at: new Date().toISOString() })
    .execute();

  await db.schema
    .createTable('specialties')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('web_name', 'text', (c) => c.notNull())
    .addColumn('web_enabled', 'integer', (c) => c.notNull().defaultTo(flag(true)))
    .execute();

  await db.schema
    .createTable('studies')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('indication', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('web_enabled', 'integer', (c) => c.notNull().defaultTo(flag(true)))
    .execute();

  await db.schema
    .createTable('insurers')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('web_name', 'text', (c) => c.notNull())
    .addColumn('web_enabled', 'integer', (c) => c.notNull().defaultTo(flag(true)))
    .addColumn('self_pay', 'integer', (c) => c.notNull().defaultTo(flag(false)))
    .addColumn('general_message', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('booking_message', 'text', (c) => c.notNull().defaultTo(''))
    .execute();

  await db.schema
    .createTable('professionals')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('licence_number', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('web_enabled', 'integer', (c) => c.notNull().defaultTo(flag(true)))
    .addColumn('general_message', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('booking_message', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('max_days_ahead', 'integer', (c) => c.notNull().defaultTo(60))
    .execute();

  await db.schema
    .createTable('professional_specialties')
    .addColumn('professional_id', 'integer', (c) => c.notNull().references('professionals.id').onDelete('cascade'))
    .addColumn('specialty_id', 'integer', (c) => c.notNull().references('specialties.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('professional_specialties_pk', ['professional_id', 'specialty_id'])
    .execute();

  await db.schema
    .createTable('professional_studies')
    .addColumn('professional_id', 'integer', (c) => c.notNull().references('professionals.id').onDelete('cascade'))
    .addColumn('study_id', 'integer', (c) => c.notNull().references('studies.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('professional_studies_pk', ['professional_id', 'study_id'])
    .execute();

  await db.schema
    .createTable('agendas')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('professional_id', 'integer', (c) => c.notNull().references('professionals.id').onDelete('cascade'))
    .addColumn('weekday', 'integer', (c) => c.notNull().check(sql`weekday between 1 and 7`))
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('end_time', 'text', (c) => c.notNull())
    .addColumn('slot_minutes', 'integer', (c) => c.notNull().check(sql`slot_minutes between 5 and 480`))
    .addColumn('specialty_id', 'integer', (c) => c.references('specialties.id'))
    .addColumn('study_id', 'integer', (c) => c.references('studies.id'))
    .addColumn('valid_from', date, (c) => c.notNull())
    .addColumn('valid_to', date)
    .addCheckConstraint('agendas_time_order', sql`start_time < end_time`)
    .execute();
  await db.schema.createIndex('agendas_professional').on('agendas').column('professional_id').execute();

  await db.schema
    .createTable('schedule_exceptions')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('professional_id', 'integer', (c) => c.references('professionals.id').onDelete('cascade'))
    .addColumn('from_date', date, (c) => c.notNull())
    .addColumn('to_date', date, (c) => c.notNull())
    .addColumn('from_time', 'text')
    .addColumn('to_time', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addCheckConstraint('schedule_exceptions_date_order', sql`from_date <= to_date`)
    .execute();
  await db.schema.createIndex('schedule_exceptions_dates').on('schedule_exceptions').column('to_date').execute();

  await db.schema
    .createTable('patients')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('dni', 'text', (c) => c.notNull().unique())
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('sex', 'text')
    .addColumn('birth_date', date)
    .addColumn('email', 'text')
    .addColumn('mobile', 'text')
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('insurer_id', 'integer', (c) => c.references('insurers.id'))
    .addColumn('member_number', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(flag(false)))
    .addColumn('disabled_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('patients_last_name').on('patients').columns(['last_name', 'first_name']).execute();
  await createFoldFunction(db, dialect);

  await db.schema
    .createTable('appointments')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('professional_id', 'integer', (c) => c.notNull().references('professionals.id'))
    .addColumn('specialty_id', 'integer', (c) => c.references('specialties.id'))
    .addColumn('study_id', 'integer', (c) => c.references('studies.id'))
    .addColumn('patient_id', 'integer', (c) => c.notNull().references('patients.id'))
    .addColumn('starts_at', instant, (c) => c.notNull())
    .addColumn('ends_at', instant, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('type_label', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('insurer_id', 'integer', (c) => c.references('insurers.id'))
    .addColumn('booked_at', instant, (c) => c.notNull())
    .addColumn('booked_ip', 'text')
    .addColumn('booked_by', 'text', (c) => c.notNull())
    .addColumn('cancelled_at', instant)
    .addColumn('cancelled_by', 'text')
    .addColumn('overbook', 'integer', (c) => c.notNull().defaultTo(flag(false)))
    .addColumn('updated_at', instant, (c) => c.notNull())
    .addCheckConstraint('appointments_time_order', sql`starts_at < ends_at`)
    .addCheckConstraint(
      'appointments_status',
      sql`status in ('reserved', 'present', 'absent', 'cancelled') and origin in ('web', 'staff')`,
    )
    .execute();
  await db.schema
    .createIndex('appointments_professional_start')
    .on('appointments')
    .columns(['professional_id', 'starts_at'])
    .execute();
  await db.schema
    .createIndex('appointments_patient_start')
    .on('appointments')
    .columns(['patient_id', 'starts_at'])
    .execute();
  await db.schema.createIndex('appointments_ip_start').on('appointments').columns(['booked_ip', 'starts_at']).execute();
  await db.schema.createIndex('appointments_booked_at').on('appointments').column('booked_at').execute();
  await createOverlapGuard(db, dialect);

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'reception', 'professional')`))
    .addColumn('professional_id', 'integer', (c) => c.references('professionals.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('last_used_at', instant)
    .addColumn('revoked_at', instant)
    .execute();
}
