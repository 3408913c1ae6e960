// Confirm the chosen time (insurer, reason), and "Turno insertado" with its messages afterwards.
import { formatLongDay, formatTime } from '../../../platform/calendar/format.js';
import { todayIn } from '../../../platform/time/zone.js';
import { Csrf, Layout } from '../../../views/layout.js';
import type { Page } from '../../../views/page.js';
import type { AppointmentDetails } from '../appointment.details.js';
import { appointmentMessages, detailRows } from '../appointment.messages.js';
import { bookingMessages } from '../booking.messages.js';
import type { confirmPreview } from '../web-booking.service.js';
import { Alert, Details, link, Notes, serviceParams } from './common.js';

export type PreviewData = Awaited<ReturnType<typeof confirmPreview>>;

export interface ConfirmValues {
  reason: string;
  /** The insurer's id as the form sends it ('' for none chosen). */
  insurer: string;
}

/** The problem, if any, is about the reason field: the field says so too. */
export interface ConfirmError {
  message: string;
  field: 'reason' | 'insurer' | null;
}

export function ConfirmPage(props: {
  page: Page;
  data: PreviewData;
  values: ConfirmValues;
  start: string;
  error: ConfirmError | null;
}) {
  const { page, data, values, error } = props;
  const { lang } = page;
  const t = bookingMessages(lang);
  const a = appointmentMessages(lang);
  const service = serviceParams(data.service);
  const insurerKnown = data.insurers.some((i) => String(i.id) === values.insurer);
  const needsEmpty = !insurerKnown || data.patientInsurerId === null;
  const emptyLabel = data.patientInsurerId === null ? a('noInsurer') : t('chooseInsurer');
  const gridHref = link(`/turnos/profesional/${data.professional.id}`, {
    ...service,
    desde: todayIn(data.zone, data.startMs),
    visto: 1,
  });
  const invalid = (field: ConfirmError['field']) => (error && error.field === field ? 'true' : undefined);
  return (
    <Layout page={page} title={t('confirmTitle')}>
      <h1>{t('confirmTitle')}</h1>
      {error && (
        <div id="confirm-error">
          <Alert message={error.message} />
        </div>
      )}
      <p>{t('confirmIntro')}</p>
      <Details
        rows={[
          [a('day'), formatLongDay(lang, data.zone, data.startMs)],
          [a('time'), formatTime(lang, data.zone, data.startMs)],
          [a('professional'), data.professional.name],
          [a(data.service.kind), data.service.name],
        ]}
      />
      {data.service.indication && (
        <p class="info">
          <strong>{t('indication')}:</strong> {data.service.indication}
        </p>
      )}
      <form method="post" action="/turnos/confirmar">
        <Csrf page={page} />
        <input type="hidden" name="profesional" value={String(data.professional.id)} />
        {Object.entries(service).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={String(value)} />
        ))}
        <input type="hidden" name="inicio" value={props.start} />
        <label for="insurer">
          {a('insurer')}
          <span class="hint" id="insurer-hint">
            {t('insurerHint')}
          </span>
        </label>
        <select
          id="insurer"
          name="obraSocial"
          aria-describedby={invalid('insurer') ? 'insurer-hint confirm-error' : 'insurer-hint'}
          aria-invalid={invalid('insurer')}
        >
          {needsEmpty && (
            <option value="" selected={values.insurer === '' || !insurerKnown}>
              {emptyLabel}
            </option>
          )}
          {data.insurers.map((i) => (
            <option key={i.id} value={String(i.id)} selected={String(i.id) === values.insurer}>
              {i.name}
            </option>
          ))}
        </select>
        <label for="reason">
          {t('reasonLabel')} {data.reasonRequired ? t('reasonRequired') : t('reasonOptional')}
          <span class="hint" id="reason-hint">
            {t('reasonHint')}
          </span>
        </label>
        <textarea
          id="reason"
          name="motivo"
          rows={3}
          maxLength={500}
          required={data.reasonRequired}
          aria-describedby={invalid('reason') ? 'reason-hint confirm-error' : 'reason-hint'}
          aria-invalid={invalid('reason')}
        >
          {values.reason}
        </textarea>
        <p class="actions">
          <button type="submit">{t('confirm')}</button>
          <a href={gridHref}>{t('otherTime')}</a>
        </p>
      </form>
    </Layout>
  );
}

export function BookedPage(props: { page: Page; details: AppointmentDetails }) {
  const { page, details } = props;
  const t = bookingMessages(page.lang);
  return (
    <Layout page={page} title={t('doneTitle')}>
      <h1>{t('doneTitle')}</h1>
      <p class="ok" role="status">
        {t('doneText')}
      </p>
      <Details rows={detailRows(details, page.lang)} />
      <Notes notes={details.notes} lang={page.lang} />
      {page.center.mailPhrase && (
        <p>
          <strong>{page.center.mailPhrase}</strong>
        </p>
      )}
      <p>{details.patient.email ? t('mailSent', { email: details.patient.email }) : t('noMail')}</p>
      <div class="actions">
        <a class="button" href={`/turnos/${details.id}/comprobante.pdf`}>
          {t('print')}
        </a>
        <a class="button secondary" href="/turnos/nuevo">
          {t('bookAnother')}
        </a>
        <a class="button secondary" href="/mis-turnos">
          {t('myAppointments')}
        </a>
        <form method="post" action="/salir" class="inline">
          <Csrf page={page} />
          <button type="submit" class="secondary">
            {t('finish')}
          </button>
        </form>
      </div>
    </Layout>
  );
}
