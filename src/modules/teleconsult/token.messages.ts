// Every visible text of Generar token: the page, the PDF of a code and the mail to the professional.
import { formatStamp } from '../../platform/calendar/format.js';
import type { Lang } from '../../platform/i18n/lang.js';
import { defineMessages } from '../../platform/i18n/messages.js';
import { utcToCivil } from '../../platform/time/zone.js';

export const tokenMessages = defineMessages(
  {
    title: 'Generar token',
    intro:
      'Tu token es un código que solo vos podés generar: reemplaza tu firma de conformidad en las teleconsultas. ' +
      'Cambia cada pocos segundos y sirve una sola vez.',
    codeLabel: 'Tu código',
    codeFor: (p: { name: string }) => `Código de ${p.name}`,
    expiresIn: (p: { seconds: number }) => `Cambia en ${p.seconds} segundos.`,
    validUntil: (p: { time: string }) => `Vale hasta las ${p.time}.`,
    nextLabel: 'Código siguiente',
    nextHint: 'Si el código cambia mientras lo dictás, usá este.',
    another: 'Generar otro',
    anotherHint: 'Actualizá la página para ver el código de este momento.',
    howTitle: 'Cómo hacerle llegar el código al profesional',
    sayTitle: 'a. Dictáselo',
    sayText: 'Durante la videollamada, leéle los números en voz alta.',
    copyTitle: 'b. Copialo y pegalo en el chat',
    copyText: 'Copiá el código y pegalo en el chat de la plataforma de la videollamada.',
    copyField: 'Código para copiar',
    copy: 'Copiar',
    copied: 'Código copiado.',
    copyFailed: 'No se pudo copiar: el código quedó seleccionado, copialo con el menú del teléfono.',
    mailTitle: 'b. Envialo por e-mail al profesional',
    mailText: 'Elegí tu turno de teleconsulta: le enviamos el código de este momento al e-mail del profesional.',
    mailTurno: 'Turno de teleconsulta',
    mailNoEmail: 'sin e-mail: dictale o copiale el código',
    mailSend: 'Enviar por e-mail al profesional',
    mailNone:
      'No tenés turnos de teleconsulta para hoy ni próximos. Si el profesional te pide el código, dictáselo o ' +
      'copiáselo en el chat.',
    mailNoneMailable:
      'Ninguno de tus profesionales de teleconsulta tiene un e-mail cargado en el centro: dictales o copiales el código.',
    mailSent: (p: { professional: string }) =>
      `Listo: le enviamos tu código por e-mail a ${p.professional}. Si tarda y el código vence, generá otro y envialo de nuevo.`,
    pdfTitle: 'c. Imprimilo o guardalo en PDF',
    pdfText: 'Un PDF con tu código, tu nombre y DNI, cuándo se generó y hasta cuándo vale.',
    pdfLink: 'Imprimir / Guardar PDF',
    seriesTitle: '¿Consulta presencial o sin teléfono a mano?',
    seriesText: 'Imprimí una serie de códigos de un solo uso para llevar en papel.',
    seriesLink: 'Series impresas de códigos',
    // PDF
    pdfHeading: 'Token de conformidad de teleconsulta',
    pdfPatient: 'Paciente',
    pdfDni: 'DNI',
    pdfCode: 'Código',
    pdfMadeAt: 'Generado el',
    pdfValidUntil: 'Vale hasta',
    pdfNote: (p: { seconds: number }) =>
      `Un código dinámico cambia cada ${p.seconds} segundos y sirve una sola vez. Si venció, generá uno nuevo ` +
      'en el portal, o usá un código de una serie impresa.',
  },
  {
    title: 'Generate token',
    intro:
      'Your token is a code only you can generate: it replaces your signature of consent in teleconsultations. ' +
      'It changes every few seconds and works once.',
    codeLabel: 'Your code',
    codeFor: (p: { name: string }) => `Code of ${p.name}`,
    expiresIn: (p: { seconds: number }) => `Changes in ${p.seconds} seconds.`,
    validUntil: (p: { time: string }) => `Valid until ${p.time}.`,
    nextLabel: 'Next code',
    nextHint: 'If the code changes while you read it out, use this one.',
    another: 'Generate another',
    anotherHint: 'Reload the page to see the code of this moment.',
    howTitle: 'How to give the code to the professional',
    sayTitle: 'a. Read it out',
    sayText: 'During the video call, read the digits out loud.',
    copyTitle: 'b. Copy and paste it in the chat',
    copyText: "Copy the code and paste it in the video platform's chat.",
    copyField: 'Code to copy',
    copy: 'Copy',
    copied: 'Code copied.',
    copyFailed: "Could not copy: the code is selected, copy it with your phone's menu.",
    mailTitle: 'b. E-mail it to the professional',
    mailText: "Choose your teleconsultation appointment: we send the current code to the professional's e-mail.",
    mailTurno: 'Teleconsultation appointment',
    mailNoEmail: 'no e-mail: read out or copy the code',
    mailSend: 'E-mail it to the professional',
    mailNone:
      'You have no teleconsultation appointments today or later. If the professional asks for the code, read it ' +
      'out or paste it in the chat.',
    mailNoneMailable:
      'None of your teleconsultation professionals has an e-mail on file at the center: read out or copy the code.',
    mailSent: (p: { professional: string }) =>
      `Done: we e-mailed your code to ${p.professional}. If it takes long and the code expires, generate another and send it again.`,
    pdfTitle: 'c. Print it or save it as PDF',
    pdfText: 'A PDF with your code, your name and DNI, when it was made and until when it works.',
    pdfLink: 'Print / Save PDF',
    seriesTitle: 'In-person visit or no phone at hand?',
    seriesText: 'Print a series of single-use codes to carry on paper.',
    seriesLink: 'Printed code series',
    pdfHeading: 'Teleconsultation consent token',
    pdfPatient: 'Patient',
    pdfDni: 'DNI',
    pdfCode: 'Code',
    pdfMadeAt: 'Generated on',
    pdfValidUntil: 'Valid until',
    pdfNote: (p: { seconds: number }) =>
      `A dynamic code changes every ${p.seconds} seconds and works once. If it expired, generate a new one in ` +
      'the portal, or use a code from a printed series.',
  },
);

const two = (n: number) => String(n).padStart(2, '0');

/** "09:01:30": a code's validity needs the seconds (zones differ from UTC by whole minutes). */
export function clockTime(zone: string, ms: number): string {
  const { minutes } = utcToCivil(zone, ms);
  return `${two(Math.floor(minutes / 60))}:${two(minutes % 60)}:${two(Math.floor(ms / 1000) % 60)}`;
}

/** "23/11/2026 09:00:05". */
export function stampWithSeconds(lang: Lang, zone: string, ms: number): string {
  const date = formatStamp(lang, zone, ms).split(' ')[0];
  return `${date} ${clockTime(zone, ms)}`;
}
