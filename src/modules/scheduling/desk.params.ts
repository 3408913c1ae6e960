// The Pantalla de turnos' address: which day and whose agenda, in Spanish parameter names, so a filtered
// agenda can be bookmarked and every action can come back to it.
import { dateField, idField, instantField } from '../../platform/http/fields.js';
import { link } from './views/common.js';

/** One professional's agenda, or every professional of a specialty. */
export type AgendaChoice = { kind: 'professional'; id: number } | { kind: 'specialty'; id: number };

export interface DeskFilter {
  date: string;
  agenda: AgendaChoice | null;
}

export const DESK_PATH = '/staff/turnos';

/** "profesional-3" / "especialidad-2": one select offers both, so only one can be chosen. */
export function agendaValue(a: AgendaChoice): string {
  return `${a.kind === 'professional' ? 'profesional' : 'especialidad'}-${a.id}`;
}

function parseAgenda(value: unknown): AgendaChoice | null {
  const m = typeof value === 'string' ? /^(profesional|especialidad)-(\d{1,10})$/.exec(value) : null;
  const id = idField.safeParse(m?.[2]);
  if (!m || !id.success) return null;
  return { kind: m[1] === 'profesional' ? 'professional' : 'specialty', id: id.data };
}

export const parseDate = (value: unknown): string | null =>
  dateField.safeParse(value).success ? (value as string) : null;
export const parseId = (value: unknown): number | null => {
  const id = idField.safeParse(value);
  return id.success ? id.data : null;
};
export const parseInstant = (value: unknown): string | null =>
  instantField.safeParse(value).success ? (value as string) : null;

/** The filter a request names (query or form fields), today and no agenda where it names none or a wrong one. */
export function filterOf(fields: Record<string, unknown>, today: string): DeskFilter {
  return { date: parseDate(fields.fecha) ?? today, agenda: parseAgenda(fields.agenda) };
}

/** The filter as address parameters: what the forms of the desk's other pages carry to come back. */
export function filterParams(filter: DeskFilter): Record<string, string> {
  return { fecha: filter.date, ...(filter.agenda ? { agenda: agendaValue(filter.agenda) } : {}) };
}

export function deskLink(filter: DeskFilter, extra: Record<string, string | number | undefined> = {}): string {
  return link(DESK_PATH, { ...filterParams(filter), ...extra });
}

/**
 * What the filter cookie keeps: the agenda, and the date with the day it was chosen. The date counts only
 * on that same day, so the receptionist's choice survives a trip to another page but each morning starts today.
 */
export function rememberedFilter(cookie: string | undefined, today: string): DeskFilter | null {
  if (!cookie) return null;
  const saved = new URLSearchParams(cookie);
  const agenda = parseAgenda(saved.get('agenda'));
  if (!agenda) return null;
  const date = saved.get('dia') === today ? parseDate(saved.get('fecha')) : null;
  return { date: date ?? today, agenda };
}

export function filterCookie(filter: DeskFilter, today: string): string {
  return new URLSearchParams({ ...filterParams(filter), dia: today }).toString();
}
