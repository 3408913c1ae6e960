import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { isUniqueViolation, lockKey } from '../../platform/db/dialect.js';
import type { DB, Patient } from '../../platform/db/schema.js';
import { isoUtc } from '../../platform/time/zone.js';
import { getInsurer } from '../catalog/catalog.repo.js';
import { type Actor, requireStaff } from '../staff/actor.js';
import { audit } from '../staff/audit.service.js';
import { changedBy } from '../teleconsult/data-history.js';
import { recordDataChanges } from '../teleconsult/data-history.repo.js';
import * as repo from './patients.repo.js';
import type { PatientInput } from './patients.schemas.js';

export const patientView = (p: Patient) => ({
  id: p.id,
  dni: p.dni,
  lastName: p.lastName,
  firstName: p.firstName,
  sex: p.sex,
  birthDate: p.birthDate,
  email: p.email,
  mobile: p.mobile,
  address: p.address,
  insurerId: p.insurerId,
  memberNumber: p.memberNumber,
  insurancePlan: p.insurancePlan,
  disabled: p.disabled === 1,
  disabledNote: p.disabledNote,
});

/** The back office's record: the view plus what only staff handle (the trámite number, the portal switch). */
export const patientRecordView = (p: Patient) => ({
  ...patientView(p),
  dniTramite: p.dniTramite,
  portalEnabled: p.portalEnabled === 1,
});

/**
 * A portal patient's e-mail is their user name: no other portal patient may have it. Checked under a lock
 * on the address, so two records cannot take it at the same moment (enabling takes the same lock).
 */
export async function ensurePortalEmailFree(ctx: AppContext, trx: Kysely<DB>, patient: Patient) {
  if (patient.portalEnabled !== 1 || !patient.email) return;
  await lockKey(trx, ctx.database.dialect, `portal-email:${patient.email}`);
  const other = (await repo.portalPatientsByEmail(trx, patient.email)).find((p) => p.id !== patient.id);
  if (other) {
    throw new AppError('PORTAL_EMAIL_TAKEN', {
      email: patient.email,
      name: `${other.lastName}, ${other.firstName}`,
      dni: other.dni,
    });
  }
}

async function checkInsurer(ctx: AppContext, insurerId: number | null) {
  if (insurerId !== null && !(await getInsurer(ctx.database.db, insurerId))) {
    throw new AppError('NOT_FOUND', { what: `la obra social ${insurerId}` });
  }
}

export async function createPatient(ctx: AppContext, input: { actor: Actor; patient: PatientInput }) {
  requireStaff(input.actor, ['admin', 'reception']);
  await checkInsurer(ctx, input.patient.insurerId);
  const now = isoUtc(ctx.clock.now());
  try {
    const created = await ctx.database.db.transaction().execute(async (trx) => {
      const row = await repo.insertPatient(trx, { ...input.patient, createdAt: now, updatedAt: now });
      await audit(ctx, input.actor, { action: 'patient.create', patientId: row.id }, trx);
      return row;
    });
    return patientView(created);
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('DNI_TAKEN', { dni: input.patient.dni });
    throw e;
  }
}

export async function updatePatient(
  ctx: AppContext,
  input: { actor: Actor; id: number; changes: Partial<PatientInput> },
) {
  requireStaff(input.actor, ['admin', 'reception']);
  if (input.changes.insurerId !== undefined) await checkInsurer(ctx, input.changes.insurerId);
  try {
    const updated = await ctx.database.db.transaction().execute(async (trx) => {
      const before = await repo.getPatient(trx, input.id);
      const at = isoUtc(ctx.clock.now());
      const row = before && (await repo.updatePatient(trx, input.id, { ...input.changes, updatedAt: at }));
      if (!before || !row) throw new AppError('NOT_FOUND', { what: `el paciente ${input.id}` });
      await recordDataChanges(trx, { before, after: row, by: changedBy(input.actor, row), at });
      if (input.changes.email !== undefined) await ensurePortalEmailFree(ctx, trx, row);
      // Which fields, not their values: the log must not become a second copy of the record.
      const fields = Object.keys(input.changes).join(', ');
      await audit(ctx, input.actor, { action: 'patient.update', patientId: row.id, detail: fields }, trx);
      return row;
    });
    return patientView(updated);
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('DNI_TAKEN', { dni: input.changes.dni ?? '' });
    throw e;
  }
}

/** A patient's record for the back office (reception and admins). */
export async function getPatientRecord(ctx: AppContext, input: { actor: Actor; id: number }) {
  requireStaff(input.actor, ['admin', 'reception']);
  const patient = await repo.getPatient(ctx.database.db, input.id);
  if (!patient) throw new AppError('NOT_FOUND', { what: `el paciente ${input.id}` });
  await audit(ctx, input.actor, { action: 'patient.read', patientId: patient.id });
  return patientRecordView(patient);
}

export async function getPatient(ctx: AppContext, input: { actor: Actor; id: number }) {
  // Professionals reach patients through their own agenda, not the whole register.
  if (!(input.actor.kind === 'patient' && input.actor.patientId === input.id)) {
    requireStaff(input.actor, ['admin', 'reception']);
  }
  const patient = await repo.getPatient(ctx.database.db, input.id);
  if (!patient) throw new AppError('NOT_FOUND', { what: `el paciente ${input.id}` });
  await audit(ctx, input.actor, { action: 'patient.read', patientId: patient.id });
  return patientView(patient);
}

export async function findPatients(
  ctx: AppContext,
  input: { actor: Actor; dni?: string | undefined; lastName?: string | undefined; limit: number; offset: number },
) {
  requireStaff(input.actor, ['admin', 'reception']);
  const found = await repo.searchPatients(ctx.database.db, input);
  // One row per search, whatever it found: the query says what the staff member was looking for.
  const query = [input.dni && `dni=${input.dni}`, input.lastName && `lastName=${input.lastName}`].filter(Boolean);
  await audit(ctx, input.actor, { action: 'patient.search', patientId: null, detail: query.join(' ') });
  return found.map(patientView);
}
