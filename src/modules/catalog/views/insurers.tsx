// TURNOS WEB → Obras sociales activadas: the list (enabled first, then those disabled for the web) and the
// "Modificar activación" form.
import type { StaffPage } from '../../../views/page.js';
import { StaffLayout } from '../../../views/staff-layout.js';
import { Field, type FormState } from '../../patients/views/form.js';
import type { insurerView } from '../catalog.service.js';
import { webCatalogMessages } from '../web-catalog.messages.js';
import { CheckField, Flash, FormPage, rowMark, TextAreaField } from './admin-fields.js';

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

function InsurerTable(props: { page: StaffPage; rows: InsurerRow[]; changedId: number | null; caption: string }) {
  const t = webCatalogMessages(props.page.lang);
  if (props.rows.length === 0) return <p class="muted">{t('emptyList')}</p>;
  return (
    <div class="table-wrap">
      <table class="dense">
        <caption class="sr-only">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('name')}</th>
            <th scope="col">{t('webName')}</th>
            <th scope="col">{t('insEnabledCol')}</th>
            <th scope="col">{t('insGeneral')}</th>
            <th scope="col">{t('insBooking')}</th>
            <th scope="col">
              <span class="sr-only">{t('actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((i) => (
            <tr key={i.id} {...rowMark(i.id, props.changedId)}>
              <th scope="row">
                {i.name}
                {i.id === props.changedId && <span class="tag">{t('justChanged')}</span>}
              </th>
              <td>{i.webName}</td>
              <td>{i.webEnabled ? t('yes') : t('no')}</td>
              <td class="message">{i.generalMessage || t('none')}</td>
              <td class="message">{i.bookingMessage || t('none')}</td>
              <td>
                <a href={`${INSURERS}/${i.id}`}>
                  {t('editActivation')}
                  <span class="sr-only"> {i.name}</span>
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function InsurersPage(props: {
  page: StaffPage;
  insurers: InsurerRow[];
  flash?: string | undefined;
  changedId: number | null;
}) {
  const { page } = props;
  const t = webCatalogMessages(page.lang);
  const enabled = props.insurers.filter((i) => i.webEnabled);
  const disabled = props.insurers.filter((i) => !i.webEnabled);
  return (
    <StaffLayout page={page} title={t('insTitle')}>
      <h1>{t('insTitle')}</h1>
      <p class="muted">{t('insIntro')}</p>
      <Flash text={props.flash} />
      <p>
        <a class="button" href={`${INSURERS}/nueva`}>
          {t('insNew')}
        </a>
      </p>
      <h2>{t('enabledHeading')}</h2>
      <InsurerTable page={page} rows={enabled} changedId={props.changedId} caption={t('enabledHeading')} />
      <h2>{t('disabledHeading')}</h2>
      <InsurerTable page={page} rows={disabled} changedId={props.changedId} caption={t('disabledHeading')} />
    </StaffLayout>
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
