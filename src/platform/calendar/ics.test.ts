import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildIcs, escapeText, foldLine, icsInstant } from './ics.js';

/** Reads a file back the way a calendar app does: unfold, split properties, unescape TEXT. */
function parse(ics: string): Map<string, string> {
  const unfolded = ics.replace(/\r\n /g, '');
  const props = new Map<string, string>();
  for (const line of unfolded.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const name = line.slice(0, colon).split(';')[0] as string;
    const value = line.slice(colon + 1).replace(/\\(.)/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
    if (!props.has(name)) props.set(name, value);
  }
  return props;
}

const event = {
  uid: 'turno-42@turnos.example.com',
  stampMs: Date.UTC(2026, 10, 23, 12, 0),
  startMs: Date.UTC(2026, 10, 26, 14, 0),
  endMs: Date.UTC(2026, 10, 26, 14, 20),
  summary: 'Turno: GONZALEZ José, Cardiología',
  location: 'Centro Médico; Av. Siempreviva 742, Piso 1\\B',
  description: `Indicaciones:\nPresentarse con 6 horas de ayuno, traer DNI.\n${'Recordá la credencial de la obra social. '.repeat(4)}`,
  organizer: { name: 'Centro Médico "Demo": sede, central', email: 'info@centro.example' },
};

describe('iCalendar writer', () => {
  test('a PUBLISH calendar with one event that reads back exactly', () => {
    const ics = buildIcs({ method: 'PUBLISH', events: [event] });
    const p = parse(ics);
    assert.equal(p.get('BEGIN'), 'VCALENDAR');
    assert.equal(p.get('VERSION'), '2.0');
    assert.equal(p.get('METHOD'), 'PUBLISH');
    assert.equal(p.get('UID'), event.uid);
    assert.equal(p.get('DTSTART'), '20261126T140000Z');
    assert.equal(p.get('DTEND'), '20261126T142000Z');
    assert.equal(p.get('DTSTAMP'), '20261123T120000Z');
    assert.equal(p.get('SUMMARY'), event.summary);
    assert.equal(p.get('LOCATION'), event.location);
    assert.equal(p.get('DESCRIPTION'), event.description);
    assert.equal(p.get('STATUS'), 'CONFIRMED');
    assert.match(
      ics.replace(/\r\n /g, ''),
      /\r\nORGANIZER;CN="Centro Médico Demo: sede, central":mailto:info@centro\.example\r\n/,
    );
    assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\n'));
    assert.ok(ics.endsWith('END:VEVENT\r\nEND:VCALENDAR\r\n'));
  });

  test('CRLF everywhere, no line over 75 octets, and folding never splits a character', () => {
    const ics = buildIcs({ method: 'PUBLISH', events: [{ ...event, summary: 'ñ'.repeat(120) }] });
    assert.doesNotMatch(ics, /[^\r]\n/, 'no bare LF');
    assert.doesNotMatch(ics, /\r(?!\n)/, 'no bare CR');
    const lines = ics.split('\r\n');
    for (const line of lines) {
      assert.ok(Buffer.byteLength(line) <= 75, `${Buffer.byteLength(line)} octets: ${line}`);
      assert.ok(!line.includes('\uFFFD'));
      assert.equal(Buffer.from(line, 'utf8').toString('utf8'), line);
    }
    assert.ok(lines.filter((l) => l.startsWith(' ')).length > 3, 'long values are folded');
    assert.equal(parse(ics).get('SUMMARY'), 'ñ'.repeat(120));
  });

  test('TEXT escaping covers backslash, semicolon, comma and every newline', () => {
    assert.equal(escapeText('a\\b;c,d\ne\r\nf\rg'), 'a\\\\b\\;c\\,d\\ne\\nf\\ng');
  });

  test('folding: short lines untouched, long ones cut at 75 octets then 74 plus the space', () => {
    assert.equal(foldLine('SUMMARY:corto'), 'SUMMARY:corto');
    const folded = foldLine(`DESCRIPTION:${'x'.repeat(200)}`).split('\r\n');
    assert.equal(folded[0]?.length, 75);
    assert.equal(folded[1]?.length, 75);
    assert.ok(folded[1]?.startsWith(' '));
    assert.equal(folded.map((l, i) => (i === 0 ? l : l.slice(1))).join(''), `DESCRIPTION:${'x'.repeat(200)}`);
  });

  test('instants are written in UTC with seconds', () => {
    assert.equal(icsInstant(Date.parse('2026-11-26T11:00:00-03:00')), '20261126T140000Z');
  });

  test('the same event gives the same file (stable UID and stamp)', () => {
    assert.equal(
      buildIcs({ method: 'PUBLISH', events: [event] }),
      buildIcs({ method: 'PUBLISH', events: [{ ...event }] }),
    );
  });
});
