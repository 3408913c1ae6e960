import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import type { Insurer, Professional, Specialty, Study } from '../../platform/db/schema.js';
import { type Actor, isStaff } from '../staff/actor.js';
import * as repo from './catalog.repo.js';

// The public (and patients) see only what the center enabled for the web; staff see everything.
const webOnly = (actor: Actor) => !isStaff(actor);

export const specialtyView = (s: Specialty) => ({
  id: s.id,
  name: s.name,
  webName: s.webName,
  webEnabled: s.webEnabled === 1,
});

export const studyView = (s: Study) => ({
  id: s.id,
  name: s.name,
  indication: s.indication,
  webEnabled: s.webEnabled === 1,
});

export const insurerView = (i: Insurer) => ({
  id: i.id,
  name: i.name,
  webName: i.webName,
  webEnabled: i.webEnabled === 1,
  selfPay: i.selfPay === 1,
  generalMessage: i.generalMessage,
  bookingMessage: i.bookingMessage,
});

export const fullName = (p: Pick<Professional, 'lastName' | 'firstName'>) => `${p.lastName} ${p.firstName}`;

/** The e-mail only for staff (`withEmail`): the public catalog never shows it. */
export function professionalView(p: Professional, services: repo.ProfessionalServices, withEmail = false) {
  return {
    id: p.id,
    lastName: p.lastName,
    firstName: p.firstName,
    fullName: fullName(p),
    licenceNumber: p.licenceNumber,
    webEnabled: p.webEnabled === 1,
    generalMessage: p.generalMessage,
    bookingMessage: p.bookingMessage,
    maxDaysAhead: p.maxDaysAhead,
    specialtyIds: services.specialtyIds.get(p.id) ?? [],
    studyIds: services.studyIds.get(p.id) ?? [],
    email: withEmail ? p.email : undefined,
  };
}

export async function listSpecialties(ctx: AppContext, input: { actor: Actor }) {
  return (await repo.listSpecialties(ctx.database.db, webOnly(input.actor))).map(specialtyView);
}

export async function listStudies(ctx: AppContext, input: { actor: Actor }) {
  return (await repo.listStudies(ctx.database.db, webOnly(input.actor))).map(studyView);
}

export async function listInsurers(ctx: AppContext, input: { actor: Actor }) {
  return (await repo.listInsurers(ctx.database.db, webOnly(input.actor))).map(insurerView);
}

export async function listProfessionals(
  ctx: AppContext,
  input: { actor: Actor; specialtyId?: number | undefined; studyId?: number | undefined },
) {
  const db = ctx.database.db;
  const pros = await repo.listProfessionals(db, {
    webOnly: webOnly(input.actor),
    specialtyId: input.specialtyId,
    studyId: input.studyId,
  });
  const services = await repo.servicesOf(
    db,
    pros.map((p) => p.id),
  );
  return pros.map((p) => professionalView(p, services, isStaff(input.actor)));
}

/** One entry, for an edit form or a link: hidden ones answer 404 to whoever may not list them. */
function visible<T extends { webEnabled: number }>(actor: Actor, row: T | undefined, what: string): T {
  if (!row || (webOnly(actor) && row.webEnabled !== 1)) throw new AppError('NOT_FOUND', { what });
  return row;
}

export async function getSpecialty(ctx: AppContext, input: { actor: Actor; id: number }) {
  const row = await repo.getSpecialty(ctx.database.db, input.id);
  return specialtyView(visible(input.actor, row, `la especialidad ${input.id}`));
}

export async function getStudy(ctx: AppContext, input: { actor: Actor; id: number }) {
  const row = await repo.getStudy(ctx.database.db, input.id);
  return studyView(visible(input.actor, row, `el estudio ${input.id}`));
}

export async function getInsurer(ctx: AppContext, input: { actor: Actor; id: number }) {
  const row = await repo.getInsurer(ctx.database.db, input.id);
  return insurerView(visible(input.actor, row, `la obra social ${input.id}`));
}

export async function getProfessional(ctx: AppContext, input: { actor: Actor; id: number }) {
  const db = ctx.database.db;
  const row = visible(input.actor, await repo.getProfessional(db, input.id), `el profesional ${input.id}`);
  return professionalView(row, await repo.servicesOf(db, [row.id]), isStaff(input.actor));
}
