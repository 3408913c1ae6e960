// The conformity records as staff read them: the constancia's data, the day's teleconsultation turnos to
// verify, the desk's "Conformidad registrada" marks, and the patients whose verification is locked.
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { addDays, isoUtc, minutesToTime, startOfDayUtc, todayIn, utcToCivil } from '../../platform/time/zone.js';
import { getSettings } from '../center/center.repo.js';
import { requireStaffReach } from '../portal/staff-reach.js';
import { type Actor, canSeeProfessional, requireStaff } from '../staff/actor.js';
import { audit } from '../staff/audit.service.js';
import * as repo from './conformity.repo.js';
import { lockedPatients as lockedRows, setLockedUntil } from './verify.repo.js';

const DESK = ['admin', 'reception'] as const;

/** Civil date and time in the center's zone: "2026-11-23", "09:20". */
function civil(zone: string, iso: string) {
  const c = utcToCivil(zone, Date.parse(iso));
  return { date: c.date, time: minutesToTime(c.minutes) };
}

export function conformityView(zone: string, centerName: string, r: repo.ConformityRecord) {
  const verified = civil(zone, r.verifiedAt);
  const turno = r.startsAt ? civil(zone, r.startsAt) : null;
  return {
    id: r.id,
    centerName,
    patientId: r.patientId,
    patientName: `${r.lastName}, ${r.firstName}`,
    dni: r.dni,
    insurerName: r.insurerName ?? '',
    memberNumber: r.memberNumber,
    insurancePlan: r.insurancePlan,
    appointmentId: r.appointmentId,
    turnoDate: turno?.date ?? null,
    turnoTime: turno?.time ?? null,
    teleconsult: r.teleconsult === 1,
    professional: r.professionalLastName ? `${r.professionalLastName} ${r.professionalFirstName ?? ''}`.trim() : '',
    service: r.studyName ?? r.specialtyName ?? '',
    codeKind: r.codeKind,
    verifiedAt: r.verifiedAt,
    verifiedDate: verified.date,
    verifiedTime: verified.time,
    verifiedBy: r.verifiedByName,
    via: r.via,
  };
}

export type ConformityView = ReturnType<typeof conformityView>;

/** One conformity, for its confirmation panel, its constancia and the API; reading it is audited. */
export async function getConformity(ctx: AppContext, input: { actor: Actor; id: number }): Promise<ConformityView> {
  const staff = requireStaff(input.actor);
  const db = ctx.database.db;
  const r = await repo.conformityRecord(db, input.id);
  const notFound = () => new AppError('NOT_FOUND', { what: `la conformidad ${input.id}` });
  if (!r) throw notFound();
  if (r.professionalId !== null) {
    if (!canSeeProfessional(staff, r.professionalId)) throw notFound();
  } else if (staff.role === 'professional') {
    await requireStaffReach(ctx, staff, r.patientId).catch(() => {
      throw notFound();
    });
  }
  const settings = await getSettings(db);
  await audit(ctx, staff, {
    action: 'conformity.read',
    patientId: r.patientId,
    target: r.appointmentId === null ? `conformidad:${r.id}` : `turno:${r.appointmentId}`,
  });
  return conformityView(settings.timeZone, settings.name, r);
}

/** Today's teleconsultation turnos the actor may verify (a professional: their own), earliest first. */
export async function todaysTeleconsults(ctx: AppContext, input: { actor: Actor }) {
  const staff = requireStaff(input.actor);
  const db = ctx.database.db;
  const zone = (await getSettings(db)).timeZone;
  const today = todayIn(zone, ctx.clock.now());
  const professionalId = staff.role === 'professional' ? (staff.professionalId ?? -1) : null;
  const rows = await repo.teleconsultTurnos(
    db,
    isoUtc(startOfDayUtc(zone, today)),
    isoUtc(startOfDayUtc(zone, addDays(today, 1))),
    professionalId,
  );
  await audit(ctx, staff, { action: 'appointment.list', detail: `teleconsultas ${today}` });
  return rows.map((r) => ({
    id: r.id,
    time: civil(zone, r.startsAt).time,
    status: r.status,
    patientId: r.patientId,
    patientName: `${r.lastName}, ${r.firstName}`,
    dni: r.dni,
    professional: `${r.professionalLastName} ${r.professionalFirstName}`,
    videoUrl: r.videoUrl,
    conformityId: r.conformityId,
    verifiedTime: r.verifiedAt ? civil(zone, r.verifiedAt).time : null,
  }));
}

/** The desk's marks: which of these turnos have the conformity, and when ("hh:mm" in the center's zone). */
export async function conformitiesOfTurnos(ctx: AppContext, input: { actor: Actor; appointmentIds: number[] }) {
  requireStaff(input.actor);
  const db = ctx.database.db;
  const rows = await repo.conformitiesOfTurnos(db, input.appointmentIds);
  if (rows.length === 0) return new Map<number, { id: number; time: string }>();
  const zone = (await getSettings(db)).timeZone;
  return new Map(rows.map((r) => [r.appointmentId as number, { id: r.id, time: civil(zone, r.verifiedAt).time }]));
}

/** Patients whose verification is locked right now: the desk and administration may lift it. */
export async function lockedPatients(ctx: AppContext, input: { actor: Actor }) {
  requireStaff(input.actor, DESK);
  const db = ctx.database.db;
  const zone = (await getSettings(db)).timeZone;
  const rows = await lockedRows(db, isoUtc(ctx.clock.now()));
  return rows.map((r) => ({
    patientId: r.id,
    name: `${r.lastName}, ${r.firstName}`,
    dni: r.dni,
    until: civil(zone, r.lockedUntil as string).time,
  }));
}

/** Lifts a lock now; the failures before it no longer count toward the next one. */
export async function unlockPatient(ctx: AppContext, input: { actor: Actor; patientId: number }) {
  const staff = requireStaff(input.actor, DESK);
  const now = isoUtc(ctx.clock.now());
  await ctx.database.db.transaction().execute(async (trx) => {
    await setLockedUntil(trx, input.patientId, now);
    await audit(ctx, staff, { action: 'token.lockout', patientId: input.patientId, detail: 'desbloqueo' }, trx);
  });
}
