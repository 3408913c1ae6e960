// "Mis turnos": every turno, latest first, with its status in words; reprint, change the reason, cancel.
import { formatDay, formatLongDay, formatTime } from '../../../platform/calendar/format.js';
import type { AppointmentStatus } from '../../../platform/db/schema.js';
import { Csrf, Layout } from '../../../views/layout.js';
import type { Page } from '../../../views/page.js';
import { appointmentMessages, statusKey } from '../appointment.messages.js';
import { myAppointmentsMessages } from '../booking.messages.js';
import type { getAppointmentDetails, myAppointments } from '../web-appointments.service.js';
import { Alert, Details, Done, link } from './common.js';
import { TeleconsultBadge, VideoCallActions } from './video-call.js';

export type MyAppointmentsData = Awaited<ReturnType<typeof myAppointments>>;
export type DetailsData = Awaited<ReturnType<typeof getAppointmentDetails>>;

function Status(props: { page: Page; status: AppointmentStatus }) {
  const a = appointmentMessages(props.page.lang);
  return <span class={`status ${props.status}`}>{a(statusKey(props.status))}</span>;
}

/** "jueves 26/11 11:00": how a turno is named in sentences. */
export function when(page: Page, zone: string, ms: number): string {
  return `${formatDay(page.lang, zone, ms)} ${formatTime(page.lang, zone, ms)}`;
}

export function MyAppointmentsPage(props: {
  page: Page;
  data: MyAppointmentsData;
  pageNumber: number;
  notice: string | null;
}) {
  const { page, data } = props;
  const { lang } = page;
  const t = myAppointmentsMessages(lang);
  const a = appointmentMessages(lang);
  return (
    <Layout page={page} title={t('title')}>
      <h1>{t('title')}</h1>
      <Done message={props.notice} />
      <p>{t('intro')}</p>
      {data.items.length === 0 && props.pageNumber === 1 && (
        <p>
          {t('empty')}{' '}
          <a class="button" href="/turnos/nuevo">
            {t('book')}
          </a>
        </p>
      )}
      <ul class="appointments">
        {data.items.map((item) => {
          const headingId = `turno-${item.id}`;
          const long = formatLongDay(lang, data.zone, item.startMs);
          return (
            <li key={item.id}>
              <article class="card" aria-labelledby={headingId}>
                <h2 id={headingId}>
                  {long}, {formatTime(lang, data.zone, item.startMs)} <Status page={page} status={item.status} />{' '}
                  <TeleconsultBadge page={page} teleconsult={item.teleconsult} />
                </h2>
                <Details
                  rows={[
                    [a('professional'), item.professional],
                    ...(item.service ? [[a(item.service.kind), item.service.name] as [string, string]] : []),
                    [a('reason'), item.reason || a('noReason')],
                    [a('number'), String(item.id)],
                  ]}
                />
                <VideoCallActions page={page} item={item} open={item.canJoin} label={long} />
                <p class="actions">
                  {item.canPrint && (
                    <a class="button secondary" href={`/turnos/${item.id}/comprobante.pdf`}>
                      {t('print')}
                      <span class="sr-only">: {long}</span>
                    </a>
                  )}
                  {item.canEditReason && (
                    <a class="button secondary" href={`/mis-turnos/${item.id}/motivo`}>
                      {t('editReason')}
                      <span class="sr-only">: {long}</span>
                    </a>
                  )}
                  {item.canCancel && (
                    <a class="button secondary" href={`/mis-turnos/${item.id}/cancelar`}>
                      {t('cancel')}
                      <span class="sr-only">: {long}</span>
                    </a>
                  )}
                </p>
              </article>
            </li>
          );
        })}
      </ul>
      <p class="actions">
        {props.pageNumber > 1 && (
          <a href={link('/mis-turnos', { pagina: props.pageNumber > 2 ? props.pageNumber - 1 : null })}>
            ‹ {t('newer')}
          </a>
        )}
        {data.hasOlder && <a href={link('/mis-turnos', { pagina: props.pageNumber + 1 })}>{t('older')} ›</a>}
      </p>
    </Layout>
  );
}

export function ReasonPage(props: { page: Page; details: DetailsData; reason: string; error: string | null }) {
  const { page, details } = props;
  const t = myAppointmentsMessages(page.lang);
  const a = appointmentMessages(page.lang);
  const zone = details.center.timeZone;
  return (
    <Layout page={page} title={t('reasonTitle')}>
      <h1>{t('reasonTitle')}</h1>
      {props.error && (
        <div id="reason-error">
          <Alert message={props.error} />
        </div>
      )}
      <Details
        rows={[
          [a('day'), formatLongDay(page.lang, zone, details.startMs)],
          [a('time'), formatTime(page.lang, zone, details.startMs)],
          [a('professional'), details.professional],
        ]}
      />
      <form method="post" action={`/mis-turnos/${details.id}/motivo`}>
        <Csrf page={page} />
        <label for="reason">{a('reason')}</label>
        <textarea
          id="reason"
          name="motivo"
          rows={3}
          maxLength={500}
          required={page.center.reasonRequired}
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={props.error ? 'reason-error' : undefined}
        >
          {props.reason}
        </textarea>
        <p class="actions">
          <button type="submit">{t('save')}</button>
          <a href="/mis-turnos">{t('back')}</a>
        </p>
      </form>
    </Layout>
  );
}

export function CancelPage(props: { page: Page; details: DetailsData; error: string | null }) {
  const { page, details } = props;
  const t = myAppointmentsMessages(page.lang);
  const zone = details.center.timeZone;
  const question = t('cancelQuestion', {
    when: when(page, zone, details.startMs),
    professional: details.professional,
  });
  return (
    <Layout page={page} title={t('cancelTitle')}>
      <h1>{t('cancelTitle')}</h1>
      <Alert message={props.error} />
      {details.canCancel ? (
        <form method="post" action={`/mis-turnos/${details.id}/cancelar`}>
          <Csrf page={page} />
          <p>
            <strong>{question}</strong>
          </p>
          <p>{t('cancelNote')}</p>
          <p class="actions">
            <button type="submit" class="danger">
              {t('yesCancel')}
            </button>
            <a class="button secondary" href="/mis-turnos">
              {t('noBack')}
            </a>
          </p>
        </form>
      ) : (
        <>
          {!props.error && <p class="notice">{t('notCancellable')}</p>}
          <p>
            <a href="/mis-turnos">{t('back')}</a>
          </p>
        </>
      )}
    </Layout>
  );
}
