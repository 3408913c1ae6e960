// TURNOS WEB → ABM estudios: the list, the new/edit form (name, indication, web) and the delete confirmation.
import { Csrf } from '../../../views/layout.js';
import type { StaffPage } from '../../../views/page.js';
import { RowLink } from '../../../views/staff-kit.js';
import { StaffLayout } from '../../../views/staff-layout.js';
import { Alert, Field, type FormState } from '../../patients/views/form.js';
import type { studyView } from '../catalog.service.js';
import { webCatalogMessages } from '../web-catalog.messages.js';
import { CheckField, FormPage, TextAreaField } from './admin-fields.js';
import { CatalogListPage } from './catalog-list.js';

export type StudyRow = ReturnType<typeof studyView>;
export const STUDIES = '/staff/web/estudios';

export const studyValues = (s?: StudyRow): Record<string, string> => ({
  name: s?.name ?? '',
  indication: s?.indication ?? '',
  webEnabled: !s || s.webEnabled ? '1' : '',
});

export function StudiesPage(props: {
  page: StaffPage;
  studies: StudyRow[];
  flash?: string | undefined;
  changedId: number | null;
}) {
  const t = webCatalogMessages(props.page.lang);
  return (
    <CatalogListPage
      page={props.page}
      title={t('stuTitle')}
      intro={t('stuIntro')}
      flash={props.flash}
      newItem={{ href: `${STUDIES}/nuevo`, label: t('stuNew') }}
      headings={{ enabled: t('stuEnabledHeading'), disabled: t('stuDisabledHeading') }}
      rows={props.studies}
      changedId={props.changedId}
      table={{
        empty: t('stuEmpty'),
        columns: [t('stuName'), t('stuIndication'), t('stuEnabledCol')],
        name: (s) => s.name,
        cells: (s) => (
          <>
            <td class="message">{s.indication || t('none')}</td>
            <td>{s.webEnabled ? t('yes') : t('no')}</td>
            <td class="row-actions">
              <RowLink href={`${STUDIES}/${s.id}`} label={t('stuEdit')} row={s.name} />
              <RowLink href={`${STUDIES}/${s.id}/borrar`} label={t('stuDelete')} row={s.name} />
            </td>
          </>
        ),
      }}
    />
  );
}

export function StudyFormPage(props: {
  page: StaffPage;
  study: StudyRow | null;
  form: FormState;
  alert?: string | undefined;
}) {
  const { page, form, study } = props;
  const t = webCatalogMessages(page.lang);
  const labels = { name: t('stuName'), indication: t('stuIndication'), webEnabled: t('stuWebEnabled') };
  return (
    <FormPage
      page={page}
      title={study ? t('stuEditTitle', { name: study.name }) : t('stuNew')}
      action={study ? `${STUDIES}/${study.id}` : `${STUDIES}/nuevo`}
      form={form}
      labels={labels}
      alert={props.alert}
      submit={study ? t('save') : t('create')}
      back={{ href: STUDIES, label: t('back') }}
    >
      <Field name="name" label={labels.name} form={form} autocomplete="off" />
      <TextAreaField name="indication" label={labels.indication} hint={t('stuIndicationHint')} form={form} />
      <CheckField name="webEnabled" label={labels.webEnabled} hint={t('stuWebEnabledHint')} form={form} />
    </FormPage>
  );
}

export function DeleteStudyPage(props: { page: StaffPage; study: StudyRow; alert?: string | undefined }) {
  const { page, study } = props;
  const t = webCatalogMessages(page.lang);
  const title = t('stuDeleteTitle', { name: study.name });
  return (
    <StaffLayout page={page} title={title}>
      <h1>{title}</h1>
      {props.alert ? (
        <>
          <Alert>{props.alert}</Alert>
          <p class="actions">
            {study.webEnabled && (
              <a class="button" href={`${STUDIES}/${study.id}`}>
                {t('stuDisableInstead')}
              </a>
            )}
            <a href={STUDIES}>{t('back')}</a>
          </p>
        </>
      ) : (
        <form method="post" action={`${STUDIES}/${study.id}/borrar`} class="card narrow">
          <Csrf page={page} />
          <p>{t('stuDeleteText')}</p>
          <p class="actions">
            <button type="submit" class="danger">
              {t('stuDeleteYes')}
            </button>
            <a href={STUDIES}>{t('stuDeleteNo')}</a>
          </p>
        </form>
      )}
    </StaffLayout>
  );
}
