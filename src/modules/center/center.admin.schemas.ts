// What the center may change in its configuration (the manual's "Configuración básica").
// Shared by the JSON API and the staff pages.
import { z } from 'zod';
import { isValidTimeZone } from '../../platform/time/zone.js';
import { expected, strictObject } from '../catalog/catalog.admin.schemas.js';
import { normalizeEmail } from '../patients/patients.rules.js';

const text = (max: number) => z.string().trim().max(max, `es demasiado largo (máximo ${max} caracteres)`);
const required = (max: number) => text(max).min(1, 'no puede quedar vacío');
const limit = (max: number) =>
  z
    .number(expected('debe ser un número entero'))
    .int('debe ser un número entero')
    .min(1, 'debe ser al menos 1')
    .max(max, `puede ser hasta ${max}`);

/** Links in mails are built from it, so it must be a whole http(s) address, or empty for none. */
const webAddress = text(200).refine((v) => {
  if (v === '') return true;
  try {
    const url = new URL(v);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}, 'debe ser una dirección completa, por ejemplo https://turnos.centro.com.ar (o vacía)');

const contactEmail = text(254).transform((v, ctx) => {
  if (v === '') return v;
  const email = normalizeEmail(v);
  if (email === null) {
    ctx.addIssue({ code: 'custom', message: 'no es un e-mail válido' });
    return z.NEVER;
  }
  return email;
});

export const centerChanges = strictObject({
  name: required(120),
  welcomePhrase: text(2000),
  webAddress,
  contactEmail,
  phones: text(100),
  // The street address: reminders say it with [[DIRECCION]].
  address: text(200),
  contactHours: text(200),
  timeZone: z
    .string()
    .trim()
    .refine(isValidTimeZone, 'no es una zona horaria válida (por ejemplo America/Argentina/Buenos_Aires)'),
  webBookingEnabled: z.boolean(expected('debe ser true o false')),
  // Turnos record them (booked by, type): the same limit as a staff booking's type label.
  webUserLabel: required(30),
  webAppointmentType: required(30),
  selectionMode: z.enum(['BY_SPECIALTY', 'BY_STUDY'], expected('debe ser BY_SPECIALTY o BY_STUDY')),
  maxPerDayProfessional: limit(20),
  maxFuturePerPatient: limit(100),
  // A family, or a clinic's reception behind one address, books from the same IP.
  maxFuturePerIp: limit(10_000),
  reasonRequired: z.boolean(expected('debe ser true o false')),
  mailPhrase: text(2000),
  // What the portal's first access asks, besides the DNI, to prove who is opening the mailed link.
  portalIdentityCheck: z.enum(['dni_tramite', 'birth_date'], expected('debe ser dni_tramite o birth_date')),
  // The patients' token: what authenticator apps use is 6 digits, 30 s and SHA-1.
  tokenDigits: z
    .number(expected('debe ser 6, 7 u 8'))
    .int('debe ser 6, 7 u 8')
    .min(6, 'debe ser 6, 7 u 8')
    .max(8, 'debe ser 6, 7 u 8'),
  tokenStepSeconds: z.union([z.literal(30), z.literal(60)], expected('debe ser 30 o 60 segundos')),
  tokenAlgorithm: z.enum(['sha1', 'sha256', 'sha512'], expected('debe ser sha1, sha256 o sha512')),
  profileCheckEnabled: z.boolean(expected('debe ser true o false')),
}).partial();

export type CenterChanges = z.output<typeof centerChanges>;
