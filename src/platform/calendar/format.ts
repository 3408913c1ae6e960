// Days and times as a patient reads them, in the center's zone and the page's language.
// es-AR: "jueves 26/11", "11:00"; English: "Thursday 11/26", "11:00 AM".
import type { Lang } from '../i18n/lang.js';

const LOCALE: Record<Lang, string> = { es: 'es-AR', en: 'en-US' };
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Lang, zone: string, kind: 'day' | 'long' | 'time' | 'numeric'): Intl.DateTimeFormat {
  const key = `${lang}|${zone}|${kind}`;
  let f = cache.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'day'
        ? { weekday: 'long', day: '2-digit', month: '2-digit' }
        : kind === 'long'
          ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }
          : kind === 'time'
            ? { hour: '2-digit', minute: '2-digit', hourCycle: lang === 'es' ? 'h23' : 'h12' }
            : { day: '2-digit', month: '2-digit', year: 'numeric' };
    f = new Intl.DateTimeFormat(LOCALE[lang], { ...options, timeZone: zone });
    cache.set(key, f);
  }
  return f;
}

function parts(f: Intl.DateTimeFormat, ms: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of f.formatToParts(ms)) if (p.type !== 'literal') out[p.type] = p.value;
  return out;
}

/** "jueves 26/11" / "Thursday 11/26": the week grid's and the lists' day. */
export function formatDay(lang: Lang, zone: string, ms: number): string {
  const p = parts(formatter(lang, zone, 'day'), ms);
  return lang === 'es' ? `${p.weekday} ${p.day}/${p.month}` : `${p.weekday} ${p.month}/${p.day}`;
}

/** A civil date (YYYY-MM-DD) as formatDay shows it. */
export function formatCivilDay(lang: Lang, date: string): string {
  return formatDay(lang, 'UTC', Date.parse(`${date}T12:00:00Z`));
}

/** "jueves, 26 de noviembre de 2026": the slip and the mail, where the year matters. */
export function formatLongDay(lang: Lang, zone: string, ms: number): string {
  return formatter(lang, zone, 'long').format(ms);
}

/** "11:00" / "11:00 AM". */
export function formatTime(lang: Lang, zone: string, ms: number): string {
  const p = parts(formatter(lang, zone, 'time'), ms);
  return lang === 'es' ? `${p.hour}:${p.minute}` : `${Number(p.hour)}:${p.minute} ${p.dayPeriod}`;
}

/** "23/11/2026 09:00": when something was done. */
export function formatStamp(lang: Lang, zone: string, ms: number): string {
  const p = parts(formatter(lang, zone, 'numeric'), ms);
  const date = lang === 'es' ? `${p.day}/${p.month}/${p.year}` : `${p.month}/${p.day}/${p.year}`;
  return `${date} ${formatTime(lang, zone, ms)}`;
}
