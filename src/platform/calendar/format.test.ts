// The page formatter is arithmetic on civil time; Intl is the reference it must agree with, in zones with
// and without daylight saving, across years and both languages.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Lang } from '../i18n/lang.js';
import { formatCivilDay, formatDay, formatLongDay, formatStamp, formatTime } from './format.js';

const LOCALE: Record<Lang, string> = { es: 'es-AR', en: 'en-US' };

function intlParts(lang: Lang, zone: string, ms: number, options: Intl.DateTimeFormatOptions) {
  const out: Record<string, string> = {};
  const f = new Intl.DateTimeFormat(LOCALE[lang], { ...options, timeZone: zone });
  for (const p of f.formatToParts(ms)) if (p.type !== 'literal') out[p.type] = p.value;
  return out;
}

function intlDay(lang: Lang, zone: string, ms: number) {
  const p = intlParts(lang, zone, ms, { weekday: 'long', day: '2-digit', month: '2-digit' });
  return lang === 'es' ? `${p.weekday} ${p.day}/${p.month}` : `${p.weekday} ${p.month}/${p.day}`;
}

function intlTime(lang: Lang, zone: string, ms: number) {
  const p = intlParts(lang, zone, ms, { hour: '2-digit', minute: '2-digit', hourCycle: lang === 'es' ? 'h23' : 'h12' });
  return lang === 'es' ? `${p.hour}:${p.minute}` : `${Number(p.hour)}:${p.minute} ${p.dayPeriod}`;
}

function intlStamp(lang: Lang, zone: string, ms: number) {
  const p = intlParts(lang, zone, ms, { day: '2-digit', month: '2-digit', year: 'numeric' });
  const date = lang === 'es' ? `${p.day}/${p.month}/${p.year}` : `${p.month}/${p.day}/${p.year}`;
  return `${date} ${intlTime(lang, zone, ms)}`;
}

function intlLong(lang: Lang, zone: string, ms: number) {
  const options = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: zone } as const;
  return new Intl.DateTimeFormat(LOCALE[lang], options).format(ms);
}

const ZONES = ['America/Argentina/Buenos_Aires', 'America/Santiago', 'America/Mexico_City', 'UTC'];
const STEP_MS = (7 * 60 + 13) * 60_000;
const FROM = Date.UTC(2025, 0, 1);
const TO = Date.UTC(2028, 0, 1);

test('days, times, stamps and long dates read the same as Intl, every 7 h 13 min for three years', () => {
  for (const zone of ZONES) {
    for (const lang of ['es', 'en'] as const) {
      for (let ms = FROM; ms < TO; ms += STEP_MS) {
        const at = `${lang} ${zone} ${new Date(ms).toISOString()}`;
        assert.equal(formatDay(lang, zone, ms), intlDay(lang, zone, ms), at);
        assert.equal(formatTime(lang, zone, ms), intlTime(lang, zone, ms), at);
        assert.equal(formatStamp(lang, zone, ms), intlStamp(lang, zone, ms), at);
        assert.equal(formatLongDay(lang, zone, ms), intlLong(lang, zone, ms), at);
      }
    }
  }
});

test('a civil date reads as its own day, whatever the zone', () => {
  assert.equal(formatCivilDay('es', '2026-11-26'), 'jueves 26/11');
  assert.equal(formatCivilDay('en', '2026-11-26'), 'Thursday 11/26');
  assert.equal(
    formatLongDay('es', 'America/Argentina/Buenos_Aires', Date.parse('2026-11-26T14:00:00Z')),
    'jueves, 26 de noviembre de 2026',
  );
});
