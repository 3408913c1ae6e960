// Documentos del paciente (/portal/documentos): upload with a description, the documents by visit, view, download,
// and deleting one's own uploads after a confirmation.
import { formatStamp } from '../../../platform/calendar/format.js';
import { Csrf, Layout } from '../../../views/layout.js';
import type { Page } from '../../../views/page.js';
import { Details, Done } from '../../scheduling/views/common.js';
import type { DocumentView } from '../documents.files.js';
import { documentsMessages } from '../documents.messages.js';
import { ACCEPT, DESCRIPTION_MAX, megabytes } from '../documents.rules.js';
import {
  byVisit,
  categoryLabel,
  FileInput,
  fileSummary,
  TextInput,
  UploadErrors,
  type UploadForm,
  visitLabel,
} from './documents-parts.js';
import { PortalNav } from './portal-nav.js';

const base = '/portal/documentos';

function DocumentCard(props: { page: Page; document: DocumentView }) {
  const { page, document: d } = props;
  const t = documentsMessages(page.lang);
  const headingId = `documento-${d.id}`;
  const own = d.source === 'patient';
  return (
    <li>
      <article class="card document" aria-labelledby={headingId}>
        <h3 id={headingId}>{d.description || d.fileName}</h3>
        <Details
          rows={[
            [t('category'), categoryLabel(page.lang, d.category)],
            [t('uploadedAt'), formatStamp(page.lang, page.center.timeZone, d.createdMs)],
            [t('uploadedBy'), own ? t('byYou') : t('byCenter', { name: d.uploadedByName })],
            [t('fileLabel'), fileSummary(page.lang, d)],
          ]}
        />
        <p class="actions">
          <a class="button secondary" href={`${base}/${d.id}/ver`}>
            {t('view')}
            <span class="sr-only">: {d.description}</span>
          </a>
          <a class="button secondary" href={`${base}/${d.id}/descargar`}>
            {t('download')}
            <span class="sr-only">: {d.description}</span>
          </a>
          {own && (
            <a class="button secondary" href={`${base}/${d.id}/borrar`}>
              {t('delete')}
              <span class="sr-only">: {d.description}</span>
            </a>
          )}
        </p>
      </article>
    </li>
  );
}

export function MyDocumentsPage(props: {
  page: Page;
  documents: DocumentView[];
  hasOlder: boolean;
  pageNumber: number;
  form: UploadForm;
  maxBytes: number;
  notice: string | null;
}) {
  const { page, form } = props;
  const t = documentsMessages(page.lang);
  const max = megabytes(props.maxBytes).toLocaleString(page.lang === 'es' ? 'es-AR' : 'en');
  return (
    <Layout page={page} title={t('title')}>
      <h1>{t('title')}</h1>
      <PortalNav page={page} />
      <Done message={props.notice} />
      <p>{t('intro')}</p>
      <section class="card narrow" aria-labelledby="upload-title">
        <h2 id="upload-title">{t('uploadTitle')}</h2>
        <UploadErrors lang={page.lang} form={form} labels={{ file: t('file'), description: t('description') }} />
        <form method="post" action={base} enctype="multipart/form-data" novalidate>
          <Csrf page={page} />
          <FileInput name="file" label={t('file')} hint={t('fileHint', { max })} accept={ACCEPT} form={form} />
          <TextInput
            name="description"
            label={t('description')}
            hint={t('descriptionHint', { max: DESCRIPTION_MAX })}
            maxLength={DESCRIPTION_MAX}
            form={form}
          />
          <button type="submit">{t('upload')}</button>
        </form>
      </section>
      {props.documents.length === 0 && props.pageNumber === 1 && <p>{t('empty')}</p>}
      {byVisit(props.documents).map((group) => (
        <section key={group.key} aria-labelledby={`grupo-${group.key}`}>
          <h2 id={`grupo-${group.key}`}>{visitLabel(page, group.appointment)}</h2>
          <ul class="documents">
            {group.items.map((d) => (
              <DocumentCard key={d.id} page={page} document={d} />
            ))}
          </ul>
        </section>
      ))}
      <p class="actions">
        {props.pageNumber > 1 && (
          <a href={props.pageNumber > 2 ? `${base}?pagina=${props.pageNumber - 1}` : base}>‹ {t('newer')}</a>
        )}
        {props.hasOlder && <a href={`${base}?pagina=${props.pageNumber + 1}`}>{t('older')} ›</a>}
      </p>
    </Layout>
  );
}

export function DeleteMyDocumentPage(props: { page: Page; document: DocumentView }) {
  const { page, document: d } = props;
  const t = documentsMessages(page.lang);
  return (
    <Layout page={page} title={t('deleteTitle')}>
      <h1>{t('deleteTitle')}</h1>
      <PortalNav page={page} />
      <p>{t('deleteConfirm', { description: d.description || d.fileName })}</p>
      <Details
        rows={[
          [t('category'), categoryLabel(page.lang, d.category)],
          [t('uploadedAt'), formatStamp(page.lang, page.center.timeZone, d.createdMs)],
          [t('fileLabel'), fileSummary(page.lang, d)],
        ]}
      />
      <form method="post" action={`${base}/${d.id}/borrar`} class="actions">
        <Csrf page={page} />
        <button type="submit" class="danger">
          {t('deleteButton')}
        </button>
        <a class="button secondary" href={base}>
          {t('cancel')}
        </a>
      </form>
    </Layout>
  );
}
