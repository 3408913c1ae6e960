// The dashboard's SQL: turnos counted per period, status and origin in one grouped query.
import { type Kysely, sql } from 'kysely';
import type { AppointmentOrigin, AppointmentStatus, DB } from '../../platform/db/schema.js';

export interface BucketCount {
  /** i when bounds[i] <= start < bounds[i + 1]. */
  bucket: number;
  status: AppointmentStatus;
  origin: AppointmentOrigin;
  n: number;
}

/**
 * Turnos (overbooks and cancelled ones included) starting in [bounds[0], bounds[last]), counted per period.
 * The periods are instants computed by the caller in the center's zone, so neither database needs to know
 * the zone, and daylight saving is handled once, in TypeScript.
 */
export async function countByPeriod(db: Kysely<DB>, bounds: readonly string[]): Promise<BucketCount[]> {
  if (bounds.length < 2) return [];
  const inner = bounds.slice(1, -1).map((b, i) => sql`when starts_at < ${b} then ${sql.lit(i)}`);
  const last = sql.lit(bounds.length - 2);
  const bucket = inner.length ? sql<number>`case ${sql.join(inner, sql` `)} else ${last} end` : sql<number>`${last}`;
  const rows = await db
    .selectFrom(
      db
        .selectFrom('appointments')
        .select([bucket.as('bucket'), 'status', 'origin'])
        .where('startsAt', '>=', bounds[0] as string)
        .where('startsAt', '<', bounds[bounds.length - 1] as string)
        .as('t'),
    )
    .select(['t.bucket', 't.status', 't.origin', (eb) => eb.fn.countAll().as('n')])
    .groupBy(['t.bucket', 't.status', 't.origin'])
    .execute();
  return rows.map((r) => ({ bucket: Number(r.bucket), status: r.status, origin: r.origin, n: Number(r.n) }));
}
