import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type TestContext, test } from 'node:test';
import pg from 'pg';
import { defaultWebConfig } from '../config.js';
import type { AppContext } from '../context.js';
import { passwordMatches } from '../modules/patients/accounts.passwords.js';
import { answerMatches } from '../modules/portal/security-answer.js';
import { blockServes, computeSlots, type Service } from '../modules/scheduling/slots.rules.js';
import { createDb, type Database } from '../platform/db/database.js';
import { parseDatabaseUrl } from '../platform/db/dialect.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import type { Appointment } from '../platform/db/schema.js';
import { LocalFileStore } from '../platform/storage/local-store.js';
import { fixedClock } from '../platform/time/clock.js';
import { addDays, todayIn, utcToCivil } from '../platform/time/zone.js';
import { assertDemoPortal } from './demo-portal.test-helpers.js';
import { DEMO_PORTAL, loadDemo } from './load-demo.js';

/** Wednesday 11 March 2026, 10:00 in Buenos Aires: a weekday morning with history behind and agenda ahead. */
const NOW = Date.UTC(2026, 2, 11, 13, 0);
const PAST_DAYS = 21;
const FUTURE_DAYS = 28;

/** What loadDemo is given by `npm start` and `turnero demo`: the database and a file store (here a temporary folder). */
function contextOf(database: Database, dir: string): AppContext {
  const files = path.join(dir, 'files');
  fs.mkdirSync(files, { recursive: true });
  return { database, clock: fixedClock(NOW), web: defaultWebConfig, files: new LocalFileStore(files) };
}

async function withSqlite(run: (ctx: AppContext) => Promise<void>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'turnero-demo-'));
  const database = createDb(parseDatabaseUrl(`sqlite:${path.join(dir, 'demo.db')}`));
  try {
    await migrateToLatest(database);
    await run(contextOf(database, dir));
  } finally {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A throwaway database on the server of TEST_DATABASE_URL, dropped afterwards even if the test fails. */
async function withPostgres(url: string, run: (ctx: AppContext) => Promise<void>) {
  const name = `turnero_demo_${randomBytes(6).toString('hex')}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'turnero-demo-'));
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    const database = createDb(parseDatabaseUrl(target.toString()), { poolSize: 2 });
    try {
      await migrateToLatest(database);
      await run(contextOf(database, dir));
    } finally {
      await database.close();
    }
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function countRows(database: Database, table: 'professionals' | 'patients' | 'appointments') {
  const row = await database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function ms(instant: string) {
  return Date.parse(instant);
}

async function assertCatalog(database: Database) {
  const { db } = database;
  const settings = await db.selectFrom('centerSettings').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  assert.equal(settings.name, 'CENTRO MEDICO DEMO');
  assert.match(settings.welcomePhrase, /Laboratorio y Rayos presentarse sin turno/);
  assert.equal(settings.contactEmail, 'info@centromedicodemo.com.ar');
  assert.equal(settings.phones, '4444-4444');
  assert.equal(settings.address, 'Av. Corrientes 1234, Ciudad de Buenos Aires');

  const specialties = await db.selectFrom('specialties').selectAll().execute();
  assert.ok(specialties.length >= 4);
  for (const name of ['CARDIOLOGIA', 'DERMATOLOGIA', 'GINECOLOGIA', 'CLINICA MEDICA', 'PEDIATRIA', 'TRAUMATOLOGIA']) {
    assert.ok(
      specialties.some((s) => s.name === name),
      name,
    );
  }
  assert.equal(specialties.find((s) => s.name === 'CARDIOLOGIA')?.webName, 'Cardiología');

  const studies = await db.selectFrom('studies').selectAll().execute();
  assert.match(studies.find((s) => s.name === 'Ecografía abdominal')?.indication ?? '', /ayuno/);

  const insurers = await db.selectFrom('insurers').selectAll().execute();
  assert.ok(insurers.length >= 6);
  assert.equal(insurers.find((i) => i.name === 'PARTICULAR')?.selfPay, 1);
  assert.ok(insurers.every((i) => i.bookingMessage !== '' && i.generalMessage !== ''));

  const professionals = await db.selectFrom('professionals').selectAll().execute();
  assert.ok(professionals.length >= 12);
  assert.ok(new Set(professionals.map((p) => p.maxDaysAhead)).size >= 3);
  assert.ok(professionals.some((p) => /mayores de 15/.test(p.generalMessage)));
  assert.ok(professionals.every((p) => /^M[NP] \d{4,6}$/.test(p.licenceNumber)));
  const links = await db.selectFrom('professionalSpecialties').selectAll().execute();
  const agendas = await db.selectFrom('agendas').selectAll().execute();
  for (const p of professionals) {
    assert.ok(
      links.some((l) => l.professionalId === p.id),
      `${p.lastName} sin especialidad`,
    );
    assert.ok(
      agendas.some((a) => a.professionalId === p.id),
      `${p.lastName} sin agenda`,
    );
  }
  assert.ok(agendas.some((a) => a.studyId !== null) && agendas.some((a) => a.specialtyId !== null));

  const exceptions = await db.selectFrom('scheduleExceptions').selectAll().execute();
  assert.ok(exceptions.length >= 2 && exceptions.length <= 3);
  const today = todayIn(settings.timeZone, NOW);
  assert.ok(exceptions.some((e) => e.kind === 'leave' && e.fromDate > today && e.fromDate <= addDays(today, 14)));
}

async function assertPatients(database: Database) {
  const patients = await database.db.selectFrom('patients').selectAll().execute();
  assert.ok(patients.length >= 200);
  assert.equal(new Set(patients.map((p) => p.dni)).size, patients.length);
  for (const p of patients) {
    assert.match(p.dni, /^\d{8}$/);
    assert.ok(p.sex === 'F' || p.sex === 'M');
    assert.match(p.birthDate ?? '', /^\d{4}-\d{2}-\d{2}$/);
    if (p.email !== null) assert.match(p.email, /^[a-z]+\.[a-z]+\d*@example\.com$/);
    if (p.mobile !== null) assert.match(p.mobile, /^\+549(11\d{8}|221\d{7})$/);
    assert.notEqual(p.insurerId, null);
    assert.notEqual(p.address, '');
  }
  assert.ok(patients.some((p) => p.email === null) && patients.some((p) => p.mobile === null));
}

/** Every appointment sits on a slot the engine offers for its service, outside every exception. */
async function assertOnAgendaSlots(database: Database, appointments: readonly Appointment[], zone: string) {
  const { db } = database;
  const agendas = await db.selectFrom('agendas').selectAll().execute();
  const exceptions = await db.selectFrom('scheduleExceptions').selectAll().execute();
  const today = todayIn(zone, NOW);
  const slotStarts = new Map<string, Map<number, number>>();
  for (const a of appointments) {
    const service: Service = a.studyId !== null ? { studyId: a.studyId } : { specialtyId: a.specialtyId as number };
    const key = `${a.professionalId}|${JSON.stringify(service)}`;
    let starts = slotStarts.get(key);
    if (!starts) {
      const blocks = agendas.filter((b) => b.professionalId === a.professionalId && blockServes(b, service));
      const slots = computeSlots({
        zone,
        fromDate: addDays(today, -PAST_DAYS),
        days: PAST_DAYS + FUTURE_DAYS + 1,
        blocks,
        exceptions: exceptions.filter((e) => e.professionalId === a.professionalId || e.professionalId === null),
        busy: [],
        service,
        notBeforeMs: Number.NEGATIVE_INFINITY,
      });
      starts = new Map(slots.map((s) => [s.startMs, s.endMs]));
      slotStarts.set(key, starts);
    }
    assert.equal(starts.get(ms(a.startsAt)), ms(a.endsAt), `turno ${a.id} fuera de la agenda`);
  }
}

function assertAppointmentRules(appointments: readonly Appointment[], zone: string, maxFuture: number) {
  const statuses = new Set(appointments.map((a) => a.status));
  for (const s of ['reserved', 'present', 'absent', 'cancelled']) assert.ok(statuses.has(s as never), s);
  assert.ok(appointments.some((a) => a.origin === 'web') && appointments.some((a) => a.origin === 'staff'));
  assert.ok(appointments.some((a) => a.reason !== '') && appointments.some((a) => a.reason === ''));

  for (const a of appointments) {
    const past = ms(a.startsAt) < NOW;
    assert.ok(past ? a.status !== 'reserved' : a.status === 'reserved' || a.status === 'cancelled', `${a.id}`);
    assert.ok((a.specialtyId === null) !== (a.studyId === null), `${a.id}: especialidad o estudio`);
    assert.ok(ms(a.bookedAt) < ms(a.startsAt) && ms(a.bookedAt) <= NOW, `${a.id}: otorgado antes`);
    assert.equal(a.cancelledAt !== null, a.status === 'cancelled');
    assert.equal(a.cancelledBy !== null, a.status === 'cancelled');
    if (a.cancelledAt !== null) assert.ok(ms(a.bookedAt) <= ms(a.cancelledAt) && ms(a.cancelledAt) <= NOW);
    if (a.origin === 'web') {
      assert.equal(a.typeLabel, 'WEB');
      assert.equal(a.bookedBy, 'WEB');
      assert.match(a.bookedIp ?? '', /^190\.\d{1,3}\.\d{1,3}\.\d{1,3}$/);
    } else {
      assert.equal(a.typeLabel, 'CONSULTORIO');
      assert.equal(a.bookedBy, 'recepcion');
      assert.equal(a.bookedIp, null);
    }
  }

  const active = appointments.filter((a) => a.status !== 'cancelled');
  const byProfessional = [...active].sort(
    (x, y) => x.professionalId - y.professionalId || ms(x.startsAt) - ms(y.startsAt),
  );
  for (let i = 1; i < byProfessional.length; i++) {
    const [prev, cur] = [byProfessional[i - 1] as Appointment, byProfessional[i] as Appointment];
    if (prev.professionalId === cur.professionalId)
      assert.ok(ms(prev.endsAt) <= ms(cur.startsAt), `${cur.id} superpuesto`);
  }
  const perDay = new Set<string>();
  const futurePerPatient = new Map<number, number>();
  for (const a of active) {
    const key = `${a.patientId}|${a.professionalId}|${utcToCivil(zone, ms(a.startsAt)).date}`;
    assert.ok(!perDay.has(key), `dos turnos el mismo día con el mismo profesional: ${key}`);
    perDay.add(key);
    if (ms(a.startsAt) >= NOW) futurePerPatient.set(a.patientId, (futurePerPatient.get(a.patientId) ?? 0) + 1);
  }
  assert.ok([...futurePerPatient.values()].every((n) => n <= maxFuture));
}

async function checkDemo(t: TestContext, ctx: AppContext) {
  const { database } = ctx;
  const started = performance.now();
  const summary = await loadDemo(ctx, { nowMs: NOW });
  t.diagnostic(`${database.dialect}: ${Math.round(performance.now() - started)} ms, ${JSON.stringify(summary)}`);
  assert.ok(summary.professionals >= 12 && summary.patients >= 200 && summary.appointments > 500);
  assert.equal(await countRows(database, 'appointments'), summary.appointments);
  // The demo patient can log in to the web at once: an active account, no future turno to hit a limit.
  assert.ok(summary.webPatient, 'the demo has a web patient');
  const demoPatient = await database.db
    .selectFrom('patients')
    .innerJoin('webAccounts', 'webAccounts.patientId', 'patients.id')
    .select(['patients.id', 'webAccounts.activatedAt', 'webAccounts.passwordHash'])
    .where('patients.dni', '=', summary.webPatient.dni)
    .executeTakeFirstOrThrow();
  assert.notEqual(demoPatient.activatedAt, null);
  assert.ok(await passwordMatches(demoPatient.passwordHash, summary.webPatient.password));
  // The same patient has the portal: enabled, a trámite number, a security answer; logs in with the e-mail too.
  const portal = await database.db
    .selectFrom('patients')
    .innerJoin('webAccounts', 'webAccounts.patientId', 'patients.id')
    .select(['portalEnabled', 'dniTramite', 'email', 'mobile', 'securityQuestion', 'securityAnswerHash'])
    .where('patients.dni', '=', summary.webPatient.dni)
    .executeTakeFirstOrThrow();
  assert.equal(portal.portalEnabled, 1);
  assert.equal(portal.dniTramite, DEMO_PORTAL.dniTramite);
  assert.equal(portal.email, summary.webPatient.email);
  assert.ok(portal.mobile, 'the portal needs a mobile');
  assert.equal(portal.securityQuestion, DEMO_PORTAL.securityQuestion);
  assert.ok(await answerMatches(portal.securityAnswerHash, 'firulais'));
  // And one staff user per role, so the back office can be tried at once.
  const staff = await database.db.selectFrom('staffUsers').select(['username', 'role', 'passwordHash']).execute();
  assert.deepEqual(staff.map((u) => u.role).sort(), ['admin', 'professional', 'reception']);
  assert.ok(await passwordMatches(staff[0]?.passwordHash, 'demo1234'));

  await assertCatalog(database);
  await assertPatients(database);
  const settings = await database.db.selectFrom('centerSettings').selectAll().executeTakeFirstOrThrow();
  const appointments = await database.db.selectFrom('appointments').selectAll().execute();
  const patients = await database.db.selectFrom('patients').select(['id', 'insurerId']).execute();
  const insurerOf = new Map(patients.map((p) => [p.id, p.insurerId]));
  assert.ok(appointments.every((a) => a.insurerId === insurerOf.get(a.patientId)));
  assertAppointmentRules(appointments, settings.timeZone, settings.maxFuturePerPatient);
  await assertOnAgendaSlots(database, appointments, settings.timeZone);

  await assert.rejects(loadDemo(ctx, { nowMs: NOW }), /ya tiene datos \(\d+ profesionales/);
  assert.equal(await countRows(database, 'professionals'), summary.professionals);
  assert.equal(await countRows(database, 'patients'), summary.patients);
  assert.equal(await countRows(database, 'appointments'), summary.appointments);

  // The same patient's portal is not empty: questionnaires, invoices and a report (this books a turno: last).
  await assertDemoPortal(ctx, summary.webPatient.dni, NOW);
}

test('loadDemo fills an empty SQLite database with a consistent demo center', async (t) => {
  await withSqlite((ctx) => checkDemo(t, ctx));
});

test('loadDemo on PostgreSQL', {
  skip: process.env.TEST_DATABASE_URL ? false : 'TEST_DATABASE_URL not set',
}, async (t) => {
  await withPostgres(process.env.TEST_DATABASE_URL as string, (ctx) => checkDemo(t, ctx));
});

test('loadDemo is the same for the same seed and differs for another', async () => {
  const fingerprint = async (seed: number) => {
    let rows: string[] = [];
    await withSqlite(async (ctx) => {
      await loadDemo(ctx, { nowMs: NOW, seed });
      const db = ctx.database.db;
      const found = await db
        .selectFrom('appointments')
        .innerJoin('patients', 'patients.id', 'appointments.patientId')
        .select(['patients.dni', 'appointments.professionalId', 'appointments.startsAt', 'appointments.status'])
        .orderBy('appointments.id')
        .execute();
      rows = found.map((r) => `${r.dni}|${r.professionalId}|${r.startsAt}|${r.status}`);
      // The portal too: the same invoices, and the report byte for byte.
      const invoices = await db.selectFrom('invoices').selectAll().orderBy('number').execute();
      rows.push(...invoices.map((i) => `${i.number}|${i.customerDni}|${i.issuedOn}|${i.totalCents}|${i.status}`));
      const documents = await db.selectFrom('patientDocuments').select(['patientId', 'sha256']).execute();
      rows.push(...documents.map((d) => `${d.patientId}|${d.sha256}`));
    });
    return rows;
  };
  const first = await fingerprint(7);
  assert.deepEqual(await fingerprint(7), first);
  assert.notDeepEqual(await fingerprint(8), first);
});
