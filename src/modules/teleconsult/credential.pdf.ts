// The card as a PDF to keep on the phone or print: an A4 page with the card drawn at its top, in the card's
// proportions (ID-1, 85.6 × 54 mm) and large enough to read, the QR code embedded as an image.
import PDFDocument from 'pdfkit';
import type { Lang } from '../../platform/i18n/lang.js';
import { credentialMessages } from './credential.messages.js';
import type { CredentialView } from './credential.service.js';

const BAND = '#0b4f6c';
const GREY = '#47525c';
/** ID-1 card proportions. */
const CARD_RATIO = 85.6 / 54;

export function renderCredentialPdf(card: CredentialView, qrPng: Buffer, lang: Lang): Promise<Buffer> {
  const t = credentialMessages(lang);
  const title = t('pdfTitle', { name: card.fullName });
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    lang: lang === 'es' ? 'es-AR' : 'en',
    info: { Title: `${title} – ${card.centerName}`, Author: card.centerName, Subject: t('cardKind') },
  });
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const x = doc.page.margins.left;
  const y = doc.page.margins.top;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const height = width / CARD_RATIO;
  const pad = 18;
  const band = 52;

  doc.roundedRect(x, y, width, height, 14).lineWidth(1.5).strokeColor(BAND).stroke();
  doc.save().roundedRect(x, y, width, band, 14).clip().rect(x, y, width, band).fill(BAND).restore();
  doc
    .font('Helvetica-Bold')
    .fontSize(18)
    .fillColor('white')
    .text(card.centerName, x + pad, y + 10, { width: width - 2 * pad - 150, lineBreak: false, ellipsis: true });
  doc
    .font('Helvetica')
    .fontSize(10)
    .fillColor('white')
    .text(card.insurer ?? t('selfPay'), x + pad, y + 32, { width: width - 2 * pad, lineBreak: false });
  doc
    .font('Helvetica')
    .fontSize(10)
    .fillColor('white')
    .text(t('cardKind'), x + width - pad - 160, y + 12, { width: 160, align: 'right' });

  const qrSize = 150;
  const qrX = x + width - pad - qrSize;
  const qrY = y + band + (height - band - qrSize) / 2;
  doc.image(qrPng, qrX, qrY, { width: qrSize, height: qrSize });

  const textWidth = qrX - x - 2 * pad;
  let rowY = y + band + 14;
  const rows: [string, string, number][] = [
    [t('name'), card.fullName, 17],
    [t('dni'), card.dniGrouped, 17],
    [t('insurer'), card.insurer ?? t('selfPay'), 13],
    ...(card.insurer
      ? ([
          [t('plan'), card.plan || t('none'), 13],
          [t('memberNumber'), card.memberNumber || t('none'), 13],
        ] as [string, string, number][])
      : []),
  ];
  for (const [label, value, size] of rows) {
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(GREY)
      .text(label.toUpperCase(), x + pad, rowY, { width: textWidth });
    doc
      .font('Helvetica-Bold')
      .fontSize(size)
      .fillColor('black')
      .text(value, x + pad, doc.y + 1, { width: textWidth, lineBreak: false, ellipsis: true });
    rowY = doc.y + 6;
  }

  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor(GREY)
    .text(t('pdfNote'), x, y + height + 14, { width });
  doc.text(t('wrongData'), { width });
  doc.end();
  return done;
}
