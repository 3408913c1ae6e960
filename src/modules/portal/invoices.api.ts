// Invoices over JSON: the patient's own under /me/invoices (session), and the back office's under /invoices
// (Bearer token, admin or reception). Money is integer cents both ways.
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { apiPlugin, errorResponses, staffSecurity } from '../../platform/http/api.js';
import { requestLang } from '../../platform/http/errors.js';
import { dateField, idField } from '../../platform/http/fields.js';
import { getMyInvoice, myInvoicePdf, myInvoices, staffInvoicePdf } from './invoices.mine.service.js';
import { sendInvoicePdf, wantsDownload } from './invoices.reply.js';
import { createInvoice, getInvoice, listInvoices, setInvoiceStatus } from './invoices.service.js';

const sessionSecurity = [{ session: [] }];
const idParams = z.object({ id: idField });
const pageField = z.coerce.number().int().min(1).max(100_000).default(1);
const cents = z.number({ error: 'debe ser un número de centavos' }).int('debe ser un número entero de centavos');
const status = z.enum(['due', 'paid', 'void']);

const lineOutput = z.object({
  concept: z.string(),
  quantity: z.number(),
  unitCents: z.number(),
  insurerCents: z.number(),
  patientCents: z.number(),
  amountCents: z.number(),
});
export const invoiceOutput = z.object({
  id: z.number(),
  number: z.number(),
  numberText: z.string().describe('El número como se imprime: 00000042'),
  patientId: z.number(),
  appointmentId: z.number().nullable(),
  issuedOn: z.string(),
  customerName: z.string(),
  customerDni: z.string(),
  insurerId: z.number().nullable(),
  insurerName: z.string(),
  memberNumber: z.string(),
  insurerCents: z.number(),
  patientCents: z.number(),
  totalCents: z.number(),
  status,
  paidOn: z.string().nullable(),
  voidReason: z.string(),
  lines: z.array(lineOutput),
});
const staffInvoiceOutput = invoiceOutput.extend({ createdByName: z.string(), createdAt: z.string() });
const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });
const pdfQuery = z.object({ download: z.enum(['0', '1']).optional() });

const issueInput = z
  .object({
    patientId: idField,
    appointmentId: idField.nullish().describe('El turno facturado (del mismo paciente)'),
    issuedOn: dateField.optional().describe('AAAA-MM-DD; por omisión, hoy en la zona del centro'),
    insurerId: idField.nullable().optional().describe('null: sin obra social; omitido: la del turno o la de la ficha'),
    memberNumber: z.string().optional().describe('Omitido: el de la ficha'),
    lines: z.array(
      z.object({
        concept: z.string(),
        quantity: z.number().int('debe ser un número entero'),
        unitCents: cents,
        insurerCents: cents.default(0).describe('La parte de la obra social de toda la línea'),
      }),
    ),
  })
  .strict();

const statusInput = z.discriminatedUnion('status', [
  z.object({ status: z.literal('paid'), paidOn: dateField.optional() }).strict(),
  z.object({ status: z.literal('due') }).strict(),
  z.object({ status: z.literal('void'), reason: z.string() }).strict(),
]);

export const invoicesApi = (ctx: AppContext) =>
  apiPlugin((api) => {
    api.get(
      '/me/invoices',
      {
        schema: {
          tags: ['Paciente (sesión)'],
          summary: 'Mis facturas, de la fecha más nueva a la más vieja',
          security: sessionSecurity,
          querystring: z.object({ page: pageField }),
          response: { 200: pageOf(invoiceOutput), ...errorResponses },
        },
      },
      async (req) => myInvoices(ctx, { actor: req.actor, page: req.query.page }),
    );
    api.get(
      '/me/invoices/:id',
      {
        schema: {
          tags: ['Paciente (sesión)'],
          summary: 'Una factura mía',
          security: sessionSecurity,
          params: idParams,
          response: { 200: invoiceOutput, ...errorResponses },
        },
      },
      async (req) => getMyInvoice(ctx, { actor: req.actor, id: req.params.id }),
    );
    api.get(
      '/me/invoices/:id/pdf',
      {
        schema: {
          tags: ['Paciente (sesión)'],
          summary: 'Una factura mía en PDF (download=1: como descarga)',
          security: sessionSecurity,
          params: idParams,
          querystring: pdfQuery,
          produces: ['application/pdf'],
        },
      },
      async (req, reply) => {
        const pdf = await myInvoicePdf(ctx, { actor: req.actor, id: req.params.id, lang: requestLang(req) });
        return sendInvoicePdf(reply, pdf, wantsDownload(req));
      },
    );

    api.post(
      '/invoices',
      {
        schema: {
          tags: ['Facturas'],
          summary: 'Emitir una factura',
          description:
            'Importes en centavos. El número es el siguiente de la numeración (correlativo, nunca reutilizado); ' +
            'una factura rechazada no consume número. La parte del paciente de cada línea es el resto.',
          security: staffSecurity,
          body: issueInput,
          response: { 201: staffInvoiceOutput, ...errorResponses },
        },
      },
      async (req, reply) => reply.status(201).send(await createInvoice(ctx, { actor: req.actor, ...req.body })),
    );
    api.get(
      '/invoices',
      {
        schema: {
          tags: ['Facturas'],
          summary: 'Facturas, de la más nueva a la más vieja',
          security: staffSecurity,
          querystring: z.object({
            patientId: idField.optional(),
            number: z.coerce.number().int().min(1).optional(),
            status: status.optional(),
            page: pageField,
          }),
          response: { 200: pageOf(staffInvoiceOutput), ...errorResponses },
        },
      },
      async (req) => listInvoices(ctx, { actor: req.actor, ...req.query }),
    );
    api.get(
      '/invoices/:id',
      {
        schema: {
          tags: ['Facturas'],
          summary: 'Una factura',
          security: staffSecurity,
          params: idParams,
          response: { 200: staffInvoiceOutput, ...errorResponses },
        },
      },
      async (req) => getInvoice(ctx, { actor: req.actor, id: req.params.id }),
    );
    api.get(
      '/invoices/:id/pdf',
      {
        schema: {
          tags: ['Facturas'],
          summary: 'Una factura en PDF (download=1: como descarga)',
          security: staffSecurity,
          params: idParams,
          querystring: pdfQuery,
          produces: ['application/pdf'],
        },
      },
      async (req, reply) => {
        const pdf = await staffInvoicePdf(ctx, { actor: req.actor, id: req.params.id, lang: requestLang(req) });
        return sendInvoicePdf(reply, pdf, wantsDownload(req));
      },
    );
    api.patch(
      '/invoices/:id',
      {
        schema: {
          tags: ['Facturas'],
          summary: 'Cambiar el estado: pagada (paidOn), a pagar, o anulada (reason)',
          description: 'Una factura anulada conserva su número y ya no cambia de estado. Nada borra una factura.',
          security: staffSecurity,
          params: idParams,
          body: statusInput,
          response: { 200: staffInvoiceOutput, ...errorResponses },
        },
      },
      async (req) => setInvoiceStatus(ctx, { actor: req.actor, id: req.params.id, change: req.body }),
    );
  });
