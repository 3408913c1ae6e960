// Ley 25.326 / 26.529: every staff read or change of a patient's data leaves a row saying who, what,
// which patient, when and from where. Services call `audit` for staff actors; patients' own actions
// and public pages are not staff access and are not logged here.
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.js';
import type { DB } from '../../platform/db/schema.js';
import { dayRangeUtc } from '../../platform/time/day-range.js';
import { isoUtc } from '../../platform/time/zone.js';
import { getCenter } from '../center/center.service.js';
import { type Actor, requireStaff } from './actor.js';
import { type AuditFilter, insertEntry, listEntries } from './audit.repo.js';

/** What was done, as stable codes (the log is filtered by them). */
export type AuditAction =
  | 'patient.read'
  | 'patient.search'
  | 'patient.create'
  | 'patient.update'
  | 'patient.merge'
  | 'web_account.read'
  | 'web_account.create'
  | 'web_account.update'
  | 'web_account.list'
  | 'web_account.resend_activation'
  | 'web_account.password_reset_mail'
  | 'appointment.read'
  | 'appointment.list'
  | 'appointment.create'
  | 'appointment.update'
  | 'appointment.cancel'
  | 'appointment.delete'
  | 'appointment.attendance'
  | 'appointment.export'
  | 'message.list'
  | 'message.export'
  | 'staff.login'
  | 'staff.login_failed'
  | 'staff_user.create'
  | 'staff_user.update'
  | 'portal.enable'
  | 'portal.disable'
  | 'portal.access_mail'
  | 'document.list'
  | 'document.read'
  | 'document.upload'
  | 'document.delete'
  | 'questionnaire.list'
  | 'questionnaire.read'
  | 'questionnaire.assign'
  | 'invoice.list'
  | 'invoice.read'
  | 'invoice.create'
  | 'invoice.update'
  | 'token.verify'
  | 'token.verify_failed'
  | 'token.lockout'
  | 'token.series_revoke'
  | 'conformity.read'
  | 'teleconsult.update'
  | 'credential.scan'
  | 'patient.data_history';

export interface AuditEvent {
  action: AuditAction;
  patientId?: number | null;
  /** What was touched besides the patient, e.g. "turno:12". */
  target?: string;
  /** A short note; never clinical text or passwords. */
  detail?: string;
}

/**
 * Records the event when the actor is staff (a no-op for patients and the public). Pass the transaction
 * when the change runs in one, so the row commits or rolls back with it.
 */
export async function audit(ctx: AppContext, actor: Actor, event: AuditEvent, db: Kysely<DB> = ctx.database.db) {
  if (actor.kind !== 'staff') return;
  await insertEntry(db, {
    at: isoUtc(ctx.clock.now()),
    actorRef: actor.ref,
    actorName: actor.name,
    action: event.action,
    patientId: event.patientId ?? null,
    target: event.target ?? '',
    ip: actor.ip,
    detail: event.detail ?? '',
  });
}

/** Admins only: the log is itself patient data. */
export async function readAuditLog(ctx: AppContext, input: { actor: Actor; filter: AuditFilter }) {
  requireStaff(input.actor, ['admin']);
  return listEntries(ctx.database.db, input.filter);
}

export interface AuditQuery {
  patientId?: number | undefined;
  actor?: string | undefined;
  action?: string | undefined;
  /** Dates in the center's zone, both inclusive. */
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  offset: number;
}

/** The page's and the API's filter (dates of the center) as the repository's (instants). */
export async function auditFilterOf(ctx: AppContext, q: AuditQuery): Promise<AuditFilter> {
  const range = dayRangeUtc((await getCenter(ctx)).timeZone, q.from, q.to);
  return {
    ...(q.patientId !== undefined ? { patientId: q.patientId } : {}),
    ...(q.actor ? { actorRef: q.actor } : {}),
    ...(q.action ? { action: q.action } : {}),
    ...(range.from ? { from: range.from } : {}),
    ...(range.before ? { to: range.before } : {}),
    limit: q.limit,
    offset: q.offset,
  };
}
