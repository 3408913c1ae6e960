// "Ver profesionales": every professional of a specialty or study with the week's free times.
import { formatCivilDay, formatDay, formatTime } from '../../../platform/calendar/format.js';
import { Layout } from '../../../views/layout.js';
import type { Page } from '../../../views/page.js';
import { bookingMessages } from '../booking.messages.js';
import type { serviceWeek } from '../web-booking.service.js';
import { link, serviceParams } from './common.js';

export type ServiceWeekData = Awaited<ReturnType<typeof serviceWeek>>;

/** Previous and next week, as links that keep everything else of the address. */
export function WeekNav(props: {
  page: Page;
  prevHref: string | null;
  nextHref: string | null;
  /** The landmark's name; without it (the repeat at the page's foot) the links are plain. */
  label?: string;
  lastNote?: string;
}) {
  const t = bookingMessages(props.page.lang);
  const Wrapper = props.label ? 'nav' : 'div';
  return (
    <Wrapper aria-label={props.label} class="actions">
      {props.prevHref && (
        <a class="button secondary" href={props.prevHref}>
          ‹ {t('prevWeek')}
        </a>
      )}
      {props.nextHref ? (
        <a class="button" href={props.nextHref}>
          {t('nextWeek')} ›
        </a>
      ) : (
        props.lastNote && <p class="muted">{props.lastNote}</p>
      )}
    </Wrapper>
  );
}

/** Free instants grouped by their civil date in the center's zone (the ISO text carries the zone's date). */
export function byDay<T extends { start: string }>(slots: readonly T[]): Map<string, T[]> {
  const days = new Map<string, T[]>();
  for (const s of slots) {
    const date = s.start.slice(0, 10);
    days.set(date, [...(days.get(date) ?? []), s]);
  }
  return days;
}

export function ServiceWeekPage(props: { page: Page; data: ServiceWeekData }) {
  const { page, data } = props;
  const { lang } = page;
  const t = bookingMessages(lang);
  const title =
    data.service.kind === 'study'
      ? t('professionalsDoing', { name: data.service.name })
      : t('professionalsOf', { name: data.service.name });
  const here = (from: string | null) =>
    from === null ? null : link('/turnos/profesionales', { ...serviceParams(data.service), desde: from });
  const range = t('weekOf', { from: formatCivilDay(lang, data.from), to: formatCivilDay(lang, data.to) });
  const nav = (label?: string) => (
    <WeekNav page={page} prevHref={here(data.prevFrom)} nextHref={here(data.nextFrom)} label={label} />
  );
  return (
    <Layout page={page} title={title}>
      <h1>{title}</h1>
      {data.service.indication && (
        <p class="info">
          <strong>{t('indication')}:</strong> {data.service.indication}
        </p>
      )}
      <p>
        <strong>{range}</strong>
      </p>
      {nav(range)}
      {data.professionals.length === 0 && <p class="notice">{t('noProfessionals')}</p>}
      {data.professionals.map((p) => {
        const days = [...byDay(p.free)];
        const headingId = `pro-${p.id}`;
        return (
          <section class="card" key={p.id} aria-labelledby={headingId}>
            <h2 id={headingId}>{p.name}</h2>
            {days.length === 0 ? (
              <p>{t('noneThisWeek')}</p>
            ) : (
              <>
                <h3>{t('freeTimes')}</h3>
                <ul>
                  {days.map(([date, slots]) => (
                    <li key={date}>
                      <strong>{formatDay(lang, data.zone, Date.parse(slots[0]!.start))}:</strong>{' '}
                      {slots.map((s) => formatTime(lang, data.zone, Date.parse(s.start))).join(', ')}
                    </li>
                  ))}
                </ul>
              </>
            )}
            <p class="actions">
              <a
                class="button"
                href={link(`/turnos/profesional/${p.id}`, { ...serviceParams(data.service), desde: data.from })}
              >
                {t('bookWith')}
                <span class="sr-only">: {p.name}</span>
              </a>
              {data.nextFrom && (
                <a class="button secondary" href={here(data.nextFrom) as string}>
                  {t('nextWeek')}
                </a>
              )}
            </p>
          </section>
        );
      })}
      {data.professionals.length > 0 && nav()}
      <p>
        <a href="/turnos/nuevo">{t('changeChoice')}</a>
      </p>
    </Layout>
  );
}
