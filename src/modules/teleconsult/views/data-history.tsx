// The "Historial de datos" tab of a patient's record.
import { formatStamp } from '../../../platform/calendar/format.js';
import type { StaffPage } from '../../../views/page.js';
import { Pager } from '../../../views/pager.js';
import { StaffLayout } from '../../../views/staff-layout.js';
import { PatientTabs } from '../../patients/views/patient-tabs.js';
import { dataHistoryMessages } from '../data-history.messages.js';
import { TRACKED_FIELDS } from '../data-history.repo.js';
import type { DataHistory } from '../data-history.service.js';

const FIELDS = new Set<string>(Object.values(TRACKED_FIELDS));

export function DataHistoryPage(props: { page: StaffPage; history: DataHistory }) {
  const { page, history } = props;
  const t = dataHistoryMessages(page.lang);
  const label = (field: string) => (FIELDS.has(field) ? t(field as 'last_name') : field);
  const value = (text: string) => (text === '' ? <span class="muted">{t('empty')}</span> : text);
  return (
    <StaffLayout page={page} title={`${history.patient.name} – ${t('title')}`}>
      <h1>{history.patient.name}</h1>
      <PatientTabs page={page} patientId={history.patient.id} current="history" />
      <h2>{t('title')}</h2>
      <p class="hint">{t('intro')}</p>
      {history.items.length === 0 ? (
        <p class="muted">{t('none')}</p>
      ) : (
        <div class="table-wrap">
          <table class="dense">
            <thead>
              <tr>
                <th scope="col">{t('when')}</th>
                <th scope="col">{t('field')}</th>
                <th scope="col">{t('before')}</th>
                <th scope="col">{t('after')}</th>
                <th scope="col">{t('who')}</th>
              </tr>
            </thead>
            <tbody>
              {history.items.map((item) => (
                <tr key={item.id}>
                  <td class="nowrap">{formatStamp(page.lang, page.center.timeZone, Date.parse(item.changedAt))}</td>
                  <td>{label(item.field)}</td>
                  <td>{value(item.oldText)}</td>
                  <td>{value(item.newText)}</td>
                  <td>{item.byPatient ? t('thePatient', { name: item.changedByName }) : item.changedByName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        lang={page.lang}
        page={history.page}
        pageSize={history.pageSize}
        total={history.total}
        href={(n) => `/staff/pacientes/${history.patient.id}/historial?pagina=${n}`}
      />
    </StaffLayout>
  );
}
