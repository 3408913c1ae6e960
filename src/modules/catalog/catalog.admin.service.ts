// The center's catalog (the manual's ABM and "activadas para turnos web"): specialties, studies, insurers.
// Patients read the same rows, so what changes here changes the web at once. Admins only.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { isUniqueViolation } from '../../platform/db/dialect.js';
import type { DB } from '../../platform/db/schema.js';
import { type Actor, requireStaff } from '../staff/actor.js';
import * as repo from './catalog.admin.repo.js';
import type {
  insurerChanges,
  insurerInput,
  specialtyChanges,
  specialtyInput,
  studyChanges,
  studyInput,
} from './catalog.admin.schemas.js';
import * as catalog from './catalog.repo.js';
import { insurerView, specialtyView, studyView } from './catalog.service.js';

export type SpecialtyInput = z.output<typeof specialtyInput>;
export type SpecialtyChanges = z.output<typeof specialtyChanges>;
export type StudyInput = z.output<typeof studyInput>;
export type StudyChanges = z.output<typeof studyChanges>;
export type InsurerInput = z.output<typeof insurerInput>;
export type InsurerChanges = z.output<typeof insurerChanges>;

export const flag = (on: boolean) => (on ? 1 : 0);
export const flagOf = (on: boolean | undefined) => (on === undefined ? undefined : flag(on));

/** Drops the keys left undefined, so an update touches only what was sent. */
export function defined<T extends Record<string, unknown>>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const LABELS: Record<repo.NamedTable, string> = {
  specialties: 'una especialidad',
  studies: 'un estudio',
  insurers: 'una obra social',
};

/**
 * Refuses a name another row already has, ignoring case and accents; the unique index still
 * catches two requests racing with the very same spelling.
 */
async function withFreeName<T>(
  db: Kysely<DB>,
  table: repo.NamedTable,
  name: string | undefined,
  selfId: number | null,
  write: () => Promise<T>,
): Promise<T> {
  if (name !== undefined) {
    const clash = await repo.findByName(db, table, name);
    if (clash && clash.id !== selfId) throw new AppError('NAME_TAKEN', { what: LABELS[table], name: clash.name });
  }
  try {
    return await write();
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('NAME_TAKEN', { what: LABELS[table], name: name ?? '' });
    throw e;
  }
}

function notFound(what: string): never {
  throw new AppError('NOT_FOUND', { what });
}

// Specialties ----------------------------------------------------------------------------------------------

export async function createSpecialty(ctx: AppContext, input: { actor: Actor; specialty: SpecialtyInput }) {
  requireStaff(input.actor, ['admin']);
  const s = input.specialty;
  const db = ctx.database.db;
  const row = await withFreeName(db, 'specialties', s.name, null, () =>
    repo.insertSpecialty(db, { name: s.name, webName: s.webName || s.name, webEnabled: flag(s.webEnabled ?? true) }),
  );
  return specialtyView(row);
}

export async function updateSpecialty(ctx: AppContext, input: { actor: Actor; id: number; changes: SpecialtyChanges }) {
  requireStaff(input.actor, ['admin']);
  const db = ctx.database.db;
  const current = (await catalog.getSpecialty(db, input.id)) ?? notFound(`la especialidad ${input.id}`);
  const c = input.changes;
  const changes = defined({
    name: c.name,
    webName: c.webName === '' ? (c.name ?? current.name) : c.webName,
    webEnabled: flagOf(c.webEnabled),
  });
  if (Object.keys(changes).length === 0) return specialtyView(current);
  const row = await withFreeName(db, 'specialties', c.name, input.id, () =>
    repo.updateSpecialty(db, input.id, changes),
  );
  return specialtyView(row ?? notFound(`la especialidad ${input.id}`));
}

// Studies --------------------------------------------------------------------------------------------------

export async function createStudy(ctx: AppContext, input: { actor: Actor; study: StudyInput }) {
  requireStaff(input.actor, ['admin']);
  const s = input.study;
  const db = ctx.database.db;
  const row = await withFreeName(db, 'studies', s.name, null, () =>
    repo.insertStudy(db, { name: s.name, indication: s.indication ?? '', webEnabled: flag(s.webEnabled ?? true) }),
  );
  return studyView(row);
}

export async function updateStudy(ctx: AppContext, input: { actor: Actor; id: number; changes: StudyChanges }) {
  requireStaff(input.actor, ['admin']);
  const db = ctx.database.db;
  const current = (await catalog.getStudy(db, input.id)) ?? notFound(`el estudio ${input.id}`);
  const c = input.changes;
  const changes = defined({ name: c.name, indication: c.indication, webEnabled: flagOf(c.webEnabled) });
  if (Object.keys(changes).length === 0) return studyView(current);
  const row = await withFreeName(db, 'studies', c.name, input.id, () => repo.updateStudy(db, input.id, changes));
  return studyView(row ?? notFound(`el estudio ${input.id}`));
}

const plural = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

/**
 * Deletes a study nobody booked nor scheduled; who performs it goes with it. Turnos are the center's
 * records and agendas are cut for it, so either one keeps it: disabling it for the web hides it instead.
 */
export async function deleteStudy(ctx: AppContext, input: { actor: Actor; id: number }) {
  requireStaff(input.actor, ['admin']);
  const db = ctx.database.db;
  const study = (await catalog.getStudy(db, input.id)) ?? notFound(`el estudio ${input.id}`);
  const refuseIfUsed = async (from: Kysely<DB>) => {
    const usage = await repo.studyUsage(from, input.id);
    const uses = [
      usage.appointments > 0 ? plural(usage.appointments, 'turno', 'turnos') : '',
      usage.agendas > 0 ? plural(usage.agendas, 'horario de atención', 'horarios de atención') : '',
    ].filter(Boolean);
    if (uses.length === 0) return;
    throw new AppError('IN_USE', {
      action: `borrar el estudio «${study.name}»`,
      uses: `lo ${usage.appointments + usage.agendas === 1 ? 'usa' : 'usan'} ${uses.join(' y ')}`,
      hint: 'Si ya no se ofrece, deshabilitalo para la web.',
    });
  };
  try {
    const deleted = await db.transaction().execute(async (trx) => {
      await refuseIfUsed(trx);
      return repo.deleteStudy(trx, input.id);
    });
    if (!deleted) notFound(`el estudio ${input.id}`);
  } catch (e) {
    // A turno booked for it a moment ago makes the foreign key refuse the delete: say why.
    if (!(e instanceof AppError)) await refuseIfUsed(db);
    throw e;
  }
}

// Insurers -------------------------------------------------------------------------------------------------

export async function createInsurer(ctx: AppContext, input: { actor: Actor; insurer: InsurerInput }) {
  requireStaff(input.actor, ['admin']);
  const i = input.insurer;
  const db = ctx.database.db;
  const row = await withFreeName(db, 'insurers', i.name, null, () =>
    repo.insertInsurer(db, {
      name: i.name,
      webName: i.webName || i.name,
      webEnabled: flag(i.webEnabled ?? true),
      selfPay: flag(i.selfPay ?? false),
      generalMessage: i.generalMessage ?? '',
      bookingMessage: i.bookingMessage ?? '',
    }),
  );
  return insurerView(row);
}

export async function updateInsurer(ctx: AppContext, input: { actor: Actor; id: number; changes: InsurerChanges }) {
  requireStaff(input.actor, ['admin']);
  const db = ctx.database.db;
  const current = (await catalog.getInsurer(db, input.id)) ?? notFound(`la obra social ${input.id}`);
  const c = input.changes;
  const changes = defined({
    name: c.name,
    webName: c.webName === '' ? (c.name ?? current.name) : c.webName,
    webEnabled: flagOf(c.webEnabled),
    selfPay: flagOf(c.selfPay),
    generalMessage: c.generalMessage,
    bookingMessage: c.bookingMessage,
  });
  if (Object.keys(changes).length === 0) return insurerView(current);
  const row = await withFreeName(db, 'insurers', c.name, input.id, () => repo.updateInsurer(db, input.id, changes));
  return insurerView(row ?? notFound(`la obra social ${input.id}`));
}
