import type { Appointment } from '../../platform/db/schema.js';
import { formatInZone } from '../../platform/time/zone.js';

/** An appointment as the API shows it: times in the center's zone, flags as booleans. */
export function appointmentView(zone: string, a: Appointment) {
  return {
    id: a.id,
    professionalId: a.professionalId,
    patientId: a.patientId,
    specialtyId: a.specialtyId,
    studyId: a.studyId,
    insurerId: a.insurerId,
    start: formatInZone(zone, Date.parse(a.startsAt)),
    end: formatInZone(zone, Date.parse(a.endsAt)),
    status: a.status,
    origin: a.origin,
    typeLabel: a.typeLabel,
    reason: a.reason,
    overbook: a.overbook === 1,
    teleconsult: a.teleconsult === 1,
    videoUrl: a.videoUrl,
    bookedAt: a.bookedAt,
    bookedBy: a.bookedBy,
    bookedIp: a.bookedIp,
    cancelledAt: a.cancelledAt,
    cancelledBy: a.cancelledBy,
  };
}

export type AppointmentView = ReturnType<typeof appointmentView>;
