// TURNOS WEB → Especialidades activadas: the list and the "Modificar activación" form (web enabled, web name).
import type { StaffPage } from '../../../views/page.js';
import { StaffLayout } from '../../../views/staff-layout.js';
import { Field, type FormState } from '../../patients/views/form.js';
import type { specialtyView } from '../catalog.service.js';
import { webCatalogMessages } from '../web-catalog.messages.js';
import { CheckField, Flash, FormPage, rowMark } from './admin-fields.js';

export type SpecialtyRow = ReturnType<typeof specialtyView>;
export const SPECIALTIES = '/staff/web/especialidades';

export const specialtyValues = (s?: SpecialtyRow): Record<string, string> => ({
  name: s?.name ?? '',
  webName: s?.webName ?? '',
  webEnabled: !s || s.webEnabled ? '1' : '',
});

function SpecialtyTable(props: { page: StaffPage; rows: SpecialtyRow[]; changedId: number | null; caption: string }) {
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
            <th scope="col">
              <span class="sr-only">{t('actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((s) => (
            <tr key={s.id} {...rowMark(s.id, props.changedId)}>
              <th scope="row">
                {s.name}
                {s.id === props.changedId && <span class="tag">{t('justChanged')}</span>}
              </th>
              <td>{s.webName}</td>
              <td>{s.webEnabled ? t('yes') : t('no')}</td>
              <td>
                <a href={`${SPECIALTIES}/${s.id}`}>
                  {t('editActivation')}
                  <span class="sr-only"> {s.name}</span>
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function SpecialtiesPage(props: {
  page: StaffPage;
  specialties: SpecialtyRow[];
  flash?: string | undefined;
  changedId: number | null;
}) {
  const { page } = props;
  const t = webCatalogMessages(page.lang);
  return (
    <StaffLayout page={page} title={t('speTitle')}>
      <h1>{t('speTitle')}</h1>
      <p class="muted">{t('speIntro')}</p>
      <Flash text={props.flash} />
      <p>
        <a class="button" href={`${SPECIALTIES}/nueva`}>
          {t('speNew')}
        </a>
      </p>
      <h2>{t('enabledHeading')}</h2>
      <SpecialtyTable
        page={page}
        rows={props.specialties.filter((s) => s.webEnabled)}
        changedId={props.changedId}
        caption={t('enabledHeading')}
      />
      <h2>{t('disabledHeading')}</h2>
      <SpecialtyTable
        page={page}
        rows={props.specialties.filter((s) => !s.webEnabled)}
        changedId={props.changedId}
        caption={t('disabledHeading')}
      />
    </StaffLayout>
  );
}

export function SpecialtyFormPage(props: {
  page: StaffPage;
  specialty: SpecialtyRow | null;
  form: FormState;
  alert?: string | undefined;
}) {
  const { page, form, specialty } = props;
  const t = webCatalogMessages(page.lang);
  const labels = { name: t('name'), webName: t('webName'), webEnabled: t('speWebEnabled') };
  return (
    <FormPage
      page={page}
      title={specialty ? t('speEditTitle', { name: specialty.name }) : t('speNew')}
      action={specialty ? `${SPECIALTIES}/${specialty.id}` : `${SPECIALTIES}/nueva`}
      form={form}
      labels={labels}
      alert={props.alert}
      submit={specialty ? t('save') : t('create')}
      back={{ href: SPECIALTIES, label: t('back') }}
    >
      <CheckField name="webEnabled" label={labels.webEnabled} hint={t('speWebEnabledHint')} form={form} />
      <Field name="name" label={labels.name} form={form} autocomplete="off" />
      <Field
        name="webName"
        label={labels.webName}
        hint={t('speWebNameHint')}
        form={form}
        required={false}
        autocomplete="off"
      />
    </FormPage>
  );
}
