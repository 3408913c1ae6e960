// Changing and removing working hours and exceptions from the back office. Any change that would leave
// booked turnos outside the agenda lists them and waits for a confirmation (agenda-orphans.service.ts).
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import type { Agenda } from '../../platform/db/schema.js';
import { type Actor, canSeeProfessional, requireStaff, type StaffActor } from '../staff/actor.js';
import {
  type ChangePlan,
  findOrphans,
  type OrphanView,
  type PlanContext,
  previewChange,
  saveChange,
} from './agenda-orphans.service.js';
import * as repo from './agendas.repo.js';
import {
  checkAgenda,
  type ExceptionInput,
  exceptionFields,
  exceptionTarget,
  planException,
} from './agendas.service.js';

/** What may change in a block; what is left out stays. A block never moves to another professional. */
export interface AgendaPatch {
  weekday?: number | undefined;
  startTime?: string | undefined;
  endTime?: string | undefined;
  slotMinutes?: number | undefined;
  specialtyId?: number | null | undefined;
  studyId?: number | null | undefined;
  validFrom?: string | undefined;
  validTo?: string | null | undefined;
}

export type AgendaChange =
  | { kind: 'update'; id: number; changes: AgendaPatch }
  | { kind: 'delete'; id: number }
  | { kind: 'exception'; exception: ExceptionInput };

async function existing(p: PlanContext, id: number): Promise<Agenda> {
  const agenda = await repo.getAgenda(p.db, id);
  if (!agenda) throw new AppError('NOT_FOUND', { what: `el horario ${id}` });
  return agenda;
}

const PATCHABLE = [
  'weekday',
  'startTime',
  'endTime',
  'slotMinutes',
  'specialtyId',
  'studyId',
  'validFrom',
  'validTo',
] as const satisfies ReadonlyArray<keyof AgendaPatch>;

function patched(current: Agenda, patch: AgendaPatch): Agenda {
  const next = { ...current };
  for (const key of PATCHABLE) if (patch[key] !== undefined) Object.assign(next, { [key]: patch[key] });
  // Naming one service replaces the other: a block serves a specialty or a study, never both.
  if (patch.specialtyId != null && patch.studyId === undefined) next.studyId = null;
  if (patch.studyId != null && patch.specialtyId === undefined) next.specialtyId = null;
  return next;
}

/** Only turnos the block covers now can lose their place: its own validity from today on. */
const scopeOf = (a: Agenda) => ({ professionalIds: [a.professionalId], fromDate: a.validFrom, toDate: a.validTo });

async function planUpdate(p: PlanContext, id: number, patch: AgendaPatch): Promise<ChangePlan<Agenda>> {
  const current = await existing(p, id);
  const next = patched(current, patch);
  await checkAgenda(p.db, next, id);
  const orphans = await findOrphans(p, scopeOf(current), (_pro, now) => ({
    blocks: now.blocks.map((b) => (b.id === id ? next : b)),
    exceptions: now.exceptions,
  }));
  const { id: _id, professionalId: _pro, ...changes } = next;
  return { orphans, apply: () => repo.updateAgenda(p.db, id, changes) };
}

async function planDelete(p: PlanContext, id: number): Promise<ChangePlan<Agenda>> {
  const current = await existing(p, id);
  const orphans = await findOrphans(p, scopeOf(current), (_pro, now) => ({
    blocks: now.blocks.filter((b) => b.id !== id),
    exceptions: now.exceptions,
  }));
  return {
    orphans,
    apply: async () => {
      await repo.deleteAgenda(p.db, id);
      return current;
    },
  };
}

/** Saves a change to one block under its professional's booking lock (see saveChange). */
async function saveBlockChange(
  ctx: AppContext,
  input: { actor: StaffActor; id: number; confirmOrphans?: boolean | undefined },
  plan: (p: PlanContext) => Promise<ChangePlan<Agenda>>,
) {
  const block = await repo.getAgenda(ctx.database.db, input.id);
  if (!block) throw new AppError('NOT_FOUND', { what: `el horario ${input.id}` });
  const options = {
    actor: input.actor,
    confirmOrphans: input.confirmOrphans === true,
    what: `agenda:${input.id}`,
    lockProfessionalIds: [block.professionalId],
  };
  const saved = await saveChange(ctx, options, plan);
  return { agenda: saved.result, orphaned: saved.orphaned };
}

export async function getAgenda(ctx: AppContext, input: { actor: Actor; id: number }) {
  const staff = requireStaff(input.actor);
  const agenda = await repo.getAgenda(ctx.database.db, input.id);
  if (!agenda || !canSeeProfessional(staff, agenda.professionalId)) {
    throw new AppError('NOT_FOUND', { what: `el horario ${input.id}` });
  }
  return agenda;
}

/** Changes a block's day, hours, slot length, service or validity. */
export async function updateAgenda(
  ctx: AppContext,
  input: { actor: Actor; id: number; changes: AgendaPatch; confirmOrphans?: boolean | undefined },
) {
  const actor = requireStaff(input.actor, ['admin']);
  return saveBlockChange(ctx, { ...input, actor }, (p) => planUpdate(p, input.id, input.changes));
}

/** Removes a block. To stop it from a date on and keep its history, shorten its validity instead. */
export async function deleteAgenda(
  ctx: AppContext,
  input: { actor: Actor; id: number; confirmOrphans?: boolean | undefined },
) {
  const actor = requireStaff(input.actor, ['admin']);
  return saveBlockChange(ctx, { ...input, actor }, (p) => planDelete(p, input.id));
}

/** The turnos a change would leave outside the agenda, without making it (refused as the save would be). */
export async function previewAgendaChange(
  ctx: AppContext,
  input: { actor: Actor; change: AgendaChange },
): Promise<OrphanView[]> {
  const actor = requireStaff(input.actor, ['admin']);
  const change = input.change;
  if (change.kind === 'exception') {
    const e = exceptionFields(change.exception);
    return previewChange(ctx, actor, exceptionTarget(e), (p) => planException(p, e));
  }
  const what = `agenda:${change.id}`;
  if (change.kind === 'update') return previewChange(ctx, actor, what, (p) => planUpdate(p, change.id, change.changes));
  return previewChange(ctx, actor, what, (p) => planDelete(p, change.id));
}

/**
 * A professional's exceptions together with the center's (both apply to their agenda), or the center's
 * alone. From a date on: the ones still running then.
 */
export async function listExceptions(
  ctx: AppContext,
  input: { actor: Actor; professionalId?: number | undefined; from?: string | undefined },
) {
  const staff = requireStaff(input.actor);
  if (input.professionalId !== undefined && !canSeeProfessional(staff, input.professionalId)) {
    throw new AppError('FORBIDDEN');
  }
  return repo.listExceptions(ctx.database.db, { professionalId: input.professionalId, fromDate: input.from });
}

/** Lifting an exception only gives slots back, so it never leaves a turno outside the agenda. */
export async function deleteException(ctx: AppContext, input: { actor: Actor; id: number }) {
  requireStaff(input.actor, ['admin']);
  const db = ctx.database.db;
  const exception = await repo.getException(db, input.id);
  if (!exception || !(await repo.deleteException(db, input.id))) {
    throw new AppError('NOT_FOUND', { what: `la excepción ${input.id}` });
  }
  return exception;
}
