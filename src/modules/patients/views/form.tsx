// Accessible form pieces: every input has its label; an error is announced and tied to its field.
import type { ComponentChildren } from 'preact';
import type { Lang } from '../../../platform/i18n/lang.js';
import { Layout } from '../../../views/layout.js';
import type { Page } from '../../../views/page.js';
import { fieldMessages } from '../accounts.fields.messages.js';
import type { FieldProblem, Problems } from '../accounts.schemas.js';

/** What a form shows again after a mistake: the typed values and, per field, the text of its problem. */
export interface FormState {
  values: Record<string, string>;
  errors: Record<string, string>;
}

export const emptyForm = (values: Record<string, string> = {}): FormState => ({ values, errors: {} });

const PROBLEM_KEYS = {
  required: 'required',
  dni: 'dniProblem',
  email: 'emailProblem',
  mobile: 'mobileProblem',
  date: 'dateProblem',
  dateFuture: 'dateFutureProblem',
  sex: 'sexProblem',
  insurer: 'insurerProblem',
  tooLong: 'tooLongProblem',
  passwordShort: 'passwordShortProblem',
  passwordLong: 'passwordLongProblem',
  passwordMismatch: 'passwordMismatchProblem',
} as const satisfies Record<FieldProblem, string>;

export function problemTexts(lang: Lang, problems: Problems): Record<string, string> {
  const t = fieldMessages(lang);
  const texts: Record<string, string> = {};
  for (const [field, problem] of Object.entries(problems)) if (problem) texts[field] = t(PROBLEM_KEYS[problem]);
  return texts;
}

const fieldId = (name: string) => `f-${name}`;

/** The list of problems at the top of a form, announced at once, each a link to its field. */
export function ErrorSummary(props: { lang: Lang; errors: Record<string, string>; labels: Record<string, string> }) {
  const entries = Object.entries(props.errors);
  if (entries.length === 0) return null;
  return (
    <div class="notice" role="alert">
      <p>{fieldMessages(props.lang)('errorsTitle')}</p>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>
            <a href={`#${fieldId(field)}`}>{props.labels[field] ?? field}</a>: {message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A message about the whole form (wrong DNI or password, too many attempts). */
export function Alert(props: { id?: string; children: ComponentChildren }) {
  return (
    <p class="notice" role="alert" id={props.id}>
      {props.children}
    </p>
  );
}

interface FieldProps {
  name: string;
  label: string;
  form: FormState;
  type?: string;
  hint?: string | undefined;
  autocomplete?: string;
  inputMode?: 'numeric' | 'email' | 'tel' | 'text';
  required?: boolean;
  /** An alert elsewhere that concerns this field too (e.g. "DNI o contraseña incorrectos"). */
  alertId?: string | undefined;
  children?: ComponentChildren;
}

function describedBy(name: string, hint: unknown, error: unknown, alertId?: string) {
  const ids = [hint ? `${fieldId(name)}-hint` : '', error ? `${fieldId(name)}-error` : '', alertId ?? ''];
  return ids.filter(Boolean).join(' ') || undefined;
}

function FieldFrame(props: FieldProps & { control: ComponentChildren }) {
  const error = props.form.errors[props.name];
  return (
    <div class="field">
      <label for={fieldId(props.name)}>{props.label}</label>
      {props.hint && (
        <span class="hint" id={`${fieldId(props.name)}-hint`}>
          {props.hint}
        </span>
      )}
      {error && (
        <p class="field-error" id={`${fieldId(props.name)}-error`}>
          {error}
        </p>
      )}
      {props.control}
    </div>
  );
}

export function Field(props: FieldProps) {
  const error = props.form.errors[props.name];
  const secret = props.type === 'password';
  return (
    <FieldFrame
      {...props}
      control={
        <input
          id={fieldId(props.name)}
          name={props.name}
          type={props.type ?? 'text'}
          value={secret ? undefined : (props.form.values[props.name] ?? '')}
          autoComplete={props.autocomplete}
          inputMode={props.inputMode}
          required={props.required ?? true}
          aria-invalid={error || props.alertId ? 'true' : undefined}
          aria-describedby={describedBy(props.name, props.hint, error, props.alertId)}
        />
      }
    />
  );
}

export function SelectField(props: FieldProps & { options: { value: string; label: string }[]; lang: Lang }) {
  const error = props.form.errors[props.name];
  const selected = props.form.values[props.name] ?? '';
  return (
    <FieldFrame
      {...props}
      control={
        <select
          id={fieldId(props.name)}
          name={props.name}
          required={props.required ?? true}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy(props.name, props.hint, error)}
        >
          <option value="">{fieldMessages(props.lang)('choose')}</option>
          {props.options.map((o) => (
            <option key={o.value} value={o.value} selected={o.value === selected}>
              {o.label}
            </option>
          ))}
        </select>
      }
    />
  );
}

export const sexOptions = (lang: Lang) => {
  const t = fieldMessages(lang);
  return [
    { value: 'F', label: t('sexF') },
    { value: 'M', label: t('sexM') },
    { value: 'X', label: t('sexX') },
  ];
};

/** A page with a title, a few paragraphs in one box, and where to go next. */
export function MessagePage(props: {
  page: Page;
  title: string;
  tone: 'ok' | 'info' | 'notice';
  paragraphs: string[];
  links: { href: string; label: string }[];
  children?: ComponentChildren;
}) {
  return (
    <Layout page={props.page} title={props.title}>
      <h1>{props.title}</h1>
      <div class={props.tone} role={props.tone === 'notice' ? 'alert' : 'status'}>
        {props.paragraphs.map((p) => (
          <p key={p}>{p}</p>
        ))}
      </div>
      {props.children}
      <p class="actions">
        {props.links.map((l, i) => (
          <a key={l.href} class={i === 0 ? 'button' : 'button secondary'} href={l.href}>
            {l.label}
          </a>
        ))}
      </p>
    </Layout>
  );
}
