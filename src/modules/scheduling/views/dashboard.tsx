// The Tablero: today, the week, occupancy per professional and eight weeks of cancellations and no-shows.
import { formatCivilDay } from '../../../platform/calendar/format.js';
import type { Lang } from '../../../platform/i18n/lang.js';
import { BarChart } from '../../../views/charts.js';
import type { StaffPage } from '../../../views/page.js';
import { StaffLayout } from '../../../views/staff-layout.js';
import { dashboardMessages } from '../dashboard.messages.js';
import type { dashboard } from '../dashboard.service.js';

export type DashboardData = Awaited<ReturnType<typeof dashboard>>;
type Counts = DashboardData['today'];

/** "23/11" (es) or "11/23" (en): a week is named by its Monday. */
const shortDate = (lang: Lang, date: string) =>
  lang === 'es' ? `${date.slice(8, 10)}/${date.slice(5, 7)}` : `${date.slice(5, 7)}/${date.slice(8, 10)}`;
const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)} %`);

function StatusChart(props: { lang: Lang; id: string; title: string; when: string; counts: Counts }) {
  const t = dashboardMessages(props.lang);
  const c = props.counts;
  return (
    <BarChart
      id={props.id}
      title={props.title}
      summary={t('statusSummary', { ...c, when: props.when })}
      labelHeader={t('status')}
      series={[t('count')]}
      items={[
        { label: t('reserved'), values: [c.reserved] },
        { label: t('present'), values: [c.present] },
        { label: t('absent'), values: [c.absent] },
        { label: t('cancelled'), values: [c.cancelled] },
      ]}
    />
  );
}

/** isToday: the reference date is today (else the page names the day instead of saying "today"). */
export function DashboardPage(props: { page: StaffPage; data: DashboardData; isToday: boolean }) {
  const { page, data } = props;
  const { lang } = page;
  const t = dashboardMessages(lang);
  const { week, occupancy, weeks } = data;
  const slots = occupancy.reduce((sum, o) => sum + o.slots, 0);
  const taken = occupancy.reduce((sum, o) => sum + o.taken, 0);
  const trend = weeks.reduce(
    (sum, w) => ({
      cancelled: sum.cancelled + w.cancelled,
      absent: sum.absent + w.absent,
      total: sum.total + w.total,
      web: sum.web + w.origin.web,
    }),
    { cancelled: 0, absent: 0, total: 0, web: 0 },
  );
  const origin = week.origin;
  const share = (n: number) => percent(origin.web + origin.staff === 0 ? null : n / (origin.web + origin.staff));
  const weekText = t('weekOf', { from: shortDate(lang, week.from), to: shortDate(lang, week.to) });
  const dayName = props.isToday ? t('today') : formatCivilDay(lang, data.date);
  const dayTitle = props.isToday ? t('todayTitle') : t('dayTitle', { day: formatCivilDay(lang, data.date) });
  return (
    <StaffLayout page={page} title={t('title')}>
      <h1>{t('title')}</h1>
      <form method="get" action="/staff" class="filters">
        <label>
          {t('date')} <input type="date" name="fecha" value={data.date} />
        </label>
        <button type="submit" class="secondary">
          {t('show')}
        </button>
      </form>
      <p class="muted">{weekText}</p>
      <dl class="figures">
        <div>
          <dt>{dayName}</dt>
          <dd>{t('turnos', { n: data.today.total })}</dd>
        </div>
        <div>
          <dt>{t('week')}</dt>
          <dd>{t('turnos', { n: week.total })}</dd>
        </div>
        <div>
          <dt>{t('occupancy')}</dt>
          <dd>{slots === 0 ? t('none') : percent(taken / slots)}</dd>
        </div>
        <div>
          <dt>{t('webShare')}</dt>
          <dd>{percent(origin.webShare)}</dd>
        </div>
      </dl>
      <div class="charts">
        <section class="card" aria-labelledby="h-today">
          <h2 id="h-today" class="chart-title">
            {dayTitle}
          </h2>
          <StatusChart lang={lang} id="chart-today" title={dayTitle} when={dayName} counts={data.today} />
        </section>
        <section class="card" aria-labelledby="h-week">
          <h2 id="h-week" class="chart-title">
            {t('weekTitle')}
          </h2>
          <StatusChart lang={lang} id="chart-week" title={t('weekTitle')} when={weekText} counts={week} />
        </section>
        <section class="card" aria-labelledby="h-occupancy">
          <h2 id="h-occupancy" class="chart-title">
            {t('occupancyTitle')}
          </h2>
          {occupancy.length === 0 ? (
            <p class="muted">{t('noOccupancy')}</p>
          ) : (
            <BarChart
              id="chart-occupancy"
              title={t('occupancyTitle')}
              summary={t('occupancySummary', { n: occupancy.length, slots, taken })}
              labelHeader={t('professional')}
              series={[t('rate')]}
              max={100}
              items={occupancy.map((o) => {
                const pct = Math.round(o.rate * 100);
                return {
                  label: o.professional.fullName,
                  values: [pct],
                  texts: [t('rateText', { percent: pct, taken: o.taken, slots: o.slots })],
                };
              })}
            />
          )}
        </section>
        <section class="card" aria-labelledby="h-origin">
          <h2 id="h-origin" class="chart-title">
            {t('originTitle')}
          </h2>
          <BarChart
            id="chart-origin"
            title={t('originTitle')}
            summary={t('originSummary', { web: origin.web, staff: origin.staff, percent: percent(origin.webShare) })}
            labelHeader={t('origin')}
            series={[t('count')]}
            items={[
              {
                label: t('web'),
                values: [origin.web],
                texts: [t('shareText', { n: origin.web, percent: share(origin.web) })],
              },
              {
                label: t('staff'),
                values: [origin.staff],
                texts: [t('shareText', { n: origin.staff, percent: share(origin.staff) })],
              },
            ]}
          />
          <p class="muted">
            {t('originTrend', {
              web: trend.web,
              total: trend.total,
              percent: percent(trend.total === 0 ? null : trend.web / trend.total),
            })}
          </p>
        </section>
        <section class="card wide" aria-labelledby="h-trend">
          <h2 id="h-trend" class="chart-title">
            {t('trendTitle')}
          </h2>
          <BarChart
            id="chart-trend"
            title={t('trendTitle')}
            summary={t('trendSummary', trend)}
            labelHeader={t('weekColumn')}
            series={[t('cancelled'), t('absent')]}
            items={weeks.map((w) => ({ label: shortDate(lang, w.from), values: [w.cancelled, w.absent] }))}
          />
        </section>
      </div>
    </StaffLayout>
  );
}
