// SQL of Citas: one patient's turnos split into the ones still to come and the rest.
import type { Kysely } from 'kysely';
import type { Appointment, DB } from '../../platform/db/schema.js';

/** pending: reserved and not started yet (what can still be cancelled or attended); past: everything else. */
export type CitasScope = 'pending' | 'past';

export interface CitasFilter {
  patientId: number;
  scope: CitasScope;
  /** UTC ISO instant that separates what is still to come from what is not. */
  now: string;
  limit: number;
  offset: number;
}

/** Pending ones soonest first; the rest (past, attended, missed, cancelled) newest first. */
export function listCitas(db: Kysely<DB>, f: CitasFilter): Promise<Appointment[]> {
  let q = db.selectFrom('appointments').selectAll().where('patientId', '=', f.patientId);
  if (f.scope === 'pending') {
    q = q
      .where('status', '=', 'reserved')
      .where('startsAt', '>', f.now)
      .orderBy('startsAt', 'asc')
      .orderBy('id', 'asc');
  } else {
    q = q
      .where((eb) => eb.or([eb('status', '!=', 'reserved'), eb('startsAt', '<=', f.now)]))
      .orderBy('startsAt', 'desc')
      .orderBy('id', 'desc');
  }
  return q.limit(f.limit).offset(f.offset).execute();
}
