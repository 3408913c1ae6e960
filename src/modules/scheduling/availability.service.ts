import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import type { AppointmentOrigin, CenterSettings, Professional } from '../../platform/db/schema.js';
import { addDays, formatInZone, startOfDayUtc, todayIn } from '../../platform/time/zone.js';
import * as catalog from '../catalog/catalog.repo.js';
import { fullName } from '../catalog/catalog.service.js';
import { getSettings } from '../center/center.repo.js';
import { type Actor, canSeeProfessional, requireStaff } from '../staff/actor.js';
import { blocksFor, exceptionsFor } from './agendas.repo.js';
import { busyFor } from './appointments.repo.js';
import { computeSlots, firstFree, type Service, type Slot } from './slots.rules.js';

export interface AvailabilityQuery {
  actor: Actor;
  /** web: what a patient may book (web-enabled, within max days ahead); staff: the whole agenda. */
  origin: AppointmentOrigin;
  /** Civil date in the center's zone; default today. */
  from?: string | undefined;
  days: number;
}

type ResolvedQuery = AvailabilityQuery & { from: string };

function resolve(ctx: AppContext, settings: CenterSettings, q: AvailabilityQuery): ResolvedQuery {
  return { ...q, from: q.from ?? todayIn(settings.timeZone, ctx.clock.now()) };
}

/** Formats each instant once per request: the professionals of a specialty share the same few hundred. */
function slotFormatter(zone: string) {
  const seen = new Map<number, string>();
  const format = (ms: number) => {
    let text = seen.get(ms);
    if (text === undefined) {
      text = formatInZone(zone, ms);
      seen.set(ms, text);
    }
    return text;
  };
  return (s: Slot) => ({ start: format(s.startMs), end: format(s.endMs), free: s.free });
}

function groupBy<T>(rows: readonly T[], key: (row: T) => number | null): Map<number | null, T[]> {
  const groups = new Map<number | null, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

function authorize(actor: Actor, origin: AppointmentOrigin) {
  if (origin === 'staff') return requireStaff(actor);
  return null;
}

async function loadWeeks(
  ctx: AppContext,
  settings: CenterSettings,
  pros: readonly Professional[],
  service: Service,
  q: ResolvedQuery,
) {
  const db = ctx.database.db;
  const zone = settings.timeZone;
  const now = ctx.clock.now();
  const ids = pros.map((p) => p.id);
  const lastDate = addDays(q.from, q.days - 1);
  const [blocks, exceptions, busy] = await Promise.all([
    blocksFor(db, ids, q.from, lastDate),
    exceptionsFor(db, ids, q.from, lastDate),
    busyFor(db, ids, startOfDayUtc(zone, q.from), startOfDayUtc(zone, addDays(q.from, q.days))),
  ]);
  const today = todayIn(zone, now);
  const view = slotFormatter(zone);
  const blocksOf = groupBy(blocks, (b) => b.professionalId);
  const exceptionsOf = groupBy(exceptions, (e) => e.professionalId);
  const centerWide = exceptionsOf.get(null) ?? [];
  const busyOf = groupBy(
    busy.map((b) => ({
      professionalId: b.professionalId,
      startMs: Date.parse(b.startsAt),
      endMs: Date.parse(b.endsAt),
    })),
    (b) => b.professionalId,
  );
  return pros.map((p) => {
    const slots = computeSlots({
      zone,
      fromDate: q.from,
      days: q.days,
      blocks: blocksOf.get(p.id) ?? [],
      exceptions: [...centerWide, ...(exceptionsOf.get(p.id) ?? [])],
      busy: busyOf.get(p.id) ?? [],
      service,
      notBeforeMs: now,
      ...(q.origin === 'web' ? { lastDate: addDays(today, p.maxDaysAhead) } : {}),
    });
    const first = firstFree(slots);
    return {
      professional: {
        id: p.id,
        fullName: fullName(p),
        generalMessage: p.generalMessage,
        bookingMessage: p.bookingMessage,
        maxDaysAhead: p.maxDaysAhead,
      },
      firstFree: first ? view(first) : null,
      slots: slots.map(view),
    };
  });
}

function webChecks(settings: CenterSettings, q: AvailabilityQuery) {
  if (q.origin === 'web' && settings.webBookingEnabled !== 1) throw new AppError('WEB_BOOKING_DISABLED');
}

/** The specialty or study exists (and, for the web, is enabled for it). */
async function requireService(ctx: AppContext, service: NonNullable<Service>, web: boolean) {
  const db = ctx.database.db;
  const entity =
    'specialtyId' in service
      ? await catalog.getSpecialty(db, service.specialtyId)
      : await catalog.getStudy(db, service.studyId);
  const label = 'specialtyId' in service ? `la especialidad ${service.specialtyId}` : `el estudio ${service.studyId}`;
  if (!entity || (web && entity.webEnabled !== 1)) throw new AppError('NOT_FOUND', { what: label });
}

/** One professional's slots, e.g. the week grid. */
export async function professionalAvailability(
  ctx: AppContext,
  q: AvailabilityQuery & { professionalId: number; service?: Service },
) {
  const staff = authorize(q.actor, q.origin);
  if (staff && !canSeeProfessional(staff, q.professionalId)) throw new AppError('FORBIDDEN');
  const db = ctx.database.db;
  const [settings, professional] = await Promise.all([getSettings(db), catalog.getProfessional(db, q.professionalId)]);
  if (!professional || (q.origin === 'web' && professional.webEnabled !== 1)) {
    throw new AppError('NOT_FOUND', { what: `el profesional ${q.professionalId}` });
  }
  webChecks(settings, q);
  if (q.service) {
    await requireService(ctx, q.service, q.origin === 'web');
    // The grid must not offer what booking would refuse.
    if (!(await catalog.professionalOffers(db, professional.id, q.service))) {
      throw new AppError('WRONG_SERVICE', { what: 'specialtyId' in q.service ? 'esa especialidad' : 'ese estudio' });
    }
  }
  const r = resolve(ctx, settings, q);
  const week = (await loadWeeks(ctx, settings, [professional], q.service ?? null, r))[0]!;
  return { from: r.from, days: r.days, nextFrom: addDays(r.from, r.days), ...week };
}

/** Every professional who attends a specialty or performs a study, alphabetically, each with the week's slots. */
export async function serviceAvailability(ctx: AppContext, q: AvailabilityQuery & { service: NonNullable<Service> }) {
  const staff = authorize(q.actor, q.origin);
  const db = ctx.database.db;
  const web = q.origin === 'web';
  const settings = await getSettings(db);
  webChecks(settings, q);
  await requireService(ctx, q.service, web);
  let pros = await catalog.listProfessionals(db, { webOnly: web, ...q.service });
  if (staff) pros = pros.filter((p) => canSeeProfessional(staff, p.id));
  const r = resolve(ctx, settings, q);
  return {
    from: r.from,
    days: r.days,
    nextFrom: addDays(r.from, r.days),
    professionals: await loadWeeks(ctx, settings, pros, q.service, r),
  };
}
