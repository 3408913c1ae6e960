// Who a change of a patient's data is recorded as: the patient themself, or the staff actor.
import type { Patient } from '../../platform/db/schema.js';
import type { Actor } from '../staff/actor.js';
import type { ChangedBy } from './data-history.repo.js';

export function changedBy(actor: Actor, patient: Pick<Patient, 'id' | 'lastName' | 'firstName'>): ChangedBy {
  if (actor.kind === 'staff') return { ref: actor.ref, name: actor.name };
  return { ref: `paciente:${patient.id}`, name: `${patient.lastName}, ${patient.firstName}` };
}
