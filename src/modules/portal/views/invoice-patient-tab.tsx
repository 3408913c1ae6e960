// The Facturas tab of a patient's record: their invoices, and the past turnos still without one ("Facturar").
import { formatStamp } from '../../../platform/calendar/format.js';
import type { StaffPage } from '../../../views/page.js';
import { RowLink, TableHead } from '../../../views/staff-kit.js';
import { StaffLayout } from '../../../views/staff-layout.js';
import { PatientTabs } from '../../patients/views/patient-tabs.js';
import type { patientInvoicesTab } from '../invoices.record.service.js';
import { invoiceStaffMessages } from '../invoices.staff.messages.js';
import { InvoiceRows } from './invoice-list.js';

type Tab = Awaited<ReturnType<typeof patientInvoicesTab>>;

export function PatientInvoicesPage(props: { page: StaffPage; tab: Tab }) {
  const { page, tab } = props;
  const s = invoiceStaffMessages(page.lang);
  const zone = page.center.timeZone;
  return (
    <StaffLayout page={page} title={`${tab.patient.name} – ${s('tabInvoices')}`}>
      <h1>{tab.patient.name}</h1>
      <PatientTabs page={page} patientId={tab.patient.id} current="invoices" />
      <h2>{s('tabInvoices')}</h2>
      <p>
        <a class="button" href={`/staff/portal/facturas/nueva?paciente=${tab.patient.id}`}>
          {s('newForPatient')}
        </a>
      </p>
      {tab.invoices.length === 0 ? (
        <p class="muted">{s('tabNone')}</p>
      ) : (
        <InvoiceRows page={page} invoices={tab.invoices} withPatient={false} />
      )}
      <h2>{s('pendingTurnos')}</h2>
      {tab.turnos.length === 0 ? (
        <p class="muted">{s('pendingNone')}</p>
      ) : (
        <div class="table-wrap">
          <table class="dense">
            <TableHead columns={[s('when'), s('professional'), s('service')]} links={s('links')} />
            <tbody>
              {tab.turnos.map((turno) => {
                const when = formatStamp(page.lang, zone, turno.startMs);
                return (
                  <tr key={turno.id}>
                    <td class="nowrap">{when}</td>
                    <td>{turno.professional}</td>
                    <td>{turno.service}</td>
                    <td>
                      <RowLink
                        class="button small"
                        href={`/staff/portal/facturas/nueva?turno=${turno.id}`}
                        label={s('invoiceTurno')}
                        row={`${when} ${turno.professional}`}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </StaffLayout>
  );
}
