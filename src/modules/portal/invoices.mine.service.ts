// Mis facturas: the logged-in patient's own invoices, and the PDF of one (theirs, or it does not exist); also
// the staff's PDF, which is the same document read through the audited staff lookup.
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import type { Lang } from '../../platform/i18n/lang.js';
import { getCenter } from '../center/center.service.js';
import type { Actor } from '../staff/actor.js';
import { renderInvoicePdf } from './invoice.pdf.js';
import { invoiceView } from './invoice.view.js';
import * as repo from './invoices.repo.js';
import { getInvoice } from './invoices.service.js';
import { requirePortalPatient } from './portal-actor.js';

export const MY_INVOICES_PAGE_SIZE = 20;

/** Latest issue date first. */
export async function myInvoices(ctx: AppContext, input: { actor: Actor; page: number }) {
  const patient = await requirePortalPatient(ctx, input.actor);
  const db = ctx.database.db;
  const filter = { patientId: patient.id };
  const pageSize = MY_INVOICES_PAGE_SIZE;
  const [rows, total, center] = await Promise.all([
    repo.listInvoices(db, filter, { limit: pageSize, offset: (input.page - 1) * pageSize, order: 'date' }),
    repo.countInvoices(db, filter),
    getCenter(ctx),
  ]);
  const lines = await repo.linesOf(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => invoiceView(r, lines.get(r.id) ?? [], center.timeZone)),
    total,
    page: input.page,
    pageSize,
  };
}

/** Another patient's invoice answers exactly like a missing one. */
export async function getMyInvoice(ctx: AppContext, input: { actor: Actor; id: number }) {
  const patient = await requirePortalPatient(ctx, input.actor);
  const row = await repo.getPatientInvoice(ctx.database.db, input.id, patient.id);
  if (!row) throw new AppError('NOT_FOUND', { what: `la factura ${input.id}` });
  const [lines, center] = await Promise.all([repo.linesOf(ctx.database.db, [row.id]), getCenter(ctx)]);
  return invoiceView(row, lines.get(row.id) ?? [], center.timeZone);
}

export interface InvoicePdf {
  bytes: Buffer;
  fileName: string;
}

const fileNameOf = (numberText: string) => `factura-${numberText}.pdf`;

export async function myInvoicePdf(
  ctx: AppContext,
  input: { actor: Actor; id: number; lang: Lang },
): Promise<InvoicePdf> {
  const [invoice, center] = await Promise.all([getMyInvoice(ctx, input), getCenter(ctx)]);
  return { bytes: await renderInvoicePdf(invoice, center, input.lang), fileName: fileNameOf(invoice.numberText) };
}

/** The back office's copy of the PDF: staff only, audited as a read of the invoice. */
export async function staffInvoicePdf(
  ctx: AppContext,
  input: { actor: Actor; id: number; lang: Lang },
): Promise<InvoicePdf> {
  const [invoice, center] = await Promise.all([getInvoice(ctx, { ...input, as: 'pdf' }), getCenter(ctx)]);
  return { bytes: await renderInvoicePdf(invoice, center, input.lang), fileName: fileNameOf(invoice.numberText) };
}
