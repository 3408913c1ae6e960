// A printed series as an A4 sheet: the center, the patient, "válida hasta", the instructions, and the codes
// numbered 1–N, each with a box to cross it out; codes already used say so.

import { formatStamp } from '../../platform/calendar/format.js';
import type { Patient } from '../../platform/db/schema.js';
import type { Lang } from '../../platform/i18n/lang.js';
import type { CenterView } from '../center/center.service.js';
import { formatCivilDate, seriesMessages } from './series.messages.js';
import { pdfBytes, pdfHeader, pdfRows } from './token.pdf.js';
import { groupDigits } from './token.rules.js';

const GREY = '#47525c';

interface SeriesSheet {
  center: CenterView;
  patient: Pick<Patient, 'firstName' | 'lastName' | 'dni'>;
  series: { id: number; validUntil: string; createdAt: string };
  codes: { position: number; code: string; usedAt: string | null }[];
  atMs: number;
}

export function renderSeriesPdf(sheet: SeriesSheet, lang: Lang): Promise<Buffer> {
  const t = seriesMessages(lang);
  const zone = sheet.center.timeZone;
  const name = `${sheet.patient.lastName}, ${sheet.patient.firstName}`;
  return pdfBytes({ title: `${t('pdfTitle')} – ${name}`, author: sheet.center.name, lang }, (doc) => {
    pdfHeader(doc, sheet.center.name);
    doc.font('Helvetica-Bold').fontSize(20).fillColor('black').text(t('pdfTitle'));
    doc.moveDown(0.6);
    pdfRows(doc, [
      [t('pdfPatient'), name],
      [t('pdfDni'), sheet.patient.dni],
      [t('pdfSeries'), `N.º ${sheet.series.id}`],
      [t('pdfCreated'), formatStamp(lang, zone, Date.parse(sheet.series.createdAt))],
      [t('pdfValidUntil'), formatCivilDate(lang, sheet.series.validUntil)],
    ]);
    doc.moveDown(0.6);
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;
    doc.font('Helvetica').fontSize(10).fillColor(GREY).text(t('pdfInstructions'), left, doc.y, { width });
    doc.moveDown(1);
    const rowHeight = 26;
    const bottom = doc.page.height - doc.page.margins.bottom;
    for (const c of sheet.codes) {
      if (doc.y + rowHeight > bottom) doc.addPage();
      const y = doc.y;
      doc
        .rect(left, y + 2, 14, 14)
        .lineWidth(1)
        .strokeColor('black')
        .stroke();
      doc
        .font('Helvetica-Bold')
        .fontSize(14)
        .fillColor('black')
        .text(`${c.position}.`, left + 24, y, { width: 40, align: 'right', lineBreak: false });
      doc
        .font('Courier-Bold')
        .fontSize(18)
        .text(groupDigits(c.code), left + 76, y, { lineBreak: false });
      if (c.usedAt) {
        doc
          .moveTo(left + 72, y + 9)
          .lineTo(left + 230, y + 9)
          .lineWidth(1.2)
          .stroke();
        doc
          .font('Helvetica')
          .fontSize(10)
          .fillColor(GREY)
          .text(t('pdfUsed', { when: formatStamp(lang, zone, Date.parse(c.usedAt)) }), left + 250, y + 4, {
            lineBreak: false,
          });
      }
      doc.x = left;
      doc.y = y + rowHeight;
      doc
        .moveTo(left, doc.y - 4)
        .lineTo(left + width, doc.y - 4)
        .lineWidth(0.5)
        .strokeColor('#c5ccd3')
        .stroke();
    }
    doc.x = left;
  });
}
