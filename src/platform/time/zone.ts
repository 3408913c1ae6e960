// Civil time in an IANA zone <-> UTC instants, with Intl only (no tz database of our own).
// Agendas are wall-clock times in the center's zone; appointments are UTC instants.

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Offsets only change on quarter hours in every zone we care about, so one lookup per 15 minutes is enough. */
const BUCKET = 15 * MINUTE;
const CACHE_LIMIT = 200_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, Map<number, number>>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

export function isValidTimeZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** Minutes to add to UTC to get the zone's civil time at that instant (-180 for Buenos Aires). */
export function offsetMinutes(zone: string, utcMs: number): number {
  const bucket = Math.floor(utcMs / BUCKET);
  let cache = offsetCache.get(zone);
  if (!cache) {
    cache = new Map();
    offsetCache.set(zone, cache);
  }
  const cached = cache.get(bucket);
  if (cached !== undefined) return cached;
  const at = bucket * BUCKET;
  const p: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(at)) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  const civil = Date.UTC(p.year as number, (p.month as number) - 1, p.day, p.hour, p.minute, p.second);
  const offset = Math.round((civil - at) / MINUTE);
  if (cache.size > CACHE_LIMIT) cache.clear();
  cache.set(bucket, offset);
  return offset;
}

/** 'YYYY-MM-DD' -> ms of that date's midnight as if it were UTC (a civil-time number, not an instant). */
export function civilDateMs(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

export function dateFromCivilMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return dateFromCivilMs(civilDateMs(date) + days * DAY);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const d = new Date(civilDateMs(date)).getUTCDay();
  return d === 0 ? 7 : d;
}

/** Whole days from a to b (b - a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((civilDateMs(b) - civilDateMs(a)) / DAY);
}

/** 'HH:MM' -> minutes since midnight. */
export function timeToMinutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

export function minutesToTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * The instant at which the zone's clocks show `date` + `minutes`. When clocks go back and the time
 * happens twice, the earlier instant; when clocks jump forward over it, null (the time never exists).
 */
export function civilToUtc(zone: string, date: string, minutes: number): number | null {
  const civil = civilDateMs(date) + minutes * MINUTE;
  let best: number | null = null;
  for (const probe of [civil - DAY, civil + DAY]) {
    const candidate = civil - offsetMinutes(zone, probe) * MINUTE;
    if (candidate + offsetMinutes(zone, candidate) * MINUTE === civil && (best === null || candidate < best)) {
      best = candidate;
    }
  }
  return best;
}

/** The first instant of a civil date in the zone (midnight, or the first minute that exists). */
export function startOfDayUtc(zone: string, date: string): number {
  for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
    const t = civilToUtc(zone, date, minutes);
    if (t !== null) return t;
  }
  throw new Error(`La zona ${zone} no tiene hora válida el ${date}`);
}

export interface CivilTime {
  date: string;
  minutes: number;
}

export function utcToCivil(zone: string, utcMs: number): CivilTime {
  const civil = utcMs + offsetMinutes(zone, utcMs) * MINUTE;
  const dayMs = Math.floor(civil / DAY) * DAY;
  return { date: dateFromCivilMs(dayMs), minutes: Math.floor((civil - dayMs) / MINUTE) };
}

export function todayIn(zone: string, nowMs: number): string {
  return utcToCivil(zone, nowMs).date;
}

/** ISO-8601 with the zone's offset: 2026-11-23T08:00:00-03:00. */
export function formatInZone(zone: string, utcMs: number): string {
  const offset = offsetMinutes(zone, utcMs);
  const civil = new Date(utcMs + offset * MINUTE).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${civil}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export function isoUtc(ms: number): string {
  return new Date(ms).toISOString();
}
