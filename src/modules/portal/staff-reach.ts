// Which patients a professional reaches in the portal's back office: the one rule for documents and questionnaires.
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import type { StaffActor } from '../staff/actor.js';
import { hasTurnoWith } from './staff-reach.repo.js';

/**
 * Professionals reach only patients with a turno with them that was not cancelled (a cancelled booking is no
 * clinical relation); the desk and administration reach everyone. Throws FORBIDDEN otherwise.
 */
export async function requireStaffReach(ctx: AppContext, staff: StaffActor, patientId: number): Promise<void> {
  if (staff.role !== 'professional') return;
  const own = staff.professionalId !== null && (await hasTurnoWith(ctx.database.db, patientId, staff.professionalId));
  if (!own) throw new AppError('FORBIDDEN');
}
