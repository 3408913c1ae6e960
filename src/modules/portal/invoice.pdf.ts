// The invoice as one A4 PDF in the house style of the turno slip: the center, the number, who it was issued
// to, the lines with each share, the totals, its state, and a plain note that it is not a fiscal invoice.
import PDFDocument from 'pdfkit';
import type { Lang } from '../../platform/i18n/lang.js';
import type { CenterView } from '../center/center.service.js';
import { contactRows } from '../scheduling/appointment.messages.js';
import { formatMoney } from './invoice.rules.js';
import type { InvoiceView } from './invoice.view.js';
import { formatCivilDate, invoiceMessages } from './invoices.messages.js';

const GREY = '#47525c';
const GREEN = '#0b6e4f';
const RED = '#b3261e';
const AMBER = '#7a4a00';
const LABEL_WIDTH = 130;

type Column = { key: 'concept' | 'quantity' | 'unit' | 'insurer' | 'patient' | 'amount'; width: number };
/** 483 points: the A4 width inside the margins. */
const COLUMNS: Column[] = [
  { key: 'concept', width: 148 },
  { key: 'quantity', width: 30 },
  { key: 'unit', width: 75 },
  { key: 'insurer', width: 75 },
  { key: 'patient', width: 75 },
  { key: 'amount', width: 80 },
];
const PAD = 3;

/** The invoice as PDF bytes. Helvetica covers Spanish (WinAnsi), so no font file is embedded. */
export function renderInvoicePdf(inv: InvoiceView, center: CenterView, lang: Lang): Promise<Buffer> {
  const t = invoiceMessages(lang);
  const title = t('title', { number: inv.numberText });
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    lang: lang === 'es' ? 'es-AR' : 'en',
    info: { Title: `${title} – ${center.name}`, Author: center.name, Subject: title },
  });
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;

  // The center.
  doc.font('Helvetica-Bold').fontSize(16).fillColor('black').text(center.name);
  const contact = [
    ...(center.address.trim() ? [`${t('address')}: ${center.address}`] : []),
    ...contactRows(center, lang).map(([label, value]) => `${label}: ${value}`),
  ];
  if (contact.length > 0) doc.font('Helvetica').fontSize(9).fillColor(GREY).text(contact.join('   ·   '));
  doc.moveDown(0.5);
  doc
    .moveTo(left, doc.y)
    .lineTo(left + width, doc.y)
    .lineWidth(1.5)
    .strokeColor(GREEN)
    .stroke();
  doc.moveDown(1);

  // Number, date and state.
  doc.font('Helvetica-Bold').fontSize(20).fillColor('black').text(title);
  doc
    .font('Helvetica')
    .fontSize(11)
    .fillColor(GREY)
    .text(`${t('issuedOn')}: ${formatCivilDate(lang, inv.issuedOn)}`);
  doc.moveDown(0.4);
  const stamp =
    inv.status === 'void'
      ? { text: t('pdfStampVoid'), color: RED }
      : inv.status === 'paid'
        ? { text: t('pdfStampPaid', { date: formatCivilDate(lang, inv.paidOn ?? inv.issuedOn) }), color: GREEN }
        : { text: t('pdfStampDue'), color: AMBER };
  doc.font('Helvetica-Bold').fontSize(14).fillColor(stamp.color).text(stamp.text);
  if (inv.status === 'void' && inv.voidReason) {
    doc
      .font('Helvetica')
      .fontSize(11)
      .fillColor(RED)
      .text(t('pdfReason', { reason: inv.voidReason }));
  }
  doc.moveDown(0.8);

  // Who it was issued to.
  const rows: [string, string][] = [
    [t('patient'), inv.customerName],
    [t('dni'), inv.customerDni],
    [t('insurer'), inv.insurerName || t('noInsurer')],
  ];
  if (inv.memberNumber) rows.push([t('memberNumber'), inv.memberNumber]);
  for (const [label, value] of rows) {
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(11).fillColor(GREY).text(label, left, y, { width: LABEL_WIDTH });
    const afterLabel = doc.y;
    doc
      .font('Helvetica')
      .fontSize(11)
      .fillColor('black')
      .text(value, left + LABEL_WIDTH, y, { width: width - LABEL_WIDTH });
    doc.y = Math.max(doc.y, afterLabel) + 3;
  }
  doc.moveDown(1);

  // The lines.
  const heading: Record<Column['key'], string> = {
    concept: t('concept'),
    quantity: t('quantityShort'),
    unit: t('unitShort'),
    insurer: t('lineInsurerShort'),
    patient: t('linePatientShort'),
    amount: t('amount'),
  };
  const row = (cells: Record<Column['key'], string>, font: string) => {
    doc.font(font).fontSize(9);
    const height =
      Math.max(...COLUMNS.map((c) => doc.heightOfString(cells[c.key], { width: c.width - 2 * PAD }))) + 2 * PAD;
    if (doc.y + height > bottom()) doc.addPage();
    const y = doc.y;
    let x = left;
    for (const c of COLUMNS) {
      const align = c.key === 'concept' ? 'left' : 'right';
      doc.fillColor('black').text(cells[c.key], x + PAD, y + PAD, { width: c.width - 2 * PAD, align });
      x += c.width;
    }
    doc.y = y + height;
    doc
      .moveTo(left, doc.y)
      .lineTo(left + width, doc.y)
      .lineWidth(0.5)
      .strokeColor('#c5ccd3')
      .stroke();
  };
  row(heading, 'Helvetica-Bold');
  for (const l of inv.lines) {
    row(
      {
        concept: l.concept,
        quantity: String(l.quantity),
        unit: formatMoney(l.unitCents),
        insurer: formatMoney(l.insurerCents),
        patient: formatMoney(l.patientCents),
        amount: formatMoney(l.amountCents),
      },
      'Helvetica',
    );
  }
  doc.moveDown(0.8);

  // Totals, right-aligned under the amounts.
  const totals: [string, number, boolean][] = [
    [t('insurerShare'), inv.insurerCents, false],
    [t('patientShare'), inv.patientCents, false],
    [t('total'), inv.totalCents, true],
  ];
  const labelX = left + width - 330;
  for (const [label, cents, strong] of totals) {
    if (doc.y + 20 > bottom()) doc.addPage();
    const y = doc.y;
    doc
      .font(strong ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(strong ? 13 : 11)
      .fillColor('black');
    doc.text(label, labelX, y, { width: 200, align: 'right' });
    doc.text(formatMoney(cents), labelX + 200, y, { width: 130 - PAD, align: 'right' });
    doc.y = Math.max(doc.y, y) + 4;
  }

  doc.moveDown(2);
  doc.font('Helvetica').fontSize(8).fillColor(GREY).text(t('notFiscal'), left, doc.y, { width });
  doc.end();
  return done;
}
