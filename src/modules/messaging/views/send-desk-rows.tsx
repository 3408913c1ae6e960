// The list of a batch with the manual's columns (TuID, PacID, Env, Error, Paciente, E-mail/Celular, Obra
// social, Fecha, Hora, Profesional, Especialidad). Before sending each row has "Quitar"; after, its state.
import { formatCivilDay } from '../../../platform/calendar/format.js';
import { Csrf } from '../../../views/layout.js';
import type { StaffPage } from '../../../views/page.js';
import type { BatchView } from '../batches.service.js';
import type { BatchRowView } from '../batches.view.js';
import { formatMobile } from '../phone.rules.js';
import { type SendDeskT, sendDeskMessages } from '../send-desk.messages.js';
import { DESK_PATH } from './send-desk-form.js';

function StateCell(props: { t: SendDeskT; row: BatchRowView }) {
  const { t, row } = props;
  if (row.state === null) return <span class="status">{t('state_none')}</span>;
  return <span class={`status send-${row.state}`}>{t(`state_${row.state}`)}</span>;
}

function Row(props: { page: StaffPage; batch: BatchView; row: BatchRowView }) {
  const { page, batch, row } = props;
  const t = sendDeskMessages(page.lang);
  const draft = batch.status === 'draft';
  const error = draft ? row.lastError : row.stateError;
  const day = row.date ? `${formatCivilDay(page.lang, row.date)}/${row.date.slice(0, 4)}` : '';
  const which = [row.patientName, day, row.time].filter(Boolean).join(', ');
  return (
    <tr>
      <td class="number">{row.appointmentId ?? ''}</td>
      <td class="number">{row.patientId}</td>
      <td>{draft ? row.alreadySent ? t('yes') : t('no') : <StateCell t={t} row={row} />}</td>
      <td class="wrap-anywhere">{error}</td>
      <th scope="row">{row.patientName}</th>
      <td>{batch.channel === 'mail' ? row.recipient : formatMobile(row.recipient)}</td>
      <td>{row.insurerName ?? t('selfPay')}</td>
      <td class="nowrap">
        {day}
        {row.turnoStatus && row.turnoStatus !== 'reserved' && <span class="hint">{t(`turno_${row.turnoStatus}`)}</span>}
      </td>
      <td>{row.time}</td>
      <td>{row.professionalName}</td>
      <td>{row.serviceName}</td>
      {draft && (
        <td>
          <form method="post" action={`${DESK_PATH}/${batch.id}/quitar`} class="inline">
            <Csrf page={page} />
            <input type="hidden" name="fila" value={String(row.id)} />
            <input type="hidden" name="pagina" value={String(batch.page)} />
            <button type="submit" class="small secondary">
              {t('remove')}
              <span class="sr-only">: {which}</span>
            </button>
          </form>
        </td>
      )}
    </tr>
  );
}

export function RowsTable(props: { page: StaffPage; batch: BatchView }) {
  const { page, batch } = props;
  const t = sendDeskMessages(page.lang);
  const draft = batch.status === 'draft';
  const columns = [
    t('tuId'),
    t('pacId'),
    draft ? t('env') : t('status'),
    t('error'),
    t('patient'),
    batch.channel === 'mail' ? t('email') : t('mobile'),
    t('insurer'),
    t('date'),
    t('time'),
    t('professional'),
    t('specialty'),
  ];
  return (
    <div class="table-wrap">
      <table class="dense send-desk-list">
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
            {draft && (
              <th scope="col">
                <span class="sr-only">{t('rowActions')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {batch.rows.map((row) => (
            <Row key={row.id} page={page} batch={batch} row={row} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
