// The booking confirmation mail: the turno's details, its messages, the center's phrase and contact data,
// and an .ics file for the patient's calendar. Pure: the caller writes it to the outbox in its transaction.
import { renderToString } from 'preact-render-to-string';
import { formatDay, formatTime } from '../../platform/calendar/format.js';
import { buildIcs, icsContentType } from '../../platform/calendar/ics.js';
import type { Lang } from '../../platform/i18n/lang.js';
import { defineMessages } from '../../platform/i18n/messages.js';
import type { OutgoingMail } from '../../platform/outbox/outbox.js';
import type { AppointmentDetails } from './appointment.details.js';
import { appointmentMessages, contactRows, detailRows, noteKey } from './appointment.messages.js';
import { videoCallMessages } from './video-call.messages.js';

const mailMessages = defineMessages(
  {
    subject: (p: { when: string; professional: string }) => `Turno confirmado: ${p.when} con ${p.professional}`,
    hello: (p: { name: string }) => `Hola, ${p.name}:`,
    booked: (p: { center: string }) => `Tu turno en ${p.center} quedó reservado.`,
    calendar: 'Adjuntamos el turno en un archivo de calendario (.ics) para que lo agregues a tu agenda.',
    cancel: (p: { url: string }) => `Si no podés asistir, cancelá el turno desde Mis turnos: ${p.url}`,
    cancelNoUrl: 'Si no podés asistir, cancelá el turno desde Mis turnos en la web del centro.',
    contact: 'Datos de contacto',
    eventTitle: (p: { professional: string; service: string }) =>
      `Turno con ${p.professional}${p.service ? ` (${p.service})` : ''}`,
  },
  {
    subject: (p: { when: string; professional: string }) => `Appointment confirmed: ${p.when} with ${p.professional}`,
    hello: (p: { name: string }) => `Hello ${p.name},`,
    booked: (p: { center: string }) => `Your appointment at ${p.center} is booked.`,
    calendar: 'The appointment is attached as a calendar file (.ics) you can add to your calendar.',
    cancel: (p: { url: string }) => `If you cannot come, please cancel it from My appointments: ${p.url}`,
    cancelNoUrl: 'If you cannot come, please cancel it from My appointments on the center’s website.',
    contact: 'Contact details',
    eventTitle: (p: { professional: string; service: string }) =>
      `Appointment with ${p.professional}${p.service ? ` (${p.service})` : ''}`,
  },
);

/** The site's address without a trailing slash, when the center configured a usable one. */
function siteUrl(webAddress: string): string | null {
  try {
    const url = new URL(webAddress.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href.replace(/\/+$/, '') : null;
  } catch {
    return null;
  }
}

/** Stable per appointment and unique across centers (their web address), so a resent file updates the entry. */
export function appointmentUid(d: AppointmentDetails): string {
  const site = siteUrl(d.center.webAddress);
  return `turno-${d.id}@${site ? new URL(site).hostname : 'turnero'}`;
}

/** A turno by video: how to enter the call, and (for portal patients) where their token is made. */
function videoLines(d: AppointmentDetails, lang: Lang): string[] {
  if (!d.teleconsult) return [];
  const v = videoCallMessages(lang);
  const token = tokenLine(d, lang);
  return [...(d.videoUrl ? [v('mailIntro'), d.videoUrl] : [v('mailNoLink')]), ...(token ? [token] : [])];
}

function tokenLine(d: AppointmentDetails, lang: Lang): string | null {
  if (!d.patient.portal) return null;
  const v = videoCallMessages(lang);
  const site = siteUrl(d.center.webAddress);
  return site ? v('mailToken', { url: `${site}/portal/token` }) : v('mailTokenNoUrl');
}

function notesLines(d: AppointmentDetails, lang: Lang): string[] {
  const a = appointmentMessages(lang);
  return d.notes.map((n) => `${a(noteKey(n.source))}: ${n.text}`);
}

export function bookingIcs(d: AppointmentDetails, lang: Lang): string {
  const m = mailMessages(lang);
  const description = [
    ...detailRows(d, lang).map(([label, value]) => `${label}: ${value}`),
    ...notesLines(d, lang),
    ...videoLines(d, lang),
    d.center.mailPhrase,
    ...contactRows(d.center, lang).map(([label, value]) => `${label}: ${value}`),
  ].filter((line) => line.trim() !== '');
  return buildIcs({
    method: 'PUBLISH',
    events: [
      {
        uid: appointmentUid(d),
        stampMs: d.bookedAtMs,
        startMs: d.startMs,
        endMs: d.endMs,
        summary: m('eventTitle', { professional: d.professional, service: d.service?.name ?? '' }),
        location: d.center.name,
        description: description.join('\n'),
        ...(d.center.contactEmail ? { organizer: { name: d.center.name, email: d.center.contactEmail } } : {}),
      },
    ],
  });
}

function VideoCall(props: { d: AppointmentDetails; lang: Lang }) {
  const { d } = props;
  const v = videoCallMessages(props.lang);
  const token = tokenLine(d, props.lang);
  return (
    <>
      <h2 style="font-size: 1.1em">{v('badge')}</h2>
      {d.videoUrl ? (
        <p>
          {v('mailIntro')}
          <br />
          <a href={d.videoUrl}>
            <strong>{v('join')}</strong>
          </a>
          <br />
          {d.videoUrl}
        </p>
      ) : (
        <p>{v('mailNoLink')}</p>
      )}
      {token && <p>{token}</p>}
    </>
  );
}

function MailBody(props: { d: AppointmentDetails; lang: Lang; cancelLine: string }) {
  const { d, lang } = props;
  const m = mailMessages(lang);
  const a = appointmentMessages(lang);
  return (
    <html lang={lang === 'es' ? 'es-AR' : 'en'}>
      <body style="font-family: sans-serif; color: #1b1f24; line-height: 1.5">
        <p>{m('hello', { name: d.patient.name })}</p>
        <p>
          <strong>{m('booked', { center: d.center.name })}</strong>
        </p>
        <table cellPadding="4" style="border-collapse: collapse">
          <tbody>
            {detailRows(d, lang).map(([label, value]) => (
              <tr key={label}>
                <th style="text-align: left; vertical-align: top">{label}</th>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {d.teleconsult && <VideoCall d={d} lang={lang} />}
        {d.notes.length > 0 && (
          <>
            <h2 style="font-size: 1.1em">{a('notes')}</h2>
            <ul>
              {d.notes.map((n) => (
                <li key={n.source}>
                  <strong>{a(noteKey(n.source))}:</strong> {n.text}
                </li>
              ))}
            </ul>
          </>
        )}
        {d.center.mailPhrase && (
          <p>
            <strong>{d.center.mailPhrase}</strong>
          </p>
        )}
        <p>{props.cancelLine}</p>
        <p>{m('calendar')}</p>
        <h2 style="font-size: 1.1em">{m('contact')}</h2>
        <p>
          {d.center.name}
          {contactRows(d.center, lang).map(([label, value]) => (
            <span key={label}>
              <br />
              {label}: {value}
            </span>
          ))}
        </p>
      </body>
    </html>
  );
}

/** The confirmation for the patient's address (the caller checks there is one). */
export function bookingConfirmationMail(d: AppointmentDetails, lang: Lang, to: string): OutgoingMail {
  const m = mailMessages(lang);
  const a = appointmentMessages(lang);
  const zone = d.center.timeZone;
  const site = siteUrl(d.center.webAddress);
  const cancelLine = site ? m('cancel', { url: `${site}/mis-turnos` }) : m('cancelNoUrl');
  const notes = notesLines(d, lang);
  const text = [
    m('hello', { name: d.patient.name }),
    '',
    m('booked', { center: d.center.name }),
    '',
    ...detailRows(d, lang).map(([label, value]) => `${label}: ${value}`),
    ...(d.teleconsult ? ['', ...videoLines(d, lang)] : []),
    ...(notes.length > 0 ? ['', `${a('notes')}:`, ...notes.map((line) => `- ${line}`)] : []),
    ...(d.center.mailPhrase ? ['', d.center.mailPhrase] : []),
    '',
    cancelLine,
    m('calendar'),
    '',
    `${m('contact')}:`,
    d.center.name,
    ...contactRows(d.center, lang).map(([label, value]) => `${label}: ${value}`),
  ].join('\n');
  return {
    kind: 'booking_confirmation',
    to,
    subject: m('subject', {
      when: `${formatDay(lang, zone, d.startMs)} ${formatTime(lang, zone, d.startMs)}`,
      professional: d.professional,
    }),
    text: `${text}\n`,
    html: `<!doctype html>${renderToString(<MailBody d={d} lang={lang} cancelLine={cancelLine} />)}`,
    attachments: [
      { filename: `turno-${d.id}.ics`, contentType: icsContentType('PUBLISH'), content: bookingIcs(d, lang) },
    ],
    patientId: d.patientId,
    appointmentId: d.id,
  };
}
