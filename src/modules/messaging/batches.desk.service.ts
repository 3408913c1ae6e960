// What the desk's form needs around the lists: its choices (templates by channel, the catalogue), the last
// lists made, and the filters of a list to fill the form again ("Cambiar filtros", or this user's last ones).
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { listInsurers, listProfessionals, listSpecialties, listStudies } from '../catalog/catalog.service.js';
import { getSettings } from '../center/center.repo.js';
import { type Actor, requireStaff, type StaffActor } from '../staff/actor.js';
import * as repo from './batches.repo.js';
import { type BatchRequest, defaultRange, parseFilters } from './batches.rules.js';
import { batchSummary } from './batches.view.js';
import { listTemplateRows } from './templates.repo.js';

const ROLES = ['admin', 'reception'] as const;

const zoneOf = async (ctx: AppContext) => (await getSettings(ctx.database.db)).timeZone;

/** The filters a batch was made with, to open the desk's form filled with them. */
export async function batchRequest(ctx: AppContext, input: { actor: Actor; id: number }): Promise<BatchRequest> {
  requireStaff(input.actor, ROLES);
  const batch = await repo.findBatch(ctx.database.db, input.id);
  if (!batch) throw new AppError('NOT_FOUND', { what: `el listado de envío ${input.id}` });
  return { templateId: batch.templateId, audience: batch.audience, ...parseFilters(batch.filters) };
}

/**
 * The choices of this staff member's last list, except its dates (a reminder round is usually the coming
 * week, whenever it is made): the desk remembers them as "Turnos dados por web" remembers its filters.
 */
export async function rememberedRequest(ctx: AppContext, input: { actor: Actor }): Promise<BatchRequest | null> {
  const actor = requireStaff(input.actor, ROLES);
  const last = await repo.lastBatchBy(ctx.database.db, actor.ref);
  if (!last) return null;
  return { templateId: last.templateId, audience: last.audience, ...parseFilters(last.filters), from: null, to: null };
}

/** The last lists made, newest first, so a send in progress is found again from the desk. */
export async function recentBatches(ctx: AppContext, input: { actor: Actor; limit?: number | undefined }) {
  requireStaff(input.actor, ROLES);
  const zone = await zoneOf(ctx);
  const rows = await repo.recentBatches(ctx.database.db, input.limit ?? 10);
  return rows.map((b) => ({ ...batchSummary(zone, b), kept: Number(b.kept ?? 0) }));
}

/** What the desk's form offers: templates by channel, and the catalogue to narrow the list. */
export async function deskChoices(ctx: AppContext, input: { actor: Actor }) {
  const actor: StaffActor = requireStaff(input.actor, ROLES);
  const now = ctx.clock.now();
  const [templates, specialties, studies, professionals, insurers, zone] = await Promise.all([
    listTemplateRows(ctx.database.db),
    listSpecialties(ctx, { actor }),
    listStudies(ctx, { actor }),
    listProfessionals(ctx, { actor }),
    listInsurers(ctx, { actor }),
    zoneOf(ctx),
  ]);
  const named = (list: { id: number; name: string }[]) => list.map((n) => ({ id: n.id, name: n.name }));
  return {
    templates: templates.map((t) => ({ id: t.id, title: t.title, channel: t.channel })),
    specialties: named(specialties),
    studies: named(studies),
    professionals: professionals.map((p) => ({ id: p.id, name: p.fullName })),
    insurers: named(insurers),
    defaults: defaultRange(zone, now),
  };
}

export type DeskChoices = Awaited<ReturnType<typeof deskChoices>>;
