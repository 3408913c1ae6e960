import type { InvoiceStatus } from '../../platform/db/schema.js';
import type { Lang } from '../../platform/i18n/lang.js';
import { defineMessages } from '../../platform/i18n/messages.js';

/** Every visible text of invoices: the patient's Mis facturas, the back office, and the PDF. */
export const invoiceMessages = defineMessages(
  {
    title: (p: { number: string }) => `Factura N.º ${p.number}`,
    number: 'Número',
    issuedOn: 'Fecha de emisión',
    date: 'Fecha',
    patient: 'Paciente',
    dni: 'DNI',
    insurer: 'Obra social',
    noInsurer: 'Sin obra social (particular)',
    memberNumber: 'N.º de afiliado',
    concept: 'Concepto',
    quantity: 'Cantidad',
    quantityShort: 'Cant.',
    unit: 'Precio unitario',
    unitShort: 'Unitario',
    lineInsurer: 'Parte de la obra social',
    lineInsurerShort: 'Obra social',
    linePatientShort: 'Paciente',
    linePatient: 'Parte del paciente',
    amount: 'Importe',
    insurerShare: 'A cargo de la obra social',
    patientShare: 'A cargo del paciente',
    total: 'Total',
    status: 'Estado',
    status_paid: 'Pagada',
    status_due: 'A pagar',
    status_void: 'Anulada',
    paidOn: (p: { date: string }) => `Pagada el ${p.date}`,
    voidReason: 'Motivo de la anulación',
    moreLines: (p: { first: string; more: number }) => `${p.first} y ${p.more} más`,
    pdf: 'PDF',
    viewPdf: 'Ver PDF',
    downloadPdf: 'Descargar',
    pdfOf: (p: { number: string }) => `de la factura N.º ${p.number}`,
    // Mis facturas
    mineTitle: 'Mis facturas',
    mineIntro:
      'Las facturas que te emitió el centro, de la más nueva a la más vieja. Con "Ver PDF" la abrís para ' +
      'verla o imprimirla; con "Descargar" la guardás.',
    mineEmpty: 'Todavía no tenés facturas del centro.',
    mineList: 'Tus facturas',
    // PDF
    pdfStampPaid: (p: { date: string }) => `PAGADA el ${p.date}`,
    pdfStampDue: 'A PAGAR',
    pdfStampVoid: 'ANULADA',
    pdfReason: (p: { reason: string }) => `Motivo: ${p.reason}`,
    address: 'Dirección',
    notFiscal:
      'Comprobante interno del centro: no es una factura electrónica fiscal (AFIP/ARCA) salvo que el centro la emita por ese medio.',
  },
  {
    title: (p: { number: string }) => `Invoice no. ${p.number}`,
    number: 'Number',
    issuedOn: 'Issue date',
    date: 'Date',
    patient: 'Patient',
    dni: 'DNI',
    insurer: 'Health insurer',
    noInsurer: 'No insurer (private patient)',
    memberNumber: 'Member number',
    concept: 'Description',
    quantity: 'Quantity',
    quantityShort: 'Qty',
    unit: 'Unit price',
    unitShort: 'Unit',
    lineInsurer: 'Insurer share',
    lineInsurerShort: 'Insurer',
    linePatientShort: 'Patient',
    linePatient: 'Patient share',
    amount: 'Amount',
    insurerShare: 'Paid by the insurer',
    patientShare: 'Paid by the patient',
    total: 'Total',
    status: 'Status',
    status_paid: 'Paid',
    status_due: 'Due',
    status_void: 'Void',
    paidOn: (p: { date: string }) => `Paid on ${p.date}`,
    voidReason: 'Reason for voiding',
    moreLines: (p: { first: string; more: number }) => `${p.first} and ${p.more} more`,
    pdf: 'PDF',
    viewPdf: 'View PDF',
    downloadPdf: 'Download',
    pdfOf: (p: { number: string }) => `of invoice no. ${p.number}`,
    mineTitle: 'My invoices',
    mineIntro:
      'The invoices the center issued to you, newest first. "View PDF" opens one to see or print it; ' +
      '"Download" saves it.',
    mineEmpty: 'You have no invoices from the center yet.',
    mineList: 'Your invoices',
    pdfStampPaid: (p: { date: string }) => `PAID on ${p.date}`,
    pdfStampDue: 'DUE',
    pdfStampVoid: 'VOID',
    pdfReason: (p: { reason: string }) => `Reason: ${p.reason}`,
    address: 'Address',
    notFiscal:
      "The center's internal receipt: not an electronic tax invoice (AFIP/ARCA) unless the center issues it that way.",
  },
);

export const invoiceStatusKey = (s: InvoiceStatus) => `status_${s}` as const;

/** "23/11/2026" (es) / "11/23/2026" (en) from a civil date, as the other staff and patient dates read. */
export function formatCivilDate(lang: Lang, date: string): string {
  const [y, m, d] = date.split('-');
  return lang === 'es' ? `${d}/${m}/${y}` : `${m}/${d}/${y}`;
}

/** "Consulta Cardiología — GONZALEZ José — 23/11/2026 y 1 más": a list's summary of an invoice's lines. */
export function conceptSummary(lang: Lang, concepts: readonly string[]): string {
  const [first = '', ...rest] = concepts;
  return rest.length === 0 ? first : invoiceMessages(lang)('moreLines', { first, more: rest.length });
}
