// Failed verifications: each is kept (for staff and for the lockout) in the attempt's own transaction, under
// the patient's token row lock, so a burst of wrong codes cannot all pass the lock check before the first is
// counted; when the attempt's transaction failed instead, in one of its own. The fifth in a quarter hour locks
// the patient's verification and tells the center by mail.
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.js';
import type { CenterSettings, DB, Patient } from '../../platform/db/schema.js';
import { enqueueMail } from '../../platform/outbox/outbox.js';
import { formatInZone, isoUtc, minutesToTime, utcToCivil } from '../../platform/time/zone.js';
import { getPatient } from '../patients/patients.repo.js';
import type { StaffActor } from '../staff/actor.js';
import { audit } from '../staff/audit.service.js';
import { countingFromMs, isLocked, LOCKOUT_MS, shouldLock } from './lockout.rules.js';
import * as repo from './verify.repo.js';

export interface FailedAttempt {
  staff: StaffActor;
  patientId: number | null;
  dni: string;
  appointmentId: number | null;
  /** invalid | expired | reused | revoked | locked | unknown_dni */
  reason: string;
  nowMs: number;
  settings: CenterSettings;
}

/** Records the failure; true when it is the one that locked the patient. */
export async function recordFailure(ctx: AppContext, f: FailedAttempt): Promise<boolean> {
  const db = ctx.database.db;
  const patient = f.patientId === null ? undefined : await getPatient(db, f.patientId);
  return db.transaction().execute((trx) => recordFailureIn(ctx, trx, f, patient));
}

/** The same, inside a transaction the caller holds (the attempt's). */
export async function recordFailureIn(
  ctx: AppContext,
  trx: Kysely<DB>,
  f: FailedAttempt,
  patient: Patient | undefined,
): Promise<boolean> {
  const at = isoUtc(f.nowMs);
  // Counted under the same lock as the verifications, so racing failures cannot all slip under the limit.
  const row = f.patientId === null ? undefined : await repo.lockTokenRow(trx, ctx.database.dialect, f.patientId);
  await repo.insertFailure(trx, {
    patientId: f.patientId,
    dni: f.dni,
    appointmentId: f.appointmentId,
    reason: f.reason,
    at,
    actorRef: f.staff.ref,
    actorName: f.staff.name,
    ip: f.staff.ip,
  });
  await audit(
    ctx,
    f.staff,
    {
      action: 'token.verify_failed',
      patientId: f.patientId,
      ...(f.appointmentId !== null ? { target: `turno:${f.appointmentId}` } : {}),
      detail: f.reason === 'unknown_dni' ? `${f.reason} dni=${f.dni}` : f.reason,
    },
    trx,
  );
  if (!row || !patient || f.reason === 'locked' || isLocked(row.lockedUntil, f.nowMs)) return false;
  const since = isoUtc(countingFromMs(row.lockedUntil, f.nowMs));
  if (!shouldLock(await repo.countFailuresSince(trx, row.patientId, since))) return false;
  const until = f.nowMs + LOCKOUT_MS;
  await repo.setLockedUntil(trx, row.patientId, isoUtc(until));
  await audit(ctx, f.staff, { action: 'token.lockout', patientId: row.patientId, detail: isoUtc(until) }, trx);
  const to = f.settings.contactEmail.trim();
  if (to) {
    const zone = f.settings.timeZone;
    const when = formatInZone(zone, f.nowMs).slice(0, 16).replace('T', ' ');
    const untilText = minutesToTime(utcToCivil(zone, until).minutes);
    const name = `${patient.lastName}, ${patient.firstName}`;
    await enqueueMail(
      trx,
      {
        kind: 'token_lockout',
        patientId: patient.id,
        sentBy: 'automático',
        to,
        subject: `Token bloqueado: ${name} (DNI ${patient.dni}) - ${f.settings.name}`,
        text: [
          `La validación del token de ${name} (DNI ${patient.dni}) quedó bloqueada hasta las ${untilText}.`,
          `Hubo varios intentos fallidos seguidos; el último, ${when}, por ${f.staff.name}.`,
          'Si fue un error del paciente o del profesional, podés desbloquearla desde Teleconsultas > Validar token. ' +
            'Si nadie del centro estaba validando códigos de este paciente, revisá quién tiene acceso.',
          f.settings.name,
        ].join('\n\n'),
      },
      f.nowMs,
    );
  }
  return true;
}
