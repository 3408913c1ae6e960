// Citas: the patient's pending turnos and the rest, for the portal page and for GET /me/appointments?scope=.
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { isoUtc } from '../../platform/time/zone.js';
import { getSettings } from '../center/center.repo.js';
import { appointmentView } from '../scheduling/appointment.view.js';
import { patientAppointmentItems } from '../scheduling/web-appointments.service.js';
import type { Actor } from '../staff/actor.js';
import { type CitasScope, listCitas } from './citas.repo.js';
import { requirePortalPatient } from './portal-actor.js';

export type { CitasScope };

/** Past turnos per page of Citas. */
export const CITAS_PAGE = 20;
/** More pending turnos than anyone has: the web's limits keep a patient's future turnos few. */
const PENDING_MAX = 200;

/**
 * The logged-in patient's own turnos of one scope, as the API shows them. Any patient with a session may
 * ask (the booking web's accounts too, like the rest of GET /me/appointments), only ever for their own.
 */
export async function myAppointmentsIn(
  ctx: AppContext,
  input: { actor: Actor; scope: CitasScope; limit: number; offset: number },
) {
  const { actor } = input;
  if (actor.kind !== 'patient') throw new AppError(actor.kind === 'public' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
  const db = ctx.database.db;
  const [rows, settings] = await Promise.all([
    listCitas(db, {
      patientId: actor.patientId,
      scope: input.scope,
      now: isoUtc(ctx.clock.now()),
      limit: input.limit,
      offset: input.offset,
    }),
    getSettings(db),
  ]);
  return rows.map((a) => appointmentView(settings.timeZone, a));
}

/** The portal's Citas: every pending turno, and one page of the others (newest first). */
export async function portalCitas(ctx: AppContext, input: { actor: Actor; page: number }) {
  await requirePortalPatient(ctx, input.actor);
  const offset = (Math.max(1, input.page) - 1) * CITAS_PAGE;
  const [pending, past] = await Promise.all([
    myAppointmentsIn(ctx, { actor: input.actor, scope: 'pending', limit: PENDING_MAX, offset: 0 }),
    // One more than a page tells whether an older page exists.
    myAppointmentsIn(ctx, { actor: input.actor, scope: 'past', limit: CITAS_PAGE + 1, offset }),
  ]);
  const shownPast = past.slice(0, CITAS_PAGE);
  const { zone, items } = await patientAppointmentItems(ctx, [...pending, ...shownPast]);
  return {
    zone,
    pending: items.slice(0, pending.length),
    past: items.slice(pending.length),
    hasOlder: past.length > CITAS_PAGE,
  };
}

/** The soonest pending turno, with names, for the portal's home; null when none. */
export async function nextCita(ctx: AppContext, input: { actor: Actor }) {
  const [next] = await myAppointmentsIn(ctx, { actor: input.actor, scope: 'pending', limit: 1, offset: 0 });
  if (!next) return null;
  const { zone, items } = await patientAppointmentItems(ctx, [next]);
  const item = items[0];
  return item ? { zone, ...item } : null;
}
