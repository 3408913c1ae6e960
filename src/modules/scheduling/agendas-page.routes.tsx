// What the agenda pages' routes share: loading and rendering /staff/agendas, messages after a redirect, and
// turning a refused save into the form shown again (with the turnos to confirm when that was the reason).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import type { ErrorCode } from '../../errors.js';
import { idField } from '../../platform/http/fields.js';
import { expected, queryOf } from '../../platform/http/request.js';
import { todayIn } from '../../platform/time/zone.js';
import { type StaffPage, sendPage } from '../../views/page.js';
import { listProfessionals, listSpecialties, listStudies } from '../catalog/catalog.service.js';
import { emptyForm } from '../patients/views/form.js';
import type { StaffActor } from '../staff/actor.js';
import { OrphanedAppointmentsError } from './agenda-orphans.service.js';
import { listExceptions } from './agendas.admin.service.js';
import { agendasMessages } from './agendas.messages.js';
import { listAgendas } from './agendas.service.js';
import { AgendasPage, type FormBox } from './views/agendas.js';
import type { OrphanConfirmation, ProfessionalChoice } from './views/agendas-parts.js';
import { link } from './views/common.js';

export const hidden = { schema: { hide: true } };
const AGENDAS_PATH = '/staff/agendas';
/** What a form shows instead of failing: the services' refusals a person can correct. */
export const FORM_ERRORS: readonly ErrorCode[] = [
  'VALIDATION_ERROR',
  'AGENDA_OVERLAP',
  'SERVICE_NOT_OFFERED',
  'NOT_FOUND',
];

/** Back to a professional's agenda (or the center's part of the page) with what happened. */
export const agendasLink = (professionalId: number | null, params: Record<string, string | number> = {}) =>
  link(AGENDAS_PATH, { profesional: professionalId, ...params });

/** The redirect's query after a save: what was done, and how many turnos it left outside the agenda. */
export const done = (ok: string, orphaned: number) => ({ ok, ...(orphaned > 0 ? { fuera: orphaned } : {}) });

/**
 * The box a refused post shows: the typed values and the reason; when the reason is turnos left outside the
 * agenda, their list and a form that posts the same values again, confirmed. Anything unexpected is rethrown.
 */
export function refusedBox(
  error: unknown,
  reply: FastifyReply,
  page: StaffPage,
  posted: { values: Record<string, string>; action: string; hidden: Record<string, string> },
  button: OrphanConfirmation['button'] = 'saveAnyway',
): { box: FormBox; status: number } {
  const form = emptyForm(posted.values);
  if (error instanceof OrphanedAppointmentsError) {
    const values = { ...posted.values, ...posted.hidden };
    const confirm = { orphans: error.orphans, action: posted.action, values, button };
    return { box: { form, alert: error.messageIn(page.lang), confirm }, status: error.status };
  }
  const known = expected(error, reply, FORM_ERRORS);
  return { box: { form, alert: known.messageIn(page.lang) }, status: known.status };
}

/** The professional with the specialties and studies a block of theirs may serve; null when unknown. */
export async function professionalChoice(ctx: AppContext, actor: StaffActor, id: number | null) {
  const [pros, specialties, studies] = await Promise.all([
    listProfessionals(ctx, { actor }),
    listSpecialties(ctx, { actor }),
    listStudies(ctx, { actor }),
  ]);
  const specialtyName = new Map(specialties.map((s) => [s.id, s.name]));
  const studyName = new Map(studies.map((s) => [s.id, s.name]));
  const found = pros.find((p) => p.id === id);
  const professional: ProfessionalChoice | null = found
    ? {
        id: found.id,
        name: found.fullName,
        specialties: found.specialtyIds.map((sid) => ({ id: sid, name: specialtyName.get(sid) ?? String(sid) })),
        studies: found.studyIds.map((sid) => ({ id: sid, name: studyName.get(sid) ?? String(sid) })),
      }
    : null;
  const serviceNames = new Map([
    ...specialties.map((s) => [`especialidad-${s.id}`, s.name] as const),
    ...studies.map((s) => [`estudio-${s.id}`, s.name] as const),
  ]);
  return { professionals: pros.map((p) => ({ id: p.id, name: p.fullName })), professional, serviceNames };
}

function flashOf(request: FastifyRequest, page: StaffPage): string[] {
  const q = queryOf(request);
  const t = agendasMessages(page.lang);
  const texts: string[] = [];
  const simple = {
    horario: 'created',
    guardado: 'saved',
    borrado: 'deleted',
    excepcion: 'exceptionAdded',
    'excepcion-quitada': 'exceptionRemoved',
  } as const;
  if (q.ok && q.ok in simple) texts.push(t(simple[q.ok as keyof typeof simple]));
  if (q.ok === 'feriados' && /^\d{4}$/.test(q.anio ?? '')) {
    const count = (v: string | undefined) => (/^\d{1,3}$/.test(v ?? '') ? (v as string) : '0');
    texts.push(t('holidaysLoaded', { year: q.anio as string, added: count(q.agregados), skipped: count(q.omitidos) }));
  }
  if (q.ok && /^\d{1,5}$/.test(q.fuera ?? '') && q.fuera !== '0')
    texts.push(t('keptOutside', { n: q.fuera as string }));
  return texts;
}

export interface RenderOptions {
  blockForm?: FormBox;
  exceptionForm?: FormBox;
  holidaysForm?: FormBox;
  status?: number;
}

/** /staff/agendas for a professional (or none), with the forms as given or empty. */
export async function renderAgendas(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  page: StaffPage,
  actor: StaffActor,
  professionalId: number | null,
  options: RenderOptions = {},
) {
  const today = todayIn(page.center.timeZone, ctx.clock.now());
  const choice = await professionalChoice(ctx, actor, professionalId);
  const pro = choice.professional;
  const [blocks, exceptions] = await Promise.all([
    pro ? listAgendas(ctx, { actor, professionalId: pro.id }) : [],
    listExceptions(ctx, { actor, professionalId: pro?.id, from: today }),
  ]);
  const blockForm = options.blockForm ?? { form: emptyForm({ service: 'todo', validFrom: today }) };
  const exceptionForm = options.exceptionForm ?? { form: emptyForm({ scope: pro ? 'profesional' : 'centro' }) };
  const holidaysForm = options.holidaysForm ?? { form: emptyForm({ year: today.slice(0, 4) }) };
  return sendPage(
    reply,
    <AgendasPage
      page={page}
      professionals={choice.professionals}
      professional={pro}
      blocks={blocks}
      exceptions={exceptions}
      serviceNames={choice.serviceNames}
      blockForm={blockForm}
      exceptionForm={exceptionForm}
      holidaysForm={holidaysForm}
      flash={flashOf(request, page)}
    />,
    options.status ?? 200,
  );
}

/** The professional a form names in its "profesional" field, or null. */
export function professionalField(fields: Record<string, unknown>): number | null {
  const id = idField.safeParse(fields.profesional);
  return id.success ? id.data : null;
}
