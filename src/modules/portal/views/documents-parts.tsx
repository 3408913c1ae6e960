// What the patient's page and the back office's tab share: how a document is named, grouped and described, and
// the upload form's fields (each with its label, hint and error tied to it).
import type { ComponentChildren } from 'preact';
import { formatStamp } from '../../../platform/calendar/format.js';
import type { DocumentCategory } from '../../../platform/db/schema.js';
import type { Lang } from '../../../platform/i18n/lang.js';
import type { Page } from '../../../views/page.js';
import type { DocumentView } from '../documents.files.js';
import { documentsMessages } from '../documents.messages.js';
import { sizeLabel } from '../documents.rules.js';

export interface UploadForm {
  values: Record<string, string>;
  errors: Record<string, string>;
}

export const emptyUpload = (values: Record<string, string> = {}): UploadForm => ({ values, errors: {} });

export const categoryLabel = (lang: Lang, category: DocumentCategory) => documentsMessages(lang)(category);

/** "Turno del 26/11/2026 11:00 con GONZALEZ, José", or that it belongs to no turno. */
export function visitLabel(page: Page, appointment: DocumentView['appointment']): string {
  const t = documentsMessages(page.lang);
  if (!appointment) return t('noVisit');
  const when = formatStamp(page.lang, page.center.timeZone, appointment.startMs);
  return t('visit', { when, professional: appointment.professional });
}

/** "informe.pdf · PDF · 340 KB". */
export function fileSummary(lang: Lang, d: DocumentView): string {
  const kind = (d.mediaType.split('/')[1] ?? '').toUpperCase();
  return `${d.fileName} · ${kind} · ${sizeLabel(lang, d.sizeBytes)}`;
}

export interface VisitGroup {
  key: string;
  appointment: DocumentView['appointment'];
  items: DocumentView[];
}

/** Documents by the turno they belong to, each group where its newest document falls; those of no turno too. */
export function byVisit(documents: DocumentView[]): VisitGroup[] {
  const groups = new Map<string, VisitGroup>();
  for (const d of documents) {
    const key = d.appointment ? `turno-${d.appointment.id}` : 'sin-turno';
    const group: VisitGroup = groups.get(key) ?? { key, appointment: d.appointment, items: [] };
    group.items.push(d);
    groups.set(key, group);
  }
  return [...groups.values()];
}

const fieldId = (name: string) => `f-${name}`;

function described(name: string, hint: unknown, error: unknown) {
  return (
    [hint ? `${fieldId(name)}-hint` : '', error ? `${fieldId(name)}-error` : ''].filter(Boolean).join(' ') || undefined
  );
}

function Frame(props: {
  name: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  children: ComponentChildren;
}) {
  return (
    <div class="field">
      <label for={fieldId(props.name)}>{props.label}</label>
      {props.hint && (
        <span class="hint" id={`${fieldId(props.name)}-hint`}>
          {props.hint}
        </span>
      )}
      {props.error && (
        <p class="field-error" id={`${fieldId(props.name)}-error`}>
          {props.error}
        </p>
      )}
      {props.children}
    </div>
  );
}

/** The file chooser; a browser never keeps the chosen file across a page, so it has no value to restore. */
export function FileInput(props: { name: string; label: string; hint: string; accept: string; form: UploadForm }) {
  const error = props.form.errors[props.name];
  return (
    <Frame name={props.name} label={props.label} hint={props.hint} error={error}>
      <input
        id={fieldId(props.name)}
        name={props.name}
        type="file"
        accept={props.accept}
        required
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={described(props.name, props.hint, error)}
      />
    </Frame>
  );
}

export function TextInput(props: { name: string; label: string; hint?: string; maxLength: number; form: UploadForm }) {
  const error = props.form.errors[props.name];
  return (
    <Frame name={props.name} label={props.label} hint={props.hint} error={error}>
      <input
        id={fieldId(props.name)}
        name={props.name}
        type="text"
        value={props.form.values[props.name] ?? ''}
        maxLength={props.maxLength}
        required
        autoComplete="off"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={described(props.name, props.hint, error)}
      />
    </Frame>
  );
}

export function SelectInput(props: {
  name: string;
  label: string;
  hint?: string;
  options: { value: string; label: string }[];
  form: UploadForm;
  required?: boolean;
}) {
  const error = props.form.errors[props.name];
  const selected = props.form.values[props.name] ?? '';
  return (
    <Frame name={props.name} label={props.label} hint={props.hint} error={error}>
      <select
        id={fieldId(props.name)}
        name={props.name}
        required={props.required ?? true}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={described(props.name, props.hint, error)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === selected}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

/** The problems of the form at its top, announced at once, each a link to its field. */
export function UploadErrors(props: { lang: Lang; form: UploadForm; labels: Record<string, string> }) {
  const entries = Object.entries(props.form.errors);
  if (entries.length === 0) return null;
  const t = documentsMessages(props.lang);
  return (
    <div class="notice" role="alert">
      <p>{t('errorsTitle')}</p>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>
            <a href={`#${fieldId(field)}`}>{props.labels[field] ?? field}</a>: {message}
          </li>
        ))}
      </ul>
      <p>{t('chooseAgain')}</p>
    </div>
  );
}
