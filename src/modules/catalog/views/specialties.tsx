// TURNOS WEB → Especialidades activadas: the list and the "Modificar activación" form (web enabled, web name).
import type { StaffPage } from '../../../views/page.js';
import { RowLink } from '../../../views/staff-kit.js';
import { Field, type FormState } from '../../patients/views/form.js';
import type { specialtyView } from '../catalog.service.js';
import { webCatalogMessages } from '../web-catalog.messages.js';
import { CheckField, FormPage } from './admin-fields.js';
import { CatalogListPage } from './catalog-list.js';

export type SpecialtyRow = ReturnType<typeof specialtyView>;
export const SPECIALTIES = '/staff/web/especialidades';

export const specialtyValues = (s?: SpecialtyRow): Record<string, string> => ({
  name: s?.name ?? '',
  webName: s?.webName ?? '',
  webEnabled: !s || s.webEnabled ? '1' : '',
});

export function SpecialtiesPage(props: {
  page: StaffPage;
  specialties: SpecialtyRow[];
  flash?: string | undefined;
  changedId: number | null;
}) {
  const t = webCatalogMessages(props.page.lang);
  return (
    <CatalogListPage
      page={props.page}
      title={t('speTitle')}
      intro={t('speIntro')}
      flash={props.flash}
      newItem={{ href: `${SPECIALTIES}/nueva`, label: t('speNew') }}
      headings={{ enabled: t('enabledHeading'), disabled: t('disabledHeading') }}
      rows={props.specialties}
      changedId={props.changedId}
      table={{
        empty: t('emptyList'),
        columns: [t('name'), t('webName'), t('insEnabledCol')],
        name: (s) => s.name,
        cells: (s) => (
          <>
            <td>{s.webName}</td>
            <td>{s.webEnabled ? t('yes') : t('no')}</td>
            <td>
              <RowLink href={`${SPECIALTIES}/${s.id}`} label={t('editActivation')} row={s.name} />
            </td>
          </>
        ),
      }}
    />
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
