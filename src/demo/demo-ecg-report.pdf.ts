// The demo's "Informe de electrocardiograma": a one-page A4 report as a cardiologist of the center would sign
// it, with a drawn lead II strip, so the portal's Documentos has a real PDF to preview and download. Demo
// content, not a product text: Spanish only, and the same bytes for the same data (fixed creation date).
import PDFDocument from 'pdfkit';
import type { CenterView } from '../modules/center/center.service.js';
import { contactRows } from '../modules/scheduling/appointment.messages.js';

export interface EcgReport {
  center: CenterView;
  patient: { name: string; dni: string; birthDate: string | null };
  /** Who signs: the name, and under it what they are ("Cardiología · MN 12345"). */
  professional: { name: string; detail: string };
  /** The day of the study, YYYY-MM-DD. */
  date: string;
  /** When the report was written: the PDF's creation date, so the same demo gives the same file. */
  writtenAtMs: number;
}

const GREY = '#47525c';
const GREEN = '#0b6e4f';
const GRID = '#f4c7c3';
const TRACE = '#1d1d1f';
const LABEL_WIDTH = 150;

/** The measurements of a normal resting ECG: what a patient would expect to read. */
const FINDINGS: readonly [string, string][] = [
  ['Ritmo', 'Sinusal, regular'],
  ['Frecuencia cardíaca', '72 latidos por minuto'],
  ['Eje eléctrico (QRS)', '+60°'],
  ['Intervalo PR', '160 ms'],
  ['Duración del QRS', '90 ms'],
  ['QT corregido (Bazett)', '410 ms'],
  ['Segmento ST y onda T', 'Sin alteraciones de la repolarización'],
];

const CONCLUSION =
  'Electrocardiograma dentro de límites normales. Sin signos de isquemia, hipertrofia ni trastornos de la conducción.';

const dmy = (date: string) => date.split('-').reverse().join('/');

/** One heartbeat of lead II as (time 0–1, height in mm) points: P wave, QRS complex and T wave. */
const BEAT: readonly [number, number][] = [
  [0, 0],
  [0.08, 0],
  [0.12, 1.2],
  [0.16, 0],
  [0.24, 0],
  [0.26, -1],
  [0.29, 12],
  [0.32, -3],
  [0.35, 0],
  [0.48, 0],
  [0.56, 2.8],
  [0.64, 0],
  [1, 0],
];

/** A lead II strip on millimetre paper: 25 mm/s, 10 mm/mV, one beat every 0.83 s (72 per minute). */
function drawStrip(doc: PDFKit.PDFDocument, left: number, top: number, width: number, height: number) {
  const mm = 72 / 25.4;
  for (let x = 0; x <= width + 0.01; x += mm) {
    const major = Math.round(x / mm) % 5 === 0;
    doc
      .moveTo(left + x, top)
      .lineTo(left + x, top + height)
      .lineWidth(major ? 0.6 : 0.2)
      .strokeColor(GRID)
      .stroke();
  }
  for (let y = 0; y <= height + 0.01; y += mm) {
    const major = Math.round(y / mm) % 5 === 0;
    doc
      .moveTo(left, top + y)
      .lineTo(left + width, top + y)
      .lineWidth(major ? 0.6 : 0.2)
      .strokeColor(GRID)
      .stroke();
  }
  const baseline = top + height * 0.65;
  const beatWidth = 0.83 * 25 * mm;
  doc.moveTo(left, baseline);
  for (let start = 0; start < width; start += beatWidth) {
    for (const [t, up] of BEAT) {
      const x = start + t * beatWidth;
      if (x > width) break;
      doc.lineTo(left + x, baseline - up * mm);
    }
  }
  doc.lineWidth(1).strokeColor(TRACE).stroke();
  doc
    .font('Helvetica')
    .fontSize(8)
    .fillColor(GREY)
    .text('DII · 25 mm/s · 10 mm/mV', left + 4, top + 3);
}

function labelled(doc: PDFKit.PDFDocument, rows: readonly [string, string][], left: number, width: number) {
  for (const [label, value] of rows) {
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(10).fillColor(GREY).text(label, left, y, { width: LABEL_WIDTH });
    const afterLabel = doc.y;
    doc
      .font('Helvetica')
      .fontSize(11)
      .fillColor('black')
      .text(value, left + LABEL_WIDTH, y, { width: width - LABEL_WIDTH });
    doc.y = Math.max(doc.y, afterLabel) + 3;
  }
  doc.x = left;
}

/** The report as PDF bytes. Helvetica covers Spanish (WinAnsi), so no font file is embedded. */
export function renderEcgReport(r: EcgReport): Promise<Buffer> {
  const title = 'Informe de electrocardiograma';
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    lang: 'es-AR',
    info: {
      Title: `${title} – ${r.patient.name}`,
      Author: r.center.name,
      Subject: title,
      CreationDate: new Date(r.writtenAtMs),
    },
  });
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  doc.font('Helvetica-Bold').fontSize(16).fillColor('black').text(r.center.name);
  const contact = [
    ...(r.center.address.trim() ? [r.center.address] : []),
    ...contactRows(r.center, 'es').map(([label, value]) => `${label}: ${value}`),
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
  doc.font('Helvetica-Bold').fontSize(20).fillColor('black').text(title);
  doc.moveDown(0.6);

  const who: [string, string][] = [
    ['Paciente', r.patient.name],
    ['DNI', r.patient.dni],
  ];
  if (r.patient.birthDate) who.push(['Fecha de nacimiento', dmy(r.patient.birthDate)]);
  who.push(['Fecha del estudio', dmy(r.date)], ['Estudio', 'Electrocardiograma de reposo de 12 derivaciones']);
  labelled(doc, who, left, width);
  doc.moveDown(0.8);

  const stripTop = doc.y;
  const stripHeight = 25 * (72 / 25.4);
  drawStrip(doc, left, stripTop, width, stripHeight);
  doc.x = left;
  doc.y = stripTop + stripHeight + 16;

  doc.font('Helvetica-Bold').fontSize(13).fillColor('black').text('Hallazgos', left);
  doc.moveDown(0.3);
  labelled(doc, FINDINGS, left, width);
  doc.moveDown(0.8);
  doc.font('Helvetica-Bold').fontSize(13).fillColor('black').text('Conclusión', left);
  doc.moveDown(0.3);
  doc.font('Helvetica').fontSize(11).text(CONCLUSION, left, doc.y, { width });

  doc.moveDown(3);
  const signY = doc.y;
  doc
    .moveTo(left + width - 200, signY)
    .lineTo(left + width, signY)
    .lineWidth(0.8)
    .strokeColor(GREY)
    .stroke();
  doc
    .font('Helvetica-Bold')
    .fontSize(11)
    .fillColor('black')
    .text(r.professional.name, left + width - 200, signY + 4, { width: 200, align: 'center' });
  doc.font('Helvetica').fontSize(9).fillColor(GREY).text(r.professional.detail, { width: 200, align: 'center' });
  doc.end();
  return done;
}
