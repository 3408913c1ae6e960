// The back office's Facturas: every invoice, newest first, filtered by DNI, number or state, a page at a time.
import type { InvoiceStatus } from '../../../platform/db/schema.js';
import type { StaffPage } from '../../../views/page.js';
import { Pager } from '../../../views/pager.js';
import { Flash, RowLink, TableHead } from '../../../views/staff-kit.js';
import { StaffLayout } from '../../../views/staff-layout.js';
import { Alert } from '../../patients/views/form.js';
import type { StaffInvoiceView } from '../invoice.view.js';
import { formatCivilDate, invoiceMessages, invoiceStatusKey } from '../invoices.messages.js';
import { invoiceStaffMessages } from '../invoices.staff.messages.js';
import { InvoiceStatusText, Money } from './invoice-parts.js';

export interface InvoiceListFilters {
  dni: string;
  numero: string;
  estado: string;
}

export const STATUSES: InvoiceStatus[] = ['due', 'paid', 'void'];

/** The list's address with its filters, so each page can be bookmarked and works without script. */
export function invoiceListLink(f: InvoiceListFilters, pageNumber = 1): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(f)) if (value) params.set(key, value);
  if (pageNumber > 1) params.set('pagina', String(pageNumber));
  const query = params.toString();
  return query ? `/staff/portal/facturas?${query}` : '/staff/portal/facturas';
}

/** The invoices of a list as table rows: number, date, patient, insurer, total, state, and a link to open it. */
export function InvoiceRows(props: { page: StaffPage; invoices: StaffInvoiceView[]; withPatient: boolean }) {
  const { page } = props;
  const t = invoiceMessages(page.lang);
  const s = invoiceStaffMessages(page.lang);
  const columns = [
    t('number'),
    t('issuedOn'),
    ...(props.withPatient ? [t('patient')] : []),
    t('insurer'),
    t('total'),
    t('status'),
  ];
  return (
    <div class="table-wrap">
      <table class="dense invoice-list">
        <TableHead columns={columns} links={s('links')} />
        <tbody>
          {props.invoices.map((inv) => (
            <tr key={inv.id} class={inv.status === 'void' ? 'voided' : undefined}>
              <td class="nowrap">{inv.numberText}</td>
              <td class="nowrap">{formatCivilDate(page.lang, inv.issuedOn)}</td>
              {props.withPatient && (
                <td>
                  {inv.customerName} <span class="muted nowrap">DNI {inv.customerDni}</span>
                </td>
              )}
              <td>{inv.insurerName || <span class="muted">{t('noInsurer')}</span>}</td>
              <td class="num">
                <Money cents={inv.totalCents} />
              </td>
              <td>
                <InvoiceStatusText lang={page.lang} invoice={inv} />
              </td>
              <td>
                <RowLink
                  href={`/staff/portal/facturas/${inv.id}`}
                  label={s('open')}
                  row={t('title', { number: inv.numberText })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function InvoiceListPage(props: {
  page: StaffPage;
  filters: InvoiceListFilters;
  result: { items: StaffInvoiceView[]; total: number; page: number; pageSize: number } | null;
  alert?: string | undefined;
  flash?: string | undefined;
}) {
  const { page, filters, result } = props;
  const t = invoiceMessages(page.lang);
  const s = invoiceStaffMessages(page.lang);
  return (
    <StaffLayout page={page} title={s('listTitle')}>
      <h1>{s('listTitle')}</h1>
      <Flash text={props.flash} />
      <p>{s('listIntro')}</p>
      <p>
        <a class="button" href="/staff/portal/facturas/nueva">
          {s('newInvoice')}
        </a>
      </p>
      <form method="get" action="/staff/portal/facturas" class="filters" aria-label={s('filters')}>
        <label>
          {s('filterDni')} <input name="dni" value={filters.dni} inputMode="numeric" size={10} />
        </label>
        <label>
          {s('filterNumber')} <input name="numero" value={filters.numero} inputMode="numeric" size={10} />
        </label>
        <label>
          {s('filterStatus')}{' '}
          <select name="estado">
            <option value="">{s('anyStatus')}</option>
            {STATUSES.map((status) => (
              <option key={status} value={status} selected={filters.estado === status}>
                {t(invoiceStatusKey(status))}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{s('filter')}</button>
      </form>
      {props.alert && <Alert>{props.alert}</Alert>}
      {result &&
        (result.items.length === 0 ? (
          <p class="muted">{s('none')}</p>
        ) : (
          <>
            <p role="status">{s('results', { n: result.total })}</p>
            <InvoiceRows page={page} invoices={result.items} withPatient={true} />
            <Pager
              lang={page.lang}
              page={result.page}
              pageSize={result.pageSize}
              total={result.total}
              href={(n) => invoiceListLink(filters, n)}
            />
          </>
        ))}
    </StaffLayout>
  );
}
