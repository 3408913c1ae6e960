// Citas: the pending turnos (soonest first, with their actions) and the others (newest first, a page at a time).
import { formatLongDay, formatTime } from '../../../platform/calendar/format.js';
import { Layout } from '../../../views/layout.js';
import type { Page } from '../../../views/page.js';
import { appointmentMessages, statusKey } from '../../scheduling/appointment.messages.js';
import { myAppointmentsMessages } from '../../scheduling/booking.messages.js';
import { Details, link } from '../../scheduling/views/common.js';
import { TeleconsultBadge, VideoCallActions } from '../../scheduling/views/video-call.js';
import type { portalCitas } from '../citas.service.js';
import { portalMessages } from '../portal.messages.js';
import { portalHomeMessages } from '../portal-home.messages.js';
import { PortalNav } from './portal-nav.js';

type CitasData = Awaited<ReturnType<typeof portalCitas>>;
type Item = CitasData['pending'][number];

function Cita(props: { page: Page; zone: string; item: Item; actions: boolean }) {
  const { page, zone, item } = props;
  const { lang } = page;
  const a = appointmentMessages(lang);
  const m = myAppointmentsMessages(lang);
  const t = portalHomeMessages(lang);
  const long = formatLongDay(lang, zone, item.startMs);
  const headingId = `cita-${item.id}`;
  return (
    <li>
      <article class="card" aria-labelledby={headingId}>
        <h3 id={headingId}>
          {long}, {formatTime(lang, zone, item.startMs)} <TeleconsultBadge page={page} teleconsult={item.teleconsult} />
        </h3>
        <Details
          rows={[
            [a('professional'), item.professional],
            ...(item.service ? [[a(item.service.kind), item.service.name] as [string, string]] : []),
            [t('status'), a(statusKey(item.status))],
            [a('number'), String(item.id)],
          ]}
        />
        <VideoCallActions page={page} item={item} open={item.canJoin} label={long} />
        {props.actions && (item.canPrint || item.canCancel) && (
          <p class="actions">
            {item.canPrint && (
              <a class="button secondary" href={`/turnos/${item.id}/comprobante.pdf`}>
                {m('print')}
                <span class="sr-only">: {long}</span>
              </a>
            )}
            {item.canCancel && (
              <a class="button secondary" href={`/mis-turnos/${item.id}/cancelar`}>
                {m('cancel')}
                <span class="sr-only">: {long}</span>
              </a>
            )}
          </p>
        )}
      </article>
    </li>
  );
}

export function CitasPage(props: { page: Page; data: CitasData; pageNumber: number }) {
  const { page, data, pageNumber } = props;
  const t = portalHomeMessages(page.lang);
  const title = portalMessages(page.lang)('appointments');
  return (
    <Layout page={page} title={title}>
      <h1>{title}</h1>
      <PortalNav page={page} />
      <p>{t('citasIntro')}</p>
      {pageNumber === 1 && (
        <section aria-labelledby="pending-title">
          <h2 id="pending-title">{t('pendingTitle')}</h2>
          {data.pending.length === 0 && <p>{t('noPending')}</p>}
          <ul class="appointments">
            {data.pending.map((item) => (
              <Cita key={item.id} page={page} zone={data.zone} item={item} actions />
            ))}
          </ul>
          {page.center.webBookingEnabled && (
            <p>
              <a class="button" href="/turnos/nuevo">
                {t('book')}
              </a>
            </p>
          )}
        </section>
      )}
      <section aria-labelledby="past-title">
        <h2 id="past-title">{t('pastTitle')}</h2>
        {data.past.length === 0 && pageNumber === 1 && <p>{t('noPast')}</p>}
        <ul class="appointments">
          {data.past.map((item) => (
            <Cita key={item.id} page={page} zone={data.zone} item={item} actions={false} />
          ))}
        </ul>
        <p class="actions">
          {pageNumber > 1 && (
            <a href={link('/portal/citas', { pagina: pageNumber > 2 ? pageNumber - 1 : null })}>‹ {t('newer')}</a>
          )}
          {data.hasOlder && <a href={link('/portal/citas', { pagina: pageNumber + 1 })}>{t('older')} ›</a>}
        </p>
      </section>
    </Layout>
  );
}
