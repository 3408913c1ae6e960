// Loads CENTRO MEDICO DEMO into an empty database: catalogue, agendas, patients and seven weeks of
// appointments around "now", all in one transaction so a failed load leaves nothing half-written. Then the demo
// patient's portal (questionnaires, invoices, a report), through the portal's services, which open their own
// transactions.
import type { Transaction } from 'kysely';
import type { AppContext } from '../context.js';
import { hashPassword } from '../modules/patients/accounts.passwords.js';
import { hashAnswer } from '../modules/portal/security-answer.js';
import { staffActorOf } from '../modules/staff/staff-users.service.js';
import type { DB, NewAppointment, NewPatient, StaffRole, StaffUser } from '../platform/db/schema.js';
import { fixedClock } from '../platform/time/clock.js';
import { addDays, isoUtc, todayIn } from '../platform/time/zone.js';
import { type PlanPatient, type PlanProfessional, planAppointments } from './demo-appointments.js';
import { demoCenter } from './demo-data.js';
import { demoExceptions } from './demo-exceptions.js';
import { generatePatients } from './demo-patients.js';
import { choosePortalPatient, loadDemoPortal } from './demo-portal.js';
import { insertDemoTeleconsult } from './demo-teleconsult.js';
import { checkDemoData, insertCatalog, insertExceptions, insertProfessionals } from './load-catalog.js';
import { createRandom } from './prng.js';

export interface DemoSummary {
  professionals: number;
  patients: number;
  appointments: number;
  /**
   * A patient with an active web account, so the patient web can be tried without a mail server; the patient
   * portal is enabled for them (user name: the e-mail), see DEMO_PORTAL, with content to look at (demo-portal.ts).
   */
  webPatient: { dni: string; password: string; name: string; email: string } | null;
  /** One user per role for /staff, all with DEMO_PASSWORD. */
  staffUsers: { username: string; role: StaffRole }[];
}

/** Printed in the log of a new demo: it is a demo password, not a secret. */
export const DEMO_PASSWORD = 'demo1234';

/**
 * The demo web patient also has the patient portal: enabled, with this trámite number on the record and
 * this security answer (question "¿Cómo se llamaba tu primera mascota?", answer "Firulais"). They log in
 * with the DNI or the e-mail and DEMO_PASSWORD; README's demo section says the same.
 */
export const DEMO_PORTAL = {
  dniTramite: '00512345678',
  securityQuestion: 'firstPet',
  securityAnswer: 'Firulais',
} as const;

export interface LoadDemoOptions {
  /** "Now": appointments before it are history, after it the agenda to come. */
  nowMs: number;
  /** Same seed and same day, same demo. */
  seed?: number;
}

const DEFAULT_SEED = 2014;
const PATIENT_COUNT = 240;
/** Rows per INSERT: well under PostgreSQL's 65,535 bind parameters and SQLite's 32,766. */
const BATCH = 200;
/** Agendas start well before the oldest demo appointment, as if the center had been running for months. */
const AGENDA_HISTORY_DAYS = 180;

/** `ctx` gives the database and the file store (for the report); its clock is not read: "now" is `nowMs`. */
export async function loadDemo(ctx: AppContext, options: LoadDemoOptions): Promise<DemoSummary> {
  checkDemoData();
  const { nowMs } = options;
  const random = createRandom(options.seed ?? DEFAULT_SEED);

  const loaded = await ctx.database.db.transaction().execute(async (trx) => {
    await assertEmpty(trx);
    const settings = await trx
      .updateTable('centerSettings')
      .set({ ...demoCenter, updatedAt: isoUtc(nowMs) })
      .where('id', '=', 1)
      .returningAll()
      .executeTakeFirst();
    if (!settings) throw new Error('Falta la configuración del centro (id 1): ¿se aplicaron las migraciones?');
    const today = todayIn(settings.timeZone, nowMs);

    const catalog = await insertCatalog(trx);
    const professionals = await insertProfessionals(trx, catalog, addDays(today, -AGENDA_HISTORY_DAYS));
    const exceptions = demoExceptions(today);
    await insertExceptions(trx, professionals, exceptions);

    const people = generatePatients(random, PATIENT_COUNT, today, nowMs);
    const patientRows: NewPatient[] = people.map((p) => ({
      dni: p.dni,
      lastName: p.lastName,
      firstName: p.firstName,
      sex: p.sex,
      birthDate: p.birthDate,
      email: p.email,
      mobile: p.mobile,
      address: p.address,
      insurerId: catalog.insurers.get(p.insurer.name)?.id ?? null,
      memberNumber: p.memberNumber,
      createdAt: isoUtc(p.createdAtMs),
      updatedAt: isoUtc(p.createdAtMs),
    }));
    const patientIds = new Map<string, number>();
    for (const batch of batches(patientRows)) {
      const rows = await trx.insertInto('patients').values(batch).returning(['id', 'dni']).execute();
      for (const r of rows) patientIds.set(r.dni, r.id);
    }

    const planProfessionals: PlanProfessional[] = professionals.map((p) => ({
      id: p.id,
      webEnabled: p.data.webEnabled === 1,
      maxDaysAhead: p.data.maxDaysAhead,
      firstSpecialtyId: p.firstSpecialtyId,
      fit: p.data.fit,
      blocks: p.blocks,
      exceptions: exceptions.filter((e) => e.professional === p.data.lastName),
    }));
    const planPatients: PlanPatient[] = people.map((p) => {
      const insurer = catalog.insurers.get(p.insurer.name);
      return {
        id: patientIds.get(p.dni) as number,
        sex: p.sex,
        birthDate: p.birthDate,
        insurerId: insurer?.id as number,
        canBookOnWeb: p.email !== null && insurer?.webEnabled === true,
        homeIp: p.homeIp,
      };
    });
    const appointments = planAppointments(
      {
        zone: settings.timeZone,
        today,
        nowMs,
        professionals: planProfessionals,
        patients: planPatients,
        studyFits: catalog.studyFits,
        webUser: settings.webUserLabel,
        webTypeLabel: settings.webAppointmentType,
        maxFuturePerPatient: settings.maxFuturePerPatient,
      },
      random,
    );
    await insertAppointments(trx, appointments);

    // Someone who can book on the web and has nothing booked ahead, so every limit leaves room to try; with a
    // mobile, which the patient portal needs besides the e-mail; and a past turno the portal can show.
    const booked = new Set(appointments.filter((a) => Date.parse(a.startsAt) > nowMs).map((a) => a.patientId));
    const personOf = new Map(people.map((p) => [patientIds.get(p.dni) as number, p]));
    const candidates = planPatients
      .filter((p) => p.canBookOnWeb && !booked.has(p.id) && personOf.get(p.id)?.mobile)
      .map((p) => ({ id: p.id, selfPay: personOf.get(p.id)?.insurer.selfPay === 1 }));
    const ecg = 'Electrocardiograma';
    const cardiology = {
      specialtyId: catalog.specialtyIds.get('CARDIOLOGIA') ?? null,
      ecgStudyId: catalog.studyIds.get(ecg) ?? null,
      ecgProfessionalIds: new Set(professionals.filter((p) => p.data.studies.includes(ecg)).map((p) => p.id)),
    };
    const portal = choosePortalPatient(candidates, appointments, cardiology, nowMs);
    const person = portal ? personOf.get(portal.patientId) : undefined;
    if (portal && person) {
      const at = isoUtc(nowMs);
      await trx
        .insertInto('webAccounts')
        .values({
          patientId: portal.patientId,
          passwordHash: await hashPassword(DEMO_PASSWORD),
          activatedAt: at,
          createdAt: at,
          updatedAt: at,
          // The first access already done: the question asked by "Olvidé mi contraseña" after the mail link.
          securityQuestion: DEMO_PORTAL.securityQuestion,
          securityAnswerHash: await hashAnswer(DEMO_PORTAL.securityAnswer),
        })
        .execute();
      // The patient portal enabled by the center, with the DNI's trámite number on the record.
      await trx
        .updateTable('patients')
        .set({ portalEnabled: 1, portalEnabledAt: at, dniTramite: DEMO_PORTAL.dniTramite })
        .where('id', '=', portal.patientId)
        .execute();
    }

    const staff = await insertDemoStaff(trx, professionals[0]?.id ?? null, isoUtc(nowMs));
    const videoTurnos =
      portal && planProfessionals[0]
        ? await insertDemoTeleconsult(trx, {
            zone: settings.timeZone,
            today,
            nowMs,
            patientId: portal.patientId,
            professional: planProfessionals[0],
            busy: appointments,
          })
        : 0;

    return {
      portal: portal && person ? { ...portal, cardiology } : null,
      staff,
      staffUsers: staff.map(({ username, role }) => ({ username, role })),
      professionals: professionals.length,
      patients: patientRows.length,
      appointments: appointments.length + videoTurnos,
      webPatient: person
        ? {
            dni: person.dni,
            password: DEMO_PASSWORD,
            name: `${person.firstName} ${person.lastName}`,
            email: person.email ?? '',
          }
        : null,
    };
  });

  const { portal, staff, ...summary } = loaded;
  if (portal) {
    const actor = (role: StaffRole) => staffActorOf(staff.find((u) => u.role === role) as StaffUser, '');
    // Every row the services write is dated the demo's "now", as the rest of the demo is.
    const demoCtx: AppContext = { ...ctx, clock: fixedClock(nowMs) };
    await loadDemoPortal(demoCtx, {
      patientId: portal.patientId,
      turno: portal.turno,
      reportInTurno: portal.reportInTurno,
      cardiology: portal.cardiology,
      admin: actor('admin'),
      desk: actor('reception'),
    }).catch((e: unknown) => {
      throw new Error(
        `El centro de demostración se cargó, pero no el portal de su paciente de prueba: ${String(e)}. ` +
          'Borrá la base nueva y volvé a arrancar.',
        { cause: e },
      );
    });
  }
  return summary;
}

async function insertDemoStaff(trx: Transaction<DB>, professionalId: number | null, at: string) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const users: { username: string; name: string; role: StaffRole; professionalId: number | null }[] = [
    { username: 'admin', name: 'Administración Demo', role: 'admin', professionalId: null },
    { username: 'recepcion', name: 'Recepción Demo', role: 'reception', professionalId: null },
  ];
  if (professionalId !== null) {
    users.push({ username: 'profesional', name: 'Profesional Demo', role: 'professional', professionalId });
  }
  return trx
    .insertInto('staffUsers')
    .values(users.map((u) => ({ ...u, email: null, passwordHash, createdAt: at, updatedAt: at })))
    .returningAll()
    .execute();
}

/** The demo invents patients and professionals: mixing them with a real center's data would be a mess to undo. */
async function assertEmpty(trx: Transaction<DB>) {
  const count = async (table: 'professionals' | 'patients' | 'appointments') => {
    const row = await trx
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  const counts: Array<[string, number]> = [
    ['profesionales', await count('professionals')],
    ['pacientes', await count('patients')],
    ['turnos', await count('appointments')],
  ];
  const nonEmpty = counts.filter(([, n]) => n > 0);
  if (nonEmpty.length > 0) {
    const what = nonEmpty.map(([name, n]) => `${n} ${name}`).join(', ');
    throw new Error(
      `No se puede cargar el centro de demostración: la base de datos ya tiene datos (${what}). ` +
        'La demo solo se carga en una base vacía recién creada.',
    );
  }
}

async function insertAppointments(trx: Transaction<DB>, appointments: readonly NewAppointment[]) {
  // In time order, as a real agenda fills; a cancelled turn precedes its rebooking in the same slot.
  const ordered = appointments
    .map((a, index) => ({ a, index }))
    .sort((x, y) => x.a.startsAt.localeCompare(y.a.startsAt) || x.index - y.index)
    .map((x) => x.a);
  for (const batch of batches(ordered)) await trx.insertInto('appointments').values(batch).execute();
}

function* batches<T>(rows: readonly T[]): Generator<T[]> {
  for (let i = 0; i < rows.length; i += BATCH) yield rows.slice(i, i + BATCH);
}
