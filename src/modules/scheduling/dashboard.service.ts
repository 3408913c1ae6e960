// The dashboard's figures for a reference date: today, the week, occupancy, and eight weeks of trend.
import type { AppContext } from '../../context.js';
import type { AppointmentStatus } from '../../platform/db/schema.js';
import { addDays, isoUtc, isoWeekday, startOfDayUtc, todayIn } from '../../platform/time/zone.js';
import * as catalog from '../catalog/catalog.repo.js';
import { fullName } from '../catalog/catalog.service.js';
import { getSettings } from '../center/center.repo.js';
import { type Actor, requireStaff } from '../staff/actor.js';
import { blocksFor, exceptionsFor } from './agendas.repo.js';
import { busyFor } from './appointments.repo.js';
import { type BucketCount, countByPeriod } from './dashboard.repo.js';
import { computeSlots } from './slots.rules.js';

const TREND_WEEKS = 8;

type StatusCounts = Record<AppointmentStatus, number> & { total: number };

function byStatus(rows: readonly BucketCount[]): StatusCounts {
  const counts: StatusCounts = { total: 0, reserved: 0, present: 0, absent: 0, cancelled: 0 };
  for (const r of rows) {
    counts[r.status] += r.n;
    counts.total += r.n;
  }
  return counts;
}

function byOrigin(rows: readonly BucketCount[]) {
  const web = rows.filter((r) => r.origin === 'web').reduce((sum, r) => sum + r.n, 0);
  const staff = rows.filter((r) => r.origin === 'staff').reduce((sum, r) => sum + r.n, 0);
  return { web, staff, webShare: web + staff === 0 ? null : web / (web + staff) };
}

/** Monday of the ISO week of the date. */
const mondayOf = (date: string) => addDays(date, 1 - isoWeekday(date));

/** Taken and offered agenda slots of each professional with an agenda that week, from the slot engine. */
async function weekOccupancy(ctx: AppContext, zone: string, monday: string) {
  const db = ctx.database.db;
  const pros = await catalog.listProfessionals(db, { webOnly: false });
  const ids = pros.map((p) => p.id);
  const sunday = addDays(monday, 6);
  const [blocks, exceptions, busy] = await Promise.all([
    blocksFor(db, ids, monday, sunday),
    exceptionsFor(db, ids, monday, sunday),
    busyFor(db, ids, startOfDayUtc(zone, monday), startOfDayUtc(zone, addDays(monday, 7))),
  ]);
  return pros.flatMap((p) => {
    const slots = computeSlots({
      zone,
      fromDate: monday,
      days: 7,
      blocks: blocks.filter((b) => b.professionalId === p.id),
      exceptions: exceptions.filter((e) => e.professionalId === null || e.professionalId === p.id),
      busy: busy
        .filter((b) => b.professionalId === p.id)
        .map((b) => ({ startMs: Date.parse(b.startsAt), endMs: Date.parse(b.endsAt) })),
      service: null,
      notBeforeMs: Number.NEGATIVE_INFINITY,
    });
    if (slots.length === 0) return [];
    const taken = slots.filter((s) => !s.free).length;
    return [
      { professional: { id: p.id, fullName: fullName(p) }, slots: slots.length, taken, rate: taken / slots.length },
    ];
  });
}

/**
 * Figures around a civil date in the center's zone (default today). Turnos count by the day they are for,
 * overbooks included; occupancy counts agenda slots only (an overbook takes none).
 */
export async function dashboard(ctx: AppContext, input: { actor: Actor; date?: string | undefined }) {
  requireStaff(input.actor, ['admin', 'reception']);
  const db = ctx.database.db;
  const zone = (await getSettings(db)).timeZone;
  const date = input.date ?? todayIn(zone, ctx.clock.now());
  const monday = mondayOf(date);
  const at = (day: string) => isoUtc(startOfDayUtc(zone, day));
  const weekDays = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  const trendMondays = Array.from({ length: TREND_WEEKS }, (_, i) => addDays(monday, 7 * (i + 1 - TREND_WEEKS)));
  const [daily, weekly, occupancy] = await Promise.all([
    countByPeriod(db, [...weekDays, addDays(monday, 7)].map(at)),
    countByPeriod(db, [...trendMondays, addDays(monday, 7)].map(at)),
    weekOccupancy(ctx, zone, monday),
  ]);
  const todayIndex = weekDays.indexOf(date);
  return {
    date,
    today: byStatus(daily.filter((r) => r.bucket === todayIndex)),
    week: {
      from: monday,
      to: addDays(monday, 6),
      ...byStatus(daily),
      origin: byOrigin(daily),
      days: weekDays.map((day, i) => ({ date: day, ...byStatus(daily.filter((r) => r.bucket === i)) })),
    },
    occupancy,
    weeks: trendMondays.map((from, i) => {
      const rows = weekly.filter((r) => r.bucket === i);
      const counts = byStatus(rows);
      return {
        from,
        to: addDays(from, 6),
        total: counts.total,
        cancelled: counts.cancelled,
        absent: counts.absent,
        origin: byOrigin(rows),
      };
    }),
  };
}
