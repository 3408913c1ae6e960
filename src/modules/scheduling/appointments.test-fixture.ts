// Turnos written straight into the table, for tests of screens that only read them (lists, figures): booking
// refuses the past and checks the agenda, and these tests need turnos of any date, state and origin.
import type { Kysely } from 'kysely';
import type { AppointmentOrigin, AppointmentStatus, DB } from '../../platform/db/schema.js';

export interface TurnoSpec {
  patientId: number;
  professionalId: number;
  /** ISO 8601; the turno lasts 20 minutes. */
  start: string;
  specialtyId?: number | null;
  studyId?: number | null;
  insurerId?: number | null;
  status?: AppointmentStatus;
  /** staff by default; a web turno was booked from 190.1.1.1. */
  origin?: AppointmentOrigin;
  overbook?: boolean;
  reason?: string;
  /** UTC ISO; also when it was cancelled, if it was. */
  bookedAt?: string;
}

export async function insertTurno(db: Kysely<DB>, s: TurnoSpec): Promise<number> {
  const startMs = Date.parse(s.start);
  const web = s.origin === 'web';
  const bookedAt = s.bookedAt ?? '2026-09-01T12:00:00.000Z';
  const cancelled = s.status === 'cancelled';
  const row = await db
    .insertInto('appointments')
    .values({
      patientId: s.patientId,
      professionalId: s.professionalId,
      specialtyId: s.specialtyId ?? null,
      studyId: s.studyId ?? null,
      insurerId: s.insurerId ?? null,
      startsAt: new Date(startMs).toISOString(),
      endsAt: new Date(startMs + 20 * 60_000).toISOString(),
      status: s.status ?? 'reserved',
      origin: s.origin ?? 'staff',
      typeLabel: web ? 'WEB' : 'NORMAL',
      reason: s.reason ?? '',
      bookedAt,
      bookedIp: web ? '190.1.1.1' : null,
      bookedBy: web ? 'PACIENTE' : 'test',
      cancelledAt: cancelled ? bookedAt : null,
      cancelledBy: cancelled ? 'test' : null,
      overbook: s.overbook ? 1 : 0,
      updatedAt: bookedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
