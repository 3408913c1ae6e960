// What can go wrong with verifying a token and recording the conformity. Each message says what happened and
// what to do next; an unknown DNI answers exactly like a wrong code, so the answer never reveals who is a patient.
import type { ErrorDef } from '../../errors.js';

const newCode = (p: { step?: string | number }) =>
  `Pedile al paciente un código nuevo: cambia cada ${p.step ?? 30} segundos.`;
const newCodeEn = (p: { step?: string | number }) =>
  `Ask the patient for a new code: it changes every ${p.step ?? 30} seconds.`;

export const verifyErrors = {
  TOKEN_INVALID: {
    status: 422,
    es: (p) => `El código no es válido o ya venció para ese DNI. Revisá el DNI. ${newCode(p)}`,
    en: (p) => `The code is not valid, or has expired, for that DNI. Check the DNI. ${newCodeEn(p)}`,
  },
  TOKEN_EXPIRED: {
    status: 422,
    es: (p) =>
      `Ese código impreso venció (la serie valía hasta el ${p.until}). Pedile al paciente un código de Generar token o una serie nueva.`,
    en: (p) =>
      `That printed code has expired (the series was valid until ${p.until}). Ask the patient for a code from Generate token or a new series.`,
  },
  TOKEN_REUSED: {
    status: 422,
    es: (p) => `Ese código ya se usó: cada código sirve una sola vez. ${newCode(p)}`,
    en: (p) => `That code was already used: each code works only once. ${newCodeEn(p)}`,
  },
  TOKEN_REVOKED: {
    status: 422,
    es: () =>
      'Ese código es de una serie impresa que el paciente revocó. Pedile un código nuevo desde Generar token en su portal.',
    en: () => 'That code belongs to a printed series the patient revoked. Ask for a new code from Generate token.',
  },
  TOKEN_LOCKED: {
    status: 423,
    es: (p) =>
      `Hubo demasiados intentos fallidos con este paciente: la validación está bloqueada hasta las ${p.until} ` +
      `(${p.minutes === 1 ? '1 minuto' : `${p.minutes} minutos`}). Esperá, o pedile a recepción que la desbloquee desde Validar token.`,
    en: (p) =>
      `Too many failed attempts for this patient: verification is locked until ${p.until} (${p.minutes} min). ` +
      'Wait, or ask the front desk to unlock it from Validate token.',
  },
  TOKEN_CONFORMITY_EXISTS: {
    status: 409,
    es: (p) =>
      `El turno ya tiene la conformidad del paciente registrada (${p.at}). No hace falta validar otro código: imprimí la constancia.`,
    en: (p) => `The appointment already has the patient's conformity recorded (${p.at}). No other code is needed.`,
  },
  TOKEN_TURNO_OTHER_PATIENT: {
    status: 422,
    es: (p) => `El turno ${p.id} es de otro paciente. Revisá el DNI o elegí el turno correcto.`,
    en: (p) => `Appointment ${p.id} belongs to another patient. Check the DNI or choose the right appointment.`,
  },
  TOKEN_TURNO_NOT_TODAY: {
    status: 422,
    es: (p) => `El turno es del ${p.date}: la conformidad se registra el día del turno (hoy es ${p.today}).`,
    en: (p) =>
      `The appointment is on ${p.date}: the conformity is recorded on the day of the appointment (today is ${p.today}).`,
  },
  TOKEN_TURNO_STATUS: {
    status: 409,
    es: (p) => `El turno está ${p.status}: solo se registra la conformidad de un turno reservado o presente.`,
    en: (p) => `The appointment is ${p.status}: only a booked or present appointment can get a conformity.`,
  },
  TELECONSULT_VIDEO_URL: {
    status: 422,
    es: (p) =>
      `Enlace de la videollamada: escribí una dirección que empiece con http:// o https:// (hasta ${p.max} caracteres).`,
    en: (p) => `Video call link: enter an address starting with http:// or https:// (at most ${p.max} characters).`,
  },
} satisfies Record<string, ErrorDef>;
