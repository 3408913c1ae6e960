// One dynamic code as an A4 PDF to print or keep on the phone: the center, whose code it is, the code in large
// digits, when it was made and until when it works.
import PDFDocument from 'pdfkit';
import type { Lang } from '../../platform/i18n/lang.js';
import { stampWithSeconds, tokenMessages } from './token.messages.js';
import { groupDigits } from './token.rules.js';
import type { TokenNow } from './token.service.js';

const GREY = '#47525c';
const GREEN = '#0b6e4f';

/** PDF bytes of a document laid out by `draw`; Helvetica covers Spanish, so no font is embedded. */
export function pdfBytes(info: { title: string; author: string; lang: Lang }, draw: (doc: PDFKit.PDFDocument) => void) {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    lang: info.lang === 'es' ? 'es-AR' : 'en',
    info: { Title: info.title, Author: info.author, Subject: info.title },
  });
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  draw(doc);
  doc.end();
  return done;
}

/** The center's name over a green rule, as the other PDFs of the center begin. */
export function pdfHeader(doc: PDFKit.PDFDocument, centerName: string) {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.font('Helvetica-Bold').fontSize(16).fillColor('black').text(centerName);
  doc.moveDown(0.5);
  doc
    .moveTo(left, doc.y)
    .lineTo(left + width, doc.y)
    .lineWidth(1.5)
    .strokeColor(GREEN)
    .stroke();
  doc.moveDown(1);
}

export function pdfRows(doc: PDFKit.PDFDocument, rows: [string, string][]) {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  for (const [label, value] of rows) {
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(12).fillColor(GREY).text(label, left, y, { width: 130 });
    doc
      .font('Helvetica')
      .fontSize(12)
      .fillColor('black')
      .text(value, left + 130, y, { width: width - 130 });
    doc.moveDown(0.3);
  }
}

export function renderTokenPdf(token: TokenNow, lang: Lang): Promise<Buffer> {
  const t = tokenMessages(lang);
  const zone = token.center.timeZone;
  const name = `${token.patient.lastName}, ${token.patient.firstName}`;
  return pdfBytes({ title: `${t('pdfHeading')} – ${name}`, author: token.center.name, lang }, (doc) => {
    pdfHeader(doc, token.center.name);
    doc.font('Helvetica-Bold').fontSize(20).fillColor('black').text(t('pdfHeading'));
    doc.moveDown(0.8);
    pdfRows(doc, [
      [t('pdfPatient'), name],
      [t('pdfDni'), token.patient.dni],
      [t('pdfMadeAt'), stampWithSeconds(lang, zone, token.atMs)],
      [t('pdfValidUntil'), stampWithSeconds(lang, zone, token.validUntilMs)],
    ]);
    doc.moveDown(1);
    doc.font('Helvetica').fontSize(12).fillColor(GREY).text(t('pdfCode'));
    doc.font('Helvetica-Bold').fontSize(44).fillColor('black').text(groupDigits(token.code), { characterSpacing: 2 });
    doc.moveDown(1);
    doc
      .font('Helvetica')
      .fontSize(10)
      .fillColor(GREY)
      .text(t('pdfNote', { seconds: token.stepSeconds }));
  });
}
