// The portal's home: who is there, their next turno, and what waits in each section.
import type { AppContext } from '../../context.js';
import type { Actor } from '../staff/actor.js';
import { nextCita } from './citas.service.js';
import { requirePortalPatient } from './portal-actor.js';
import { portalCounts } from './portal-home.repo.js';
import { getProfileAccount } from './profile.repo.js';
import { openQuestionnaireCount } from './questionnaire-requests.service.js';

export async function portalHome(ctx: AppContext, input: { actor: Actor }) {
  const patient = await requirePortalPatient(ctx, input.actor);
  const db = ctx.database.db;
  // Questionnaires owed for upcoming turnos are made when listed, and those of cancelled turnos hidden: their
  // count comes from the same list the section shows.
  const [account, counts, questionnaires, next] = await Promise.all([
    getProfileAccount(db, patient.id),
    portalCounts(db, patient.id),
    openQuestionnaireCount(ctx, input),
    nextCita(ctx, input),
  ]);
  return {
    firstName: patient.firstName,
    hasPhoto: Boolean(account?.photoKey),
    counts: { ...counts, questionnaires },
    next,
  };
}

export type PortalHome = Awaited<ReturnType<typeof portalHome>>;
