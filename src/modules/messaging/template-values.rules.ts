// Values to render a template with when there is no real turno: a realistic one for the preview, and the
// longest plausible one for the SMS count. The manual warns that names vary once replaced: a template that
// fits in one SMS for "ANA PAZ" must still be counted for "ANA MARÍA RODRÍGUEZ FERNÁNDEZ DE ÁLVAREZ".
import { type SmsCount, smsSegments } from './sms.rules.js';
import { type PlaceholderName, type PlaceholderValues, renderTemplate } from './templates.rules.js';

/** The length of a real signed link's token: 32 random bytes in base64url, like the account links. */
export const LINK_TOKEN_LENGTH = 43;

/** The signed links' paths, so the count and the real links agree on their length. */
export const REMINDER_LINK_PATHS = { confirm: '/turno/confirmar', cancel: '/turno/cancelar' } as const;

/** A link as long as a real one, for counting; the token is a placeholder of the right length. */
export function sampleLink(baseUrl: string, kind: keyof typeof REMINDER_LINK_PATHS): string {
  return `${baseUrl.replace(/\/+$/, '')}${REMINDER_LINK_PATHS[kind]}?token=${'x'.repeat(LINK_TOKEN_LENGTH)}`;
}

const DEFAULT_BASE_URL = 'https://turnos.centromedicoejemplo.com.ar';

/**
 * Defaults chosen long, each with the accents that force UCS-2 where names usually have them (most common
 * Argentine surnames carry an á, í or ó, and those are not GSM-7).
 */
const WORST: Record<PlaceholderName, string> = {
  PACIENTE: 'ANA MARÍA RODRÍGUEZ FERNÁNDEZ DE ÁLVAREZ', // 40 characters
  FECHA: 'miércoles 30/09', // the longest weekday with two-digit day and month
  HORA: '23:45',
  PROFESIONAL: 'GONZÁLEZ ECHEVERRÍA María Constanza', // 35, like the catalog's "MARTÍNEZ Laura Inés"
  ESPECIALIDAD: 'OTORRINOLARINGOLOGÍA PEDIÁTRICA',
  ESTUDIO: 'ECOGRAFÍA DOPPLER COLOR DE VASOS DE CUELLO',
  INDICACION: 'Concurrir con 8 horas de ayuno, la orden médica y los estudios anteriores.',
  OBRA_SOCIAL: 'OBRA SOCIAL DEL PERSONAL DE LA CONSTRUCCIÓN',
  CENTRO: 'CENTRO MÉDICO INTEGRAL SAN MARTÍN DE TOURS',
  DIRECCION: 'Av. Presidente Hipólito Yrigoyen 12345, Piso 10, Of. B',
  TELEFONO: '(011) 4321-1234 int. 123',
  CONFIRMAR: sampleLink(DEFAULT_BASE_URL, 'confirm'),
  CANCELAR: sampleLink(DEFAULT_BASE_URL, 'cancel'),
  // A meeting link with its passcode, as the common video platforms make them: about 90 characters.
  VIDEO: 'https://us02web.zoom.us/j/81234567890?pwd=QWxhZGRpbjpPcGVuU2VzYW1lQWxhZGRpbjpPcGVuU2VzYW1l.1',
};

/** What the center actually has, so the count uses its real longest names instead of the defaults. */
export interface WorstCaseHints {
  professionals?: string[];
  specialties?: string[];
  studies?: string[];
  indications?: string[];
  insurers?: string[];
  center?: string;
  address?: string;
  phone?: string;
  /** The center's public address, the start of every signed link. */
  baseUrl?: string;
}

const longest = (values: string[] | undefined, fallback: string) =>
  values && values.length > 0 ? values.reduce((a, b) => (b.length > a.length ? b : a)) : fallback;

/**
 * The longest plausible value of each placeholder. The center's own data (its name, address, phone, the
 * longest professional or specialty in its catalog) replaces the defaults when given; patients' names are
 * never known in advance, so PACIENTE stays at 40 characters with accents.
 */
export function worstCaseValues(hints: WorstCaseHints = {}): Record<PlaceholderName, string> {
  const base = hints.baseUrl;
  return {
    ...WORST,
    PROFESIONAL: longest(hints.professionals, WORST.PROFESIONAL),
    ESPECIALIDAD: longest(hints.specialties, WORST.ESPECIALIDAD),
    ESTUDIO: longest(hints.studies, WORST.ESTUDIO),
    INDICACION: longest(hints.indications, WORST.INDICACION),
    OBRA_SOCIAL: longest(hints.insurers, WORST.OBRA_SOCIAL),
    CENTRO: hints.center ?? WORST.CENTRO,
    DIRECCION: hints.address ?? WORST.DIRECCION,
    TELEFONO: hints.phone ?? WORST.TELEFONO,
    CONFIRMAR: base ? sampleLink(base, 'confirm') : WORST.CONFIRMAR,
    CANCELAR: base ? sampleLink(base, 'cancel') : WORST.CANCELAR,
  };
}

const SAMPLE: Record<PlaceholderName, string> = {
  PACIENTE: 'María García',
  FECHA: 'jueves 26/11',
  HORA: '09:40',
  PROFESIONAL: 'JUÁREZ Leonel',
  ESPECIALIDAD: 'Cardiología',
  ESTUDIO: 'Electrocardiograma',
  INDICACION: 'Traé la orden médica y tus estudios anteriores.',
  OBRA_SOCIAL: 'OSDE',
  CENTRO: 'Centro Médico San Martín',
  DIRECCION: 'Av. San Martín 1234, CABA',
  TELEFONO: '011 4321-1234',
  CONFIRMAR: sampleLink(DEFAULT_BASE_URL, 'confirm'),
  CANCELAR: sampleLink(DEFAULT_BASE_URL, 'cancel'),
  VIDEO: 'https://meet.jit.si/centro-medico-turno-1234',
};

/** Ordinary values for a preview when no real turno is chosen; the center's own data overrides them. */
export function sampleValues(overrides: PlaceholderValues = {}): Record<PlaceholderName, string> {
  const defined = Object.entries(overrides).filter(([, v]) => v !== undefined);
  return { ...SAMPLE, ...Object.fromEntries(defined) };
}

export interface SmsEstimate extends SmsCount {
  /** The text that was counted, so the page can show what the worst case looks like. */
  rendered: string;
}

/** The count a template's SMS editor shows: rendered with the worst-case values. */
export function worstCaseSmsCount(template: string, hints: WorstCaseHints = {}): SmsEstimate {
  const rendered = renderTemplate(template, worstCaseValues(hints));
  return { ...smsSegments(rendered), rendered };
}
