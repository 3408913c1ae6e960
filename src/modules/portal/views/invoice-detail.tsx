// One invoice in the back office: what was issued, its PDF, and its state: paid on a date ⇄ due, or voided
// with a reason (it keeps its number; nothing deletes it).
import type { ComponentChildren } from 'preact';
import { formatStamp } from '../../../platform/calendar/format.js';
import { Csrf } from '../../../views/layout.js';
import type { StaffPage } from '../../../views/page.js';
import { Flash } from '../../../views/staff-kit.js';
import { StaffLayout } from '../../../views/staff-layout.js';
import { TextAreaField } from '../../catalog/views/admin-fields.js';
import { Alert, Field, type FormState } from '../../patients/views/form.js';
import type { StaffInvoiceView } from '../invoice.view.js';
import { formatCivilDate, invoiceMessages } from '../invoices.messages.js';
import { invoiceStaffMessages } from '../invoices.staff.messages.js';
import { InvoiceLinesTable, InvoiceStatusText, InvoiceTotals, PdfLinks } from './invoice-parts.js';

export function InvoiceDetailPage(props: {
  page: StaffPage;
  invoice: StaffInvoiceView;
  /** The status forms' values and problems (paidOn, reason). */
  form: FormState;
  flash?: string | undefined;
  alert?: string | undefined;
}) {
  const { page, invoice, form } = props;
  const { lang } = page;
  const t = invoiceMessages(lang);
  const s = invoiceStaffMessages(lang);
  const title = t('title', { number: invoice.numberText });
  const action = `/staff/portal/facturas/${invoice.id}/estado`;
  const facts: [string, ComponentChildren][] = [
    [t('issuedOn'), formatCivilDate(lang, invoice.issuedOn)],
    [
      t('patient'),
      <>
        <a href={`/staff/pacientes/${invoice.patientId}/facturas`}>{invoice.customerName}</a> (DNI {invoice.customerDni}
        )
      </>,
    ],
    [t('insurer'), invoice.insurerName || t('noInsurer')],
    ...(invoice.memberNumber ? [[t('memberNumber'), invoice.memberNumber] as [string, string]] : []),
    [t('status'), <InvoiceStatusText key="status" lang={lang} invoice={invoice} />],
  ];
  return (
    <StaffLayout page={page} title={title}>
      <p>
        <a href="/staff/portal/facturas">{s('back')}</a>
      </p>
      <h1>{title}</h1>
      <Flash text={props.flash} />
      {props.alert && <Alert>{props.alert}</Alert>}
      <dl class="invoice-facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p class="muted">
        {s('issuedBy', {
          name: invoice.createdByName,
          when: formatStamp(lang, page.center.timeZone, Date.parse(invoice.createdAt)),
        })}
      </p>
      <InvoiceLinesTable lang={lang} invoice={invoice} />
      <InvoiceTotals lang={lang} invoice={invoice} />
      <PdfLinks lang={lang} href={`/staff/portal/facturas/${invoice.id}/pdf`} numberText={invoice.numberText} />
      {invoice.status === 'void' ? (
        <p class="info">{s('voidedNote')}</p>
      ) : (
        <>
          <h2>{s('changeStatus')}</h2>
          {invoice.status === 'due' ? (
            <form method="post" action={action} class="card narrow" novalidate>
              <Csrf page={page} />
              <input type="hidden" name="estado" value="paid" />
              <Field name="paidOn" label={s('paidOn')} form={form} type="date" />
              <button type="submit">{s('markPaid')}</button>
            </form>
          ) : (
            <form method="post" action={action} class="card narrow">
              <Csrf page={page} />
              <input type="hidden" name="estado" value="due" />
              <button type="submit" class="secondary">
                {s('markDue')}
              </button>
            </form>
          )}
          <form method="post" action={action} class="card narrow" novalidate>
            <h3>{s('voidTitle')}</h3>
            <p class="hint">{s('voidHint')}</p>
            <Csrf page={page} />
            <input type="hidden" name="estado" value="void" />
            <TextAreaField name="reason" label={s('voidReason')} form={form} rows={2} />
            <button type="submit" class="danger">
              {s('voidButton')}
            </button>
          </form>
        </>
      )}
    </StaffLayout>
  );
}
