// "Historial de datos" of a patient's record: who changed which of their data, when, from what to what.
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { listInsurers } from '../catalog/catalog.repo.js';
import { getPatient } from '../patients/patients.repo.js';
import { type Actor, requireStaff } from '../staff/actor.js';
import { audit } from '../staff/audit.service.js';
import { countDataChanges, listDataChanges } from './data-history.repo.js';

export const DATA_HISTORY_PAGE_SIZE = 50;

/** Reception and admins (professionals do not reach the record's form); every read is audited. */
export async function patientDataHistory(ctx: AppContext, input: { actor: Actor; patientId: number; page: number }) {
  requireStaff(input.actor, ['admin', 'reception']);
  const db = ctx.database.db;
  const patient = await getPatient(db, input.patientId);
  if (!patient) throw new AppError('NOT_FOUND', { what: `el paciente ${input.patientId}` });
  const offset = (input.page - 1) * DATA_HISTORY_PAGE_SIZE;
  const [rows, total, insurers] = await Promise.all([
    listDataChanges(db, patient.id, DATA_HISTORY_PAGE_SIZE, offset),
    countDataChanges(db, patient.id),
    listInsurers(db, false),
  ]);
  await audit(ctx, input.actor, { action: 'patient.data_history', patientId: patient.id });
  // The insurer is stored by id: shown by its name, as the record shows it.
  const insurerName = new Map(insurers.map((i) => [String(i.id), i.name]));
  const shown = (field: string, value: string) => (field === 'insurer' ? (insurerName.get(value) ?? value) : value);
  return {
    patient: { id: patient.id, name: `${patient.lastName}, ${patient.firstName}`, dni: patient.dni },
    total,
    page: input.page,
    pageSize: DATA_HISTORY_PAGE_SIZE,
    items: rows.map((r) => ({
      id: r.id,
      field: r.field,
      oldValue: r.oldValue,
      newValue: r.newValue,
      oldText: shown(r.field, r.oldValue),
      newText: shown(r.field, r.newValue),
      changedAt: r.changedAt,
      changedByRef: r.changedByRef,
      changedByName: r.changedByName,
      byPatient: r.changedByRef.startsWith('paciente:'),
    })),
  };
}

export type DataHistory = Awaited<ReturnType<typeof patientDataHistory>>;
