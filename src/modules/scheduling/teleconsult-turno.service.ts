// Marking a turno as a teleconsultation and giving its video call link: the desk's and administration's job,
// audited as staff access to the patient's turno.
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { isoUtc } from '../../platform/time/zone.js';
import { getProfessional } from '../catalog/catalog.repo.js';
import { getSettings } from '../center/center.repo.js';
import { getPatient } from '../patients/patients.repo.js';
import { type Actor, requireStaff } from '../staff/actor.js';
import { audit } from '../staff/audit.service.js';
import { appointmentView } from './appointment.view.js';
import * as repo from './appointments.repo.js';
import { normalizeVideoUrl, VIDEO_URL_MAX } from './teleconsult-turno.rules.js';

const EDITABLE = ['reserved', 'present', 'absent'] as const;

export async function updateTeleconsult(
  ctx: AppContext,
  input: { actor: Actor; id: number; teleconsult?: boolean | undefined; videoUrl?: string | undefined },
) {
  const staff = requireStaff(input.actor, ['admin', 'reception']);
  const db = ctx.database.db;
  const a = await repo.getAppointment(db, input.id);
  if (!a) throw new AppError('NOT_FOUND', { what: `el turno ${input.id}` });
  const teleconsult = input.teleconsult ?? a.teleconsult === 1;
  const videoUrl = normalizeVideoUrl(input.videoUrl ?? a.videoUrl);
  if (videoUrl === null) throw new AppError('TELECONSULT_VIDEO_URL', { max: VIDEO_URL_MAX });
  if (a.status === 'cancelled') throw new AppError('INVALID_TRANSITION', { from: a.status, to: 'teleconsulta' });
  const now = isoUtc(ctx.clock.now());
  const updated = await db.transaction().execute(async (trx) => {
    // A turno held in person has no call: its link goes with the mark.
    const changes = { teleconsult: teleconsult ? 1 : 0, videoUrl: teleconsult ? videoUrl : '', updatedAt: now };
    const row = await repo.updateAppointment(trx, a.id, changes, EDITABLE);
    if (!row) return row;
    const detail = `teleconsulta=${teleconsult ? 'si' : 'no'} enlace=${changes.videoUrl ? 'si' : 'no'}`;
    await audit(
      ctx,
      staff,
      { action: 'teleconsult.update', patientId: a.patientId, target: `turno:${a.id}`, detail },
      trx,
    );
    return row;
  });
  if (!updated) throw new AppError('INVALID_TRANSITION', { from: 'cambiado', to: 'teleconsulta' });
  return appointmentView((await getSettings(db)).timeZone, updated);
}

/** What the desk's teleconsultation form shows of a turno; reading it is audited like any turno. */
export async function teleconsultFormOf(ctx: AppContext, input: { actor: Actor; id: number }) {
  const staff = requireStaff(input.actor, ['admin', 'reception']);
  const db = ctx.database.db;
  const row = await repo.getAppointment(db, input.id);
  if (!row || row.status === 'cancelled') throw new AppError('NOT_FOUND', { what: `el turno ${input.id}` });
  const [patient, professional] = await Promise.all([
    getPatient(db, row.patientId),
    getProfessional(db, row.professionalId),
  ]);
  await audit(ctx, staff, { action: 'appointment.read', patientId: row.patientId, target: `turno:${row.id}` });
  return {
    id: row.id,
    startMs: Date.parse(row.startsAt),
    patient: patient ? `${patient.lastName} ${patient.firstName}` : '',
    professional: professional ? `${professional.lastName} ${professional.firstName}` : '',
    teleconsult: row.teleconsult === 1,
    videoUrl: row.videoUrl,
  };
}
