// Invoices seen from a patient's record and from a turno: the record's Facturas tab (its invoices and the past
// turnos still without one) and what "Facturar" fills the new invoice with.
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { isoUtc, utcToCivil } from '../../platform/time/zone.js';
import { getSettings } from '../center/center.repo.js';
import { findByDni, getPatient } from '../patients/patients.repo.js';
import { type Actor, requireStaff } from '../staff/actor.js';
import { audit } from '../staff/audit.service.js';
import { CONCEPT_MAX, turnoConcept } from './invoice.rules.js';
import { staffInvoiceView } from './invoice.view.js';
import * as repo from './invoices.repo.js';

const DESK = ['admin', 'reception'] as const;
/** How many invoices and unbilled turnos the tab shows, newest first. */
const TAB_LIMIT = 100;

type TurnoRow = NonNullable<repo.TurnoForInvoice>;

function turnoSummary(t: TurnoRow) {
  return {
    id: t.id,
    startMs: Date.parse(t.startsAt),
    status: t.status,
    professional: `${t.professionalLastName} ${t.professionalFirstName}`,
    service: t.studyName ?? t.specialtyName ?? '',
  };
}

async function patientOrNotFound(ctx: AppContext, id: number) {
  const patient = await getPatient(ctx.database.db, id);
  if (!patient) throw new AppError('NOT_FOUND', { what: `el paciente ${id}` });
  return patient;
}

/** The record's Facturas tab: read by staff, so audited as a list of that patient's invoices. */
export async function patientInvoicesTab(ctx: AppContext, input: { actor: Actor; patientId: number }) {
  const actor = requireStaff(input.actor, DESK);
  const db = ctx.database.db;
  const patient = await patientOrNotFound(ctx, input.patientId);
  const [rows, turnos, settings] = await Promise.all([
    repo.listInvoices(db, { patientId: patient.id }, { limit: TAB_LIMIT, offset: 0, order: 'date' }),
    repo.pastTurnosWithoutInvoice(db, patient.id, isoUtc(ctx.clock.now()), TAB_LIMIT),
    getSettings(db),
  ]);
  const lines = await repo.linesOf(
    db,
    rows.map((r) => r.id),
  );
  await audit(ctx, actor, { action: 'invoice.list', patientId: patient.id, detail: 'record' });
  return {
    patient: { id: patient.id, name: `${patient.lastName}, ${patient.firstName}`, dni: patient.dni },
    invoices: rows.map((r) => staffInvoiceView(r, lines.get(r.id) ?? [], settings.timeZone)),
    turnos: turnos.map(turnoSummary),
  };
}

/**
 * What a new invoice from a turno starts with: the patient, the turno's insurer (else the record's), the
 * record's member number, and one line naming the consultation. Reading the turno is audited.
 */
export async function invoiceDraftFromTurno(ctx: AppContext, input: { actor: Actor; appointmentId: number }) {
  const actor = requireStaff(input.actor, DESK);
  const db = ctx.database.db;
  const turno = await repo.getTurnoForInvoice(db, input.appointmentId);
  if (!turno) throw new AppError('NOT_FOUND', { what: `el turno ${input.appointmentId}` });
  const [patient, settings, existing] = await Promise.all([
    patientOrNotFound(ctx, turno.patientId),
    getSettings(db),
    repo.activeInvoiceOfTurno(db, turno.id),
  ]);
  await audit(ctx, actor, { action: 'appointment.read', patientId: patient.id, target: `turno:${turno.id}` });
  const summary = turnoSummary(turno);
  const concept = turnoConcept({
    service: summary.service,
    professional: summary.professional,
    date: utcToCivil(settings.timeZone, summary.startMs).date,
  }).slice(0, CONCEPT_MAX);
  return {
    turno: summary,
    /** The invoice this turno already has (not voided), if any: the form says so instead of issuing another. */
    existing: existing ?? null,
    patient: { id: patient.id, dni: patient.dni, name: `${patient.lastName}, ${patient.firstName}` },
    insurerId: turno.insurerId ?? patient.insurerId,
    memberNumber: patient.memberNumber,
    concept,
  };
}

/**
 * The record the new-invoice form names, by id (from the record's tab) or by DNI (typed): its insurer and member
 * number fill the form. null when no record has that DNI.
 */
export async function patientForInvoice(
  ctx: AppContext,
  input: { actor: Actor; patientId: number } | { actor: Actor; dni: string },
) {
  const actor = requireStaff(input.actor, DESK);
  const db = ctx.database.db;
  const patient = 'dni' in input ? await findByDni(db, input.dni) : await patientOrNotFound(ctx, input.patientId);
  if ('dni' in input) await audit(ctx, actor, { action: 'patient.search', detail: `dni=${input.dni}` });
  if (!patient) return null;
  await audit(ctx, actor, { action: 'patient.read', patientId: patient.id, detail: 'invoice' });
  return {
    id: patient.id,
    dni: patient.dni,
    name: `${patient.lastName}, ${patient.firstName}`,
    insurerId: patient.insurerId,
    memberNumber: patient.memberNumber,
  };
}
