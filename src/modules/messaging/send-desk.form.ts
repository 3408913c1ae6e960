// The desk's form fields (Spanish names, as posted) to a batch request, with each field's problem so the
// form comes back as typed and marked where it is wrong. Checkbox lists arrive as one value or several.
import type { MessageAudience } from '../../platform/db/schema.js';
import { dateField, idField } from '../../platform/http/fields.js';
import { daysBetween } from '../../platform/time/zone.js';
import { type BatchRequest, MAX_RANGE_DAYS, type SentFilter } from './batches.rules.js';
import type { BatchInput } from './batches.service.js';

export const AUDIENCE_PARAM: Record<MessageAudience, string> = { appointments: 'turnos', patients: 'pacientes' };
export const SENT_PARAM: Record<SentFilter, string> = { not_sent: 'no-enviados', sent: 'enviados', all: 'todos' };

const LISTS = {
  obraSocial: 'insurerIds',
  especialidad: 'specialtyIds',
  estudio: 'studyIds',
  profesional: 'professionalIds',
} as const;
type ListKey = keyof typeof LISTS;

export type DeskField = 'plantilla' | 'destino' | 'desde' | 'hasta' | 'quienes' | ListKey;
export type DeskProblem = 'choice' | 'date' | 'order' | 'range';

export interface DeskValues {
  plantilla: string;
  destino: string;
  desde: string;
  hasta: string;
  quienes: string;
  obraSocial: string[];
  especialidad: string[];
  estudio: string[];
  profesional: string[];
}

export interface DeskForm {
  values: DeskValues;
  errors: Partial<Record<DeskField, DeskProblem>>;
  /** The request, when every field is right. */
  input: BatchInput | null;
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim().slice(0, 40) : '');
const many = (v: unknown) =>
  (Array.isArray(v) ? v : [v])
    .map(text)
    .filter((s) => s !== '')
    .slice(0, 1000);
const keyOf = <T extends string>(map: Record<T, string>, word: string) =>
  (Object.entries(map) as [T, string][]).find(([, w]) => w === word)?.[0];

export function parseDeskForm(body: Record<string, unknown>): DeskForm {
  const values: DeskValues = {
    plantilla: text(body.plantilla),
    destino: text(body.destino) || AUDIENCE_PARAM.appointments,
    desde: text(body.desde),
    hasta: text(body.hasta),
    quienes: text(body.quienes) || SENT_PARAM.not_sent,
    obraSocial: many(body.obraSocial),
    especialidad: many(body.especialidad),
    estudio: many(body.estudio),
    profesional: many(body.profesional),
  };
  const errors: DeskForm['errors'] = {};
  const templateId = idField.safeParse(values.plantilla);
  if (!templateId.success) errors.plantilla = 'choice';
  const audience = keyOf(AUDIENCE_PARAM, values.destino);
  if (!audience) errors.destino = 'choice';
  const sent = keyOf(SENT_PARAM, values.quienes);
  if (!sent) errors.quienes = 'choice';
  const lists: Record<string, number[]> = {};
  for (const key of Object.keys(LISTS) as ListKey[]) {
    const ids = values[key].map((v) => idField.safeParse(v));
    if (ids.some((r) => !r.success)) errors[key] = 'choice';
    lists[LISTS[key]] = ids.flatMap((r) => (r.success ? [r.data] : []));
  }
  // Dates matter only for turnos: a stray bad date does not block a message to every patient.
  if (audience !== 'patients') {
    if (!dateField.safeParse(values.desde).success) errors.desde = 'date';
    if (!dateField.safeParse(values.hasta).success) errors.hasta = 'date';
    if (!errors.desde && !errors.hasta) {
      const days = daysBetween(values.desde, values.hasta);
      if (days < 0) errors.hasta = 'order';
      else if (days + 1 > MAX_RANGE_DAYS) errors.hasta = 'range';
    }
  }
  if (Object.keys(errors).length > 0 || !templateId.success || !audience || !sent) {
    return { values, errors, input: null };
  }
  const forTurnos = audience === 'appointments';
  return {
    values,
    errors,
    input: {
      templateId: templateId.data,
      audience,
      from: forTurnos ? values.desde : null,
      to: forTurnos ? values.hasta : null,
      sent,
      insurerIds: lists.insurerIds,
      specialtyIds: lists.specialtyIds,
      studyIds: lists.studyIds,
      professionalIds: lists.professionalIds,
    },
  };
}

/** The form filled with a batch's filters ("Cambiar filtros"), or with the defaults. */
export function deskValues(request: BatchRequest | null, defaults: { from: string; to: string }): DeskValues {
  const ids = (list: number[] | undefined) => (list ?? []).map(String);
  return {
    plantilla: request ? String(request.templateId) : '',
    destino: AUDIENCE_PARAM[request?.audience ?? 'appointments'],
    desde: request?.from ?? defaults.from,
    hasta: request?.to ?? defaults.to,
    quienes: SENT_PARAM[request?.sent ?? 'not_sent'],
    obraSocial: ids(request?.insurerIds),
    especialidad: ids(request?.specialtyIds),
    estudio: ids(request?.studyIds),
    profesional: ids(request?.professionalIds),
  };
}
