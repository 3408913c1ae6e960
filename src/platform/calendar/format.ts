// Days and times as a patient reads them, in the center's zone and the page's language.
// es-AR: "jueves 26/11", "11:00"; English: "Thursday 11/26", "11:00 AM".
// Built from the zone's civil time and fixed names, not Intl.DateTimeFormat: a page lists hundreds of
// them and formatToParts made up most of its cost. format.test.ts checks the output against Intl.
import type { Lang } from '../i18n/lang.js';
import { offsetMinutes } from '../time/zone.js';

const WEEKDAYS: Record<Lang, string[]> = {
  es: ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};
const MONTHS: Record<Lang, string[]> = {
  es: [
    'enero',
    'febrero',
    'marzo',
    'abril',
    'mayo',
    'junio',
    'julio',
    'agosto',
    'septiembre',
    'octubre',
    'noviembre',
    'diciembre',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

const two = (n: number) => String(n).padStart(2, '0');

interface Civil {
  year: number;
  month: number;
  day: number;
  weekday: number;
  hour: number;
  minute: number;
}

function civil(zone: string, ms: number): Civil {
  const d = new Date(ms + offsetMinutes(zone, ms) * 60_000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: d.getUTCDay(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
}

function civilDate(date: string): Omit<Civil, 'hour' | 'minute'> {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day, weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay() };
}

function dayText(lang: Lang, c: Omit<Civil, 'hour' | 'minute'>): string {
  const weekday = WEEKDAYS[lang][c.weekday];
  return lang === 'es' ? `${weekday} ${two(c.day)}/${two(c.month)}` : `${weekday} ${two(c.month)}/${two(c.day)}`;
}

/** "jueves 26/11" / "Thursday 11/26": the week grid's and the lists' day. */
export function formatDay(lang: Lang, zone: string, ms: number): string {
  return dayText(lang, civil(zone, ms));
}

/** A civil date (YYYY-MM-DD) as formatDay shows it. */
export function formatCivilDay(lang: Lang, date: string): string {
  return dayText(lang, civilDate(date));
}

/** "jueves, 26 de noviembre de 2026": the slip and the mail, where the year matters. */
export function formatLongDay(lang: Lang, zone: string, ms: number): string {
  const c = civil(zone, ms);
  const weekday = WEEKDAYS[lang][c.weekday];
  const month = MONTHS[lang][c.month - 1];
  return lang === 'es' ? `${weekday}, ${c.day} de ${month} de ${c.year}` : `${weekday}, ${month} ${c.day}, ${c.year}`;
}

function timeText(lang: Lang, c: Civil): string {
  if (lang === 'es') return `${two(c.hour)}:${two(c.minute)}`;
  return `${c.hour % 12 || 12}:${two(c.minute)} ${c.hour < 12 ? 'AM' : 'PM'}`;
}

/** "11:00" / "11:00 AM". */
export function formatTime(lang: Lang, zone: string, ms: number): string {
  return timeText(lang, civil(zone, ms));
}

/** "23/11/2026 09:00": when something was done. */
export function formatStamp(lang: Lang, zone: string, ms: number): string {
  const c = civil(zone, ms);
  const date = lang === 'es' ? `${two(c.day)}/${two(c.month)}/${c.year}` : `${two(c.month)}/${two(c.day)}/${c.year}`;
  return `${date} ${timeText(lang, c)}`;
}
