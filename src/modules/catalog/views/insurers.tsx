// TURNOS WEB → Obras sociales activadas: the list (enabled first, then those disabled for the web) and the
// "Modificar activación" form.
import type { StaffPage } from '../../../views/page.js';
import { RowLink } from '../../../views/staff-kit.js';
import { Field, type FormState } from '../../patients/views/form.js';
import type { insurerView } from '../catalog.service.js';
import { webCatalogMessages } from '../web-catalog.messages.js';
import { CheckField, FormPage, TextAreaField } from './admin-fields.js';
import { CatalogListPage } from './catalog-list.js';

export type InsurerRow = ReturnType<typeof insurerView>;
export const INSURERS = '/staff/web/obras-sociales';

export const insurerValues = (i?: InsurerRow): Record<string, string> => ({
  name: i?.name ?? '',
  webName: i?.webName ?? '',
  webEnabled: !i || i.webEnabled ? '1' : '',
  selfPay: i?.selfPay ? '1' : '',
  generalMessage: i?.generalMessage ?? '',
  bookingMessage: i?.bookingMessage ?? '',
});

export function InsurersPage(props: {
  page: StaffPage;
  insurers: InsurerRow[];
  flash?: string | undefined;
  changedId: number | null;
}) {
  const t = webCatalogMessages(props.page.lang);
  return (
    <CatalogListPage
      page={props.page}
      title={t('insTitle')}
      intro={t('insIntro')}
      flash={props.flash}
      newItem={{ href: `${INSURERS}/nueva`, label: t('insNew') }}
      headings={{ enabled: t('enabledHeading'), disabled: t('disabledHeading') }}
      rows={props.insurers}
      changedId={props.changedId}
      table={{
        empty: t('emptyList'),
        columns: [t('name'), t('webName'), t('insEnabledCol'), t('insGeneral'), t('insBooking')],
        name: (i) => i.name,
        cells: (i) => (
          <>
            <td>{i.webName}</td>
            <td>{i.webEnabled ? t('yes') : t('no')}</td>
            <td class="message">{i.generalMessage || t('none')}</td>
            <td class="message">{i.bookingMessage || t('none')}</td>
            <td>
              <RowLink href={`${INSURERS}/${i.id}`} label={t('editActivation')} row={i.name} />
            </td>
          </>
        ),
      }}
    />
  );
}

export function InsurerFormPage(props: {
  page: StaffPage;
  insurer: InsurerRow | null;
  form: FormState;
  alert?: string | undefined;
}) {
  const { page, form, insurer } = props;
  const t = webCatalogMessages(page.lang);
  const labels = {
    name: t('name'),
    webName: t('webName'),
    webEnabled: t('insWebEnabled'),
    selfPay: t('insSelfPay'),
    generalMessage: t('insGeneral'),
    bookingMessage: t('insBooking'),
  };
  return (
    <FormPage
      page={page}
      title={insurer ? t('insEditTitle', { name: insurer.name }) : t('insNew')}
      action={insurer ? `${INSURERS}/${insurer.id}` : `${INSURERS}/nueva`}
      form={form}
      labels={labels}
      alert={props.alert}
      submit={insurer ? t('save') : t('create')}
      back={{ href: INSURERS, label: t('back') }}
    >
      <CheckField name="webEnabled" label={labels.webEnabled} hint={t('insWebEnabledHint')} form={form} />
      <Field name="name" label={labels.name} form={form} autocomplete="off" />
      <Field
        name="webName"
        label={labels.webName}
        hint={t('webNameHint')}
        form={form}
        required={false}
        autocomplete="off"
      />
      <CheckField name="selfPay" label={labels.selfPay} hint={t('insSelfPayHint')} form={form} />
      <TextAreaField name="generalMessage" label={labels.generalMessage} hint={t('insGeneralHint')} form={form} />
      <TextAreaField name="bookingMessage" label={labels.bookingMessage} hint={t('insBookingHint')} form={form} />
    </FormPage>
  );
}
