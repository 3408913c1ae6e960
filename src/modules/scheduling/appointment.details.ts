// One appointment with everything a patient reads about it (names, messages, the center's contact data):
// the success page, the confirmation mail and the printed slip all show the same thing.
import type {
  Appointment,
  AppointmentStatus,
  CenterSettings,
  Insurer,
  Patient,
  Professional,
  Specialty,
  Study,
} from '../../platform/db/schema.js';
import { fullName } from '../catalog/catalog.service.js';

/** The most a reason may say, on the web and in the API alike. */
export const REASON_MAX = 500;

export type NoteSource = 'study' | 'professional' | 'insurer';

/** What the manual shows after confirming: the study's indication, then the professional's and the insurer's messages. */
export interface BookingNote {
  source: NoteSource;
  text: string;
}

export function bookingNotes(
  service: Specialty | Study | null | undefined,
  professional: Pick<Professional, 'bookingMessage'>,
  insurer: Pick<Insurer, 'bookingMessage'> | null | undefined,
): BookingNote[] {
  const notes: BookingNote[] = [
    { source: 'study', text: service && 'indication' in service ? service.indication : '' },
    { source: 'professional', text: professional.bookingMessage },
    { source: 'insurer', text: insurer?.bookingMessage ?? '' },
  ];
  return notes.filter((n) => n.text.trim() !== '');
}

export interface CenterContact {
  name: string;
  webAddress: string;
  contactEmail: string;
  phones: string;
  contactHours: string;
  mailPhrase: string;
  timeZone: string;
}

export interface AppointmentDetails {
  id: number;
  status: AppointmentStatus;
  startMs: number;
  endMs: number;
  professionalId: number;
  patientId: number;
  professional: string;
  service: { kind: 'specialty' | 'study'; id: number; name: string } | null;
  insurer: string | null;
  notes: BookingNote[];
  reason: string;
  bookedAtMs: number;
  /** A turno by video; videoUrl '' until staff set the call's link. */
  teleconsult: boolean;
  videoUrl: string;
  /** portal: the patient can make their token in the portal. */
  patient: { name: string; dni: string; email: string | null; portal: boolean };
  center: CenterContact;
}

export interface DetailsSource {
  appointment: Pick<
    Appointment,
    | 'id'
    | 'status'
    | 'startsAt'
    | 'endsAt'
    | 'reason'
    | 'bookedAt'
    | 'professionalId'
    | 'patientId'
    | 'teleconsult'
    | 'videoUrl'
  >;
  settings: CenterSettings;
  professional: Professional;
  patient: Patient;
  specialty?: Specialty | null | undefined;
  study?: Study | null | undefined;
  insurer?: Insurer | null | undefined;
}

export function appointmentDetails(s: DetailsSource): AppointmentDetails {
  const service = s.study
    ? { kind: 'study' as const, id: s.study.id, name: s.study.name }
    : s.specialty
      ? { kind: 'specialty' as const, id: s.specialty.id, name: s.specialty.webName }
      : null;
  return {
    id: s.appointment.id,
    status: s.appointment.status,
    startMs: Date.parse(s.appointment.startsAt),
    endMs: Date.parse(s.appointment.endsAt),
    professionalId: s.appointment.professionalId,
    patientId: s.appointment.patientId,
    professional: fullName(s.professional),
    service,
    insurer: s.insurer ? s.insurer.webName : null,
    notes: bookingNotes(s.study ?? s.specialty, s.professional, s.insurer),
    reason: s.appointment.reason,
    bookedAtMs: Date.parse(s.appointment.bookedAt),
    teleconsult: s.appointment.teleconsult === 1,
    videoUrl: s.appointment.teleconsult === 1 ? s.appointment.videoUrl : '',
    patient: {
      name: `${s.patient.firstName} ${s.patient.lastName}`,
      dni: s.patient.dni,
      email: s.patient.email,
      portal: s.patient.portalEnabled === 1,
    },
    center: {
      name: s.settings.name,
      webAddress: s.settings.webAddress,
      contactEmail: s.settings.contactEmail,
      phones: s.settings.phones,
      contactHours: s.settings.contactHours,
      mailPhrase: s.settings.mailPhrase,
      timeZone: s.settings.timeZone,
    },
  };
}
