// The constancia for the insurer: one A4 page saying who confirmed which turno, when, with which kind of code
// and who verified it — the record that replaces the patient's signature.
import PDFDocument from 'pdfkit';
import type { Lang } from '../../platform/i18n/lang.js';
import type { ConformityView } from './conformity.service.js';
import { dmy, verifyMessages } from './verify.messages.js';

const GREY = '#47525c';
const GREEN = '#0b6e4f';
const LABEL_WIDTH = 150;

export function renderConformityPdf(c: ConformityView, lang: Lang): Promise<Buffer> {
  const t = verifyMessages(lang);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    lang: lang === 'es' ? 'es-AR' : 'en',
    info: { Title: `${t('pdfTitle')} ${c.id} – ${c.centerName}`, Author: c.centerName, Subject: t('pdfTitle') },
  });
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  doc.font('Helvetica-Bold').fontSize(16).fillColor('black').text(c.centerName);
  doc.moveDown(0.5);
  doc
    .moveTo(left, doc.y)
    .lineTo(left + width, doc.y)
    .lineWidth(1.5)
    .strokeColor(GREEN)
    .stroke();
  doc.moveDown(1);
  doc.font('Helvetica-Bold').fontSize(18).fillColor('black').text(t('pdfTitle'));
  doc.moveDown(0.4);
  doc.font('Helvetica').fontSize(10).fillColor(GREY).text(t('pdfIntro'), { width });
  doc.moveDown(1);

  const rows: [string, string][] = [
    [t('pdfId'), String(c.id)],
    [t('pdfCenter'), c.centerName],
    [t('pdfPatient'), c.patientName],
    [t('pdfDni'), c.dni],
    [t('pdfInsurer'), c.insurerName || t('selfPay')],
  ];
  if (c.memberNumber) rows.push([t('pdfMember'), c.memberNumber]);
  if (c.insurancePlan) rows.push([t('pdfPlan'), c.insurancePlan]);
  if (c.turnoDate && c.turnoTime) {
    rows.push([t('pdfTurno'), `${t('at', { date: dmy(c.turnoDate), time: c.turnoTime })} (N.º ${c.appointmentId})`]);
    rows.push([t('pdfModality'), c.teleconsult ? t('teleconsult') : t('inPerson')]);
    if (c.professional) rows.push([t('pdfProfessional'), c.professional]);
    if (c.service) rows.push([t('pdfService'), c.service]);
  } else {
    rows.push([t('pdfTurno'), t('okNoTurno')]);
  }
  rows.push(
    [t('pdfKind'), t(c.codeKind === 'printed' ? 'kind_printed' : 'kind_dynamic')],
    [t('pdfVerifiedAt'), t('at', { date: dmy(c.verifiedDate), time: c.verifiedTime })],
    [t('pdfBy'), c.verifiedBy],
  );
  for (const [label, value] of rows) {
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(11).fillColor(GREY).text(label, left, y, { width: LABEL_WIDTH });
    const afterLabel = doc.y;
    doc
      .font('Helvetica')
      .fontSize(11)
      .fillColor('black')
      .text(value, left + LABEL_WIDTH, y, { width: width - LABEL_WIDTH });
    doc.y = Math.max(doc.y, afterLabel) + 4;
  }
  doc.end();
  return done;
}
