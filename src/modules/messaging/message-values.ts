// The values of a template's placeholders for one recipient: a turno (every placeholder) or a patient alone
// (the turno's placeholders stay empty). One function for the preview, the send desk and the reminders, so
// what staff preview is what patients get.
import { formatDay, formatTime } from '../../platform/calendar/format.js';
import type { CenterView } from '../center/center.service.js';
import type { AppointmentRecipient, PatientRecipient } from './recipients.repo.js';
import { reminderLink } from './reminder-links.rules.js';
import type { PlaceholderValues } from './templates.rules.js';

export interface LinkSigner {
  /** The center's public address, the start of every link. */
  baseUrl: string;
  /** The database's `reminder-links` secret. */
  secret: string;
}

export const patientFullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`.trim();

export function patientValues(row: PatientRecipient, center: CenterView): PlaceholderValues {
  return {
    CENTRO: center.name,
    DIRECCION: center.address,
    TELEFONO: center.phones,
    PACIENTE: patientFullName(row),
    OBRA_SOCIAL: row.insurerName ?? '',
  };
}

export function appointmentValues(row: AppointmentRecipient, center: CenterView, links: LinkSigner): PlaceholderValues {
  const startsMs = Date.parse(row.startsAt);
  return {
    ...patientValues(row, center),
    FECHA: formatDay('es', center.timeZone, startsMs),
    HORA: formatTime('es', center.timeZone, startsMs),
    PROFESIONAL: `${row.professionalLastName} ${row.professionalFirstName}`,
    ESPECIALIDAD: row.specialtyName ?? '',
    ESTUDIO: row.studyName ?? '',
    INDICACION: row.indication ?? '',
    CONFIRMAR: reminderLink(links.baseUrl, links.secret, row.appointmentId, 'confirm'),
    CANCELAR: reminderLink(links.baseUrl, links.secret, row.appointmentId, 'cancel'),
    VIDEO: row.teleconsult === 1 ? row.videoUrl : '',
  };
}
