// Each target of the brief, judged OK or MISSED from the figures of one database.
import type { AvailabilityFigures } from './availability.js';
import type { BookingFigures, RaceFigures } from './bookings.js';
import { type BenchConfig, targets } from './config.js';
import type { CenterPlan } from './plan.js';

export interface DatabaseFigures {
  name: string;
  label: string;
  plan: CenterPlan;
  loadSeconds: number;
  availability: AvailabilityFigures;
  bookings: BookingFigures;
  race: RaceFigures;
}

export interface Check {
  name: string;
  value: string;
  target: string;
  ok: boolean;
}

/** A figure shown beside the targets but judged against none. */
export interface Info {
  name: string;
  value: string;
}

export const int = (n: number) => Math.round(n).toLocaleString('en-US');
export const ms = (n: number) => `${n < 10 ? n.toFixed(2) : n.toFixed(1)} ms`;
export const verdict = (ok: boolean) => (ok ? 'OK' : 'MISSED');

/** 201s per second over the measured run; they only count when the database gained exactly as many rows. */
export function committedPerSecond(b: BookingFigures): number {
  const created = b.run.statuses['201'] ?? 0;
  return b.run.seconds > 0 && created === b.added ? created / b.run.seconds : 0;
}

export function raceOk(r: RaceFigures): boolean {
  const s = r.result.statuses;
  return (
    (s['201'] ?? 0) === 1 && (s['409'] ?? 0) === r.result.responses - 1 && r.result.errors === 0 && r.activeOnSlot === 1
  );
}

export function checks(f: DatabaseFigures, cfg: BenchConfig) {
  const { one, many } = f.availability;
  const booked = committedPerSecond(f.bookings);
  return {
    p50: {
      name: 'availability p50, 1 conn, production',
      value: ms(one.p50Ms),
      target: `≤ ${targets.availabilityP50Ms} ms`,
      ok: one.p50Ms <= targets.availabilityP50Ms,
    },
    p99: {
      name: 'availability p99, 1 conn, production',
      value: ms(one.p99Ms),
      target: `≤ ${targets.availabilityP99Ms} ms`,
      ok: one.p99Ms <= targets.availabilityP99Ms,
    },
    rate: {
      name: `availability req/s, ${cfg.connections} conn, production`,
      value: `${int(many.perSecond)}/s`,
      target: `≥ ${int(targets.availabilityPerSecond)}/s`,
      ok: many.perSecond >= targets.availabilityPerSecond,
    },
    bookings: {
      name: `committed bookings/s, ${cfg.connections} conn`,
      value: `${int(booked)}/s`,
      target: `≥ ${int(targets.bookingsPerSecond)}/s`,
      ok: booked >= targets.bookingsPerSecond,
    },
    race: {
      name: `same slot ×${cfg.raceRequests}`,
      value: `201 ×${f.race.result.statuses['201'] ?? 0}`,
      target: 'one 201, rest 409',
      ok: raceOk(f.race),
    },
  } satisfies Record<string, Check>;
}

/** The week computed on every request (availabilityCacheMs 0, no gzip): what a request that misses the cache costs. */
export function informational(f: DatabaseFigures, cfg: BenchConfig): Info[] {
  const { one, many } = f.availability.uncached;
  return [
    { name: 'availability p50, 1 conn, no cache (informational)', value: ms(one.p50Ms) },
    { name: 'availability p99, 1 conn, no cache (informational)', value: ms(one.p99Ms) },
    {
      name: `availability req/s, ${cfg.connections} conn, no cache (informational)`,
      value: `${int(many.perSecond)}/s`,
    },
  ];
}
