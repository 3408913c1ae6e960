// Moving a turno to another free slot, and the confirmation before cancelling one.
import { formatCivilDay } from '../../../platform/calendar/format.js';
import { Csrf } from '../../../views/layout.js';
import type { StaffPage } from '../../../views/page.js';
import { StaffLayout } from '../../../views/staff-layout.js';
import type { patientView } from '../../patients/patients.service.js';
import { Alert } from '../../patients/views/form.js';
import { appointmentMessages } from '../appointment.messages.js';
import type { AppointmentView } from '../appointment.view.js';
import { deskMessages } from '../desk.messages.js';
import { type DeskFilter, deskLink } from '../desk.params.js';
import type { Service } from '../slots.rules.js';
import { Details } from './common.js';
import { FilterFields, patientName, timeOf } from './desk-parts.js';

export interface TurnoDetails {
  turno: AppointmentView;
  patient: ReturnType<typeof patientView>;
  professional: { id: number; name: string };
  service: Service;
  serviceName: string;
}

export interface MoveProps {
  page: StaffPage;
  filter: DeskFilter;
  details: TurnoDetails;
  /** The date and professional whose free slots are listed. */
  date: string;
  professionalId: number;
  professionals: { value: string; label: string }[];
  slots: { start: string; end: string }[];
  /** The slot posted, kept checked when the move is refused. */
  chosen?: string | undefined;
  alert?: string | undefined;
}

function TurnoSummary(props: { page: StaffPage; details: TurnoDetails }) {
  const { page, details } = props;
  const t = deskMessages(page.lang);
  const a = appointmentMessages(page.lang);
  const { turno, patient } = details;
  const when = `${formatCivilDay(page.lang, turno.start.slice(0, 10))} ${timeOf(page.lang, page.center.timeZone, turno.start)}`;
  return (
    <Details
      rows={[
        [t('patient'), `${patientName(patient)} (${t('dni')} ${patient.dni})`],
        [t('professional'), details.professional.name],
        [a('day'), when],
        [t('service'), details.serviceName],
        [t('status'), a(`status_${turno.status}`)],
      ]}
    />
  );
}

export function MovePage(props: MoveProps) {
  const { page, details, filter } = props;
  const t = deskMessages(page.lang);
  const a = appointmentMessages(page.lang);
  const zone = page.center.timeZone;
  const action = `/staff/turnos/${details.turno.id}/reprogramar`;
  const proName = props.professionals.find((p) => p.value === String(props.professionalId))?.label ?? '';
  const reserved = details.turno.status === 'reserved';
  return (
    <StaffLayout page={page} title={t('moveTitle')}>
      <h1>{t('moveTitle')}</h1>
      <h2>{t('current')}</h2>
      <TurnoSummary page={page} details={details} />
      {props.alert && <Alert>{props.alert}</Alert>}
      {!reserved ? (
        <p class="notice">{t('cannotMove', { status: a(`status_${details.turno.status}`) })}</p>
      ) : (
        <>
          <h2>{t('moveTo')}</h2>
          <form method="get" action={action} class="filters">
            <FilterFields filter={filter} />
            <label>
              {t('newDate')} <input type="date" name="nuevaFecha" value={props.date} required />
            </label>
            <label>
              {t('newProfessional')}
              <select name="nuevoProfesional">
                {props.professionals.map((p) => (
                  <option key={p.value} value={p.value} selected={p.value === String(props.professionalId)}>
                    {p.label}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" class="secondary">
              {t('seeSlots')}
            </button>
          </form>
          {props.slots.length === 0 ? (
            <p class="info">{t('noFreeSlots')}</p>
          ) : (
            <form method="post" action={action}>
              <Csrf page={page} />
              <FilterFields filter={filter} />
              <input type="hidden" name="nuevoProfesional" value={String(props.professionalId)} />
              <input type="hidden" name="nuevaFecha" value={props.date} />
              <fieldset>
                <legend>{t('freeSlots', { day: formatCivilDay(page.lang, props.date), professional: proName })}</legend>
                <p class="hint">{t('moveToHint')}</p>
                <ul class="slot-choices">
                  {props.slots.map((s) => (
                    <li key={s.start}>
                      <label>
                        <input type="radio" name="inicio" value={s.start} checked={s.start === props.chosen} required />
                        {timeOf(page.lang, zone, s.start)}
                      </label>
                    </li>
                  ))}
                </ul>
              </fieldset>
              <button type="submit">{t('confirmMove')}</button>
            </form>
          )}
        </>
      )}
      <p>
        <a href={deskLink(filter)}>{t('back')}</a>
      </p>
    </StaffLayout>
  );
}

export function CancelPage(props: {
  page: StaffPage;
  filter: DeskFilter;
  details: TurnoDetails;
  alert?: string | undefined;
}) {
  const { page, details, filter } = props;
  const t = deskMessages(page.lang);
  const { turno } = details;
  const question = t('cancelQuestion', {
    day: formatCivilDay(page.lang, turno.start.slice(0, 10)),
    time: timeOf(page.lang, page.center.timeZone, turno.start),
    patient: patientName(details.patient),
    professional: details.professional.name,
  });
  return (
    <StaffLayout page={page} title={t('cancelTitle')}>
      <h1>{t('cancelTitle')}</h1>
      {props.alert && <Alert>{props.alert}</Alert>}
      <p>
        <strong>{question}</strong>
      </p>
      <TurnoSummary page={page} details={details} />
      <p>{t('cancelNote')}</p>
      <form method="post" action={`/staff/turnos/${turno.id}/cancelar`} class="actions">
        <Csrf page={page} />
        <FilterFields filter={filter} />
        <button type="submit" class="danger">
          {t('confirmCancel')}
        </button>
        <a class="button secondary" href={deskLink(filter)}>
          {t('keep')}
        </a>
      </form>
    </StaffLayout>
  );
}
