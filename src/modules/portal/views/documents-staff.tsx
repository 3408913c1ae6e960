// The "Documentos" tab of a patient's record in the back office: upload (type, turno, description, file), the list
// with view/download, and the delete confirmation.
import { formatStamp } from '../../../platform/calendar/format.js';
import { Csrf } from '../../../views/layout.js';
import type { StaffPage } from '../../../views/page.js';
import { Flash, RowLink, TableHead } from '../../../views/staff-kit.js';
import { StaffLayout } from '../../../views/staff-layout.js';
import { PatientTabs } from '../../patients/views/patient-tabs.js';
import { appointmentMessages, statusKey } from '../../scheduling/appointment.messages.js';
import { Details } from '../../scheduling/views/common.js';
import type { DocumentView } from '../documents.files.js';
import { documentsMessages } from '../documents.messages.js';
import { ACCEPT, CATEGORIES, DESCRIPTION_MAX, megabytes } from '../documents.rules.js';
import type { staffDocument, staffDocuments } from '../documents.staff.service.js';
import {
  categoryLabel,
  FileInput,
  fileSummary,
  SelectInput,
  TextInput,
  UploadErrors,
  type UploadForm,
  visitLabel,
} from './documents-parts.js';

export type StaffDocumentsData = Awaited<ReturnType<typeof staffDocuments>>;
type StaffDocumentData = Awaited<ReturnType<typeof staffDocument>>;

const base = (patientId: number) => `/staff/pacientes/${patientId}/documentos`;

function uploader(page: StaffPage, d: DocumentView): string {
  const t = documentsMessages(page.lang);
  return d.source === 'center' ? t('byCenter', { name: d.uploadedByName }) : t('byPatient', { name: d.uploadedByName });
}

export function StaffDocumentsPage(props: {
  page: StaffPage;
  data: StaffDocumentsData;
  form: UploadForm;
  maxBytes: number;
  flash?: string | undefined;
}) {
  const { page, data, form } = props;
  const t = documentsMessages(page.lang);
  const a = appointmentMessages(page.lang);
  const title = t('staffTitle', { name: data.patient.name });
  const here = base(data.patient.id);
  const max = megabytes(props.maxBytes).toLocaleString(page.lang === 'es' ? 'es-AR' : 'en');
  const labels = { category: t('category'), turno: t('turno'), description: t('description'), file: t('file') };
  return (
    <StaffLayout page={page} title={title}>
      <h1>{title}</h1>
      <PatientTabs page={page} patientId={data.patient.id} current="documents" />
      <Flash text={props.flash} />
      <p class="muted">{t('staffIntro')}</p>
      <h2 id="upload-title">{t('staffUploadTitle')}</h2>
      <UploadErrors lang={page.lang} form={form} labels={labels} />
      <form
        method="post"
        action={here}
        enctype="multipart/form-data"
        class="card admin-form"
        aria-labelledby="upload-title"
        novalidate
      >
        <Csrf page={page} />
        <SelectInput
          name="category"
          label={t('category')}
          form={form}
          options={[
            { value: '', label: t('chooseCategory') },
            ...CATEGORIES.map((c) => ({ value: c, label: categoryLabel(page.lang, c) })),
          ]}
        />
        <SelectInput
          name="turno"
          label={t('turno')}
          hint={t('turnoHint')}
          form={form}
          required={false}
          options={[
            { value: '', label: t('turnoNone') },
            ...data.turnos.map((turno) => ({
              value: String(turno.id),
              label: t('turnoOption', {
                when: formatStamp(page.lang, page.center.timeZone, turno.startMs),
                professional: turno.professional,
                status: a(statusKey(turno.status)),
              }),
            })),
          ]}
        />
        <TextInput name="description" label={t('description')} maxLength={DESCRIPTION_MAX} form={form} />
        <FileInput name="file" label={t('file')} hint={t('fileHint', { max })} accept={ACCEPT} form={form} />
        <button type="submit">{t('staffUpload')}</button>
      </form>
      <h2>{t('title')}</h2>
      {data.documents.length === 0 ? (
        <p class="muted">{t('staffEmpty')}</p>
      ) : (
        <div class="table-wrap">
          <table class="dense documents">
            <TableHead
              columns={[t('uploadedAt'), t('category'), t('description'), t('turno'), t('uploadedBy'), t('fileLabel')]}
              links={t('links')}
            />
            <tbody>
              {data.documents.map((d) => (
                <tr key={d.id}>
                  <td class="nowrap">{formatStamp(page.lang, page.center.timeZone, d.createdMs)}</td>
                  <td>{categoryLabel(page.lang, d.category)}</td>
                  <td>{d.description}</td>
                  <td>{d.appointment ? visitLabel(page, d.appointment) : '—'}</td>
                  <td>{uploader(page, d)}</td>
                  <td class="file">{fileSummary(page.lang, d)}</td>
                  <td class="row-actions">
                    <RowLink href={`${here}/${d.id}/ver`} label={t('view')} row={d.description} />{' '}
                    <RowLink href={`${here}/${d.id}/descargar`} label={t('download')} row={d.description} />{' '}
                    {d.canDelete && <RowLink href={`${here}/${d.id}/borrar`} label={t('delete')} row={d.description} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </StaffLayout>
  );
}

export function StaffDeleteDocumentPage(props: { page: StaffPage; document: StaffDocumentData }) {
  const { page, document: d } = props;
  const t = documentsMessages(page.lang);
  const here = base(d.patientId);
  return (
    <StaffLayout page={page} title={t('deleteTitle')}>
      <h1>{t('deleteTitle')}</h1>
      <PatientTabs page={page} patientId={d.patientId} current="documents" />
      <p class="notice">{t('deleteConfirm', { description: d.description || d.fileName })}</p>
      <Details
        rows={[
          [t('category'), categoryLabel(page.lang, d.category)],
          [t('turno'), visitLabel(page, d.appointment)],
          [t('uploadedBy'), uploader(page, d)],
          [t('uploadedAt'), formatStamp(page.lang, page.center.timeZone, d.createdMs)],
          [t('fileLabel'), fileSummary(page.lang, d)],
        ]}
      />
      <form method="post" action={`${here}/${d.id}/borrar`} class="actions">
        <Csrf page={page} />
        <button type="submit" class="danger">
          {t('deleteButton')}
        </button>
        <a class="button secondary" href={here}>
          {t('cancel')}
        </a>
      </form>
    </StaffLayout>
  );
}
