// One professional's week: the general message to acknowledge first, then the grid of free and taken times.
import { formatCivilDay, formatDay, formatTime } from '../../../platform/calendar/format.js';
import { addDays } from '../../../platform/time/zone.js';
import { Layout } from '../../../views/layout.js';
import type { Page } from '../../../views/page.js';
import { appointmentMessages } from '../appointment.messages.js';
import { bookingMessages } from '../booking.messages.js';
import type { Choice, professionalWeek } from '../web-booking.service.js';
import { link, serviceParams } from './common.js';
import { byDay, WeekNav } from './week.js';

export type ProfessionalWeekData = Awaited<ReturnType<typeof professionalWeek>>;

/** "Aparece como pantalla externa, y deberá oprimir el OK": a page of its own, and the grid only after it. */
export function GeneralMessagePage(props: { page: Page; data: ProfessionalWeekData }) {
  const { page, data } = props;
  const t = bookingMessages(page.lang);
  const title = t('messageTitle', { name: data.professional.name });
  const service = serviceParams(data.service);
  return (
    <Layout page={page} title={title}>
      <section class="card" aria-labelledby="message-title">
        <h1 id="message-title">{title}</h1>
        <p>{t('messageIntro')}</p>
        <p class="info message">{data.professional.generalMessage}</p>
        <form method="get" action={`/turnos/profesional/${data.professional.id}`}>
          {Object.entries(service).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={String(value)} />
          ))}
          <input type="hidden" name="desde" value={data.from} />
          <input type="hidden" name="visto" value="1" />
          <button type="submit">{t('understood')}</button>
        </form>
      </section>
    </Layout>
  );
}

/** A professional reached without a specialty or study: which of theirs? */
export function ChooseServicePage(props: {
  page: Page;
  professional: Choice & { services: Choice[] };
  param: 'especialidad' | 'estudio';
}) {
  const { page, professional } = props;
  const t = bookingMessages(page.lang);
  const title = t('chooseServiceTitle', { name: professional.name });
  return (
    <Layout page={page} title={title}>
      <h1>{title}</h1>
      <ul class="choices">
        {professional.services.map((s) => (
          <li key={s.id}>
            <a href={link(`/turnos/profesional/${professional.id}`, { [props.param]: s.id })}>{s.name}</a>
          </li>
        ))}
      </ul>
      <p>
        <a href="/turnos/nuevo">{t('changeChoice')}</a>
      </p>
    </Layout>
  );
}

function Legend(props: { page: Page }) {
  const t = bookingMessages(props.page.lang);
  // A sample time written as the grid writes them.
  const sample = formatTime(props.page.lang, 'UTC', Date.UTC(2000, 0, 1, 8, 0));
  return (
    <section aria-labelledby="legend-title">
      <h2 id="legend-title">{t('legend')}</h2>
      <ul class="legend">
        <li>
          <span class="slot free" aria-hidden="true">
            {sample}
          </span>{' '}
          {t('legendFree')}
        </li>
        <li>
          <span class="slot taken" aria-hidden="true">
            {sample}
          </span>{' '}
          {t('legendTaken')}
        </li>
        <li>
          <span class="slot free first" aria-hidden="true">
            {sample}
          </span>{' '}
          {t('legendFirst')}
        </li>
      </ul>
    </section>
  );
}

export function GridPage(props: { page: Page; data: ProfessionalWeekData }) {
  const { page, data } = props;
  const { lang } = page;
  const t = bookingMessages(lang);
  const a = appointmentMessages(lang);
  const zone = data.zone;
  const title = t('gridTitle', { name: data.professional.name });
  const service = serviceParams(data.service);
  const week = (from: string | null) =>
    from === null ? null : link(`/turnos/profesional/${data.professional.id}`, { ...service, desde: from, visto: 1 });
  const confirm = (start: string) =>
    link('/turnos/confirmar', { profesional: data.professional.id, ...service, inicio: start });
  const slotsOf = byDay(data.slots);
  const dates = Array.from({ length: 7 }, (_, i) => addDays(data.from, i));
  const range = t('weekOf', { from: formatCivilDay(lang, data.from), to: formatCivilDay(lang, data.to) });
  const first = data.firstFree;
  const firstWhen = first
    ? `${formatDay(lang, zone, Date.parse(first.start))} ${formatTime(lang, zone, Date.parse(first.start))}`
    : '';
  const nav = (label?: string) => (
    <WeekNav
      page={page}
      prevHref={week(data.prevFrom)}
      nextHref={week(data.nextFrom)}
      label={label}
      lastNote={t('lastWeek', { days: data.professional.maxDaysAhead })}
    />
  );
  return (
    <Layout page={page} title={title}>
      <h1>{title}</h1>
      <p>
        <strong>{a(data.service.kind)}:</strong> {data.service.name}
      </p>
      {data.service.indication && (
        <p class="info">
          <strong>{t('indication')}:</strong> {data.service.indication}
        </p>
      )}
      <h2>{range}</h2>
      {first ? (
        <p class="ok">
          <a href={confirm(first.start)}>{t('firstFree', { when: firstWhen })}</a>
        </p>
      ) : (
        <p class="notice">{data.nextFrom ? t('noFreeWeek') : t('noFreeAtAll')}</p>
      )}
      {nav(range)}
      <Legend page={page} />
      <div class="week">
        {dates.map((date) => {
          const slots = slotsOf.get(date) ?? [];
          return (
            <section class="day" key={date} aria-labelledby={`day-${date}`}>
              <h3 id={`day-${date}`}>{formatCivilDay(lang, date)}</h3>
              {slots.length === 0 ? (
                <p class="muted">{date > data.lastDate ? t('beyondWebLimit') : t('noAgenda')}</p>
              ) : (
                <ul class="slots">
                  {slots.map((s) => {
                    const time = formatTime(lang, zone, Date.parse(s.start));
                    const isFirst = first !== null && s.start === first.start;
                    return (
                      <li key={s.start}>
                        {s.free ? (
                          <a class={isFirst ? 'slot free first' : 'slot free'} href={confirm(s.start)}>
                            {time}
                            <span class="sr-only">
                              , {t('free')}
                              {isFirst ? `, ${t('firstMark')}` : ''}
                            </span>
                          </a>
                        ) : (
                          <span class="slot taken">
                            {time}
                            <span class="sr-only">, {t('taken')}</span>
                          </span>
                        )}
                      </li>
                    );
                  })}
                </ul>
              )}
            </section>
          );
        })}
      </div>
      {nav()}
      <p>
        <a href="/turnos/nuevo">{t('otherProfessional')}</a>
      </p>
    </Layout>
  );
}
