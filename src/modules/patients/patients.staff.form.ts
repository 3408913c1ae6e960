// What the staff's patient forms and searches send: the register's fields checked by the register's schema
// (Pacientes and the new patient of "Alta en web" alike), and a search box read as a DNI or a last name.
import { fieldProblems } from '../../platform/http/fields.js';
import { formText } from '../../platform/http/request.js';
import { normalizeDni } from './patients.rules.js';
import { type PatientInput, patientInput } from './patients.schemas.js';
import { FIELD_KEYS } from './views/staff-patients.js';

/** The register's fields as typed (trimmed), each problem by its field, and the patient when there is none. */
export function patientForm(body: Record<string, unknown>): {
  values: Record<string, string>;
  errors: Record<string, string>;
  patient: PatientInput | null;
} {
  const values: Record<string, string> = Object.fromEntries(FIELD_KEYS.map((k) => [k, formText(body[k]).trim()]));
  const parsed = patientInput.safeParse(values);
  if (parsed.success) return { values, errors: {}, patient: parsed.data };
  return { values, errors: fieldProblems(parsed.error), patient: null };
}

/** A search by DNI when the text has digits (dots and spaces allowed), else by last name. */
export function patientSearchOf(q: string): { dni: string } | { lastName: string } {
  const dni = /\d/.test(q) ? normalizeDni(q) : null;
  return dni ? { dni } : { lastName: q };
}
