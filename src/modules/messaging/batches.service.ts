// The send desk ("Enviar mails/SMS"): a list is generated from the manual's filters and kept as a draft batch
// (so it survives a reload and rows can be removed), reviewed a page at a time or as CSV, then sent
// (batches.send.service.ts); its progress is read from the outbox.
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { toCsv } from '../../platform/csv/csv.js';
import type { MessageAudience, MessageChannel, OutboxStatus } from '../../platform/db/schema.js';
import { addDays, isoUtc, startOfDayUtc, todayIn } from '../../platform/time/zone.js';
import { getSettings } from '../center/center.repo.js';
import { type Actor, requireStaff } from '../staff/actor.js';
import { audit } from '../staff/audit.service.js';
import * as candidates from './batches.candidates.repo.js';
import * as repo from './batches.repo.js';
import {
  type BatchRequest,
  checkRange,
  defaultRange,
  filtersOf,
  MAX_BATCH_ROWS,
  normalizeRequest,
  type SentFilter,
  sortOut,
} from './batches.rules.js';
import { batchSummary, csvTable, describeRows } from './batches.view.js';
import { findChannelRow } from './channels.repo.js';
import { findTemplate } from './templates.repo.js';

const ROLES = ['admin', 'reception'] as const;
export const BATCH_PAGE_SIZE = 100;
/** Unsent lists older than this are deleted when a new one is made. */
const DRAFT_DAYS = 30;
const DAY_MS = 24 * 3600_000;

export interface BatchInput {
  templateId: number;
  audience: MessageAudience;
  /** Civil dates of the turnos (default: tomorrow and the six days after). */
  from?: string | null | undefined;
  to?: string | null | undefined;
  sent?: SentFilter | undefined;
  insurerIds?: number[] | undefined;
  specialtyIds?: number[] | undefined;
  studyIds?: number[] | undefined;
  professionalIds?: number[] | undefined;
}

const zoneOf = async (ctx: AppContext) => (await getSettings(ctx.database.db)).timeZone;

async function templateOf(ctx: AppContext, id: number) {
  const template = await findTemplate(ctx.database.db, id);
  if (!template) throw new AppError('NOT_FOUND', { what: `la plantilla ${id}` });
  return template;
}

async function batchOf(ctx: AppContext, id: number) {
  const batch = await repo.findBatch(ctx.database.db, id);
  if (!batch) throw new AppError('NOT_FOUND', { what: `el listado de envío ${id}` });
  return batch;
}

/** The filters as the audit log keeps them. */
function describe(request: BatchRequest, channel: MessageChannel): string {
  const parts = [`plantilla ${request.templateId} (${channel})`];
  parts.push(request.audience === 'appointments' ? `turnos ${request.from} a ${request.to}` : 'todos los pacientes');
  parts.push({ all: 'todos', sent: 'ya enviados', not_sent: 'no enviados' }[request.sent]);
  const lists = {
    'obras sociales': request.insurerIds,
    especialidades: request.specialtyIds,
    estudios: request.studyIds,
    profesionales: request.professionalIds,
  };
  for (const [name, ids] of Object.entries(lists)) if (ids.length > 0) parts.push(`${name} ${ids.join(' ')}`);
  return parts.join(', ');
}

async function findCandidates(ctx: AppContext, zone: string, channel: MessageChannel, request: BatchRequest) {
  const db = ctx.database.db;
  if (request.audience === 'patients') return candidates.patientCandidates(db, request);
  const from = request.from as string;
  const to = request.to as string;
  checkRange(from, to);
  // A turno that already started gets no reminder: it could only fail at its deadline.
  const startsFrom = Math.max(startOfDayUtc(zone, from), ctx.clock.now());
  return candidates.appointmentCandidates(db, {
    ...request,
    channel,
    startsFrom: isoUtc(startsFrom),
    startsBefore: isoUtc(startOfDayUtc(zone, addDays(to, 1))),
  });
}

/** A batch with one page of its rows, without the authorization and audit of the callers. */
async function loadBatch(ctx: AppContext, zone: string, id: number, page: number, pageSize: number) {
  const db = ctx.database.db;
  const batch = await batchOf(ctx, id);
  const [counts, rows, progress, channelRow] = await Promise.all([
    repo.countRows(db, id),
    repo.keptRows(db, id, { limit: pageSize, offset: (page - 1) * pageSize }),
    batch.status === 'queued' ? repo.progressCounts(db, id) : null,
    batch.channel === 'mail' ? null : findChannelRow(db, batch.channel),
  ]);
  return {
    ...batchSummary(zone, batch),
    // SMS and WhatsApp wait in the outbox until their provider is configured; mail may also come from SMTP_URL,
    // which only the process knows, so it is not judged here.
    channelConfigured: batch.channel === 'mail' ? null : channelRow !== undefined,
    kept: counts.kept,
    removed: counts.removed,
    progress: progress && progressView(progress),
    rows: await describeRows(db, zone, batch, rows),
    page,
    pageSize,
    total: counts.kept,
  };
}

export type BatchView = Awaited<ReturnType<typeof loadBatch>>;

function progressView(counts: Record<OutboxStatus, number>) {
  const total = counts.pending + counts.sent + counts.failed + counts.cancelled;
  return { total, ...counts };
}

const readAction = (audience: MessageAudience) => (audience === 'appointments' ? 'appointment.list' : 'patient.search');

/** GENERAR LISTADO: stores the list as a draft batch and answers with its first page and who was left out. */
export async function generateBatch(
  ctx: AppContext,
  input: BatchInput & { actor: Actor; pageSize?: number | undefined },
): Promise<BatchView> {
  const actor = requireStaff(input.actor, ROLES);
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const [zone, template] = await Promise.all([zoneOf(ctx), templateOf(ctx, input.templateId)]);
  const range = defaultRange(zone, now);
  const request = normalizeRequest({
    templateId: template.id,
    audience: input.audience,
    from: input.from ?? range.from,
    to: input.to ?? range.to,
    sent: input.sent ?? 'not_sent',
    insurerIds: input.insurerIds ?? [],
    specialtyIds: input.specialtyIds ?? [],
    studyIds: input.studyIds ?? [],
    professionalIds: input.professionalIds ?? [],
  });
  const found = await findCandidates(ctx, zone, template.channel, request);
  // SMS Masivos only delivers within Argentina: a foreign mobile would only fail later.
  const argentinaOnly = template.channel === 'sms' && (await findChannelRow(db, 'sms'))?.provider === 'smsmasivos';
  const { kept, leftOut } = sortOut(template.channel, found, { argentinaOnly });
  if (kept.length > MAX_BATCH_ROWS) throw new AppError('BATCH_TOO_LARGE', { count: kept.length, max: MAX_BATCH_ROWS });
  const id = await db.transaction().execute(async (trx) => {
    await repo.deleteDraftsBefore(trx, isoUtc(now - DRAFT_DAYS * DAY_MS));
    const batchId = await repo.insertBatch(
      trx,
      {
        templateId: template.id,
        channel: template.channel,
        audience: request.audience,
        filters: JSON.stringify(filtersOf(request)),
        leftOut: JSON.stringify(leftOut),
        createdByRef: actor.ref,
        createdByName: actor.name,
        createdAt: isoUtc(now),
      },
      kept.map(({ row, recipient }) => ({
        patientId: row.patientId,
        appointmentId: 'appointmentId' in row ? (row.appointmentId as number) : null,
        recipient,
      })),
    );
    const detail = `listado de envío: ${describe(request, template.channel)}; ${kept.length} destinatarios`;
    await audit(ctx, actor, { action: readAction(request.audience), target: `lote:${batchId}`, detail }, trx);
    return batchId;
  });
  return loadBatch(ctx, zone, id, 1, input.pageSize ?? BATCH_PAGE_SIZE);
}

export async function getBatch(
  ctx: AppContext,
  input: { actor: Actor; id: number; page?: number | undefined; pageSize?: number | undefined },
): Promise<BatchView> {
  const actor = requireStaff(input.actor, ROLES);
  const zone = await zoneOf(ctx);
  const pageSize = input.pageSize ?? BATCH_PAGE_SIZE;
  let page = Math.max(1, input.page ?? 1);
  let view = await loadBatch(ctx, zone, input.id, page, pageSize);
  const last = Math.max(1, Math.ceil(view.total / pageSize));
  // Removing the last rows of the last page must not leave the desk on an empty page.
  if (page > last) {
    page = last;
    view = await loadBatch(ctx, zone, input.id, page, pageSize);
  }
  await audit(ctx, actor, {
    action: readAction(view.audience),
    target: `lote:${view.id}`,
    detail: `listado de envío ${view.id}, página ${page}`,
  });
  return view;
}

async function refuseIfSent(ctx: AppContext, id: number) {
  const batch = await batchOf(ctx, id);
  if (batch.status !== 'draft') throw new AppError('BATCH_ALREADY_SENT');
}

/** Quitar: the rows stay stored (they can come back) but are not listed, exported nor sent. */
export async function removeBatchRows(ctx: AppContext, input: { actor: Actor; id: number; rowIds: number[] }) {
  requireStaff(input.actor, ROLES);
  const db = ctx.database.db;
  await refuseIfSent(ctx, input.id);
  const wanted = [...new Set(input.rowIds)];
  const found = new Set(await repo.rowIdsIn(db, input.id, wanted));
  const missing = wanted.find((rowId) => !found.has(rowId));
  if (missing !== undefined) throw new AppError('NOT_FOUND', { what: `la fila ${missing} del listado ${input.id}` });
  const changed = await repo.setRemoved(db, input.id, wanted, 1);
  // Nothing changed: either the rows were already out, or the list was sent meanwhile (then say so).
  if (changed === 0) await refuseIfSent(ctx, input.id);
  const counts = await repo.countRows(db, input.id);
  return { changed, kept: counts.kept, removed: counts.removed };
}

/** Every removed row back in the list. */
export async function restoreBatchRows(ctx: AppContext, input: { actor: Actor; id: number }) {
  requireStaff(input.actor, ROLES);
  await refuseIfSent(ctx, input.id);
  const changed = await repo.setRemoved(ctx.database.db, input.id, 'all', 0);
  if (changed === 0) await refuseIfSent(ctx, input.id);
  const counts = await repo.countRows(ctx.database.db, input.id);
  return { changed, kept: counts.kept, removed: counts.removed };
}

/** Sent, failed and pending messages of a sent batch, from the outbox (a draft has none yet). */
export async function batchProgress(ctx: AppContext, input: { actor: Actor; id: number }) {
  requireStaff(input.actor, ROLES);
  const batch = await batchOf(ctx, input.id);
  const counts = await repo.progressCounts(ctx.database.db, input.id);
  return { id: batch.id, status: batch.status, ...progressView(counts) };
}

/** The list as CSV for Excel: every kept row (not only a page), with the manual's columns. */
export async function batchCsv(ctx: AppContext, input: { actor: Actor; id: number }) {
  const actor = requireStaff(input.actor, ROLES);
  const db = ctx.database.db;
  const [zone, batch] = await Promise.all([zoneOf(ctx), batchOf(ctx, input.id)]);
  const rows = await describeRows(db, zone, batch, await repo.keptRows(db, input.id));
  const detail = `listado de envío ${batch.id}, ${rows.length} filas (CSV)`;
  await audit(ctx, actor, { action: 'appointment.export', target: `lote:${batch.id}`, detail });
  const { header, body } = csvTable(batch, rows);
  const today = todayIn(zone, ctx.clock.now());
  return { filename: `envio-${batch.id}-${today}.csv`, csv: toCsv(header, body), count: rows.length };
}
