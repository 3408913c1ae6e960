// Targets 3 and 4: staff bookings through POST /api/v1/appointments, on distinct free slots and on one slot at once.
import type { Kysely } from 'kysely';
import type { DB } from '../src/platform/db/schema.js';
import { formatInZone, isoUtc } from '../src/platform/time/zone.js';
import type { BenchConfig } from './config.js';
import type { LoadGenerator, LoadResult } from './load.js';
import { type PlannedSlot, ZONE } from './plan.js';
import type { SeededCenter } from './seed.js';

export interface BookingFigures {
  warmup: LoadResult;
  run: LoadResult;
  /** Appointments the database gained during the measured run. */
  added: number;
}

export interface RaceFigures {
  result: LoadResult;
  /** Active appointments on the contested slot afterwards. */
  activeOnSlot: number;
}

function bookingBody(center: SeededCenter, slot: PlannedSlot, patientIndex: number): string {
  return JSON.stringify({
    professionalId: center.professionalIds[slot.professional],
    specialtyId: center.specialtyId,
    patientId: center.patientIds[patientIndex % center.patientIds.length],
    start: formatInZone(ZONE, slot.startMs),
    origin: 'staff',
  });
}

async function countAppointments(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('appointments')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const headers = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

/**
 * Each request books a different free slot. The measured run sends a fixed number of requests and awaits
 * every response (autocannon `amount`), sized from the warm-up rate to last about runSeconds: a timed run
 * would drop the responses in flight at the end and the 201 count would no longer match the database.
 */
export async function measureBookings(
  cfg: BenchConfig,
  load: LoadGenerator,
  baseUrl: string,
  token: string,
  db: Kysely<DB>,
  center: SeededCenter,
  slots: readonly PlannedSlot[],
): Promise<BookingFigures> {
  const url = `${baseUrl}/api/v1/appointments`;
  const bodies = slots.map((slot, i) => bookingBody(center, slot, i));
  const warmBodies = bodies.slice(0, cfg.warmupBookings);
  const job = { kind: 'cannon', url, connections: cfg.connections, method: 'POST', headers: headers(token) } as const;
  const warmup = await load.run({ ...job, amount: warmBodies.length, bodies: warmBodies });
  const rest = bodies.slice(warmBodies.length);
  const amount = Math.min(rest.length, Math.max(cfg.connections, Math.round(warmup.perSecond * cfg.runSeconds * 1.2)));
  const before = await countAppointments(db);
  const run = await load.run({ ...job, amount, bodies: rest.slice(0, amount) });
  return { warmup, run, added: (await countAppointments(db)) - before };
}

/** Many patients reach for the same free slot together: exactly one may get it. */
export async function raceForOneSlot(
  cfg: BenchConfig,
  load: LoadGenerator,
  baseUrl: string,
  token: string,
  db: Kysely<DB>,
  center: SeededCenter,
  slot: PlannedSlot,
): Promise<RaceFigures> {
  const bodies = Array.from({ length: cfg.raceRequests }, (_, i) => bookingBody(center, slot, i));
  const result = await load.run({
    kind: 'burst',
    url: `${baseUrl}/api/v1/appointments`,
    headers: headers(token),
    bodies,
  });
  const row = await db
    .selectFrom('appointments')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('professionalId', '=', center.professionalIds[slot.professional]!)
    .where('startsAt', '=', isoUtc(slot.startMs))
    .where('status', '<>', 'cancelled')
    .executeTakeFirstOrThrow();
  return { result, activeOnSlot: Number(row.n) };
}
