// Nueva factura: the patient by DNI (their record fills the insurer and member number), the issue date, and
// the lines. Without script: "Buscar" and "Agregar línea" send the form back with everything kept.
import { Csrf } from '../../../views/layout.js';
import type { StaffPage } from '../../../views/page.js';
import { StaffLayout } from '../../../views/staff-layout.js';
import { fieldMessages } from '../../patients/accounts.fields.messages.js';
import { Alert, Field } from '../../patients/views/form.js';
import type { LineField } from '../invoice.rules.js';
import { lineFieldName } from '../invoice-problems.messages.js';
import { type InvoiceFormState, LINE_FIELDS } from '../invoices.form.js';
import { invoiceMessages } from '../invoices.messages.js';
import { invoiceStaffMessages } from '../invoices.staff.messages.js';

const fieldId = (name: string) => `f-${name}`;

export interface InvoiceFormContext {
  insurers: { value: string; label: string }[];
  /** The record the DNI names, once found. */
  patientName?: string | undefined;
  /** The turno being invoiced, in words, and the invoice it already has (if any). */
  turno?: { text: string; existing: { id: number; numberText: string } | null } | undefined;
  alert?: string | undefined;
}

function LineInput(props: { form: InvoiceFormState; field: LineField; n: number; label: string }) {
  const name = lineFieldName(props.field, props.n);
  const error = props.form.errors[name];
  const fallback = props.field === 'quantity' ? '1' : props.field === 'insurer' ? '0' : '';
  const numeric = props.field !== 'concept';
  return (
    <div class={`field line-${props.field}`}>
      <label for={fieldId(name)}>{props.label}</label>
      {error && (
        <p class="field-error" id={`${fieldId(name)}-error`}>
          {error}
        </p>
      )}
      <input
        id={fieldId(name)}
        name={name}
        value={props.form.values[name] ?? fallback}
        inputMode={props.field === 'quantity' ? 'numeric' : numeric ? 'decimal' : undefined}
        autoComplete="off"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${fieldId(name)}-error` : undefined}
      />
    </div>
  );
}

/** The form's problems on top, announced at once; each already names its field, and links to it. */
function ProblemList(props: { page: StaffPage; errors: Record<string, string> }) {
  const entries = Object.entries(props.errors);
  if (entries.length === 0) return null;
  return (
    <div class="notice" role="alert">
      <p>{fieldMessages(props.page.lang)('errorsTitle')}</p>
      <ul>
        {entries.map(([name, message]) => (
          <li key={name}>
            <a href={`#${fieldId(name)}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function InvoiceFormPage(props: { page: StaffPage; form: InvoiceFormState; context: InvoiceFormContext }) {
  const { page, form, context } = props;
  const t = invoiceMessages(page.lang);
  const s = invoiceStaffMessages(page.lang);
  const lineLabel: Record<LineField, string> = {
    concept: t('concept'),
    quantity: t('quantity'),
    unit: t('unit'),
    insurer: t('lineInsurer'),
  };
  const insurerError = form.errors.insurerId;
  const chosenInsurer = form.values.insurerId ?? '';
  const rows = Array.from({ length: form.rows }, (_, i) => i + 1);
  return (
    <StaffLayout page={page} title={s('newTitle')}>
      <p>
        <a href="/staff/portal/facturas">{s('back')}</a>
      </p>
      <h1>{s('newTitle')}</h1>
      {context.turno && <p class="info">{s('fromTurno', { turno: context.turno.text })}</p>}
      {context.turno?.existing && (
        <Alert>
          {s('turnoInvoiced', { number: context.turno.existing.numberText })}{' '}
          <a href={`/staff/portal/facturas/${context.turno.existing.id}`}>
            {t('title', { number: context.turno.existing.numberText })}
          </a>
        </Alert>
      )}
      {context.alert && <Alert>{context.alert}</Alert>}
      <ProblemList page={page} errors={form.errors} />
      <form method="post" action="/staff/portal/facturas/nueva" class="card invoice-form" novalidate>
        <Csrf page={page} />
        <input type="hidden" name="turno" value={form.values.turno ?? ''} />
        <fieldset>
          <legend>{s('patientData')}</legend>
          <div class="invoice-dni">
            <Field name="dni" label={t('dni')} form={form} inputMode="numeric" autocomplete="off" hint={s('dniHint')} />
            <button type="submit" name="accion" value="buscar" class="secondary">
              {s('findPatient')}
            </button>
          </div>
          {context.patientName && (
            <p class="ok" role="status">
              {s('patientFound', { name: context.patientName })}
            </p>
          )}
          <div class="field">
            <label for={fieldId('insurerId')}>{t('insurer')}</label>
            {insurerError && (
              <p class="field-error" id={`${fieldId('insurerId')}-error`}>
                {insurerError}
              </p>
            )}
            <select
              id={fieldId('insurerId')}
              name="insurerId"
              aria-invalid={insurerError ? 'true' : undefined}
              aria-describedby={insurerError ? `${fieldId('insurerId')}-error` : undefined}
            >
              <option value="">{s('noInsurerOption')}</option>
              {context.insurers.map((o) => (
                <option key={o.value} value={o.value} selected={o.value === chosenInsurer}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <Field name="memberNumber" label={t('memberNumber')} form={form} required={false} autocomplete="off" />
          <Field name="issuedOn" label={t('issuedOn')} form={form} type="date" />
        </fieldset>
        <fieldset id={fieldId('lines')} aria-describedby="lines-hint">
          <legend>{s('lines')}</legend>
          <p class="hint" id="lines-hint">
            {s('linesHint')}
          </p>
          {form.errors.lines && <p class="field-error">{form.errors.lines}</p>}
          {rows.map((n) => (
            <fieldset key={n} class="invoice-line">
              <legend>{s('lineN', { n })}</legend>
              {LINE_FIELDS.map((field) => (
                <LineInput key={field} form={form} field={field} n={n} label={lineLabel[field]} />
              ))}
            </fieldset>
          ))}
          <button type="submit" name="accion" value="agregar" class="secondary">
            {s('addLine')}
          </button>
        </fieldset>
        <p class="hint">{s('numberNote')}</p>
        <p class="actions">
          <button type="submit" name="accion" value="emitir">
            {s('issue')}
          </button>
          <a class="button secondary" href="/staff/portal/facturas">
            {s('cancel')}
          </a>
        </p>
      </form>
    </StaffLayout>
  );
}
