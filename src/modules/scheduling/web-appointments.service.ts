// A patient's turnos with names: the success page, the slip, "Mis turnos" and its confirm steps.
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import * as catalog from '../catalog/catalog.repo.js';
import { fullName } from '../catalog/catalog.service.js';
import { getSettings } from '../center/center.repo.js';
import { getPatient } from '../patients/patients.repo.js';
import type { Actor } from '../staff/actor.js';
import { type AppointmentDetails, appointmentDetails } from './appointment.details.js';
import type { AppointmentView } from './appointment.view.js';
import { getAppointment, listAppointments } from './appointments.service.js';

/** What the patient may still do with a turno (the services enforce the same when it is done). */
function allowed(d: Pick<AppointmentDetails, 'status' | 'startMs'>, nowMs: number) {
  return {
    canCancel: d.status === 'reserved' && d.startMs > nowMs,
    canEditReason: d.status === 'reserved',
    canPrint: d.status !== 'cancelled',
  };
}

/** One turno with every name and message; someone else's answers NOT_FOUND like a missing one. */
export async function getAppointmentDetails(ctx: AppContext, input: { actor: Actor; id: number }) {
  const a = await getAppointment(ctx, input);
  const db = ctx.database.db;
  const [settings, professional, patient, specialty, study, insurer] = await Promise.all([
    getSettings(db),
    catalog.getProfessional(db, a.professionalId),
    getPatient(db, a.patientId),
    a.specialtyId === null ? undefined : catalog.getSpecialty(db, a.specialtyId),
    a.studyId === null ? undefined : catalog.getStudy(db, a.studyId),
    a.insurerId === null ? undefined : catalog.getInsurer(db, a.insurerId),
  ]);
  if (!professional || !patient) throw new AppError('NOT_FOUND', { what: `el turno ${input.id}` });
  const details = appointmentDetails({
    appointment: {
      id: a.id,
      status: a.status,
      startsAt: a.start,
      endsAt: a.end,
      reason: a.reason,
      bookedAt: a.bookedAt,
      professionalId: a.professionalId,
      patientId: a.patientId,
      teleconsult: a.teleconsult ? 1 : 0,
      videoUrl: a.videoUrl,
    },
    settings,
    professional,
    patient,
    specialty,
    study,
    insurer,
  });
  return { ...details, ...allowed(details, ctx.clock.now()) };
}

/** A call may run late: its link stays for an hour after the turno's end, then the turno is history. */
const JOIN_AFTER_END_MS = 60 * 60_000;

function canJoinCall(status: AppointmentView['status'], endMs: number, nowMs: number): boolean {
  return (status === 'reserved' || status === 'present') && endMs + JOIN_AFTER_END_MS > nowMs;
}

export const MY_APPOINTMENTS_PAGE = 50;

/** "Mis turnos": all of the patient's turnos, the latest first, a page at a time. */
export async function myAppointments(ctx: AppContext, input: { actor: Actor; page: number }) {
  const { actor } = input;
  // The patient's own list; staff look turnos up by patient in their own views.
  if (actor.kind !== 'patient') throw new AppError(actor.kind === 'public' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
  const offset = (Math.max(1, input.page) - 1) * MY_APPOINTMENTS_PAGE;
  // One more than a page tells whether an older page exists.
  const rows = await listAppointments(ctx, { actor, newestFirst: true, limit: MY_APPOINTMENTS_PAGE + 1, offset });
  const { zone, items } = await patientAppointmentItems(ctx, rows.slice(0, MY_APPOINTMENTS_PAGE));
  return { zone, items, hasOlder: rows.length > MY_APPOINTMENTS_PAGE };
}

/**
 * A patient's own turnos as their lists show them: names instead of ids, and what they may still do. The
 * caller has already checked whose turnos these are (Mis turnos and the portal's Citas).
 */
export async function patientAppointmentItems(ctx: AppContext, rows: readonly AppointmentView[]) {
  const db = ctx.database.db;
  const [settings, professionals, specialties, studies] = await Promise.all([
    getSettings(db),
    catalog.listProfessionals(db, { webOnly: false }),
    catalog.listSpecialties(db, false),
    catalog.listStudies(db, false),
  ]);
  const proName = new Map(professionals.map((p) => [p.id, fullName(p)]));
  const specialtyName = new Map(specialties.map((s) => [s.id, s.webName]));
  const studyName = new Map(studies.map((s) => [s.id, s.name]));
  const now = ctx.clock.now();
  const items = rows.map((a) => {
    const startMs = Date.parse(a.start);
    const service =
      a.studyId !== null
        ? { kind: 'study' as const, name: studyName.get(a.studyId) ?? '' }
        : a.specialtyId !== null
          ? { kind: 'specialty' as const, name: specialtyName.get(a.specialtyId) ?? '' }
          : null;
    return {
      id: a.id,
      status: a.status,
      startMs,
      professional: proName.get(a.professionalId) ?? '',
      service,
      reason: a.reason,
      teleconsult: a.teleconsult,
      videoUrl: a.videoUrl,
      canJoin: a.teleconsult && canJoinCall(a.status, Date.parse(a.end), now),
      ...allowed({ status: a.status, startMs }, now),
    };
  });
  return { zone: settings.timeZone, items };
}
