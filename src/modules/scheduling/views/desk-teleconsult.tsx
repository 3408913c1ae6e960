// The form that marks a turno as a teleconsultation and keeps its video call link.
import { formatStamp } from '../../../platform/calendar/format.js';
import type { Lang } from '../../../platform/i18n/lang.js';
import { Csrf } from '../../../views/layout.js';
import type { StaffPage } from '../../../views/page.js';
import { StaffLayout } from '../../../views/staff-layout.js';
import { type DeskFilter, deskLink } from '../desk.params.js';
import { teleconsultTurnoMessages } from '../teleconsult-turno.messages.js';
import { VIDEO_URL_MAX } from '../teleconsult-turno.rules.js';
import type { teleconsultFormOf } from '../teleconsult-turno.service.js';
import { FilterFields } from './desk-parts.js';

type Turno = Awaited<ReturnType<typeof teleconsultFormOf>>;

export function DeskTeleconsultPage(props: {
  page: StaffPage;
  filter: DeskFilter;
  turno: Turno;
  values: { teleconsulta: string; enlace: string };
  error?: string | undefined;
}) {
  const { page, turno, values } = props;
  const t = teleconsultTurnoMessages(page.lang);
  const when = formatStamp(page.lang, page.center.timeZone, turno.startMs);
  return (
    <StaffLayout page={page} title={t('title')}>
      <h1>{t('title')}</h1>
      <p>{t('turnoOf', { when, patient: turno.patient, professional: turno.professional })}</p>
      <form method="post" action={`/staff/turnos/${turno.id}/teleconsulta`} novalidate>
        <Csrf page={page} />
        <FilterFields filter={props.filter} />
        <TeleconsultFields lang={page.lang} values={values} error={props.error} />
        <p class="actions">
          <button type="submit">{t('save')}</button>
          <a class="button secondary" href={`${deskLink(props.filter)}#turno-${turno.id}`}>
            {t('back')}
          </a>
        </p>
      </form>
    </StaffLayout>
  );
}

/** The checkbox and the link, in the turno's own form and in Dar turno; an error belongs to the link. */
export function TeleconsultFields(props: {
  lang: Lang;
  values: Partial<Record<string, string>>;
  error?: string | undefined;
}) {
  const t = teleconsultTurnoMessages(props.lang);
  const { values, error } = props;
  return (
    <>
      <div class="field">
        <label class="check">
          <input type="checkbox" name="teleconsulta" value="1" checked={values.teleconsulta === '1'} /> {t('check')}
        </label>
        <span class="hint">{t('checkHint')}</span>
      </div>
      <div class="field">
        <label for="f-enlace">{t('url')}</label>
        <span class="hint" id="f-enlace-hint">
          {t('urlHint')}
        </span>
        {error && (
          <p class="field-error" id="f-enlace-error" role="alert">
            {error}
          </p>
        )}
        <input
          id="f-enlace"
          name="enlace"
          type="url"
          inputMode="url"
          maxLength={VIDEO_URL_MAX}
          value={values.enlace ?? ''}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'f-enlace-hint f-enlace-error' : 'f-enlace-hint'}
        />
      </div>
    </>
  );
}
