// Pieces the Pantalla de turnos' pages share: the way back to the filtered agenda, names and times.
import { formatTime } from '../../../platform/calendar/format.js';
import type { Lang } from '../../../platform/i18n/lang.js';
import type { dayAgenda } from '../day-desk.service.js';
import { type DeskFilter, filterParams } from '../desk.params.js';
import { HiddenFields } from './common.js';

export type DayAgenda = Awaited<ReturnType<typeof dayAgenda>>;
export type ProfessionalDay = DayAgenda['professionals'][number];
export type Row = ProfessionalDay['rows'][number];
export type Turno = NonNullable<Row['turno']>;

/** Hidden fields that bring the desk's filter along, so the page after an action is the same agenda. */
export function FilterFields(props: { filter: DeskFilter }) {
  return <HiddenFields values={filterParams(props.filter)} />;
}

export const patientName = (p: { lastName: string; firstName: string }) => `${p.lastName} ${p.firstName}`;

/** "10:20" (or "10:20 AM") of an instant written with the center's offset. */
export const timeOf = (lang: Lang, zone: string, iso: string) => formatTime(lang, zone, Date.parse(iso));

export interface Named {
  id: number;
  name: string;
}
