// TURNOS WEB → Profesionales activados → "Estudios" (and "Especialidades"): a checkbox per study or
// specialty, ticked for what the professional does.
import type { StaffPage } from '../../../views/page.js';
import type { FormState } from '../../patients/views/form.js';
import { webCatalogMessages } from '../web-catalog.messages.js';
import { ChecklistField, type CheckOption, FormPage } from './admin-fields.js';
import { PROFESSIONALS, type ProfessionalRow } from './professionals.js';
import { SPECIALTIES } from './specialties.js';
import { STUDIES } from './studies.js';

/** The manual's "Estudios" button, and the same for specialties: tick exactly what the professional does. */
export function ServicesPage(props: {
  page: StaffPage;
  kind: 'studies' | 'specialties';
  professional: ProfessionalRow;
  options: CheckOption[];
  checked: ReadonlySet<string>;
  form: FormState;
  alert?: string | undefined;
}) {
  const { page, form, professional } = props;
  const t = webCatalogMessages(page.lang);
  const studies = props.kind === 'studies';
  const name = studies ? 'studyIds' : 'specialtyIds';
  const legend = studies ? t('studiesLegend') : t('specialtiesLegend');
  const base = `${PROFESSIONALS}/${professional.id}/${studies ? 'estudios' : 'especialidades'}`;
  return (
    <FormPage
      page={page}
      title={
        studies ? t('studiesOf', { name: professional.fullName }) : t('specialtiesOf', { name: professional.fullName })
      }
      intro={studies ? t('studiesIntro') : t('specialtiesIntro')}
      action={base}
      form={form}
      labels={{ [name]: legend }}
      alert={props.alert}
      submit={studies ? t('studiesSave') : t('specialtiesSave')}
      back={{ href: PROFESSIONALS, label: t('back') }}
    >
      <ChecklistField
        name={name}
        legend={legend}
        options={props.options}
        checked={props.checked}
        form={form}
        empty={
          <p>
            {studies ? t('studiesNone') : t('specialtiesNone')}{' '}
            <a href={studies ? STUDIES : SPECIALTIES}>{studies ? t('stuTitle') : t('speTitle')}</a>.
          </p>
        }
      />
    </FormPage>
  );
}
