// Small pieces the scheduling pages share: links with query strings, a service select's value, hidden fields,
// the center's contact data, alerts, details.
import { Fragment } from 'preact';
import { idField } from '../../../platform/http/fields.js';
import type { Lang } from '../../../platform/i18n/lang.js';
import { layoutMessages } from '../../../views/layout.messages.js';
import type { Page } from '../../../views/page.js';
import type { BookingNote } from '../appointment.details.js';
import { appointmentMessages, noteKey } from '../appointment.messages.js';

type Params = Record<string, string | number | null | undefined>;

/** A path with its query string; empty values are left out. */
export function link(path: string, params: Params = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') query.append(key, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** The query parameter that names a specialty or a study in the booking pages' addresses. */
export function serviceParams(service: { kind: 'specialty' | 'study'; id: number }): Params {
  return service.kind === 'specialty' ? { especialidad: service.id } : { estudio: service.id };
}

/** "especialidad-3" / "estudio-2": the value of a select that offers both, so one of them is chosen. */
export function parseService(value: string): { specialtyId: number } | { studyId: number } | null {
  const m = /^(especialidad|estudio)-(\d{1,10})$/.exec(value);
  const id = idField.safeParse(m?.[2]);
  if (!m || !id.success) return null;
  return m[1] === 'especialidad' ? { specialtyId: id.data } : { studyId: id.data };
}

/** What a form carries along unseen: the filter to come back to, the fields already chosen. */
export function HiddenFields(props: { values: Partial<Record<string, string>> }) {
  return (
    <>
      {Object.entries(props.values).map(([name, value]) =>
        value === undefined ? null : <input key={name} type="hidden" name={name} value={value} />,
      )}
    </>
  );
}

export function ContactList(props: { page: Page }) {
  const { center, lang } = props.page;
  const l = layoutMessages(lang);
  return (
    <ul>
      {center.phones && (
        <li>
          {l('phone')}: {center.phones}
        </li>
      )}
      {center.contactHours && (
        <li>
          {l('hours')}: {center.contactHours}
        </li>
      )}
      {center.contactEmail && (
        <li>
          {l('email')}: <a href={`mailto:${center.contactEmail}`}>{center.contactEmail}</a>
        </li>
      )}
    </ul>
  );
}

/** A problem the patient must read now: announced by screen readers as soon as the page loads. */
export function Alert(props: { message: string | null | undefined }) {
  if (!props.message) return null;
  return (
    <p class="notice" role="alert">
      {props.message}
    </p>
  );
}

/** Good news after an action (cancelled, saved). */
export function Done(props: { message: string | null | undefined }) {
  if (!props.message) return null;
  return (
    <p class="ok" role="status">
      {props.message}
    </p>
  );
}

export function Details(props: { rows: [string, string][] }) {
  return (
    <dl class="details">
      {props.rows.map(([label, value]) => (
        <Fragment key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

export function Notes(props: { notes: BookingNote[]; lang: Lang; headingLevel?: 2 | 3 }) {
  if (props.notes.length === 0) return null;
  const a = appointmentMessages(props.lang);
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  return (
    <section class="info" aria-labelledby="notes-title">
      <Heading id="notes-title">{a('notes')}</Heading>
      <ul>
        {props.notes.map((n) => (
          <li key={n.source}>
            <strong>{a(noteKey(n.source))}:</strong> {n.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
