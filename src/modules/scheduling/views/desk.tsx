// The Pantalla de turnos: one day of one professional (or of a specialty), slot by slot, dense enough for a
// desk screen and printable as the day's list.
import { formatCivilDay } from '../../../platform/calendar/format.js';
import { addDays } from '../../../platform/time/zone.js';
import type { StaffPage } from '../../../views/page.js';
import { Flash } from '../../../views/staff-kit.js';
import { StaffLayout } from '../../../views/staff-layout.js';
import { Alert } from '../../patients/views/form.js';
import { appointmentMessages } from '../appointment.messages.js';
import { deskMessages } from '../desk.messages.js';
import { type AgendaChoice, agendaValue, type DeskFilter, deskLink } from '../desk.params.js';
import { RowActions } from './desk-actions.js';
import { type DayAgenda, type Named, type ProfessionalDay, patientName, type Turno, timeOf } from './desk-parts.js';
import { TeleconsultMark } from './desk-teleconsult-marks.js';

export interface DeskProps {
  page: StaffPage;
  filter: DeskFilter;
  today: string;
  professionals: Named[];
  specialties: Named[];
  day: DayAgenda | null;
  /** Reception and admin give, move and cancel turnos; a professional only marks attendance. */
  canBook: boolean;
  /** The teleconsultation turnos whose conformity is recorded: its id and time. */
  conformities?: ReadonlyMap<number, { id: number; time: string }> | undefined;
  flash?: string | undefined;
  alert?: string | undefined;
}

function FilterBar(props: DeskProps) {
  const { page, filter } = props;
  const t = deskMessages(page.lang);
  const chosen = filter.agenda ? agendaValue(filter.agenda) : '';
  const option = (a: AgendaChoice, name: string) => (
    <option value={agendaValue(a)} selected={agendaValue(a) === chosen}>
      {name}
    </option>
  );
  const day = (date: string) => deskLink({ ...filter, date });
  return (
    <div class="desk-bar no-print">
      <form method="get" action="/staff/turnos" class="filters">
        <label>
          {t('date')} <input type="date" name="fecha" value={filter.date} required />
        </label>
        <label>
          {t('agenda')}
          <select name="agenda" required>
            <option value="">{t('chooseAgenda')}</option>
            <optgroup label={t('professionals')}>
              {props.professionals.map((p) => option({ kind: 'professional', id: p.id }, p.name))}
            </optgroup>
            {props.specialties.length > 0 && (
              <optgroup label={t('specialties')}>
                {props.specialties.map((s) => option({ kind: 'specialty', id: s.id }, s.name))}
              </optgroup>
            )}
          </select>
        </label>
        <button type="submit">{t('show')}</button>
      </form>
      <p class="actions">
        <a class="button secondary" href={day(addDays(filter.date, -1))}>
          ← {t('previousDay')}
        </a>
        <a
          class="button secondary"
          href={day(props.today)}
          aria-current={filter.date === props.today ? 'date' : undefined}
        >
          {t('today')}
        </a>
        <a class="button secondary" href={day(addDays(filter.date, 1))}>
          {t('nextDay')} →
        </a>
        <button type="button" class="secondary" data-print>
          {t('print')}
        </button>
      </p>
    </div>
  );
}

function TurnoCells(props: {
  page: StaffPage;
  turno: Turno | null;
  conformity?: { id: number; time: string } | undefined;
}) {
  const { page, turno } = props;
  const t = deskMessages(page.lang);
  const a = appointmentMessages(page.lang);
  if (!turno) return <td colSpan={6} />;
  const service = turno.specialty?.name ?? turno.study?.name ?? '';
  return (
    <>
      <td class="patient">
        {patientName(turno.patient)}
        <br />
        <span class="muted">
          {t('dni')} {turno.patient.dni}
        </span>
      </td>
      <td>{turno.insurer?.name ?? a('noInsurer')}</td>
      <td>{service}</td>
      <td>
        {turno.origin === 'web' ? (
          <abbr class="badge web" title={t('webLong')}>
            {t('web')}
          </abbr>
        ) : (
          <span class="muted">{t('staffOrigin')}</span>
        )}
      </td>
      <td>
        <span class={`status ${turno.status}`}>{a(`status_${turno.status}`)}</span>
        {turno.confirmedAt && turno.status === 'reserved' && (
          <>
            {' '}
            <span class="badge confirmed" title={t('confirmedLong')}>
              {t('confirmed')}
            </span>
          </>
        )}
        <TeleconsultMark page={page} turno={turno} conformity={props.conformity} />
      </td>
      <td class="reason">{turno.reason}</td>
    </>
  );
}

function ProfessionalAgenda(props: DeskProps & { pro: ProfessionalDay }) {
  const { page, pro } = props;
  const t = deskMessages(page.lang);
  const a = appointmentMessages(page.lang);
  const zone = page.center.timeZone;
  const headingId = `agenda-${pro.professional.id}`;
  const services = [...pro.professional.specialties, ...pro.professional.studies].map((s) => s.name).join(', ');
  return (
    <section class="desk-day" aria-labelledby={headingId}>
      <h2 id={headingId} class="desk-pro">
        {pro.professional.fullName} {services && <span class="muted">· {services}</span>}
      </h2>
      {pro.exceptions.map((e) => (
        <p class="info" key={`${e.kind}-${e.fromTime}-${e.reason}`}>
          <strong>{t(`exception_${e.kind}`)}</strong>{' '}
          {e.fromTime && e.toTime ? t('fromTo', { from: e.fromTime, to: e.toTime }) : t('allDay')}
          {e.centerWide && ` ${t('centerWide')}`}
          {e.reason && `: ${e.reason}`}
        </p>
      ))}
      {pro.rows.length === 0 ? (
        <p class="muted">{t('noAgenda')}</p>
      ) : (
        <>
          <p class="muted">{t('counts', pro.counts)}</p>
          <div class="table-wrap">
            <table class="dense desk">
              <caption class="sr-only">{pro.professional.fullName}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('time')}</th>
                  <th scope="col">{t('state')}</th>
                  <th scope="col">{t('patient')}</th>
                  <th scope="col">{t('insurer')}</th>
                  <th scope="col">{t('service')}</th>
                  <th scope="col">{t('origin')}</th>
                  <th scope="col">{t('status')}</th>
                  <th scope="col">{t('reason')}</th>
                  <th scope="col" class="no-print">
                    {t('actions')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {pro.rows.map((row) => (
                  <tr
                    key={`${row.start}-${row.kind}-${row.turno?.id ?? ''}`}
                    class={`row-${row.kind}${row.past ? ' past' : ''}`}
                    id={row.turno ? `turno-${row.turno.id}` : undefined}
                  >
                    <th scope="row" class="time">
                      {timeOf(page.lang, zone, row.start)}
                    </th>
                    <td>
                      <span class={`kind ${row.kind}`}>{t(`kind_${row.kind}`)}</span>
                      {row.past && row.kind === 'free' && <span class="muted"> ({t('past')})</span>}
                    </td>
                    <TurnoCells
                      page={page}
                      turno={row.turno}
                      conformity={row.turno ? props.conformities?.get(row.turno.id) : undefined}
                    />
                    <td class="no-print actions-cell">
                      <RowActions
                        page={page}
                        filter={props.filter}
                        today={props.today}
                        canBook={props.canBook}
                        pro={pro}
                        row={row}
                        conformity={row.turno ? props.conformities?.get(row.turno.id) : undefined}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {pro.cancelled.length > 0 && (
        <div class="cancelled">
          <h3>
            {t('cancelledTitle')} ({pro.cancelled.length})
          </h3>
          <table class="dense">
            <thead>
              <tr>
                <th scope="col">{t('time')}</th>
                <th scope="col">{t('patient')}</th>
                <th scope="col">{t('status')}</th>
              </tr>
            </thead>
            <tbody>
              {pro.cancelled.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{timeOf(page.lang, zone, c.start)}</th>
                  <td>
                    {patientName(c.patient)} <span class="muted">({c.patient.dni})</span>
                  </td>
                  <td>
                    <span class="status cancelled">{a('status_cancelled')}</span>{' '}
                    {c.cancelledBy && <span class="muted">{t('cancelledBy', { who: c.cancelledBy })}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function DeskPage(props: DeskProps) {
  const { page, filter, day } = props;
  const t = deskMessages(page.lang);
  const dayText = formatCivilDay(page.lang, filter.date);
  return (
    <StaffLayout page={page} title={t('title')}>
      <h1>{t('titleOf', { day: dayText })}</h1>
      <Flash text={props.flash} />
      {props.alert && <Alert>{props.alert}</Alert>}
      <FilterBar {...props} />
      {day === null ? (
        <p class="info">{t('choosePrompt')}</p>
      ) : day.professionals.length === 0 ? (
        <p class="info">{t('nobody')}</p>
      ) : (
        <>
          {day.professionals.map((pro) => (
            <ProfessionalAgenda key={pro.professional.id} {...props} pro={pro} />
          ))}
          <p class="muted">{t('generatedAt', { time: timeOf(page.lang, page.center.timeZone, day.generatedAt) })}</p>
        </>
      )}
    </StaffLayout>
  );
}
