// The actions of one row of the Pantalla de turnos: links to the forms that need a choice, small POST forms
// for attendance. Each accessible name says which slot or turno it acts on.
import type { VNode } from 'preact';
import { Csrf } from '../../../views/layout.js';
import type { StaffPage } from '../../../views/page.js';
import { RowLink } from '../../../views/staff-kit.js';
import { deskMessages } from '../desk.messages.js';
import { type DeskFilter, filterParams } from '../desk.params.js';
import { HiddenFields, link } from './common.js';
import { type ProfessionalDay, patientName, type Row, timeOf } from './desk-parts.js';
import { teleconsultActions } from './desk-teleconsult-marks.js';

/** A small POST form with one button; the rest of its accessible name says which turno it acts on. */
function ActionForm(props: {
  page: StaffPage;
  filter: DeskFilter;
  action: string;
  fields: Record<string, string>;
  label: string;
  about: string;
}) {
  return (
    <form method="post" action={props.action} class="inline">
      <Csrf page={props.page} />
      <HiddenFields values={{ ...filterParams(props.filter), ...props.fields }} />
      <button type="submit" class="small secondary">
        {props.label}
        <span class="sr-only"> ({props.about})</span>
      </button>
    </form>
  );
}

export function RowActions(props: {
  page: StaffPage;
  filter: DeskFilter;
  today: string;
  canBook: boolean;
  pro: ProfessionalDay;
  row: Row;
  conformity?: { id: number; time: string } | undefined;
}) {
  const { page, filter, row, pro } = props;
  const t = deskMessages(page.lang);
  const zone = page.center.timeZone;
  const time = timeOf(page.lang, zone, row.start);
  const turno = row.turno;
  const bookLink = (overbook: boolean) =>
    link('/staff/turnos/dar', {
      ...filterParams(filter),
      profesional: pro.professional.id,
      inicio: row.start,
      sobreturno: overbook ? '1' : undefined,
    });
  const slotName = t('bookFor', { time, professional: pro.professional.fullName });
  const links: VNode[] = [];
  // A free slot is given as a turno; a taken one can still take a sobreturno (offered last, it is the exception).
  if (props.canBook && !row.past && row.kind === 'free') {
    links.push(<RowLink key="book" class="button small" href={bookLink(false)} label={t('book')} row={slotName} />);
  }
  if (turno && turno.status !== 'cancelled') {
    const about = t('turnoOf', { time, patient: patientName(turno.patient) });
    const attendance = (estado: 'presente' | 'ausente', label: string) => (
      <ActionForm
        key={estado}
        page={page}
        filter={filter}
        action={`/staff/turnos/${turno.id}/asistencia`}
        fields={{ estado }}
        label={label}
        about={about}
      />
    );
    // The engine refuses attendance before the turno's day: no button that can only fail.
    if (filter.date <= props.today) {
      if (turno.status !== 'present') links.push(attendance('presente', t('present')));
      if (turno.status !== 'absent') links.push(attendance('ausente', t('absent')));
    }
    // Reports and images of this visit go in the patient's documents, tied to the turno (every role reaches them).
    links.push(
      <RowLink
        key="documents"
        class="button small secondary"
        href={link(`/staff/pacientes/${turno.patient.id}/documentos`, { turno: turno.id })}
        label={t('documents')}
        row={about}
      />,
    );
    links.push(
      ...teleconsultActions({
        page,
        filter,
        today: props.today,
        canBook: props.canBook,
        turno,
        about,
        conformity: props.conformity,
      }),
    );
    if (props.canBook && turno.status === 'reserved') {
      const params = filterParams(filter);
      links.push(
        <RowLink
          key="move"
          class="button small secondary"
          href={link(`/staff/turnos/${turno.id}/reprogramar`, params)}
          label={t('reschedule')}
          row={about}
        />,
        <RowLink
          key="cancel"
          class="button small danger"
          href={link(`/staff/turnos/${turno.id}/cancelar`, params)}
          label={t('cancel')}
          row={about}
        />,
      );
    }
  }
  if (props.canBook && !row.past && row.kind === 'taken') {
    links.push(
      <RowLink
        key="overbook"
        class="button small secondary"
        href={bookLink(true)}
        label={t('overbook')}
        row={slotName}
      />,
    );
  }
  return <div class="desk-actions">{links}</div>;
}
