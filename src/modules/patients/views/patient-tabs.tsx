// The tabs on top of a patient's record in the back office: the record itself and what the portal holds.
import type { StaffPage } from '../../../views/page.js';
import { patientsStaffMessages } from '../patients.staff.messages.js';

type Tab = 'record' | 'documents' | 'questionnaires' | 'invoices' | 'history';

const TABS: [tab: Tab, suffix: string][] = [
  ['record', ''],
  ['documents', '/documentos'],
  ['questionnaires', '/cuestionarios'],
  ['invoices', '/facturas'],
  ['history', '/historial'],
];
/** A professional reaches a patient's documents and questionnaires, not the record's form or the invoices. */
const PROFESSIONAL_TABS: readonly Tab[] = ['documents', 'questionnaires'];

export function PatientTabs(props: { page: StaffPage; patientId: number; current: Tab }) {
  const t = patientsStaffMessages(props.page.lang);
  const label: Record<Tab, string> = {
    record: t('tabRecord'),
    documents: t('tabDocuments'),
    questionnaires: t('tabQuestionnaires'),
    invoices: t('tabInvoices'),
    history: t('tabHistory'),
  };
  return (
    <nav aria-label={t('tabs')} class="tabs">
      <ul class="menu">
        {TABS.filter(([tab]) => props.page.staff?.role !== 'professional' || PROFESSIONAL_TABS.includes(tab)).map(
          ([tab, suffix]) => (
            <li key={tab}>
              <a
                href={`/staff/pacientes/${props.patientId}${suffix}`}
                aria-current={props.current === tab ? 'page' : undefined}
              >
                {label[tab]}
              </a>
            </li>
          ),
        )}
      </ul>
    </nav>
  );
}
