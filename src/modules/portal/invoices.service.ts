// The back office's invoices: issue (by hand or from a turno), list, read, mark paid / due, void. Numbers come
// from `counters` inside the issuing transaction; nothing here deletes an invoice.
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { dateField } from '../../platform/http/fields.js';
import type { Lang } from '../../platform/i18n/lang.js';
import { civilToUtc, isoUtc, todayIn } from '../../platform/time/zone.js';
import { getInsurer } from '../catalog/catalog.repo.js';
import { getSettings } from '../center/center.repo.js';
import { getPatient } from '../patients/patients.repo.js';
import { type Actor, requireStaff } from '../staff/actor.js';
import { audit } from '../staff/audit.service.js';
import { checkLines, invoiceTotals, type LineCents, MEMBER_NUMBER_MAX, VOID_REASON_MAX } from './invoice.rules.js';
import { staffInvoiceView } from './invoice.view.js';
import { type HeaderField, lineProblemOf, type ProblemWords, problemText } from './invoice-problems.messages.js';
import * as repo from './invoices.repo.js';

const DESK = ['admin', 'reception'] as const;

interface Problem {
  name: string;
  words: ProblemWords;
  max?: number | undefined;
}

/** INVOICE_INVALID naming every field that is wrong, in both languages. */
export function invoiceInvalid(problems: readonly Problem[]): AppError {
  const say = (lang: Lang) => problems.map((p) => problemText(lang, p.name, p.words, p.max)).join(' ');
  return new AppError('INVOICE_INVALID', { detail: say('es'), detailEn: say('en') });
}

const fieldProblem = (name: HeaderField, words: ProblemWords, max?: number) => invoiceInvalid([{ name, words, max }]);

/** Who an invoice and its audit rows are about. */
const about = (inv: { patientId: number; number: number }) => ({
  patientId: inv.patientId,
  target: `factura:${inv.number}`,
});

async function zoneOf(ctx: AppContext) {
  return (await getSettings(ctx.database.db)).timeZone;
}

/** A civil date that is real and not after today in the center's zone. */
function checkDate(name: HeaderField, date: string, today: string) {
  if (!dateField.safeParse(date).success) throw fieldProblem(name, 'badDate');
  if (date > today) throw fieldProblem(name, 'future');
}

export interface IssueInput {
  actor: Actor;
  patientId: number;
  /** The turno invoiced, if any: it must be this patient's, not cancelled, and without a valid invoice. */
  appointmentId?: number | null | undefined;
  /** Default: today in the center's zone. */
  issuedOn?: string | undefined;
  /** undefined: the turno's insurer, else the record's; null: none (a private patient). */
  insurerId?: number | null | undefined;
  /** undefined: the record's. */
  memberNumber?: string | undefined;
  lines: readonly LineCents[];
}

/** Issues an invoice: everything is checked before the number is taken, so a refused invoice takes none. */
export async function createInvoice(ctx: AppContext, input: IssueInput) {
  const actor = requireStaff(input.actor, DESK);
  const db = ctx.database.db;
  const zone = await zoneOf(ctx);
  const patient = await getPatient(db, input.patientId);
  if (!patient) throw new AppError('NOT_FOUND', { what: `el paciente ${input.patientId}` });
  const turno = input.appointmentId ? await repo.getTurnoForInvoice(db, input.appointmentId) : undefined;
  if (input.appointmentId && turno?.patientId !== patient.id) {
    throw new AppError('NOT_FOUND', { what: `el turno ${input.appointmentId} de este paciente` });
  }
  if (turno?.status === 'cancelled') throw new AppError('INVOICE_TURNO_CANCELLED');
  const insurerId = input.insurerId !== undefined ? input.insurerId : (turno?.insurerId ?? patient.insurerId);
  const insurer = insurerId === null ? undefined : await getInsurer(db, insurerId);
  if (insurerId !== null && !insurer) throw fieldProblem('insurerId', 'unknownInsurer');
  const memberNumber = (input.memberNumber ?? (insurer ? patient.memberNumber : '')).trim();
  if (memberNumber.length > MEMBER_NUMBER_MAX) throw fieldProblem('memberNumber', 'tooLong', MEMBER_NUMBER_MAX);
  const today = todayIn(zone, ctx.clock.now());
  const issuedOn = input.issuedOn ?? today;
  checkDate('issuedOn', issuedOn, today);
  const lines = input.lines.map((l) => ({ ...l, concept: l.concept.trim() }));
  const problems = checkLines(lines, { hasInsurer: insurer !== undefined });
  if (problems.length > 0) throw invoiceInvalid(problems.map(lineProblemOf));

  const totals = invoiceTotals(lines);
  const now = isoUtc(ctx.clock.now());
  const created = await db.transaction().execute(async (trx) => {
    // The number first: a second issuer for the same turno waits here, then sees the first one's invoice.
    const number = await repo.takeInvoiceNumber(trx);
    if (turno) {
      const existing = await repo.activeInvoiceOfTurno(trx, turno.id);
      if (existing) throw new AppError('INVOICE_TURNO_INVOICED', { number: existing.number });
    }
    const row = await repo.insertInvoice(
      trx,
      {
        number,
        patientId: patient.id,
        appointmentId: turno?.id ?? null,
        issuedOn,
        customerName: `${patient.lastName}, ${patient.firstName}`,
        customerDni: patient.dni,
        insurerId: insurer?.id ?? null,
        insurerName: insurer?.name ?? '',
        memberNumber,
        ...totals,
        status: 'due',
        paidAt: null,
        createdByRef: actor.ref,
        createdByName: actor.name,
        createdAt: now,
        updatedAt: now,
      },
      lines.map((l, i) => ({ position: i + 1, ...l })),
    );
    const detail = turno ? `turno:${turno.id}` : '';
    await audit(ctx, actor, { action: 'invoice.create', ...about(row), detail }, trx);
    return row;
  });
  const byInvoice = await repo.linesOf(db, [created.id]);
  return staffInvoiceView(created, byInvoice.get(created.id) ?? [], zone);
}

export const INVOICES_PAGE_SIZE = 50;

export interface InvoiceListInput {
  actor: Actor;
  patientId?: number | undefined;
  dni?: string | undefined;
  number?: number | undefined;
  status?: 'due' | 'paid' | 'void' | undefined;
  page: number;
  pageSize?: number | undefined;
}

/** Newest issued first; one audit row per list, naming what was asked. */
export async function listInvoices(ctx: AppContext, input: InvoiceListInput) {
  const actor = requireStaff(input.actor, DESK);
  const db = ctx.database.db;
  const pageSize = input.pageSize ?? INVOICES_PAGE_SIZE;
  const filter = { patientId: input.patientId, dni: input.dni, number: input.number, status: input.status };
  const [rows, total, zone] = await Promise.all([
    repo.listInvoices(db, filter, { limit: pageSize, offset: (input.page - 1) * pageSize, order: 'number' }),
    repo.countInvoices(db, filter),
    zoneOf(ctx),
  ]);
  const lines = await repo.linesOf(
    db,
    rows.map((r) => r.id),
  );
  const detail = Object.entries({ ...filter, page: input.page })
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  await audit(ctx, actor, { action: 'invoice.list', patientId: input.patientId ?? null, detail });
  return {
    items: rows.map((r) => staffInvoiceView(r, lines.get(r.id) ?? [], zone)),
    total,
    page: input.page,
    pageSize,
  };
}

async function loadInvoice(ctx: AppContext, id: number) {
  const row = await repo.getInvoice(ctx.database.db, id);
  if (!row) throw new AppError('NOT_FOUND', { what: `la factura ${id}` });
  return row;
}

/** One invoice for staff; `as` says what was read (the page or the PDF), for the audit log. */
export async function getInvoice(ctx: AppContext, input: { actor: Actor; id: number; as?: 'pdf' }) {
  const actor = requireStaff(input.actor, DESK);
  const row = await loadInvoice(ctx, input.id);
  const [lines, zone] = await Promise.all([repo.linesOf(ctx.database.db, [row.id]), zoneOf(ctx)]);
  await audit(ctx, actor, { action: 'invoice.read', ...about(row), detail: input.as ?? '' });
  return staffInvoiceView(row, lines.get(row.id) ?? [], zone);
}

export type StatusChange =
  | { status: 'paid'; paidOn?: string | undefined }
  | { status: 'due' }
  | { status: 'void'; reason: string };

/**
 * Paid (on a date) ⇄ due; either → void with a reason. A void invoice keeps its number and never changes again.
 * Guarded updates: a change made meanwhile by someone else is reported, not overwritten.
 */
export async function setInvoiceStatus(
  ctx: AppContext,
  input: { actor: Actor; id: number; change: StatusChange },
): Promise<ReturnType<typeof staffInvoiceView>> {
  const actor = requireStaff(input.actor, DESK);
  const current = await loadInvoice(ctx, input.id);
  const zone = await zoneOf(ctx);
  const { change } = input;
  if (current.status === 'void') throw new AppError('INVOICE_VOIDED', { number: current.number });
  if (change.status === current.status) {
    throw new AppError('INVOICE_STATUS_UNCHANGED', { number: current.number, status: current.status });
  }
  const now = ctx.clock.now();
  const updatedAt = isoUtc(now);
  let changes: Parameters<typeof repo.changeStatus>[3];
  let detail: string = change.status;
  if (change.status === 'paid') {
    const today = todayIn(zone, now);
    const paidOn = change.paidOn ?? today;
    checkDate('paidOn', paidOn, today);
    if (paidOn < current.issuedOn) throw fieldProblem('paidOn', 'beforeIssue');
    // paid_at is an instant; the day of payment is what matters, kept as that day's noon in the center's zone.
    const paidAt = paidOn === today ? now : (civilToUtc(zone, paidOn, 12 * 60) ?? now);
    changes = { status: 'paid', paidAt: isoUtc(paidAt), updatedAt };
    detail = `paid ${paidOn}`;
  } else if (change.status === 'due') {
    changes = { status: 'due', paidAt: null, updatedAt };
  } else {
    const reason = change.reason.trim().replace(/\s+/g, ' ');
    if (reason === '') throw fieldProblem('reason', 'empty');
    if (reason.length > VOID_REASON_MAX) throw fieldProblem('reason', 'tooLong', VOID_REASON_MAX);
    changes = { status: 'void', paidAt: current.paidAt, voidReason: reason, updatedAt };
  }
  const updated = await ctx.database.db.transaction().execute(async (trx) => {
    const row = await repo.changeStatus(trx, current.id, [current.status], changes);
    if (row) await audit(ctx, actor, { action: 'invoice.update', ...about(row), detail: `status=${detail}` }, trx);
    return row;
  });
  // Someone changed it in between: judge the change again against what it is now.
  if (!updated) return setInvoiceStatus(ctx, input);
  const lines = await repo.linesOf(ctx.database.db, [updated.id]);
  return staffInvoiceView(updated, lines.get(updated.id) ?? [], zone);
}
