// Argentina's national holidays (Ley 27.399). Days decreed each year "con fines turísticos" are not
// fixed by law: the center adds them as exceptions.
import { addDays, isoWeekday } from '../../platform/time/zone.js';

export interface Holiday {
  date: string;
  name: string;
}

/** Gregorian Easter Sunday (anonymous algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Movable holidays: Tuesday or Wednesday go to the Monday before, Thursday or Friday to the Monday after. */
export function moveToMonday(date: string): string {
  const weekday = isoWeekday(date);
  if (weekday === 2 || weekday === 3) return addDays(date, 1 - weekday);
  if (weekday === 4 || weekday === 5) return addDays(date, 8 - weekday);
  return date;
}

export function argentineHolidays(year: number): Holiday[] {
  const d = (mmdd: string) => `${year}-${mmdd}`;
  const easter = easterSunday(year);
  const holidays: Holiday[] = [
    { date: d('01-01'), name: 'Año Nuevo' },
    { date: addDays(easter, -48), name: 'Carnaval' },
    { date: addDays(easter, -47), name: 'Carnaval' },
    { date: d('03-24'), name: 'Día Nacional de la Memoria por la Verdad y la Justicia' },
    { date: d('04-02'), name: 'Día del Veterano y de los Caídos en la Guerra de Malvinas' },
    { date: addDays(easter, -2), name: 'Viernes Santo' },
    { date: d('05-01'), name: 'Día del Trabajador' },
    { date: d('05-25'), name: 'Día de la Revolución de Mayo' },
    { date: moveToMonday(d('06-17')), name: 'Paso a la Inmortalidad del General Martín Miguel de Güemes' },
    { date: d('06-20'), name: 'Paso a la Inmortalidad del General Manuel Belgrano' },
    { date: d('07-09'), name: 'Día de la Independencia' },
    { date: moveToMonday(d('08-17')), name: 'Paso a la Inmortalidad del General José de San Martín' },
    { date: moveToMonday(d('10-12')), name: 'Día del Respeto a la Diversidad Cultural' },
    { date: moveToMonday(d('11-20')), name: 'Día de la Soberanía Nacional' },
    { date: d('12-08'), name: 'Inmaculada Concepción de María' },
    { date: d('12-25'), name: 'Navidad' },
  ];
  // Viernes Santo can fall on 2 April: one day, both names.
  const byDate = new Map<string, string>();
  for (const h of holidays) byDate.set(h.date, byDate.has(h.date) ? `${byDate.get(h.date)} / ${h.name}` : h.name);
  return [...byDate].map(([date, name]) => ({ date, name })).sort((a, b) => a.date.localeCompare(b.date));
}
