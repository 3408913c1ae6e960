// The check every agenda change goes through: which future reserved turnos it would leave outside the agenda.
// Those are listed and the change waits for an explicit confirmation; the turnos are kept (never cancelled
// behind the patient's back) and the desk shows them as "fuera de agenda" for reception to call and move.
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { lockKey } from '../../platform/db/dialect.js';
import type { Agenda, DB, ScheduleException } from '../../platform/db/schema.js';
import { addDays, formatInZone, isoUtc, startOfDayUtc, todayIn, utcToCivil } from '../../platform/time/zone.js';
import { getSettings } from '../center/center.repo.js';
import type { StaffActor } from '../staff/actor.js';
import { audit } from '../staff/audit.service.js';
import { orphanedTurnos, type Schedule } from './agenda-orphans.rules.js';
import { allProfessionalIds, blocksFor, exceptionsFor, type ReservedTurno, reservedTurnos } from './agendas.repo.js';
import type { Service } from './slots.rules.js';

/** Where a change is worked out: inside the transaction that applies it, or on its own for a preview. */
export interface PlanContext {
  db: Kysely<DB>;
  zone: string;
  nowMs: number;
}

/** What a change would do: the turnos it leaves outside the agenda, and how to apply it. */
export interface ChangePlan<T> {
  orphans: ReservedTurno[];
  apply(): Promise<T>;
}

export interface OrphanScope {
  /** null: every professional (a change for the whole center). */
  professionalIds: readonly number[] | null;
  /** The dates the change touches, both included; null: open-ended. Only the future counts. */
  fromDate: string;
  toDate: string | null;
}

/** One professional's agenda as stored: the blocks and exceptions that apply to the turnos looked at. */
export interface CurrentSchedule {
  blocks: Agenda[];
  exceptions: ScheduleException[];
}

const serviceOf = (t: ReservedTurno): Service =>
  t.specialtyId !== null ? { specialtyId: t.specialtyId } : t.studyId !== null ? { studyId: t.studyId } : null;

/**
 * The reserved turnos from now on, inside the scope, that each professional's current agenda covers and
 * `after` (their agenda once the change is made) would not.
 */
export async function findOrphans(
  p: PlanContext,
  scope: OrphanScope,
  after: (professionalId: number, current: CurrentSchedule) => Schedule,
): Promise<ReservedTurno[]> {
  const today = todayIn(p.zone, p.nowMs);
  // biome-ignore lint/complexity/useMathMinMax: dates compared as text, where Math.max does not apply
  const fromDate = scope.fromDate > today ? scope.fromDate : today;
  if (scope.toDate !== null && scope.toDate < fromDate) return [];
  const turnos = await reservedTurnos(p.db, {
    professionalIds: scope.professionalIds,
    fromIso: isoUtc(Math.max(p.nowMs, startOfDayUtc(p.zone, fromDate))),
    toIso: scope.toDate === null ? null : isoUtc(startOfDayUtc(p.zone, addDays(scope.toDate, 1))),
  });
  if (turnos.length === 0) return [];
  const ids = [...new Set(turnos.map((t) => t.professionalId))];
  const first = utcToCivil(p.zone, Date.parse((turnos[0] as ReservedTurno).startsAt)).date;
  const last = utcToCivil(p.zone, Date.parse((turnos.at(-1) as ReservedTurno).startsAt)).date;
  const [blocks, exceptions] = await Promise.all([
    blocksFor(p.db, ids, first, last),
    exceptionsFor(p.db, ids, first, last),
  ]);
  const orphans: ReservedTurno[] = [];
  for (const id of ids) {
    const current: CurrentSchedule = {
      blocks: blocks.filter((b) => b.professionalId === id),
      exceptions: exceptions.filter((e) => e.professionalId === null || e.professionalId === id),
    };
    const booked = turnos
      .filter((t) => t.professionalId === id)
      .map((row) => ({
        row,
        startMs: Date.parse(row.startsAt),
        overbook: row.overbook === 1,
        service: serviceOf(row),
      }));
    for (const o of orphanedTurnos({ zone: p.zone, before: current, after: after(id, current), turnos: booked })) {
      orphans.push(o.row);
    }
  }
  return orphans.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id - b.id);
}

/** A turno left outside the agenda, as the API and the pages show it. */
function orphanView(zone: string, t: ReservedTurno) {
  const start = formatInZone(zone, Date.parse(t.startsAt));
  return {
    id: t.id,
    professional: { id: t.professionalId, fullName: `${t.professionalLastName} ${t.professionalFirstName}` },
    start,
    end: formatInZone(zone, Date.parse(t.endsAt)),
    date: start.slice(0, 10),
    time: start.slice(11, 16),
    overbook: t.overbook === 1,
    patient: {
      id: t.patientId,
      dni: t.patientDni,
      lastName: t.patientLastName,
      firstName: t.patientFirstName,
      mobile: t.patientMobile,
    },
    specialty: t.specialtyId === null ? null : { id: t.specialtyId, name: t.specialtyName ?? '' },
    study: t.studyId === null ? null : { id: t.studyId, name: t.studyName ?? '' },
  };
}

export type OrphanView = ReturnType<typeof orphanView>;

/** The change was not saved: it would leave these turnos outside the agenda and nobody confirmed. */
export class OrphanedAppointmentsError extends AppError {
  constructor(readonly orphans: OrphanView[]) {
    super('ORPHANED_APPOINTMENTS', { count: orphans.length });
  }
}

/** Showing the list is a staff read of appointments: one row for the whole list. */
async function auditOrphanList(ctx: AppContext, actor: StaffActor, orphans: readonly OrphanView[], what: string) {
  if (orphans.length === 0) return;
  await audit(ctx, actor, {
    action: 'appointment.list',
    patientId: null,
    target: what,
    detail: `turnos que un cambio de agenda deja fuera de agenda: ${orphans.length}`,
  });
}

export interface SaveOptions {
  actor: StaffActor;
  confirmOrphans: boolean;
  /** Names the change in the audit log, e.g. "agenda:4". */
  what: string;
  /**
   * Whose agendas change: their bookings wait, so none slips in between the check and the save.
   * 'all': a change for the whole center (an exception without professional, the holidays).
   */
  lockProfessionalIds: readonly number[] | 'all';
}

/**
 * Works the change out and applies it in one transaction, unless it leaves turnos outside the agenda and
 * the actor did not confirm: then nothing is saved and OrphanedAppointmentsError carries the list.
 */
export async function saveChange<T>(
  ctx: AppContext,
  options: SaveOptions,
  plan: (p: PlanContext) => Promise<ChangePlan<T>>,
): Promise<{ result: T; orphaned: number }> {
  const db = ctx.database.db;
  const zone = (await getSettings(db)).timeZone;
  const nowMs = ctx.clock.now();
  type Outcome = { refused: ReservedTurno[] } | { done: { result: T; orphaned: number } };
  const outcome = await db.transaction().execute(async (trx): Promise<Outcome> => {
    // Bookings hold one professional's lock at most (after the patient's and the IP's, never before), and
    // changes take theirs in ascending id order: no two transactions can wait on each other in a circle.
    const ids =
      options.lockProfessionalIds === 'all'
        ? await allProfessionalIds(trx)
        : [...options.lockProfessionalIds].sort((a, b) => a - b);
    for (const id of ids) await lockKey(trx, ctx.database.dialect, `professional:${id}`);
    const planned = await plan({ db: trx, zone, nowMs });
    if (planned.orphans.length > 0 && !options.confirmOrphans) return { refused: planned.orphans };
    return { done: { result: await planned.apply(), orphaned: planned.orphans.length } };
  });
  if (!('done' in outcome)) {
    const views = outcome.refused.map((t) => orphanView(zone, t));
    // After the rollback: the list was shown, so its reading stays in the log.
    await auditOrphanList(ctx, options.actor, views, options.what);
    throw new OrphanedAppointmentsError(views);
  }
  return outcome.done;
}

/** The same work as saveChange without saving: what the confirmation page and the API preview list. */
export async function previewChange<T>(
  ctx: AppContext,
  actor: StaffActor,
  what: string,
  plan: (p: PlanContext) => Promise<ChangePlan<T>>,
): Promise<OrphanView[]> {
  const db = ctx.database.db;
  const zone = (await getSettings(db)).timeZone;
  const planned = await plan({ db, zone, nowMs: ctx.clock.now() });
  const views = planned.orphans.map((t) => orphanView(zone, t));
  await auditOrphanList(ctx, actor, views, what);
  return views;
}
