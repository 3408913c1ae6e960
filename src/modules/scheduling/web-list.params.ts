// "Turnos dados por web"'s address: its filters in Spanish parameter names, so a filtered list can be bookmarked,
// remembered in a cookie, exported, and come back after cancelling or deleting one of its turnos.
import type { AppointmentStatus } from '../../platform/db/schema.js';
import { dateField, idField } from '../../platform/http/fields.js';
import { link, parseService } from './views/common.js';
import type { WebListQuery } from './web-list.service.js';

export const WEB_LIST_PATH = '/staff/web/turnos';

export const FILTER_KEYS = [
  'otorgadoDesde',
  'otorgadoHasta',
  'desde',
  'hasta',
  'servicio',
  'profesional',
  'obraSocial',
  'estado',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type FilterParams = Partial<Record<FilterKey, string>>;

export const STATUS_PARAM: Record<AppointmentStatus, string> = {
  reserved: 'reservado',
  present: 'presente',
  absent: 'ausente',
  cancelled: 'cancelado',
};

const DATES = { otorgadoDesde: 'bookedFrom', otorgadoHasta: 'bookedTo', desde: 'from', hasta: 'to' } as const;
const IDS = { profesional: 'professionalId', obraSocial: 'insurerId' } as const;

export interface ParsedFilters {
  query: WebListQuery;
  /** The valid filters, as address parameters. */
  params: FilterParams;
  /** What was typed, to show again. */
  values: Record<string, string>;
  /** Per filter, which kind of problem it has. */
  errors: Partial<Record<FilterKey, 'date' | 'choice'>>;
}

export function parseFilters(source: Record<string, unknown>): ParsedFilters {
  const values: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const v = source[key];
    values[key] = typeof v === 'string' ? v.trim().slice(0, 40) : '';
  }
  const query: WebListQuery = {};
  const params: FilterParams = {};
  const errors: ParsedFilters['errors'] = {};
  for (const key of Object.keys(DATES) as (keyof typeof DATES)[]) {
    const field = DATES[key];
    const v = values[key] ?? '';
    if (v === '') continue;
    if (dateField.safeParse(v).success) {
      query[field] = v;
      params[key] = v;
    } else errors[key] = 'date';
  }
  for (const key of Object.keys(IDS) as (keyof typeof IDS)[]) {
    const field = IDS[key];
    const v = values[key] ?? '';
    if (v === '') continue;
    const id = idField.safeParse(v);
    if (id.success) {
      query[field] = id.data;
      params[key] = v;
    } else errors[key] = 'choice';
  }
  const service = values.servicio ?? '';
  if (service !== '') {
    const parsed = parseService(service);
    if (parsed) {
      Object.assign(query, parsed);
      params.servicio = service;
    } else errors.servicio = 'choice';
  }
  const estado = values.estado ?? '';
  if (estado !== '') {
    const status = (Object.entries(STATUS_PARAM) as [AppointmentStatus, string][]).find(([, w]) => w === estado)?.[0];
    if (status) {
      query.status = status;
      params.estado = estado;
    } else errors.estado = 'choice';
  }
  return { query, params, values, errors };
}

/** Whether an address names any filter, even an empty one (a form sent with every filter blank). */
export function namesFilters(source: Record<string, unknown>): boolean {
  return FILTER_KEYS.some((k) => k in source);
}

export function webListLink(params: FilterParams, extra: Record<string, string | number | undefined> = {}): string {
  return link(WEB_LIST_PATH, { ...params, ...extra });
}

/** The filters the cookie keeps: only valid ones, so a bad value typed once does not come back each time. */
export function filterCookie(params: FilterParams): string {
  return new URLSearchParams(params as Record<string, string>).toString();
}

export function rememberedFilters(cookie: string | undefined): FilterParams | null {
  if (!cookie) return null;
  const parsed = parseFilters(Object.fromEntries(new URLSearchParams(cookie)));
  return Object.keys(parsed.params).length > 0 ? parsed.params : null;
}
