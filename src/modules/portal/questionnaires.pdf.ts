// A patient's sent answers on A4, for the clinical record: the center, who answered, and each question with
// its answer as it was asked. The house style of the turno slip.
import PDFDocument from 'pdfkit';
import type { Patient } from '../../platform/db/schema.js';
import type { Lang } from '../../platform/i18n/lang.js';
import type { CenterView } from '../center/center.service.js';
import type { RequestView } from './questionnaire-requests.service.js';
import { answerText, stampText, turnoWhen } from './questionnaires.format.js';
import { questionnairesMessages } from './questionnaires.messages.js';

const LABEL_WIDTH = 110;
const GREY = '#47525c';
const ACCENT = '#0b6e4f';

/** The PDF's bytes. Helvetica covers Spanish (WinAnsi), so no font file is embedded. */
export function renderAnswersPdf(
  d: { center: CenterView; patient: Patient; request: RequestView },
  lang: Lang,
): Promise<Buffer> {
  const t = questionnairesMessages(lang);
  const { center, patient, request } = d;
  const name = `${patient.lastName}, ${patient.firstName}`;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    lang: lang === 'es' ? 'es-AR' : 'en',
    info: { Title: `${request.title} – ${name}`, Author: center.name, Subject: t('pdfTitle') },
  });
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  doc.font('Helvetica-Bold').fontSize(16).fillColor('black').text(center.name);
  const contact = [center.address, center.phones, center.contactEmail].filter((v) => v.trim() !== '');
  if (contact.length > 0) doc.font('Helvetica').fontSize(9).fillColor(GREY).text(contact.join('   ·   '));
  doc.moveDown(0.5);
  doc
    .moveTo(left, doc.y)
    .lineTo(left + width, doc.y)
    .lineWidth(1.5)
    .strokeColor(ACCENT)
    .stroke();
  doc.moveDown(1);
  doc.font('Helvetica-Bold').fontSize(18).fillColor('black').text(t('pdfTitle'));
  doc.moveDown(0.6);

  const rows: [string, string][] = [
    [t('pdfPatient'), name],
    [t('pdfDni'), patient.dni],
    [t('pdfQuestionnaire'), request.title],
    [t('pdfSubmitted'), request.submittedAt ? stampText(lang, center.timeZone, request.submittedAt) : ''],
  ];
  if (request.turno) rows.push([t('pdfTurno'), turnoWhen(lang, center.timeZone, request.turno.startsAt)]);
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
  doc.x = left;
  doc.moveDown(0.8);

  for (const [i, item] of request.questions.entries()) {
    doc
      .font('Helvetica-Bold')
      .fontSize(11)
      .fillColor('black')
      .text(`${i + 1}. ${item.label}`, left, doc.y, { width });
    doc.moveDown(0.15);
    doc
      .font('Helvetica')
      .fontSize(11)
      .fillColor(item.value === '' ? GREY : 'black')
      .text(answerText(lang, item), left + 14, doc.y, { width: width - 14 });
    doc.moveDown(0.6);
  }
  doc.end();
  return done;
}
