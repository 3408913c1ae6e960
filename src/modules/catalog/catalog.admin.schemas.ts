// What the center may type into its catalog, with messages that name the problem in Spanish.
// Shared by the JSON API and the staff pages, so both trim and limit the same way.
import { z } from 'zod';
import { idField } from '../../platform/http/fields.js';
import { normalizeEmail } from '../patients/patients.rules.js';

export const NAME_MAX = 120;
export const MESSAGE_MAX = 2000;
/** Two years: no center plans its agendas further ahead, so a larger number is a typing mistake. */
export const MAX_DAYS_AHEAD = 730;

/** Trimmed, inner runs of spaces collapsed, not empty. */
export const nameField = (max = NAME_MAX) =>
  z
    .string()
    .transform((v) => v.trim().replace(/\s+/g, ' '))
    .pipe(z.string().min(1, 'no puede quedar vacío').max(max, `es demasiado largo (máximo ${max} caracteres)`));

/** Free text shown to patients; empty means "no message". */
export const messageField = z.string().trim().max(MESSAGE_MAX, `es demasiado largo (máximo ${MESSAGE_MAX} caracteres)`);

/** The name patients see; empty means "the same as the name". */
const webNameField = z
  .string()
  .transform((v) => v.trim().replace(/\s+/g, ' '))
  .pipe(z.string().max(NAME_MAX, `es demasiado largo (máximo ${NAME_MAX} caracteres)`));

/** A wrong type says what is expected; a missing field keeps the app-wide "es obligatorio". */
export const expected = (message: string) => ({
  error: (issue: { input: unknown }) => (issue.input === undefined ? 'es obligatorio' : message),
});

export const flagField = z.boolean(expected('debe ser true o false'));

export const idListField = z
  .array(idField, expected('debe ser una lista de números de identificación'))
  .max(500, 'puede tener hasta 500 elementos');

/**
 * An object that refuses fields it does not know: a misspelt one would otherwise be dropped in silence
 * and the change look done. A near miss in case ("webenabled") is pointed out.
 */
export function strictObject<S extends z.ZodRawShape>(shape: S) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code !== 'unrecognized_keys') return undefined;
      return issue.keys
        .map((key) => {
          const near = known.find((k) => k.toLowerCase() === key.toLowerCase());
          return `no se reconoce el campo «${key}»${near ? ` (¿quisiste decir «${near}»?)` : ''}`;
        })
        .join('; ');
    },
  });
}

const specialty = { name: nameField(), webName: webNameField, webEnabled: flagField };
export const specialtyInput = strictObject({
  ...specialty,
  webName: webNameField.optional(),
  webEnabled: flagField.optional(),
});
export const specialtyChanges = strictObject(specialty).partial();

const study = { name: nameField(), indication: messageField, webEnabled: flagField };
export const studyInput = strictObject({
  ...study,
  indication: messageField.optional(),
  webEnabled: flagField.optional(),
});
export const studyChanges = strictObject(study).partial();

const insurer = {
  name: nameField(),
  webName: webNameField,
  webEnabled: flagField,
  selfPay: flagField,
  generalMessage: messageField,
  bookingMessage: messageField,
};
export const insurerInput = strictObject(insurer).partial().required({ name: true });
export const insurerChanges = strictObject(insurer).partial();

/** Where patients' teleconsultation tokens are mailed; empty: none. */
const optionalEmailField = z.string().transform((v, ctx) => {
  if (v.trim() === '') return '';
  const email = normalizeEmail(v);
  if (email === null) {
    ctx.addIssue({ code: 'custom', message: 'no es un e-mail válido' });
    return z.NEVER;
  }
  return email;
});

const professional = {
  lastName: nameField(80),
  firstName: nameField(80),
  licenceNumber: z.string().trim().max(40, 'es demasiado largo (máximo 40 caracteres)'),
  email: optionalEmailField,
  webEnabled: flagField,
  generalMessage: messageField,
  bookingMessage: messageField,
  maxDaysAhead: z
    .number(expected('debe ser un número entero de días'))
    .int('debe ser un número entero de días')
    .min(0, 'no puede ser negativo (0: solo el día de hoy)')
    .max(MAX_DAYS_AHEAD, `puede ser hasta ${MAX_DAYS_AHEAD} días`),
  specialtyIds: idListField,
  studyIds: idListField,
};
export const professionalInput = strictObject(professional).partial().required({ lastName: true, firstName: true });
export const professionalChanges = strictObject(professional).partial();

export const studyIdsInput = strictObject({ studyIds: idListField });
export const specialtyIdsInput = strictObject({ specialtyIds: idListField });
