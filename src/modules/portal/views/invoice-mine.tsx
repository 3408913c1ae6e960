// Mis facturas: the patient's invoices by date, each with its shares, total, state and PDF.
import { Layout } from '../../../views/layout.js';
import type { Page } from '../../../views/page.js';
import { Pager } from '../../../views/pager.js';
import { conceptSummary, formatCivilDate, invoiceMessages } from '../invoices.messages.js';
import type { myInvoices } from '../invoices.mine.service.js';
import { InvoiceStatusText, Money, PdfLinks } from './invoice-parts.js';
import { PortalNav } from './portal-nav.js';

type MyInvoices = Awaited<ReturnType<typeof myInvoices>>;

export function MyInvoicesPage(props: { page: Page; data: MyInvoices }) {
  const { page, data } = props;
  const { lang } = page;
  const t = invoiceMessages(lang);
  return (
    <Layout page={page} title={t('mineTitle')}>
      <h1>{t('mineTitle')}</h1>
      <PortalNav page={page} />
      <p>{t('mineIntro')}</p>
      {data.items.length === 0 ? (
        <p class="muted">{t('mineEmpty')}</p>
      ) : (
        <ul class="invoices" aria-label={t('mineList')}>
          {data.items.map((inv) => {
            const headingId = `factura-${inv.id}`;
            return (
              <li key={inv.id}>
                <article
                  class={`card invoice-card${inv.status === 'void' ? ' voided' : ''}`}
                  aria-labelledby={headingId}
                >
                  <h2 id={headingId}>
                    {t('title', { number: inv.numberText })}{' '}
                    <span class="muted nowrap">{formatCivilDate(lang, inv.issuedOn)}</span>
                  </h2>
                  <p>
                    {conceptSummary(
                      lang,
                      inv.lines.map((l) => l.concept),
                    )}
                  </p>
                  <dl class="invoice-facts">
                    <div>
                      <dt>{t('insurerShare')}</dt>
                      <dd>
                        <Money cents={inv.insurerCents} />
                      </dd>
                    </div>
                    <div>
                      <dt>{t('patientShare')}</dt>
                      <dd>
                        <Money cents={inv.patientCents} />
                      </dd>
                    </div>
                    <div>
                      <dt>{t('total')}</dt>
                      <dd>
                        <strong>
                          <Money cents={inv.totalCents} />
                        </strong>
                      </dd>
                    </div>
                    <div>
                      <dt>{t('status')}</dt>
                      <dd>
                        <InvoiceStatusText lang={lang} invoice={inv} />
                      </dd>
                    </div>
                  </dl>
                  <PdfLinks lang={lang} href={`/portal/facturas/${inv.id}/pdf`} numberText={inv.numberText} />
                </article>
              </li>
            );
          })}
        </ul>
      )}
      <Pager
        lang={lang}
        page={data.page}
        pageSize={data.pageSize}
        total={data.total}
        href={(n) => (n === 1 ? '/portal/facturas' : `/portal/facturas?pagina=${n}`)}
      />
    </Layout>
  );
}
