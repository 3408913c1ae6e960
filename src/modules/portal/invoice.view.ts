// An invoice as pages, the PDF and the API show it: what was issued, its lines with each share, and its state.
import type { Invoice, InvoiceLine } from '../../platform/db/schema.js';
import { utcToCivil } from '../../platform/time/zone.js';
import { formatInvoiceNumber, lineAmount, linePatientCents } from './invoice.rules.js';

/** What the patient may see too (who on the staff issued it is not here). */
export function invoiceView(inv: Invoice, lines: readonly InvoiceLine[], zone: string) {
  return {
    id: inv.id,
    number: inv.number,
    numberText: formatInvoiceNumber(inv.number),
    patientId: inv.patientId,
    appointmentId: inv.appointmentId,
    issuedOn: inv.issuedOn,
    customerName: inv.customerName,
    customerDni: inv.customerDni,
    insurerId: inv.insurerId,
    insurerName: inv.insurerName,
    memberNumber: inv.memberNumber,
    insurerCents: Number(inv.insurerCents),
    patientCents: Number(inv.patientCents),
    totalCents: Number(inv.totalCents),
    status: inv.status,
    /** The payment's date in the center's zone. */
    paidOn: inv.paidAt ? utcToCivil(zone, Date.parse(inv.paidAt)).date : null,
    voidReason: inv.voidReason,
    lines: lines.map((l) => {
      const cents = {
        concept: l.concept,
        quantity: l.quantity,
        unitCents: Number(l.unitCents),
        insurerCents: Number(l.insurerCents),
      };
      return { ...cents, patientCents: linePatientCents(cents), amountCents: lineAmount(cents) };
    }),
  };
}

export type InvoiceView = ReturnType<typeof invoiceView>;

/** The back office's view: also who issued it and when. */
export function staffInvoiceView(inv: Invoice, lines: readonly InvoiceLine[], zone: string) {
  return { ...invoiceView(inv, lines, zone), createdByName: inv.createdByName, createdAt: inv.createdAt };
}

export type StaffInvoiceView = ReturnType<typeof staffInvoiceView>;
