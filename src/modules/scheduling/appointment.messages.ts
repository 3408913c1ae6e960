// The words of an appointment wherever it is shown: pages, the confirmation mail, the printed slip.
import { formatLongDay, formatStamp, formatTime } from '../../platform/calendar/format.js';
import type { AppointmentStatus } from '../../platform/db/schema.js';
import type { Lang } from '../../platform/i18n/lang.js';
import { defineMessages } from '../../platform/i18n/messages.js';
import type { AppointmentDetails, NoteSource } from './appointment.details.js';

export const appointmentMessages = defineMessages(
  {
    day: 'Día',
    time: 'Hora',
    professional: 'Profesional',
    specialty: 'Especialidad',
    study: 'Estudio',
    insurer: 'Obra social',
    noInsurer: 'Sin obra social (particular)',
    reason: 'Motivo',
    noReason: 'Sin motivo indicado',
    number: 'Turno N°',
    bookedAt: 'Otorgado el',
    patient: 'Paciente',
    dni: 'DNI',
    status: 'Estado',
    notes: 'Indicaciones y mensajes',
    note_study: 'Indicación del estudio',
    note_professional: 'Mensaje del profesional',
    note_insurer: 'Mensaje de la obra social',
    status_reserved: 'reservado',
    status_present: 'presente',
    status_absent: 'ausente',
    status_cancelled: 'cancelado',
    phone: 'Teléfono',
    hours: 'Horario de contacto',
    email: 'E-mail',
    web: 'Web',
  },
  {
    day: 'Day',
    time: 'Time',
    professional: 'Professional',
    specialty: 'Specialty',
    study: 'Study',
    insurer: 'Health insurer',
    noInsurer: 'No insurer (private patient)',
    reason: 'Reason',
    noReason: 'No reason given',
    number: 'Appointment no.',
    bookedAt: 'Booked on',
    patient: 'Patient',
    dni: 'DNI',
    status: 'Status',
    notes: 'Instructions and messages',
    note_study: 'Instructions for the study',
    note_professional: 'Message from the professional',
    note_insurer: 'Message from the health insurer',
    status_reserved: 'booked',
    status_present: 'attended',
    status_absent: 'missed',
    status_cancelled: 'cancelled',
    phone: 'Phone',
    hours: 'Contact hours',
    email: 'E-mail',
    web: 'Website',
  },
);

export type AppointmentText = ReturnType<typeof appointmentMessages>;

export const statusKey = (s: AppointmentStatus) => `status_${s}` as const;
export const noteKey = (s: NoteSource) => `note_${s}` as const;

/** The appointment as label/value pairs, in the order the slip and the mail list them. */
export function detailRows(d: AppointmentDetails, lang: Lang, opts: { patient?: boolean } = {}): [string, string][] {
  const t = appointmentMessages(lang);
  const zone = d.center.timeZone;
  const rows: [string, string][] = [];
  if (opts.patient) rows.push([t('patient'), d.patient.name], [t('dni'), d.patient.dni]);
  rows.push(
    [t('day'), formatLongDay(lang, zone, d.startMs)],
    [t('time'), formatTime(lang, zone, d.startMs)],
    [t('professional'), d.professional],
  );
  if (d.service) rows.push([t(d.service.kind), d.service.name]);
  rows.push(
    [t('insurer'), d.insurer ?? t('noInsurer')],
    [t('reason'), d.reason || t('noReason')],
    [t('number'), String(d.id)],
    [t('bookedAt'), formatStamp(lang, zone, d.bookedAtMs)],
  );
  return rows;
}

/** The center's ways to be reached, labelled; empty ones left out. */
export function contactRows(c: AppointmentDetails['center'], lang: Lang): [string, string][] {
  const t = appointmentMessages(lang);
  const rows: [string, string][] = [
    [t('phone'), c.phones],
    [t('hours'), c.contactHours],
    [t('email'), c.contactEmail],
    [t('web'), c.webAddress],
  ];
  return rows.filter(([, value]) => value.trim() !== '');
}
