import { z } from 'zod';
import { dateField, idField } from '../../platform/http/fields.js';
import { normalizeDni, normalizeEmail, normalizeMobile, normalizeName } from './patients.rules.js';

const normalized = (normalize: (v: string) => string | null, message: string) =>
  z.string().transform((v, ctx) => {
    const n = normalize(v);
    if (n === null) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return n;
  });

export const dniField = normalized(normalizeDni, 'debe tener 7 u 8 números (con o sin puntos)');
export const mobileField = normalized(
  normalizeMobile,
  'no es un celular válido: escribilo con código de área, por ejemplo 11 1234-5678',
);
export const emailField = normalized(normalizeEmail, 'no es un e-mail válido');

/** The trámite number printed on the DNI card: 11 digits; spaces, dots or dashes typed along are dropped. */
export function normalizeDniTramite(input: string): string | null {
  const digits = input.replace(/[\s.-]/g, '');
  return /^\d{11}$/.test(digits) ? digits : null;
}
/** Optional on the record: empty stays '' (older DNI booklets have no trámite number). */
const dniTramiteField = z.string().transform((v, ctx) => {
  if (v.trim() === '') return '';
  const tramite = normalizeDniTramite(v);
  if (tramite === null) {
    ctx.addIssue({ code: 'custom', message: 'debe tener 11 números (el número de trámite que figura en el DNI)' });
    return z.NEVER;
  }
  return tramite;
});
const nameField = z
  .string()
  .transform(normalizeName)
  .pipe(z.string().min(1, 'no puede quedar vacío').max(80, 'es demasiado largo (máximo 80 letras)'));

/** Empty strings from forms mean "not given". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? null : v), schema.nullish()).transform((v) => v ?? null);

const address = z.string().trim().max(200, 'es demasiado largo');
const memberNumber = z.string().trim().max(40, 'es demasiado largo');
/** The insurer's plan, printed on the credential. */
const insurancePlan = z.string().trim().max(60, 'es demasiado largo (máximo 60 caracteres)');
const fields = {
  dni: dniField,
  lastName: nameField,
  firstName: nameField,
  sex: optional(z.enum(['F', 'M', 'X'], { error: 'debe ser F, M o X' })),
  birthDate: optional(dateField),
  email: optional(emailField),
  mobile: optional(mobileField),
  insurerId: optional(idField),
};

export const patientInput = z.object({
  ...fields,
  address: address.default(''),
  memberNumber: memberNumber.default(''),
  insurancePlan: insurancePlan.default(''),
  dniTramite: dniTramiteField.default(''),
});
export type PatientInput = z.infer<typeof patientInput>;

/** A change touches only the fields it names. */
export const patientChanges = z
  .object({ ...fields, address, memberNumber, insurancePlan, dniTramite: dniTramiteField })
  .partial();

export const patientOutput = z.object({
  id: z.number(),
  dni: z.string(),
  lastName: z.string(),
  firstName: z.string(),
  sex: z.enum(['F', 'M', 'X']).nullable(),
  birthDate: z.string().nullable(),
  email: z.string().nullable(),
  mobile: z.string().nullable(),
  address: z.string(),
  insurerId: z.number().nullable(),
  memberNumber: z.string(),
  insurancePlan: z.string(),
  disabled: z.boolean(),
  disabledNote: z.string(),
});
