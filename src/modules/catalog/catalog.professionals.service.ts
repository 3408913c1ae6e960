// The center's professionals ("profesionales activados para turnos web") and what each one attends:
// specialties, and the studies of the manual's "Estudios" button. Admins only.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import type { DB, Professional } from '../../platform/db/schema.js';
import { todayIn } from '../../platform/time/zone.js';
import { getSettings } from '../center/center.repo.js';
import { type Actor, requireStaff } from '../staff/actor.js';
import * as repo from './catalog.admin.repo.js';
import type { professionalChanges, professionalInput } from './catalog.admin.schemas.js';
import { defined, flag, flagOf } from './catalog.admin.service.js';
import * as catalog from './catalog.repo.js';
import { fullName, professionalView } from './catalog.service.js';

export type ProfessionalInput = z.output<typeof professionalInput>;
export type ProfessionalChanges = z.output<typeof professionalChanges>;

const KIND_ES = {
  specialty: { one: 'la especialidad', it: 'la' },
  study: { one: 'el estudio', it: 'lo' },
} as const;

const WEEKDAYS_ES = ['', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábados', 'domingos'];

async function view(db: Kysely<DB>, p: Professional) {
  return professionalView(p, await catalog.servicesOf(db, [p.id]), true);
}

async function requireProfessional(db: Kysely<DB>, id: number) {
  const p = await catalog.getProfessional(db, id);
  if (!p) throw new AppError('NOT_FOUND', { what: `el profesional ${id}` });
  return p;
}

/** The ids without repeats, every one of them existing. */
async function checkIds(db: Kysely<DB>, kind: repo.ServiceKind, ids: readonly number[]): Promise<number[]> {
  const unique = [...new Set(ids)];
  const found = await repo.existingIds(db, kind, unique);
  const missing = unique.filter((id) => !found.has(id));
  if (missing.length > 0) throw new AppError('NOT_FOUND', { what: `${KIND_ES[kind].one} ${missing[0]}` });
  return unique;
}

/**
 * A specialty or study taken away while an agenda block in force is cut for it would leave hours that
 * nobody can book: those blocks must change first (as creating them requires it to be assigned).
 */
async function checkRemovals(
  ctx: AppContext,
  professional: Professional,
  kind: repo.ServiceKind,
  wanted: readonly number[],
) {
  const db = ctx.database.db;
  const current = await catalog.servicesOf(db, [professional.id]);
  const had = (kind === 'specialty' ? current.specialtyIds : current.studyIds).get(professional.id) ?? [];
  const removed = had.filter((id) => !wanted.includes(id));
  if (removed.length === 0) return;
  const today = todayIn((await getSettings(db)).timeZone, ctx.clock.now());
  const blocks = await repo.agendasTiedTo(db, professional.id, kind, removed, today);
  const first = blocks[0];
  if (!first) return;
  const id = (kind === 'specialty' ? first.specialtyId : first.studyId) as number;
  const entity = kind === 'specialty' ? await catalog.getSpecialty(db, id) : await catalog.getStudy(db, id);
  const days = [...new Set(blocks.map((b) => WEEKDAYS_ES[b.weekday]))].join(', ');
  throw new AppError('IN_USE', {
    action: `quitar ${KIND_ES[kind].one} «${entity?.name ?? id}» a ${fullName(professional)}`,
    uses: `${KIND_ES[kind].it} usan sus horarios de atención de los ${days}`,
    hint: 'Cambiá o borrá esos horarios primero.',
  });
}

export async function createProfessional(ctx: AppContext, input: { actor: Actor; professional: ProfessionalInput }) {
  requireStaff(input.actor, ['admin']);
  const p = input.professional;
  const db = ctx.database.db;
  const specialtyIds = await checkIds(db, 'specialty', p.specialtyIds ?? []);
  const studyIds = await checkIds(db, 'study', p.studyIds ?? []);
  const created = await db.transaction().execute(async (trx) => {
    const row = await repo.insertProfessional(trx, {
      lastName: p.lastName,
      firstName: p.firstName,
      licenceNumber: p.licenceNumber ?? '',
      email: p.email ?? '',
      webEnabled: flag(p.webEnabled ?? true),
      generalMessage: p.generalMessage ?? '',
      bookingMessage: p.bookingMessage ?? '',
      ...(p.maxDaysAhead !== undefined ? { maxDaysAhead: p.maxDaysAhead } : {}),
    });
    await repo.replaceServices(trx, row.id, 'specialty', specialtyIds);
    await repo.replaceServices(trx, row.id, 'study', studyIds);
    return row;
  });
  return view(db, created);
}

/** Only the fields given change; specialtyIds / studyIds, when given, become exactly those. */
export async function updateProfessional(
  ctx: AppContext,
  input: { actor: Actor; id: number; changes: ProfessionalChanges },
) {
  requireStaff(input.actor, ['admin']);
  const db = ctx.database.db;
  const current = await requireProfessional(db, input.id);
  const { specialtyIds, studyIds, webEnabled, ...fields } = input.changes;
  const specialties = specialtyIds && (await checkIds(db, 'specialty', specialtyIds));
  const studies = studyIds && (await checkIds(db, 'study', studyIds));
  if (specialties) await checkRemovals(ctx, current, 'specialty', specialties);
  if (studies) await checkRemovals(ctx, current, 'study', studies);
  const changes = defined({ ...fields, webEnabled: flagOf(webEnabled) });
  const updated = await db.transaction().execute(async (trx) => {
    const row = Object.keys(changes).length > 0 ? await repo.updateProfessional(trx, input.id, changes) : current;
    if (!row) return undefined;
    if (specialties) await repo.replaceServices(trx, input.id, 'specialty', specialties);
    if (studies) await repo.replaceServices(trx, input.id, 'study', studies);
    return row;
  });
  if (!updated) throw new AppError('NOT_FOUND', { what: `el profesional ${input.id}` });
  return view(db, updated);
}

async function setServices(ctx: AppContext, professionalId: number, kind: repo.ServiceKind, ids: readonly number[]) {
  const db = ctx.database.db;
  const professional = await requireProfessional(db, professionalId);
  const wanted = await checkIds(db, kind, ids);
  await checkRemovals(ctx, professional, kind, wanted);
  await db.transaction().execute((trx) => repo.replaceServices(trx, professional.id, kind, wanted));
  return view(db, professional);
}

/** The manual's "Estudios" button: exactly these studies, and no others, are what the professional performs. */
export async function setProfessionalStudies(
  ctx: AppContext,
  input: { actor: Actor; professionalId: number; studyIds: readonly number[] },
) {
  requireStaff(input.actor, ['admin']);
  return setServices(ctx, input.professionalId, 'study', input.studyIds);
}

/** Exactly these specialties, and no others, are what the professional attends. */
export async function setProfessionalSpecialties(
  ctx: AppContext,
  input: { actor: Actor; professionalId: number; specialtyIds: readonly number[] },
) {
  requireStaff(input.actor, ['admin']);
  return setServices(ctx, input.professionalId, 'specialty', input.specialtyIds);
}
