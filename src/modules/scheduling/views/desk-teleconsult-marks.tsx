// What a teleconsultation turno adds to its desk row: the mark, the recorded conformity with its constancia,
// and the links to verify the patient's token and to set the turno's video call.
import type { VNode } from 'preact';
import type { StaffPage } from '../../../views/page.js';
import { RowLink } from '../../../views/staff-kit.js';
import { type DeskFilter, filterParams } from '../desk.params.js';
import { teleconsultTurnoMessages } from '../teleconsult-turno.messages.js';
import { link } from './common.js';
import type { Turno } from './desk-parts.js';

type Conformity = { id: number; time: string } | undefined;

const constanciaHref = (id: number) => `/staff/teleconsultas/constancias/${id}/pdf`;

export function TeleconsultMark(props: { page: StaffPage; turno: Turno; conformity: Conformity }) {
  const { turno, conformity } = props;
  if (!turno.teleconsult && !conformity) return null;
  const t = teleconsultTurnoMessages(props.page.lang);
  return (
    <>
      {turno.teleconsult && (
        <>
          {' '}
          <span class="badge teleconsult" title={t('badgeLong')}>
            {t('badge')}
          </span>
        </>
      )}
      {conformity && (
        <>
          <br />
          <a href={constanciaHref(conformity.id)} title={t('recordedLong')}>
            {t('recorded', { time: conformity.time })}
          </a>
        </>
      )}
    </>
  );
}

export function teleconsultActions(props: {
  page: StaffPage;
  filter: DeskFilter;
  today: string;
  canBook: boolean;
  turno: Turno;
  about: string;
  conformity: Conformity;
}): VNode[] {
  const { turno, about } = props;
  const t = teleconsultTurnoMessages(props.page.lang);
  const links: VNode[] = [];
  const open = turno.status === 'reserved' || turno.status === 'present';
  // The code is verified on the turno's day, as the verification requires.
  if (turno.teleconsult && !props.conformity && open && props.filter.date === props.today) {
    links.push(
      <RowLink
        key="verify"
        class="button small"
        href={link('/staff/teleconsultas/validar', { turno: turno.id })}
        label={t('verify')}
        row={about}
      />,
    );
  }
  if (props.canBook) {
    links.push(
      <RowLink
        key="teleconsult"
        class="button small secondary"
        href={link(`/staff/turnos/${turno.id}/teleconsulta`, filterParams(props.filter))}
        label={t('edit')}
        row={about}
      />,
    );
  }
  return links;
}
