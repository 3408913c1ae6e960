// Plantillas: the messages patients get by mail, SMS or WhatsApp. Admins write them; reception reads them
// (the send desk lists them). A misspelt placeholder is refused at save time, never sent as "[[PACIENT]]".
import type { AppContext } from '../../context.js';
import { AppError, errorMessage, type Lang } from '../../errors.js';
import type { MessageChannel, MessageTemplate, StaffRole } from '../../platform/db/schema.js';
import { loadSecret } from '../../platform/secrets.js';
import { isoUtc } from '../../platform/time/zone.js';
import { getCenter } from '../center/center.service.js';
import { type Actor, requireStaff } from '../staff/actor.js';
import { audit } from '../staff/audit.service.js';
import { appointmentValues, patientFullName } from './message-values.js';
import { appointmentRecipients } from './recipients.repo.js';
import { smsSegments } from './sms.rules.js';
import { type InputProblem, normalizeTemplateInput, templateInputProblems } from './template-input.rules.js';
import { renderMessage } from './template-render.js';
import { sampleLink, sampleValues, type WorstCaseHints } from './template-values.rules.js';
import { problemsSummary } from './templates.messages.js';
import * as repo from './templates.repo.js';
import { usedPlaceholders } from './templates.rules.js';

const WRITERS: StaffRole[] = ['admin'];
const READERS: StaffRole[] = ['admin', 'reception'];

/** Refused input: every problem with its field, and a message listing them (422 when a placeholder is wrong). */
export class TemplateInvalidError extends AppError {
  constructor(readonly problems: InputProblem[]) {
    super(problems.some((p) => p.kind === 'placeholder') ? 'TEMPLATE_INVALID' : 'VALIDATION_ERROR', {
      detail: problemsSummary('es', problems),
    });
  }

  override messageIn(lang: Lang): string {
    return errorMessage(this.code, lang, { detail: problemsSummary(lang, this.problems) });
  }
}

export interface TemplateView {
  id: number;
  channel: MessageChannel;
  title: string;
  body: string;
  waTemplate: string;
  waLanguage: string;
  /** The known placeholders the body uses, in order: for WhatsApp, what fills {{1}}, {{2}}… */
  placeholders: string[];
  createdAt: string;
  updatedAt: string;
}

export const templateView = (t: MessageTemplate): TemplateView => ({
  id: t.id,
  channel: t.channel,
  title: t.title,
  body: t.body,
  waTemplate: t.waTemplate,
  waLanguage: t.waLanguage,
  placeholders: usedPlaceholders(t.body),
  createdAt: t.createdAt,
  updatedAt: t.updatedAt,
});

export interface TemplateDraft {
  title?: string | undefined;
  body?: string | undefined;
  waTemplate?: string | undefined;
  waLanguage?: string | undefined;
}

const notFound = (id: number): never => {
  throw new AppError('NOT_FOUND', { what: `la plantilla ${id}` });
};

/** As it will be stored, or TemplateInvalidError with every problem. */
function checked(channel: MessageChannel, draft: TemplateDraft) {
  const input = normalizeTemplateInput({ channel, ...draft });
  const problems = templateInputProblems(input);
  if (problems.length > 0) throw new TemplateInvalidError(problems);
  return input;
}

export async function listTemplates(ctx: AppContext, input: { actor: Actor; channel?: MessageChannel | undefined }) {
  requireStaff(input.actor, READERS);
  return (await repo.listTemplateRows(ctx.database.db, input.channel)).map(templateView);
}

export async function getTemplate(ctx: AppContext, input: { actor: Actor; id: number }) {
  requireStaff(input.actor, READERS);
  return templateView((await repo.findTemplate(ctx.database.db, input.id)) ?? notFound(input.id));
}

export async function createTemplate(
  ctx: AppContext,
  input: { actor: Actor; channel: MessageChannel; template: TemplateDraft },
) {
  requireStaff(input.actor, WRITERS);
  const now = isoUtc(ctx.clock.now());
  const row = await repo.insertTemplate(ctx.database.db, {
    ...checked(input.channel, input.template),
    createdAt: now,
    updatedAt: now,
  });
  return templateView(row);
}

/** Replaces title, body and (WhatsApp) the approved template; the channel stays what it was created as. */
export async function updateTemplate(ctx: AppContext, input: { actor: Actor; id: number; template: TemplateDraft }) {
  requireStaff(input.actor, WRITERS);
  const db = ctx.database.db;
  const current = (await repo.findTemplate(db, input.id)) ?? notFound(input.id);
  const { channel: _, ...changes } = checked(current.channel, input.template);
  const row = await repo.updateTemplateRow(db, input.id, { ...changes, updatedAt: isoUtc(ctx.clock.now()) });
  return templateView(row ?? notFound(input.id));
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export async function deleteTemplate(ctx: AppContext, input: { actor: Actor; id: number }) {
  requireStaff(input.actor, WRITERS);
  const db = ctx.database.db;
  const template = (await repo.findTemplate(db, input.id)) ?? notFound(input.id);
  const refuseIfUsed = async (from: typeof db) => {
    const uses = await repo.templateUses(from, input.id);
    const parts = [
      uses.rules > 0 ? plural(uses.rules, 'recordatorio automático', 'recordatorios automáticos') : '',
      uses.batches > 0 ? plural(uses.batches, 'lista de envío', 'listas de envío') : '',
    ].filter(Boolean);
    if (parts.length === 0) return;
    throw new AppError('IN_USE', {
      action: `borrar la plantilla «${template.title}»`,
      uses: `la ${uses.rules + uses.batches === 1 ? 'usa' : 'usan'} ${parts.join(' y ')}`,
      hint: 'Las listas de envío la conservan para el registro de envíos; un recordatorio automático se cambia o se borra en Recordatorios automáticos.',
    });
  };
  try {
    const deleted = await db.transaction().execute(async (trx) => {
      await refuseIfUsed(trx);
      return repo.deleteTemplateRow(trx, input.id);
    });
    if (!deleted) notFound(input.id);
  } catch (e) {
    // A rule or list made a moment ago makes the foreign key refuse the delete: say why.
    if (!(e instanceof AppError)) await refuseIfUsed(db);
    throw e;
  }
}

export interface TemplatePreview {
  /** The turno it was rendered for; null when there was none and sample values were used. */
  appointment: { id: number; startsAt: string; patientName: string } | null;
  subject: string;
  text: string;
  html: string;
  /** SMS only: the real count of this rendering. */
  sms?: { characters: number; segments: number; encoding: 'GSM-7' | 'UCS-2' };
  /** WhatsApp only: the approved template and its {{1}}, {{2}}… values. */
  whatsapp?: { name: string; language: string; bodyParameters: string[] };
}

/**
 * The template rendered for a real turno (the one asked for, else the next reserved one) with the same
 * values a reminder would carry, links included. Reading a turno shows a patient's data: it is audited.
 */
export async function previewTemplate(
  ctx: AppContext,
  input: { actor: Actor; id: number; appointmentId?: number | undefined; baseUrl: string },
): Promise<TemplatePreview> {
  const actor = requireStaff(input.actor, READERS);
  const db = ctx.database.db;
  const template = (await repo.findTemplate(db, input.id)) ?? notFound(input.id);
  const appointmentId = input.appointmentId ?? (await repo.nextReservedAppointmentId(db, isoUtc(ctx.clock.now())));
  const [row] = appointmentId === undefined ? [] : await appointmentRecipients(db, [appointmentId]);
  if (input.appointmentId !== undefined && !row) {
    throw new AppError('NOT_FOUND', { what: `el turno N° ${input.appointmentId}` });
  }
  const center = await getCenter(ctx);
  const values = row
    ? appointmentValues(row, center, { baseUrl: input.baseUrl, secret: await loadSecret(db, 'reminder-links') })
    : sampleValues({
        CENTRO: center.name,
        DIRECCION: center.address,
        TELEFONO: center.phones,
        CONFIRMAR: sampleLink(input.baseUrl, 'confirm'),
        CANCELAR: sampleLink(input.baseUrl, 'cancel'),
      });
  if (row) {
    await audit(ctx, actor, {
      action: 'appointment.read',
      patientId: row.patientId,
      target: `turno:${row.appointmentId}`,
      detail: `vista previa de la plantilla ${template.id}`,
    });
  }
  const message = renderMessage(template, values);
  const preview: TemplatePreview = {
    appointment: row ? { id: row.appointmentId, startsAt: row.startsAt, patientName: patientFullName(row) } : null,
    subject: message.subject,
    text: message.text,
    html: message.html,
  };
  if (template.channel === 'sms') {
    const count = smsSegments(message.text);
    preview.sms = { characters: count.units, segments: count.segments, encoding: count.encoding };
  }
  if (message.payload) preview.whatsapp = message.payload;
  return preview;
}

/** What the SMS editor counts with: the center's own data and its longest catalog names. */
export async function smsCountHints(
  ctx: AppContext,
  input: { actor: Actor; baseUrl: string },
): Promise<WorstCaseHints> {
  requireStaff(input.actor, READERS);
  const [center, names] = await Promise.all([getCenter(ctx), repo.catalogNames(ctx.database.db)]);
  return {
    ...names,
    center: center.name,
    address: center.address,
    phone: center.phones,
    baseUrl: input.baseUrl,
  };
}
