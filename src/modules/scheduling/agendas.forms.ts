// The agenda pages' forms: the typed values (shown again after a mistake), a message per wrong field, and
// what the services take when every field is right.
import type { Agenda } from '../../platform/db/schema.js';
import { dateField, idField, timeField } from '../../platform/http/fields.js';
import { formText } from '../../platform/http/request.js';
import type { Lang } from '../../platform/i18n/lang.js';
import type { AgendaPatch } from './agendas.admin.service.js';
import { agendasMessages } from './agendas.messages.js';
import type { ExceptionInput } from './agendas.service.js';

type Body = Record<string, unknown>;
type Values = Record<string, string>;

const text = (v: unknown) => formText(v).trim();

function valuesOf(body: Body, names: readonly string[]): Values {
  return Object.fromEntries(names.map((name) => [name, text(body[name])]));
}

const BLOCK_FIELDS = ['weekday', 'startTime', 'endTime', 'slotMinutes', 'service', 'validFrom', 'validTo'];
const EXCEPTION_FIELDS = ['scope', 'kind', 'fromDate', 'toDate', 'fromTime', 'toTime', 'reason'];

/** One select offers both kinds of service: "todo", "especialidad-3" or "estudio-5". */
export function serviceValue(a: Pick<Agenda, 'specialtyId' | 'studyId'>): string {
  if (a.specialtyId !== null) return `especialidad-${a.specialtyId}`;
  if (a.studyId !== null) return `estudio-${a.studyId}`;
  return 'todo';
}

function parseService(value: string): { specialtyId: number | null; studyId: number | null } | null {
  if (value === '' || value === 'todo') return { specialtyId: null, studyId: null };
  const m = /^(especialidad|estudio)-(\d{1,10})$/.exec(value);
  const id = idField.safeParse(m?.[2]);
  if (!m || !id.success) return null;
  return m[1] === 'especialidad' ? { specialtyId: id.data, studyId: null } : { specialtyId: null, studyId: id.data };
}

export function blockValues(a: Agenda): Values {
  return {
    weekday: String(a.weekday),
    startTime: a.startTime,
    endTime: a.endTime,
    slotMinutes: String(a.slotMinutes),
    service: serviceValue(a),
    validFrom: a.validFrom,
    validTo: a.validTo ?? '',
  };
}

export function blockForm(body: Body, lang: Lang) {
  const t = agendasMessages(lang);
  const values = valuesOf(body, BLOCK_FIELDS);
  const errors: Values = {};
  const weekday = Number(values.weekday);
  if (!/^[1-7]$/.test(values.weekday ?? '')) errors.weekday = t('chooseDay');
  for (const name of ['startTime', 'endTime']) {
    if (!timeField.safeParse(values[name]).success) errors[name] = t('badTime');
  }
  const slotMinutes = Number(values.slotMinutes);
  if (!/^\d{1,3}$/.test(values.slotMinutes ?? '') || slotMinutes < 5 || slotMinutes > 480) {
    errors.slotMinutes = t('badSlot');
  }
  const service = parseService(values.service ?? '');
  if (!service) errors.service = t('badService');
  if (!dateField.safeParse(values.validFrom).success) errors.validFrom = t('badDate');
  if (values.validTo && !dateField.safeParse(values.validTo).success) errors.validTo = t('badDate');
  if (Object.keys(errors).length > 0 || !service) return { values, errors, block: null };
  const block = {
    weekday,
    startTime: values.startTime as string,
    endTime: values.endTime as string,
    slotMinutes,
    ...service,
    validFrom: values.validFrom as string,
    validTo: values.validTo || null,
  } satisfies Required<AgendaPatch>;
  return { values, errors, block };
}

/** A professional's page offers their own exceptions and the center's; without one, only the center's. */
export function exceptionForm(body: Body, lang: Lang, professionalId: number | null) {
  const t = agendasMessages(lang);
  const values = valuesOf(body, EXCEPTION_FIELDS);
  const errors: Values = {};
  if (values.kind !== 'leave' && values.kind !== 'holiday' && values.kind !== 'block') errors.kind = t('chooseKind');
  if (!dateField.safeParse(values.fromDate).success) errors.fromDate = t('badDate');
  if (values.toDate && !dateField.safeParse(values.toDate).success) errors.toDate = t('badDate');
  for (const name of ['fromTime', 'toTime']) {
    if (values[name] && !timeField.safeParse(values[name]).success) errors[name] = t('badTime');
  }
  if ((values.reason ?? '').length > 200) errors.reason = t('reasonTooLong');
  if (Object.keys(errors).length > 0) return { values, errors, exception: null };
  const exception: ExceptionInput = {
    professionalId: values.scope === 'centro' ? null : professionalId,
    fromDate: values.fromDate as string,
    toDate: values.toDate || (values.fromDate as string),
    fromTime: values.fromTime || null,
    toTime: values.toTime || null,
    kind: values.kind as ExceptionInput['kind'],
    reason: values.reason ?? '',
  };
  return { values, errors, exception };
}

export function yearForm(body: Body, lang: Lang) {
  const values = valuesOf(body, ['year']);
  const year = Number(values.year);
  const ok = /^\d{4}$/.test(values.year ?? '') && year >= 2000 && year <= 2100;
  const errors: Values = ok ? {} : { year: agendasMessages(lang)('badYear') };
  return { values, errors, year: ok ? year : null };
}

/** A confirmed post carries the same fields plus this one. */
export const confirmed = (body: Body) => body.confirmar === '1';
