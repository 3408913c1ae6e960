// TURNOS WEB → Profesionales activados: the list (enabled first, then those disabled for the web), the
// "Modificar activación" form and "Nuevo profesional".
import type { StaffPage } from '../../../views/page.js';
import { RowLink } from '../../../views/staff-kit.js';
import { Field, type FormState } from '../../patients/views/form.js';
import type { professionalView } from '../catalog.service.js';
import { webCatalogMessages } from '../web-catalog.messages.js';
import { CheckField, ChecklistField, type CheckOption, FormPage, TextAreaField } from './admin-fields.js';
import { CatalogListPage } from './catalog-list.js';
import { SPECIALTIES } from './specialties.js';

export type ProfessionalRow = ReturnType<typeof professionalView>;
export const PROFESSIONALS = '/staff/web/profesionales';

export const professionalValues = (p?: ProfessionalRow): Record<string, string> => ({
  lastName: p?.lastName ?? '',
  firstName: p?.firstName ?? '',
  licenceNumber: p?.licenceNumber ?? '',
  email: p?.email ?? '',
  webEnabled: !p || p.webEnabled ? '1' : '',
  generalMessage: p?.generalMessage ?? '',
  bookingMessage: p?.bookingMessage ?? '',
  maxDaysAhead: p ? String(p.maxDaysAhead) : '',
});

/** Names of a professional's specialties or studies, from the catalog's id → name. */
const namesOf = (ids: number[], names: Map<number, string>) =>
  ids
    .map((id) => names.get(id))
    .filter(Boolean)
    .join(', ');

export function ProfessionalsPage(props: {
  page: StaffPage;
  professionals: ProfessionalRow[];
  specialtyNames: Map<number, string>;
  studyNames: Map<number, string>;
  flash?: string | undefined;
  changedId: number | null;
}) {
  const t = webCatalogMessages(props.page.lang);
  return (
    <CatalogListPage
      page={props.page}
      title={t('proTitle')}
      intro={t('proIntro')}
      flash={props.flash}
      newItem={{ href: `${PROFESSIONALS}/nuevo`, label: t('proNew') }}
      headings={{ enabled: t('proEnabledHeading'), disabled: t('proDisabledHeading') }}
      rows={props.professionals}
      changedId={props.changedId}
      table={{
        empty: t('proEmpty'),
        columns: [t('proCol'), t('proEnabledCol'), t('attends'), t('maxDaysCol'), t('proGeneral'), t('proBooking')],
        name: (p) => (
          <>
            {p.fullName}
            {p.licenceNumber && <span class="muted nowrap"> · {p.licenceNumber}</span>}
          </>
        ),
        cells: (p) => (
          <>
            <td>{p.webEnabled ? t('yes') : t('no')}</td>
            <td>
              <span class="muted">{t('specialties')}:</span>{' '}
              {namesOf(p.specialtyIds, props.specialtyNames) || t('none')}
              <br />
              <span class="muted">{t('studies')}:</span> {namesOf(p.studyIds, props.studyNames) || t('none')}
            </td>
            <td class="number">{p.maxDaysAhead}</td>
            <td class="message">{p.generalMessage || t('none')}</td>
            <td class="message">{p.bookingMessage || t('none')}</td>
            <td class="row-actions">
              <RowLink href={`${PROFESSIONALS}/${p.id}`} label={t('editActivation')} row={p.fullName} />
              <RowLink href={`${PROFESSIONALS}/${p.id}/estudios`} label={t('studies')} row={p.fullName} />
              <RowLink href={`${PROFESSIONALS}/${p.id}/especialidades`} label={t('specialties')} row={p.fullName} />
            </td>
          </>
        ),
      }}
    />
  );
}

export function ProfessionalFormPage(props: {
  page: StaffPage;
  professional: ProfessionalRow;
  form: FormState;
  alert?: string | undefined;
}) {
  const { page, form, professional } = props;
  const t = webCatalogMessages(page.lang);
  const labels = {
    lastName: t('lastName'),
    firstName: t('firstName'),
    licenceNumber: t('licence'),
    email: t('proEmail'),
    webEnabled: t('proWebEnabled'),
    generalMessage: t('proGeneral'),
    bookingMessage: t('proBooking'),
    maxDaysAhead: t('maxDays'),
  };
  return (
    <FormPage
      page={page}
      title={t('proEditTitle', { name: professional.fullName })}
      action={`${PROFESSIONALS}/${professional.id}`}
      form={form}
      labels={labels}
      alert={props.alert}
      submit={t('save')}
      back={{ href: PROFESSIONALS, label: t('back') }}
      after={
        <p class="actions">
          <RowLink
            class="button secondary"
            href={`${PROFESSIONALS}/${professional.id}/estudios`}
            label={t('studies')}
            row={professional.fullName}
          />
          <RowLink
            class="button secondary"
            href={`${PROFESSIONALS}/${professional.id}/especialidades`}
            label={t('specialties')}
            row={professional.fullName}
          />
        </p>
      }
    >
      <fieldset>
        <legend>{t('proWebData')}</legend>
        <CheckField name="webEnabled" label={labels.webEnabled} hint={t('proWebEnabledHint')} form={form} />
        <TextAreaField name="generalMessage" label={labels.generalMessage} hint={t('proGeneralHint')} form={form} />
        <TextAreaField name="bookingMessage" label={labels.bookingMessage} hint={t('proBookingHint')} form={form} />
        <Field
          name="maxDaysAhead"
          label={labels.maxDaysAhead}
          hint={t('maxDaysHint')}
          type="number"
          inputMode="numeric"
          form={form}
          autocomplete="off"
        />
      </fieldset>
      <fieldset>
        <legend>{t('proData')}</legend>
        <Field name="lastName" label={labels.lastName} form={form} autocomplete="off" />
        <Field name="firstName" label={labels.firstName} form={form} autocomplete="off" />
        <Field
          name="licenceNumber"
          label={labels.licenceNumber}
          hint={t('licenceHint')}
          form={form}
          required={false}
          autocomplete="off"
        />
        <Field
          name="email"
          label={labels.email}
          hint={t('proEmailHint')}
          form={form}
          type="email"
          inputMode="email"
          required={false}
          autocomplete="off"
        />
      </fieldset>
    </FormPage>
  );
}

export function NewProfessionalPage(props: {
  page: StaffPage;
  specialties: CheckOption[];
  checked: ReadonlySet<string>;
  form: FormState;
  alert?: string | undefined;
}) {
  const { page, form } = props;
  const t = webCatalogMessages(page.lang);
  const labels = {
    lastName: t('lastName'),
    firstName: t('firstName'),
    licenceNumber: t('licence'),
    email: t('proEmail'),
    webEnabled: t('proWebEnabled'),
    specialtyIds: t('specialtiesLegend'),
  };
  return (
    <FormPage
      page={page}
      title={t('proNew')}
      intro={t('newProIntro')}
      action={`${PROFESSIONALS}/nuevo`}
      form={form}
      labels={labels}
      alert={props.alert}
      submit={t('create')}
      back={{ href: PROFESSIONALS, label: t('back') }}
    >
      <Field name="lastName" label={labels.lastName} form={form} autocomplete="off" />
      <Field name="firstName" label={labels.firstName} form={form} autocomplete="off" />
      <Field
        name="licenceNumber"
        label={labels.licenceNumber}
        hint={t('licenceHint')}
        form={form}
        required={false}
        autocomplete="off"
      />
      <Field
        name="email"
        label={labels.email}
        hint={t('proEmailHint')}
        form={form}
        type="email"
        inputMode="email"
        required={false}
        autocomplete="off"
      />
      <CheckField name="webEnabled" label={labels.webEnabled} hint={t('proWebEnabledHint')} form={form} />
      <ChecklistField
        name="specialtyIds"
        legend={labels.specialtyIds}
        options={props.specialties}
        checked={props.checked}
        form={form}
        empty={
          <p>
            {t('specialtiesNone')} <a href={SPECIALTIES}>{t('speTitle')}</a>.
          </p>
        }
      />
    </FormPage>
  );
}
