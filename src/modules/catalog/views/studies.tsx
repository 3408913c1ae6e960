// TURNOS WEB → ABM estudios: the list, the new/edit form (name, indication, web) and the delete confirmation.
import { Csrf } from '../../../views/layout.js';
import type { StaffPage } from '../../../views/page.js';
import { StaffLayout } from '../../../views/staff-layout.js';
import { Alert, Field, type FormState } from '../../patients/views/form.js';
import type { studyView } from '../catalog.service.js';
import { webCatalogMessages } from '../web-catalog.messages.js';
import { CheckField, Flash, FormPage, rowMark, TextAreaField } from './admin-fields.js';

export type StudyRow = ReturnType<typeof studyView>;
export const STUDIES = '/staff/web/estudios';

export const studyValues = (s?: StudyRow): Record<string, string> => ({
  name: s?.name ?? '',
  indication: s?.indication ?? '',
  webEnabled: !s || s.webEnabled ? '1' : '',
});

function StudyTable(props: { page: StaffPage; rows: StudyRow[]; changedId: number | null; caption: string }) {
  const t = webCatalogMessages(props.page.lang);
  if (props.rows.length === 0) return <p class="muted">{t('stuEmpty')}</p>;
  return (
    <div class="table-wrap">
      <table class="dense">
        <caption class="sr-only">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('stuName')}</th>
            <th scope="col">{t('stuIndication')}</th>
            <th scope="col">{t('stuEnabledCol')}</th>
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
              <td class="message">{s.indication || t('none')}</td>
              <td>{s.webEnabled ? t('yes') : t('no')}</td>
              <td class="row-actions">
                <a href={`${STUDIES}/${s.id}`}>
                  {t('stuEdit')}
                  <span class="sr-only"> {s.name}</span>
                </a>
                <a href={`${STUDIES}/${s.id}/borrar`}>
                  {t('stuDelete')}
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

export function StudiesPage(props: {
  page: StaffPage;
  studies: StudyRow[];
  flash?: string | undefined;
  changedId: number | null;
}) {
  const { page } = props;
  const t = webCatalogMessages(page.lang);
  return (
    <StaffLayout page={page} title={t('stuTitle')}>
      <h1>{t('stuTitle')}</h1>
      <p class="muted">{t('stuIntro')}</p>
      <Flash text={props.flash} />
      <p>
        <a class="button" href={`${STUDIES}/nuevo`}>
          {t('stuNew')}
        </a>
      </p>
      <h2>{t('stuEnabledHeading')}</h2>
      <StudyTable
        page={page}
        rows={props.studies.filter((s) => s.webEnabled)}
        changedId={props.changedId}
        caption={t('stuEnabledHeading')}
      />
      <h2>{t('stuDisabledHeading')}</h2>
      <StudyTable
        page={page}
        rows={props.studies.filter((s) => !s.webEnabled)}
        changedId={props.changedId}
        caption={t('stuDisabledHeading')}
      />
    </StaffLayout>
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
