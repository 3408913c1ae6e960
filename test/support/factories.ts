// Small, explicit test centers built with plain inserts, so each test states what it relies on.
import type { Kysely } from 'kysely';
import { hashPassword } from '../../src/modules/patients/accounts.passwords.js';
import type { DB, StaffRole } from '../../src/platform/db/schema.js';

let sequence = 0;
const next = () => ++sequence;

export async function insertSpecialty(db: Kysely<DB>, name: string, opts: { webEnabled?: boolean } = {}) {
  return db
    .insertInto('specialties')
    .values({ name: name.toUpperCase(), webName: name, webEnabled: opts.webEnabled === false ? 0 : 1 })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertStudy(
  db: Kysely<DB>,
  name: string,
  opts: { indication?: string; webEnabled?: boolean } = {},
) {
  return db
    .insertInto('studies')
    .values({ name, indication: opts.indication ?? '', webEnabled: opts.webEnabled === false ? 0 : 1 })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertInsurer(
  db: Kysely<DB>,
  name: string,
  opts: { webEnabled?: boolean; bookingMessage?: string } = {},
) {
  return db
    .insertInto('insurers')
    .values({
      name,
      webName: name,
      webEnabled: opts.webEnabled === false ? 0 : 1,
      bookingMessage: opts.bookingMessage ?? '',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface AgendaSpec {
  weekday: number;
  start: string;
  end: string;
  slotMinutes: number;
  specialtyId?: number | null;
  studyId?: number | null;
  validFrom?: string;
  validTo?: string | null;
}

export async function insertProfessional(
  db: Kysely<DB>,
  p: {
    lastName: string;
    firstName?: string;
    specialtyIds?: number[];
    studyIds?: number[];
    webEnabled?: boolean;
    maxDaysAhead?: number;
    bookingMessage?: string;
    agendas?: AgendaSpec[];
  },
) {
  const pro = await db
    .insertInto('professionals')
    .values({
      lastName: p.lastName,
      firstName: p.firstName ?? 'Ana',
      webEnabled: p.webEnabled === false ? 0 : 1,
      maxDaysAhead: p.maxDaysAhead ?? 60,
      bookingMessage: p.bookingMessage ?? '',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  for (const specialtyId of p.specialtyIds ?? []) {
    await db.insertInto('professionalSpecialties').values({ professionalId: pro.id, specialtyId }).execute();
  }
  for (const studyId of p.studyIds ?? []) {
    await db.insertInto('professionalStudies').values({ professionalId: pro.id, studyId }).execute();
  }
  for (const a of p.agendas ?? []) {
    await db
      .insertInto('agendas')
      .values({
        professionalId: pro.id,
        weekday: a.weekday,
        startTime: a.start,
        endTime: a.end,
        slotMinutes: a.slotMinutes,
        specialtyId: a.specialtyId ?? null,
        studyId: a.studyId ?? null,
        validFrom: a.validFrom ?? '2020-01-01',
        validTo: a.validTo ?? null,
      })
      .execute();
  }
  return pro;
}

export async function insertPatient(
  db: Kysely<DB>,
  p: { dni?: string; lastName?: string; insurerId?: number | null; disabled?: boolean; disabledNote?: string } = {},
) {
  const n = next();
  const now = new Date().toISOString();
  return db
    .insertInto('patients')
    .values({
      dni: p.dni ?? String(20_000_000 + n * 7 + Math.floor(Math.random() * 5)),
      lastName: p.lastName ?? `PACIENTE${n}`,
      firstName: 'Test',
      sex: 'F',
      birthDate: '1980-05-04',
      email: `paciente${n}@example.com`,
      mobile: '+5491112345678',
      insurerId: p.insurerId ?? null,
      disabled: p.disabled ? 1 : 0,
      disabledNote: p.disabledNote ?? '',
      createdAt: now,
      updatedAt: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export type Weekdays = AgendaSpec[];
/** Monday to Friday, same hours. */
export function weekdays(
  start: string,
  end: string,
  slotMinutes: number,
  extra: Partial<AgendaSpec> = {},
): AgendaSpec[] {
  return [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start, end, slotMinutes, ...extra }));
}

/** A small center: cardiology (two web professionals, one not), an echo study, two insurers. */
export async function seedCenter(db: Kysely<DB>) {
  const cardiology = await insertSpecialty(db, 'Cardiología');
  const dermatology = await insertSpecialty(db, 'Dermatología');
  const hiddenSpecialty = await insertSpecialty(db, 'Oculta', { webEnabled: false });
  const echo = await insertStudy(db, 'Ecografía abdominal', { indication: 'Presentarse con 6 horas de ayuno' });
  const osde = await insertInsurer(db, 'OSDE', { bookingMessage: 'Traé la credencial de OSDE' });
  const hiddenInsurer = await insertInsurer(db, 'SIN CONVENIO', { webEnabled: false });
  const gonzalez = await insertProfessional(db, {
    lastName: 'GONZALEZ',
    firstName: 'José',
    specialtyIds: [cardiology.id],
    bookingMessage: 'Traé estudios previos',
    maxDaysAhead: 30,
    agendas: weekdays('08:00', '12:00', 20, { specialtyId: cardiology.id }),
  });
  const alvarez = await insertProfessional(db, {
    lastName: 'ALVAREZ',
    specialtyIds: [cardiology.id, hiddenSpecialty.id],
    agendas: [{ weekday: 1, start: '14:00', end: '16:00', slotMinutes: 30 }],
  });
  const offline = await insertProfessional(db, {
    lastName: 'ZAPATA',
    specialtyIds: [cardiology.id],
    webEnabled: false,
    agendas: weekdays('08:00', '10:00', 15),
  });
  const sonographer = await insertProfessional(db, {
    lastName: 'PEREZ',
    specialtyIds: [dermatology.id],
    studyIds: [echo.id],
    agendas: [{ weekday: 1, start: '14:00', end: '18:00', slotMinutes: 30, studyId: echo.id }],
  });
  const patient = await insertPatient(db, { insurerId: osde.id });
  return {
    cardiology,
    dermatology,
    hiddenSpecialty,
    echo,
    osde,
    hiddenInsurer,
    gonzalez,
    alvarez,
    offline,
    sonographer,
    patient,
  };
}

/** A staff user who can log in to /staff with that password. */
export async function insertStaffUser(
  db: Kysely<DB>,
  u: { username: string; role: StaffRole; password?: string; professionalId?: number | null; email?: string },
) {
  const now = new Date().toISOString();
  return db
    .insertInto('staffUsers')
    .values({
      username: u.username,
      email: u.email ?? null,
      name: `Usuario ${u.username}`,
      role: u.role,
      professionalId: u.professionalId ?? null,
      passwordHash: await hashPassword(u.password ?? 'clave-del-personal'),
      createdAt: now,
      updatedAt: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
