// Pieces of the agenda pages: the block and exception fields, and the list of turnos a change would leave
// outside the agenda with its "save anyway" form.
import { formatDay, formatTime } from '../../../platform/calendar/format.js';
import type { ScheduleException } from '../../../platform/db/schema.js';
import type { Lang } from '../../../platform/i18n/lang.js';
import { Csrf } from '../../../views/layout.js';
import type { StaffPage } from '../../../views/page.js';
import { Field, type FormState, SelectField } from '../../patients/views/form.js';
import type { OrphanView } from '../agenda-orphans.service.js';
import { agendasMessages } from '../agendas.messages.js';
import { HiddenFields } from './common.js';

export interface Named {
  id: number;
  name: string;
}

export interface ProfessionalChoice extends Named {
  specialties: Named[];
  studies: Named[];
}

/** "08/12/2026" / "12/08/2026": validity and exception dates, where the year matters. */
export function dateText(lang: Lang, date: string): string {
  const [y, m, d] = date.split('-');
  return lang === 'es' ? `${d}/${m}/${y}` : `${m}/${d}/${y}`;
}

export function exceptionDates(lang: Lang, e: Pick<ScheduleException, 'fromDate' | 'toDate'>): string {
  const t = agendasMessages(lang);
  if (e.fromDate === e.toDate) return dateText(lang, e.fromDate);
  return t('between', { from: dateText(lang, e.fromDate), to: dateText(lang, e.toDate) });
}

/** The service select's options: everything, then the professional's specialties and studies. */
function serviceOptions(lang: Lang, pro: ProfessionalChoice) {
  const t = agendasMessages(lang);
  return [
    { value: 'todo', label: t('anything') },
    ...pro.specialties.map((s) => ({ value: `especialidad-${s.id}`, label: t('specialty', { name: s.name }) })),
    ...pro.studies.map((s) => ({ value: `estudio-${s.id}`, label: t('study', { name: s.name }) })),
  ];
}

/** The block form's fields by name, for the summary of what to correct. */
export function blockLabels(lang: Lang): Record<string, string> {
  const t = agendasMessages(lang);
  return {
    weekday: t('weekday'),
    startTime: t('startTime'),
    endTime: t('endTime'),
    slotMinutes: t('slotMinutes'),
    service: t('service'),
    validFrom: t('validFrom'),
    validTo: t('validTo'),
  };
}

export function BlockFields(props: { page: StaffPage; form: FormState; professional: ProfessionalChoice }) {
  const { page, form } = props;
  const t = agendasMessages(page.lang);
  const days = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: t(`day_${d}` as 'day_1') }));
  return (
    <>
      <SelectField name="weekday" label={t('weekday')} form={form} options={days} lang={page.lang} />
      <Field name="startTime" label={t('startTime')} type="time" form={form} />
      <Field name="endTime" label={t('endTime')} type="time" form={form} />
      <Field name="slotMinutes" label={t('slotMinutes')} type="number" inputMode="numeric" form={form} />
      <SelectField
        name="service"
        label={t('service')}
        hint={t('serviceHint')}
        form={form}
        options={serviceOptions(page.lang, props.professional)}
        lang={page.lang}
        required={false}
      />
      <Field name="validFrom" label={t('validFrom')} type="date" form={form} />
      <Field name="validTo" label={t('validTo')} hint={t('validToHint')} type="date" form={form} required={false} />
    </>
  );
}

export function ExceptionFields(props: { page: StaffPage; form: FormState; professional: Named | null }) {
  const { page, form, professional } = props;
  const t = agendasMessages(page.lang);
  const kinds = (['leave', 'block', 'holiday'] as const).map((k) => ({ value: k, label: t(`kind_${k}`) }));
  return (
    <>
      {professional ? (
        <SelectField
          name="scope"
          label={t('scope')}
          form={form}
          options={[
            { value: 'profesional', label: t('scopeProfessional', { name: professional.name }) },
            { value: 'centro', label: t('scopeCenter') },
          ]}
          lang={page.lang}
        />
      ) : (
        <input type="hidden" name="scope" value="centro" />
      )}
      <SelectField name="kind" label={t('kind')} form={form} options={kinds} lang={page.lang} />
      <Field name="fromDate" label={t('fromDate')} type="date" form={form} />
      <Field name="toDate" label={t('toDate')} hint={t('toDateHint')} type="date" form={form} required={false} />
      <Field name="fromTime" label={t('fromTime')} hint={t('timesHint')} type="time" form={form} required={false} />
      <Field name="toTime" label={t('toTime')} type="time" form={form} required={false} />
      <Field name="reason" label={t('reason')} hint={t('reasonHint')} form={form} required={false} />
    </>
  );
}

export interface OrphanConfirmation {
  orphans: OrphanView[];
  /** Where the confirmation posts, with the same fields as the refused post. */
  action: string;
  /** Hidden copies of what was posted: the confirmation saves exactly what was checked, not a later edit. */
  values: Record<string, string>;
  button: 'saveAnyway' | 'deleteAnyway' | 'loadAnyway';
}

export function OrphanList(props: { page: StaffPage; confirm: OrphanConfirmation }) {
  const { page, confirm } = props;
  const t = agendasMessages(page.lang);
  const zone = page.center.timeZone;
  const severalProfessionals = new Set(confirm.orphans.map((o) => o.professional.id)).size > 1;
  return (
    <section class="orphans" aria-labelledby="orphans-title">
      <h2 id="orphans-title">{t('orphansTitle')}</h2>
      <p>{t('orphansIntro')}</p>
      <div class="table-wrap">
        <table class="dense">
          <thead>
            <tr>
              <th scope="col">{t('date')}</th>
              <th scope="col">{t('time')}</th>
              <th scope="col">{t('patient')}</th>
              <th scope="col">{t('dni')}</th>
              <th scope="col">{t('mobile')}</th>
              {severalProfessionals && <th scope="col">{t('professional')}</th>}
              <th scope="col">{t('service')}</th>
            </tr>
          </thead>
          <tbody>
            {confirm.orphans.map((o) => {
              const ms = Date.parse(o.start);
              return (
                <tr key={o.id}>
                  <th scope="row">{formatDay(page.lang, zone, ms)}</th>
                  <td>
                    {formatTime(page.lang, zone, ms)}
                    {o.overbook && ` (${t('overbook')})`}
                  </td>
                  <td>
                    {o.patient.lastName} {o.patient.firstName}
                  </td>
                  <td>{o.patient.dni}</td>
                  <td>{o.patient.mobile ?? t('none')}</td>
                  {severalProfessionals && <td>{o.professional.fullName}</td>}
                  <td>{o.specialty?.name ?? o.study?.name ?? t('none')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <form method="post" action={confirm.action}>
        <Csrf page={page} />
        <HiddenFields values={confirm.values} />
        <input type="hidden" name="confirmar" value="1" />
        <button type="submit" class="danger">
          {t(confirm.button)}
        </button>
      </form>
    </section>
  );
}
