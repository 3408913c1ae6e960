// The one way an invoice PDF leaves the server (patient page, back office, API): shown in the browser, or as a
// download with ?descargar=1; never kept by a shared cache, since it carries a patient's data.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { queryOf } from '../../platform/http/request.js';
import type { InvoicePdf } from './invoices.mine.service.js';

/** ?descargar=1 (pages) or ?download=1 (API): the browser saves the file instead of showing it. */
export function wantsDownload(request: FastifyRequest): boolean {
  const q = queryOf(request);
  return q.descargar === '1' || q.download === '1';
}

export function sendInvoicePdf(reply: FastifyReply, pdf: InvoicePdf, download: boolean) {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `${download ? 'attachment' : 'inline'}; filename="${pdf.fileName}"`)
    .header('cache-control', 'private, no-store')
    .send(pdf.bytes);
}
