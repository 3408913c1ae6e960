// What the "Pacientes web" forms send, checked field by field so each problem shows beside its field
// before the service is asked (the service checks again and has the last word).
import { formText } from '../../platform/http/request.js';
import type { Lang } from '../../platform/i18n/lang.js';
import { hmac, sameText } from '../../platform/secrets.js';
import { fieldMessages } from './accounts.fields.messages.js';
import { passwordProblem } from './accounts.rules.js';
import { normalizeDni, normalizeEmail } from './patients.rules.js';
import { patientForm } from './patients.staff.form.js';
import type { FormState } from './views/form.js';
import { webAccountsMessages } from './web-accounts.staff.messages.js';
import { DISABLED_NOTE_MAX, type WebAccountChanges, type WebAccountView } from './web-accounts.staff.service.js';

type Body = Record<string, unknown>;
const text = (v: unknown) => formText(v).trim();
const flag = (v: unknown) => (v === '1' ? '1' : '');
/** Passwords are taken as typed: spaces may be part of them. */
const passwordOf = (body: Body) => formText(body.password);

/** The account as the form first shows it. */
export function accountForm(a: WebAccountView): FormState {
  return {
    values: {
      dni: a.dni,
      email: a.email ?? '',
      activated: a.activatedAt !== null ? '1' : '',
      disabled: a.disabled ? '1' : '',
      disabledNote: a.disabledNote,
    },
    errors: {},
  };
}

/**
 * The hidden field of these forms. A form sent after the session ended comes back, after logging in, with
 * its fields in the address (the shell copies every field but passwords), this one included: only then does
 * the page open with them. A link someone made up cannot carry it: it is signed for this staff user and
 * this form, and lasts a day (a working day's session and the login after it).
 */
export const DRAFT_FIELD = 'borrador';
const DRAFT_MS = 24 * 60 * 60_000;

const draftSignature = (secret: string, who: string, path: string, until: string) =>
  hmac(secret, `borrador:${who}:${path}:${until}`);

export function draftMark(secret: string, who: string, path: string, nowMs: number): string {
  const until = String(nowMs + DRAFT_MS);
  return `${until}.${draftSignature(secret, who, path, until)}`;
}

/** Whether the address carries this user's mark for this form, still valid: the fields in it are a draft. */
export function hasDraftMark(
  secret: string,
  who: string,
  path: string,
  query: Record<string, string>,
  nowMs: number,
): boolean {
  const [until, signature] = (query[DRAFT_FIELD] ?? '').split('.');
  if (!until || !signature || !(Number(until) >= nowMs)) return false;
  return sameText(signature, draftSignature(secret, who, path, until));
}

/**
 * The edit form as it was typed, from the address (never the password), when the address carries the draft
 * mark: the page opens with it instead of the stored values, and says so.
 */
export function draftEdit(query: Record<string, string>): FormState | undefined {
  if (!('dni' in query)) return undefined;
  const values = {
    dni: text(query.dni),
    email: text(query.email),
    activated: flag(query.activated),
    disabled: flag(query.disabled),
    disabledNote: text(query.disabledNote),
  };
  return { values, errors: {} };
}

/** The same for "Alta en web": what the query carries of the form's fields. */
export function draftAlta(query: Record<string, string>, keys: readonly string[]): Record<string, string> {
  return Object.fromEntries(keys.filter((k) => k in query).map((k) => [k, text(query[k])]));
}

/** The text of what is wrong with a password chosen for a patient, if anything. */
export function passwordError(lang: Lang, password: string, dni: string): string | undefined {
  const problem = passwordProblem(password, dni);
  if (problem === null) return undefined;
  if (problem === 'dni') return webAccountsMessages(lang)('passwordIsDni');
  return fieldMessages(lang)(problem === 'short' ? 'passwordShortProblem' : 'passwordLongProblem');
}

function dniOf(lang: Lang, typed: string, errors: Record<string, string>): string | undefined {
  if (typed === '') errors.dni = fieldMessages(lang)('required');
  const dni = normalizeDni(typed);
  if (dni === null) errors.dni ??= fieldMessages(lang)('dniProblem');
  return dni ?? undefined;
}

function emailOf(lang: Lang, typed: string, errors: Record<string, string>, emptyMessage: string) {
  if (typed === '') {
    errors.email = emptyMessage;
    return undefined;
  }
  const email = normalizeEmail(typed);
  if (email === null) errors.email = fieldMessages(lang)('emailProblem');
  return email ?? undefined;
}

/**
 * "Modificar activación/contraseña": only what differs from the account goes to the service, so the audit
 * log says what was really changed. An empty password keeps the current one.
 */
export function parseEdit(
  lang: Lang,
  body: Body,
  current: WebAccountView,
): { form: FormState; changes: WebAccountChanges | null } {
  const t = webAccountsMessages(lang);
  const values = {
    dni: text(body.dni),
    email: text(body.email),
    activated: flag(body.activated),
    disabled: flag(body.disabled),
    disabledNote: text(body.disabledNote),
  };
  const errors: Record<string, string> = {};
  const dni = dniOf(lang, values.dni, errors);
  // An account made without e-mail may stay so; one that has it cannot lose it (nothing could reach the patient).
  const email =
    values.email === '' && current.email === null ? undefined : emailOf(lang, values.email, errors, t('emailRequired'));
  const password = passwordOf(body);
  const passwordProblemText = password === '' ? undefined : passwordError(lang, password, dni ?? current.dni);
  if (passwordProblemText) errors.password = passwordProblemText;
  const disabled = values.disabled === '1';
  if (disabled && values.disabledNote === '') errors.disabledNote = t('noteRequired');
  if (values.disabledNote.length > DISABLED_NOTE_MAX)
    errors.disabledNote = t('noteTooLong', { max: DISABLED_NOTE_MAX });
  // A note typed without the tick would be thrown away without a word.
  if (!disabled && !current.disabled && values.disabledNote !== '') errors.disabled = t('noteWithoutDisable');
  const form = { values, errors };
  if (Object.keys(errors).length > 0) return { form, changes: null };

  const activated = values.activated === '1';
  const changes: WebAccountChanges = {};
  if (dni !== undefined && dni !== current.dni) changes.dni = dni;
  if (email !== undefined && email !== current.email) changes.email = email;
  if (password !== '') changes.password = password;
  if (activated !== (current.activatedAt !== null)) changes.activated = activated;
  if (disabled !== current.disabled) changes.disabled = disabled;
  if (disabled && values.disabledNote !== current.disabledNote) changes.disabledNote = values.disabledNote;
  return { form, changes };
}

export type Activation = 'activado' | 'mail';

export interface AltaAccount {
  dni: string;
  email: string;
  password: string;
  activated: boolean;
}

/** The account part of "Alta en web" (DNI, e-mail, password, activation), the same for an existing or new patient. */
function parseAccount(lang: Lang, body: Body, values: Record<string, string>, errors: Record<string, string>) {
  const t = webAccountsMessages(lang);
  values.activacion = body.activacion === 'activado' || body.activacion === 'mail' ? body.activacion : '';
  const dni = dniOf(lang, values.dni ?? '', errors);
  const email = emailOf(lang, values.email ?? '', errors, t('emailNeeded'));
  const password = passwordOf(body);
  const problem = password === '' ? fieldMessages(lang)('required') : passwordError(lang, password, dni ?? '');
  if (problem) errors.password = problem;
  if (values.activacion === '') errors.activacion = t('chooseActivation');
  if (!dni || !email || Object.keys(errors).length > 0) return null;
  return { dni, email, password, activated: values.activacion === 'activado' } satisfies AltaAccount;
}

/** Alta for a patient already in the register. */
export function parseAltaExisting(lang: Lang, body: Body) {
  const values: Record<string, string> = { dni: text(body.dni), email: text(body.email) };
  const errors: Record<string, string> = {};
  const account = parseAccount(lang, body, values, errors);
  return { form: { values, errors } satisfies FormState, account };
}

/** Alta with a new patient: the register's fields, then the account's. */
export function parseAltaNew(lang: Lang, body: Body) {
  const { values, errors, patient } = patientForm(body);
  const account = parseAccount(lang, body, values, errors);
  return { form: { values, errors } satisfies FormState, patient: account ? patient : null, account };
}
