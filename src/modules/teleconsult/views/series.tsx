// Series impresas: the form to make a sheet, the patient's sheets with their state and used codes, the PDF of
// those in force and "Revocar" (with a confirmation page).
import { formatStamp } from '../../../platform/calendar/format.js';
import { Csrf, Layout } from '../../../views/layout.js';
import type { Page } from '../../../views/page.js';
import { ErrorSummary, Field, type FormState } from '../../patients/views/form.js';
import { PortalNav } from '../../portal/views/portal-nav.js';
import { formatCivilDate, seriesMessages } from '../series.messages.js';
import type { SeriesView } from '../series.service.js';

export const SERIES_BASE = '/portal/token/series';

export function SeriesPage(props: {
  page: Page;
  series: SeriesView[];
  form: FormState;
  limits: { maxCount: number; today: string; maxValidUntil: string };
  notice?: string | null;
  createdId?: number | null;
}) {
  const { page, series, form, limits } = props;
  const { lang } = page;
  const t = seriesMessages(lang);
  const zone = page.center.timeZone;
  const labels = { count: t('count'), validUntil: t('validUntil') };
  return (
    <Layout page={page} title={t('title')}>
      <h1>{t('title')}</h1>
      <PortalNav page={page} />
      <p>
        <a href="/portal/token">{t('back')}</a>
      </p>
      {props.notice && (
        <p class="ok" role="status">
          {props.notice}
          {props.createdId != null && (
            <>
              {' '}
              <a href={`${SERIES_BASE}/${props.createdId}/pdf`}>
                {t('print')}
                <span class="sr-only"> {t('printOf', { id: props.createdId })}</span>
              </a>
            </>
          )}
        </p>
      )}
      <p>{t('intro')}</p>

      <section class="card" aria-labelledby="serie-nueva">
        <h2 id="serie-nueva">{t('newTitle')}</h2>
        <ErrorSummary lang={lang} errors={form.errors} labels={labels} />
        <form method="post" action={SERIES_BASE} novalidate>
          <Csrf page={page} />
          <Field
            name="count"
            label={t('count')}
            form={form}
            type="number"
            inputMode="numeric"
            hint={t('countHint', { max: limits.maxCount })}
          />
          <Field
            name="validUntil"
            label={t('validUntil')}
            form={form}
            type="date"
            hint={t('validUntilHint', { max: formatCivilDate(lang, limits.maxValidUntil) })}
          />
          <p class="actions">
            <button type="submit" class="button">
              {t('create')}
            </button>
          </p>
        </form>
      </section>

      <h2>{t('listTitle')}</h2>
      {series.length === 0 ? (
        <p class="muted">{t('empty')}</p>
      ) : (
        <ul class="token-series">
          {series.map((s) => {
            const used = s.codes.filter((c) => c.usedAt !== null);
            const headingId = `serie-${s.id}`;
            return (
              <li key={s.id}>
                <article class="card" aria-labelledby={headingId}>
                  <h3 id={headingId}>
                    {t('seriesName', { id: s.id })}{' '}
                    <span class={`badge series-${s.state}`}>{t(`state_${s.state}`)}</span>
                  </h3>
                  <dl class="invoice-facts">
                    <div>
                      <dt>{t('createdOn')}</dt>
                      <dd>{formatStamp(lang, zone, Date.parse(s.createdAt))}</dd>
                    </div>
                    <div>
                      <dt>{t('validUntilShort')}</dt>
                      <dd>{formatCivilDate(lang, s.validUntil)}</dd>
                    </div>
                    <div>
                      <dt>{t('state')}</dt>
                      <dd>{t(`state_${s.state}`)}</dd>
                    </div>
                    <div>
                      <dt>{t('used')}</dt>
                      <dd>{t('usedOf', { used: s.usedCount, total: s.codeCount })}</dd>
                    </div>
                  </dl>
                  {used.length === 0 ? (
                    <p class="muted">{t('noneUsed')}</p>
                  ) : (
                    <>
                      <h4>{t('usedPositions')}</h4>
                      <ul>
                        {used.map((c) => (
                          <li key={c.position}>
                            {t('usedAt', {
                              position: c.position,
                              when: formatStamp(lang, zone, Date.parse(c.usedAt as string)),
                            })}
                          </li>
                        ))}
                      </ul>
                    </>
                  )}
                  {s.state === 'active' ? (
                    <p class="actions">
                      <a class="button secondary" href={`${SERIES_BASE}/${s.id}/pdf`}>
                        {t('print')}
                        <span class="sr-only"> {t('printOf', { id: s.id })}</span>
                      </a>
                      <a class="button secondary" href={`${SERIES_BASE}/${s.id}/revocar`}>
                        {t('revoke')}
                        <span class="sr-only"> {t('revokeOf', { id: s.id })}</span>
                      </a>
                    </p>
                  ) : (
                    <p class="muted">{t('closedNote')}</p>
                  )}
                </article>
              </li>
            );
          })}
        </ul>
      )}
    </Layout>
  );
}

export function RevokeSeriesPage(props: { page: Page; series: SeriesView }) {
  const { page, series } = props;
  const t = seriesMessages(page.lang);
  const title = t('revokeTitle', { id: series.id });
  return (
    <Layout page={page} title={title}>
      <h1>{title}</h1>
      <PortalNav page={page} />
      <p>{t('revokeText')}</p>
      <form method="post" action={`${SERIES_BASE}/${series.id}/revocar`} class="actions">
        <Csrf page={page} />
        <button type="submit" class="button danger">
          {t('revokeConfirm')}
        </button>
        <a class="button secondary" href={SERIES_BASE}>
          {t('cancel')}
        </a>
      </form>
    </Layout>
  );
}
