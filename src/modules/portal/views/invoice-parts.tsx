// Pieces every invoice page shares, the patient's and the back office's: the state in words, the lines with
// each share, the totals, and the PDF links (open in the browser, or download).
import type { InvoiceStatus } from '../../../platform/db/schema.js';
import type { Lang } from '../../../platform/i18n/lang.js';
import { formatMoney } from '../invoice.rules.js';
import type { InvoiceView } from '../invoice.view.js';
import { formatCivilDate, invoiceMessages, invoiceStatusKey } from '../invoices.messages.js';

export function InvoiceStatusBadge(props: { lang: Lang; status: InvoiceStatus }) {
  const t = invoiceMessages(props.lang);
  return <span class={`status invoice-${props.status}`}>{t(invoiceStatusKey(props.status))}</span>;
}

/** The state with what goes with it: the payment date, or why it was voided. */
export function InvoiceStatusText(props: { lang: Lang; invoice: InvoiceView }) {
  const { lang, invoice } = props;
  const t = invoiceMessages(lang);
  return (
    <>
      <InvoiceStatusBadge lang={lang} status={invoice.status} />
      {invoice.status === 'paid' && invoice.paidOn && (
        <span class="muted"> {t('paidOn', { date: formatCivilDate(lang, invoice.paidOn) })}</span>
      )}
      {invoice.status === 'void' && invoice.voidReason && (
        <span class="muted">
          {' '}
          {t('voidReason')}: {invoice.voidReason}
        </span>
      )}
    </>
  );
}

export function Money(props: { cents: number }) {
  return <span class="nowrap">{formatMoney(props.cents)}</span>;
}

export function InvoiceLinesTable(props: { lang: Lang; invoice: InvoiceView }) {
  const { invoice } = props;
  const t = invoiceMessages(props.lang);
  return (
    <div class="table-wrap">
      <table class="dense invoice-lines">
        <thead>
          <tr>
            <th scope="col">{t('concept')}</th>
            <th scope="col" class="num">
              {t('quantity')}
            </th>
            <th scope="col" class="num">
              {t('unit')}
            </th>
            <th scope="col" class="num">
              {t('lineInsurer')}
            </th>
            <th scope="col" class="num">
              {t('linePatient')}
            </th>
            <th scope="col" class="num">
              {t('amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {invoice.lines.map((l, i) => (
            <tr key={i}>
              <td>{l.concept}</td>
              <td class="num">{l.quantity}</td>
              <td class="num">
                <Money cents={l.unitCents} />
              </td>
              <td class="num">
                <Money cents={l.insurerCents} />
              </td>
              <td class="num">
                <Money cents={l.patientCents} />
              </td>
              <td class="num">
                <Money cents={l.amountCents} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Insurer share, patient share and total, as a definition list. */
export function InvoiceTotals(props: { lang: Lang; invoice: InvoiceView }) {
  const { invoice } = props;
  const t = invoiceMessages(props.lang);
  return (
    <dl class="invoice-totals">
      <dt>{t('insurerShare')}</dt>
      <dd>
        <Money cents={invoice.insurerCents} />
      </dd>
      <dt>{t('patientShare')}</dt>
      <dd>
        <Money cents={invoice.patientCents} />
      </dd>
      <dt>{t('total')}</dt>
      <dd>
        <strong>
          <Money cents={invoice.totalCents} />
        </strong>
      </dd>
    </dl>
  );
}

/** "Ver PDF" opens it in the browser (to read or print), "Descargar" saves it; both name the invoice for screen readers. */
export function PdfLinks(props: { lang: Lang; href: string; numberText: string }) {
  const t = invoiceMessages(props.lang);
  const which = <span class="sr-only"> {t('pdfOf', { number: props.numberText })}</span>;
  return (
    <span class="actions pdf-links">
      <a class="button secondary small" href={props.href}>
        <span class="pdf-icon" aria-hidden="true">
          PDF
        </span>{' '}
        {t('viewPdf')}
        {which}
      </a>
      <a class="button secondary small" href={`${props.href}?descargar=1`} download>
        {t('downloadPdf')}
        {which}
      </a>
    </span>
  );
}
