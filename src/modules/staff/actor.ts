import { AppError } from '../../errors.js';
import type { StaffRole } from '../../platform/db/schema.js';

/** Who is asking. Services authorize on their first line with the helpers below. */
export type Actor =
  | { kind: 'public' }
  | { kind: 'patient'; patientId: number }
  | {
      kind: 'staff';
      /** "usuario:3", "token:5" or "cli": what the audit log records as who. */
      ref: string;
      name: string;
      role: StaffRole;
      professionalId: number | null;
      /** Where the request came from, for the audit log ('' outside HTTP). */
      ip: string;
    };

export type StaffActor = Extract<Actor, { kind: 'staff' }>;

export const publicActor: Actor = { kind: 'public' };

export function requireStaff(
  actor: Actor,
  roles: readonly StaffRole[] = ['admin', 'reception', 'professional'],
): StaffActor {
  if (actor.kind === 'public') throw new AppError('UNAUTHENTICATED');
  if (actor.kind !== 'staff' || !roles.includes(actor.role)) throw new AppError('FORBIDDEN');
  return actor;
}

export function isStaff(actor: Actor): actor is StaffActor {
  return actor.kind === 'staff';
}

/** A professional-role actor only sees their own agenda. */
export function canSeeProfessional(actor: StaffActor, professionalId: number): boolean {
  return actor.role !== 'professional' || actor.professionalId === professionalId;
}
