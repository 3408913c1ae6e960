// Writes a planned center in one transaction with multi-row inserts: 100,000 appointments in seconds
// rather than the minutes that one statement per row would take.
import type { Kysely } from 'kysely';
import type { DB, NewAppointment, NewPatient } from '../src/platform/db/schema.js';
import { isoUtc } from '../src/platform/time/zone.js';
import type { BenchConfig } from './config.js';
import { agendaBlocks, type CenterPlan, NOW_MS } from './plan.js';

/** 500 rows × 18 columns = 9,000 parameters: well under SQLite's limit of 32,766 per statement. */
const BATCH = 500;

export interface SeededCenter {
  specialtyId: number;
  /** Database ids, by the plan's professional index. */
  professionalIds: number[];
  /** Database ids, by the plan's patient index. */
  patientIds: number[];
}

async function inBatches<T>(rows: readonly T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

const pad = (n: number) => String(n).padStart(5, '0');

export async function seedCenter(db: Kysely<DB>, cfg: BenchConfig, plan: CenterPlan): Promise<SeededCenter> {
  const nowIso = isoUtc(NOW_MS);
  return db.transaction().execute(async (trx) => {
    const specialty = await trx
      .insertInto('specialties')
      .values({ name: 'CLINICA MEDICA', webName: 'Clínica médica' })
      .returning('id')
      .executeTakeFirstOrThrow();

    // RETURNING order is not promised for multi-row inserts, so rows are matched back by a unique name.
    const pros = await trx
      .insertInto('professionals')
      .values(
        Array.from({ length: cfg.professionals }, (_, i) => ({ lastName: `PROFESIONAL ${pad(i)}`, firstName: 'Ana' })),
      )
      .returning(['id', 'lastName'])
      .execute();
    const proId = new Map(pros.map((p) => [p.lastName, p.id]));
    const professionalIds = Array.from({ length: cfg.professionals }, (_, i) => proId.get(`PROFESIONAL ${pad(i)}`)!);
    await trx
      .insertInto('professionalSpecialties')
      .values(professionalIds.map((professionalId) => ({ professionalId, specialtyId: specialty.id })))
      .execute();
    const agendas = professionalIds.flatMap((professionalId) =>
      agendaBlocks().map((b) => ({ ...b, professionalId, specialtyId: specialty.id })),
    );
    await inBatches(agendas, (batch) => trx.insertInto('agendas').values(batch).execute());

    const patients: NewPatient[] = Array.from({ length: cfg.patients }, (_, i) => ({
      dni: String(30_000_000 + i),
      lastName: `PACIENTE ${pad(i)}`,
      firstName: 'Juan',
      sex: 'M',
      birthDate: '1970-01-01',
      email: null,
      mobile: null,
      insurerId: null,
      createdAt: nowIso,
      updatedAt: nowIso,
    }));
    const patientId = new Map<string, number>();
    await inBatches(patients, async (batch) => {
      const rows = await trx.insertInto('patients').values(batch).returning(['id', 'dni']).execute();
      for (const r of rows) patientId.set(r.dni, r.id);
    });
    const patientIds = patients.map((p) => patientId.get(p.dni)!);

    // Latest first: SQLite's overlap trigger scans the professional's appointments that start before the new
    // one ends, so in time order the load is quadratic (over a minute for 100,000 rows); in reverse it is not.
    const latestFirst = [...plan.appointments].sort((a, b) => b.startMs - a.startMs);
    const appointments: NewAppointment[] = latestFirst.map((a) => ({
      professionalId: professionalIds[a.professional]!,
      specialtyId: specialty.id,
      studyId: null,
      patientId: patientIds[a.patient]!,
      startsAt: isoUtc(a.startMs),
      endsAt: isoUtc(a.endMs),
      status: a.status,
      origin: 'staff',
      typeLabel: 'NORMAL',
      reason: '',
      insurerId: null,
      bookedAt: isoUtc(a.bookedAtMs),
      bookedIp: null,
      bookedBy: 'carga',
      cancelledAt: a.status === 'cancelled' ? isoUtc(a.bookedAtMs) : null,
      cancelledBy: a.status === 'cancelled' ? 'carga' : null,
      overbook: 0,
      updatedAt: nowIso,
    }));
    await inBatches(appointments, (batch) => trx.insertInto('appointments').values(batch).execute());
    return { specialtyId: specialty.id, professionalIds, patientIds };
  });
}
