// Two records of one person (a DNI typed wrong once, a record made at the desk and another on the web):
// the staff pick the one that stays; turnos, sent mails and the web account (when the kept one has none)
// move to it, its empty fields are filled from the other, and the duplicate is deleted.
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import type { Patient, PatientUpdate } from '../../platform/db/schema.js';
import { isoUtc } from '../../platform/time/zone.js';
import { type Actor, requireStaff } from '../staff/actor.js';
import { audit } from '../staff/audit.service.js';
import { changedBy } from '../teleconsult/data-history.js';
import { recordDataChanges } from '../teleconsult/data-history.repo.js';
import { FILLABLE_FIELDS, isEmptyField } from './accounts.rules.js';
import * as merge from './patients.merge.repo.js';
import * as repo from './patients.repo.js';
import { patientView } from './patients.service.js';

/** The kept record's empty fields, taken from the duplicate (what is filled in on the kept one wins). */
export function filledFrom(keep: Patient, drop: Patient): PatientUpdate {
  const changes: Record<string, unknown> = {};
  for (const field of FILLABLE_FIELDS) {
    if (isEmptyField(keep, field) && !isEmptyField(drop, field)) changes[field] = drop[field];
  }
  return changes as PatientUpdate;
}

/**
 * A person the center disabled stays disabled whichever record is kept: otherwise merging would be a way
 * around the block. The notes of both are kept, so the patient still reads why.
 */
export function disabledFrom(keep: Patient, drop: Patient): PatientUpdate {
  if (drop.disabled !== 1) return {};
  const notes = [keep.disabled === 1 ? keep.disabledNote : '', drop.disabledNote].filter((n) => n !== '');
  return { disabled: 1, disabledNote: [...new Set(notes)].join('; ') };
}

/** What the merge does to the web accounts: none to move, the duplicate's moved, or the duplicate's deleted. */
export type WebAccountOutcome = 'none' | 'moved' | 'dropDeleted';

export function webAccountOutcome(keepHasAccount: boolean, dropHasAccount: boolean): WebAccountOutcome {
  if (!dropHasAccount) return 'none';
  return keepHasAccount ? 'dropDeleted' : 'moved';
}

const WEB_ACCOUNT_DETAIL: Record<WebAccountOutcome, string> = {
  none: '',
  moved: 'usuario web movido',
  dropDeleted: 'usuario web del duplicado borrado',
};

/**
 * What the confirmation page shows before a merge: both records (reads audited), how many turnos each has and
 * whether each has a web account — the facts the staff member confirms.
 */
export async function mergePreview(ctx: AppContext, input: { actor: Actor; keepId: number; dropId: number }) {
  const actor = requireStaff(input.actor, ['admin', 'reception']);
  const db = ctx.database.db;
  const [keep, drop] = await Promise.all([repo.getPatient(db, input.keepId), repo.getPatient(db, input.dropId)]);
  if (!keep) throw new AppError('NOT_FOUND', { what: `el paciente ${input.keepId}` });
  if (!drop) throw new AppError('NOT_FOUND', { what: `el paciente ${input.dropId}` });
  const [keepTurnos, dropTurnos, keepWeb, dropWeb] = await Promise.all([
    merge.countAppointments(db, keep.id),
    merge.countAppointments(db, drop.id),
    merge.hasWebAccount(db, keep.id),
    merge.hasWebAccount(db, drop.id),
  ]);
  for (const p of [keep, drop]) await audit(ctx, actor, { action: 'patient.read', patientId: p.id });
  return {
    keep: patientView(keep),
    drop: patientView(drop),
    counts: { keep: keepTurnos, drop: dropTurnos },
    webAccounts: { keep: keepWeb, drop: dropWeb },
  };
}

export async function mergePatients(ctx: AppContext, input: { actor: Actor; keepId: number; dropId: number }) {
  const actor = requireStaff(input.actor, ['admin', 'reception']);
  if (input.keepId === input.dropId) {
    throw new AppError('VALIDATION_ERROR', { detail: 'elegí dos registros distintos para fusionar' });
  }
  const result = await ctx.database.db.transaction().execute(async (trx) => {
    const [keep, drop] = await Promise.all([repo.getPatient(trx, input.keepId), repo.getPatient(trx, input.dropId)]);
    if (!keep) throw new AppError('NOT_FOUND', { what: `el paciente ${input.keepId}` });
    if (!drop) throw new AppError('NOT_FOUND', { what: `el paciente ${input.dropId}` });
    const moved = await merge.moveAppointments(trx, drop.id, keep.id);
    await merge.moveOutbox(trx, drop.id, keep.id);
    await merge.movePortalRecords(trx, drop.id, keep.id);
    await merge.moveTeleconsultRecords(trx, drop.id, keep.id, isoUtc(ctx.clock.now()));
    // One web account per person: the kept record's stays; the duplicate's moves only when it has none,
    // and otherwise goes with the deleted record (the confirmation page said so).
    const web = webAccountOutcome(await merge.hasWebAccount(trx, keep.id), await merge.hasWebAccount(trx, drop.id));
    if (web === 'moved') await merge.moveWebAccount(trx, drop.id, keep.id);
    const fill = filledFrom(keep, drop);
    const disabled = disabledFrom(keep, drop);
    await merge.deletePatient(trx, drop.id);
    const at = isoUtc(ctx.clock.now());
    const kept = await repo.updatePatient(trx, keep.id, { ...fill, ...disabled, updatedAt: at });
    if (kept) await recordDataChanges(trx, { before: keep, after: kept, by: changedBy(actor, kept), at });
    const detail = [
      `registro ${drop.id} fusionado`,
      `${moved} turnos movidos`,
      `datos completados: ${Object.keys(fill).join(', ') || 'ninguno'}`,
      disabled.disabled === 1 && keep.disabled !== 1 ? 'deshabilitado como el duplicado' : '',
      WEB_ACCOUNT_DETAIL[web],
    ]
      .filter(Boolean)
      .join('; ');
    await audit(
      ctx,
      actor,
      { action: 'patient.merge', patientId: keep.id, target: `paciente:${drop.id}`, detail },
      trx,
    );
    return { patient: patientView(kept as Patient), movedAppointments: moved, filled: Object.keys(fill) };
  });
  return result;
}
