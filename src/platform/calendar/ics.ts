// A small iCalendar (RFC 5545) writer: enough for one appointment a patient adds to a calendar app.
// ical-generator would do it too, but its current versions need Node 22.

export interface IcsEvent {
  /** Globally unique and stable: the same appointment sent twice must update, not duplicate, the entry. */
  uid: string;
  /** When this version of the event was made (the booking time, so the file is the same every time). */
  stampMs: number;
  startMs: number;
  endMs: number;
  summary: string;
  location?: string;
  description?: string;
  organizer?: { name: string; email: string };
  status?: 'CONFIRMED' | 'CANCELLED';
}

export interface IcsCalendar {
  /** PUBLISH: an entry to add; CANCEL: an entry to remove. */
  method: 'PUBLISH' | 'CANCEL';
  events: readonly IcsEvent[];
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** TEXT values: backslash, semicolon and comma are escaped, every kind of newline becomes \n. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Parameter values (CN=…) cannot contain quotes at all, and need quoting when they hold : ; or ,. */
function paramValue(text: string): string {
  const clean = text.replace(/["\r\n]/g, '');
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

/**
 * Lines longer than 75 octets continue on the next line after CRLF and one space. The cut falls between
 * characters, never inside a UTF-8 sequence, or "ñ" and "á" would break.
 */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line) <= MAX_OCTETS) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    // Continuation lines spend one octet on their leading space.
    const limit = parts.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** 20261126T140000Z: always UTC, so no VTIMEZONE is needed. */
export function icsInstant(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function eventLines(e: IcsEvent): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `DTSTAMP:${icsInstant(e.stampMs)}`,
    `DTSTART:${icsInstant(e.startMs)}`,
    `DTEND:${icsInstant(e.endMs)}`,
    `SUMMARY:${escapeText(e.summary)}`,
  ];
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  if (e.organizer?.email) lines.push(`ORGANIZER;CN=${paramValue(e.organizer.name)}:mailto:${e.organizer.email}`);
  lines.push(`STATUS:${e.status ?? 'CONFIRMED'}`, 'TRANSP:OPAQUE', 'END:VEVENT');
  return lines;
}

/** The whole file, CRLF line endings included (also after the last line). */
export function buildIcs(calendar: IcsCalendar): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Turnero//Turnos por internet//ES',
    'CALSCALE:GREGORIAN',
    `METHOD:${calendar.method}`,
    ...calendar.events.flatMap(eventLines),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** The MIME type of an attachment made by buildIcs. */
export function icsContentType(method: IcsCalendar['method']): string {
  return `text/calendar; charset=utf-8; method=${method}`;
}
