// Form pieces of the TURNOS WEB configuration pages that the patient forms do not need: long texts,
// checkboxes with the manual's explanation, lists of checkboxes, and the frame of an edit page.
import type { ComponentChildren } from 'preact';
import type { AppError } from '../../../errors.js';
import type { Lang } from '../../../platform/i18n/lang.js';
import { Csrf } from '../../../views/layout.js';
import type { StaffPage } from '../../../views/page.js';
import { Flash as StaffFlash } from '../../../views/staff-kit.js';
import { StaffLayout } from '../../../views/staff-layout.js';
import { Alert, ErrorSummary, type FormState } from '../../patients/views/form.js';
import type { Outcome } from '../web-catalog.request.js';

// The same ids as the patient forms' fields, so the error summary's links reach every kind of field.
const fieldId = (name: string) => `f-${name}`;

export function describedBy(name: string, hint: unknown, error: unknown) {
  const ids = [hint ? `${fieldId(name)}-hint` : '', error ? `${fieldId(name)}-error` : ''];
  return ids.filter(Boolean).join(' ') || undefined;
}

export function Hint(props: { name: string; hint?: string | undefined }) {
  if (!props.hint) return null;
  return (
    <span class="hint" id={`${fieldId(props.name)}-hint`}>
      {props.hint}
    </span>
  );
}

export function Problem(props: { name: string; error?: string | undefined }) {
  if (!props.error) return null;
  return (
    <p class="field-error" id={`${fieldId(props.name)}-error`}>
      {props.error}
    </p>
  );
}

/** The form as it was posted, with each problem next to its field; a refusal about the whole form on top. */
export function refusedForm(values: Record<string, string>, outcome: Outcome<unknown>, lang: Lang) {
  if ('value' in outcome) return { form: { values, errors: {} } as FormState, alert: undefined };
  const errors = { ...outcome.problems };
  const error: AppError | null = outcome.error;
  // A clashing name belongs to the name field; other refusals concern the whole form.
  if (error?.code === 'NAME_TAKEN') errors.name = error.messageIn(lang);
  const alert = error && error.code !== 'NAME_TAKEN' ? error.messageIn(lang) : undefined;
  return { form: { values, errors } as FormState, alert };
}

export function TextAreaField(props: {
  name: string;
  label: string;
  form: FormState;
  hint?: string | undefined;
  rows?: number;
}) {
  const error = props.form.errors[props.name];
  return (
    <div class="field">
      <label for={fieldId(props.name)}>{props.label}</label>
      <Hint name={props.name} hint={props.hint} />
      <Problem name={props.name} error={error} />
      <textarea
        id={fieldId(props.name)}
        name={props.name}
        rows={props.rows ?? 3}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props.hint, error)}
      >
        {props.form.values[props.name] ?? ''}
      </textarea>
    </div>
  );
}

/** A yes/no option: ticked is "1", unticked sends nothing. */
export function CheckField(props: { name: string; label: string; form: FormState; hint?: string | undefined }) {
  const error = props.form.errors[props.name];
  return (
    <div class="field check">
      <input
        type="checkbox"
        id={fieldId(props.name)}
        name={props.name}
        value="1"
        checked={props.form.values[props.name] === '1'}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props.hint, error)}
      />
      <label for={fieldId(props.name)}>{props.label}</label>
      <Hint name={props.name} hint={props.hint} />
      <Problem name={props.name} error={error} />
    </div>
  );
}

export interface CheckOption {
  value: string;
  label: string;
  /** Said after the label, e.g. "no habilitado para la web". */
  note?: string | undefined;
}

/** Several ids under one name (studyIds=1&studyIds=4): a fieldset of checkboxes. */
export function ChecklistField(props: {
  name: string;
  legend: string;
  options: CheckOption[];
  checked: ReadonlySet<string>;
  form: FormState;
  hint?: string | undefined;
  empty?: ComponentChildren;
}) {
  const error = props.form.errors[props.name];
  return (
    <fieldset id={fieldId(props.name)} aria-describedby={describedBy(props.name, props.hint, error)}>
      <legend>{props.legend}</legend>
      <Hint name={props.name} hint={props.hint} />
      <Problem name={props.name} error={error} />
      {props.options.length === 0 && props.empty}
      <ul class="checklist">
        {props.options.map((o) => (
          <li key={o.value}>
            <input
              type="checkbox"
              id={`${fieldId(props.name)}-${o.value}`}
              name={props.name}
              value={o.value}
              checked={props.checked.has(o.value)}
            />
            <label for={`${fieldId(props.name)}-${o.value}`}>
              {o.label}
              {o.note && <span class="muted"> ({o.note})</span>}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** The staff notice after an action; these pages mark it with a tick as well. */
export function Flash(props: { text?: string | undefined }) {
  return <StaffFlash text={props.text && `✓ ${props.text}`} />;
}

/** The frame of every new/edit page: title, what went wrong, the fields, save and back. */
export function FormPage(props: {
  page: StaffPage;
  title: string;
  intro?: string | undefined;
  action: string;
  form: FormState;
  labels: Record<string, string>;
  alert?: string | undefined;
  flash?: string | undefined;
  submit: string;
  back?: { href: string; label: string };
  children: ComponentChildren;
  after?: ComponentChildren;
  /** Groups side by side on a wide screen (a long form of fieldsets). */
  wide?: boolean;
}) {
  const { page } = props;
  return (
    <StaffLayout page={page} title={props.title}>
      <h1>{props.title}</h1>
      {props.intro && <p class="muted">{props.intro}</p>}
      <Flash text={props.flash} />
      <ErrorSummary lang={page.lang} errors={props.form.errors} labels={props.labels} />
      {props.alert && <Alert>{props.alert}</Alert>}
      <form
        method="post"
        action={props.action}
        class={props.wide ? 'card admin-form wide' : 'card admin-form'}
        novalidate
      >
        <Csrf page={page} />
        {props.children}
        <p class="actions">
          <button type="submit">{props.submit}</button>
          {props.back && <a href={props.back.href}>{props.back.label}</a>}
        </p>
      </form>
      {props.after}
    </StaffLayout>
  );
}

/** Rows of one table: the one just changed is marked in words too, not only by its colour. */
export function rowMark(id: number, changedId: number | null) {
  return { id: `fila-${id}`, class: id === changedId ? 'changed' : undefined };
}
