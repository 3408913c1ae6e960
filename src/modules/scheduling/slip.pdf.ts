// The printable "Recordatorio de turno": one A4 page the patient prints or keeps on the phone.
import PDFDocument from 'pdfkit';
import type { Lang } from '../../platform/i18n/lang.js';
import { defineMessages } from '../../platform/i18n/messages.js';
import type { AppointmentDetails } from './appointment.details.js';
import { appointmentMessages, contactRows, detailRows, noteKey, statusKey } from './appointment.messages.js';

const slipMessages = defineMessages(
  {
    title: 'Recordatorio de turno',
    cancelled: 'Este turno fue cancelado.',
    subject: (p: { id: number }) => `Turno ${p.id}`,
  },
  {
    title: 'Appointment reminder',
    cancelled: 'This appointment was cancelled.',
    subject: (p: { id: number }) => `Appointment ${p.id}`,
  },
);

const LABEL_WIDTH = 130;
const GREY = '#47525c';

/** The slip as PDF bytes. Helvetica covers Spanish (WinAnsi), so no font file is embedded. */
export function renderSlip(d: AppointmentDetails, lang: Lang): Promise<Buffer> {
  const s = slipMessages(lang);
  const a = appointmentMessages(lang);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    lang: lang === 'es' ? 'es-AR' : 'en',
    info: { Title: `${s('title')} – ${d.center.name}`, Author: d.center.name, Subject: s('subject', { id: d.id }) },
  });
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  doc.font('Helvetica-Bold').fontSize(16).fillColor('black').text(d.center.name);
  const contact = contactRows(d.center, lang).map(([label, value]) => `${label}: ${value}`);
  if (contact.length > 0) doc.font('Helvetica').fontSize(9).fillColor(GREY).text(contact.join('   ·   '));
  doc.moveDown(0.5);
  doc
    .moveTo(left, doc.y)
    .lineTo(left + width, doc.y)
    .lineWidth(1.5)
    .strokeColor('#0b6e4f')
    .stroke();
  doc.moveDown(1);
  doc.font('Helvetica-Bold').fontSize(20).fillColor('black').text(s('title'));
  doc.moveDown(0.6);
  if (d.status === 'cancelled') {
    doc.font('Helvetica-Bold').fontSize(13).fillColor('#b3261e').text(s('cancelled'));
    doc.moveDown(0.5);
  }

  const rows = detailRows(d, lang, { patient: true });
  rows.push([a('status'), a(statusKey(d.status))]);
  for (const [label, value] of rows) {
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(11).fillColor(GREY).text(label, left, y, { width: LABEL_WIDTH });
    const afterLabel = doc.y;
    doc
      .font('Helvetica')
      .fontSize(12)
      .fillColor('black')
      .text(value, left + LABEL_WIDTH, y, { width: width - LABEL_WIDTH });
    doc.y = Math.max(doc.y, afterLabel) + 4;
  }
  doc.x = left;

  if (d.notes.length > 0) {
    doc.moveDown(0.8);
    doc.font('Helvetica-Bold').fontSize(13).fillColor('black').text(a('notes'), left);
    doc.moveDown(0.3);
    for (const n of d.notes) {
      doc
        .font('Helvetica-Bold')
        .fontSize(11)
        .text(`${a(noteKey(n.source))}: `, { continued: true });
      doc.font('Helvetica').text(n.text);
      doc.moveDown(0.2);
    }
  }
  if (d.center.mailPhrase) {
    doc.moveDown(0.8);
    doc.font('Helvetica-Bold').fontSize(12).fillColor('black').text(d.center.mailPhrase, left, doc.y, { width });
  }
  doc.end();
  return done;
}
