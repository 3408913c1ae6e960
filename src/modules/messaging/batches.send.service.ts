// ENVIAR MAILS / SMS / WHATSAPP: one transaction renders every kept row and writes its outbox message, and
// turns the draft into "queued" — guarded, so a double click or a second tab never queues the list twice.
// The outbox worker then sends them one by one; the batch's page follows them from the outbox.
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import type { MessageTemplate } from '../../platform/db/schema.js';
import { enqueueMessages, type OutgoingMessage } from '../../platform/outbox/outbox.js';
import { loadSecret } from '../../platform/secrets.js';
import { isoUtc } from '../../platform/time/zone.js';
import { type CenterView, getCenter } from '../center/center.service.js';
import { type Actor, requireStaff } from '../staff/actor.js';
import * as repo from './batches.repo.js';
import { PATIENT_MESSAGE_TTL_MS } from './batches.rules.js';
import { appointmentValues, type LinkSigner, patientValues } from './message-values.js';
import { appointmentRecipients, patientRecipients } from './recipients.repo.js';
import { renderMessage } from './template-render.js';
import { findTemplate } from './templates.repo.js';
import type { PlaceholderValues } from './templates.rules.js';

const ROLES = ['admin', 'reception'] as const;

/** What one row's message says, and until when it is worth sending. */
interface RowMessage {
  values: PlaceholderValues;
  appointmentId: number | null;
  deadlineMs: number;
}

function outgoing(
  template: MessageTemplate,
  row: repo.BatchRow,
  message: RowMessage,
  origin: { batchId: number; templateId: number; sentBy: string },
): OutgoingMessage {
  const rendered = renderMessage(template, message.values);
  const common = {
    ...origin,
    kind: 'reminder',
    patientId: row.patientId,
    appointmentId: message.appointmentId,
    deadlineMs: message.deadlineMs,
    to: row.recipient,
    text: rendered.text,
  };
  if (template.channel === 'mail') return { ...common, subject: rendered.subject, html: rendered.html };
  return { ...common, channel: template.channel, ...(rendered.payload ? { payload: rendered.payload } : {}) };
}

export interface SendResult {
  id: number;
  /** Messages written to the outbox. */
  queued: number;
  /** Rows whose turno was cancelled, attended or already started since the list was made. */
  skipped: number;
}

export async function sendBatch(
  ctx: AppContext,
  input: { actor: Actor; id: number /** The center's public address, for links. */; baseUrl: string },
): Promise<SendResult> {
  const actor = requireStaff(input.actor, ROLES);
  const db = ctx.database.db;
  const [center, secret] = await Promise.all([getCenter(ctx), loadSecret(db, 'reminder-links')]);
  const links: LinkSigner = { baseUrl: input.baseUrl, secret };
  const now = ctx.clock.now();
  return db.transaction().execute(async (trx) => {
    const batch = await repo.findBatch(trx, input.id);
    if (!batch) throw new AppError('NOT_FOUND', { what: `el listado de envío ${input.id}` });
    // First, so a second request waits here for the first to commit and then finds nothing to update.
    if (!(await repo.markQueued(trx, batch.id, isoUtc(now)))) throw new AppError('BATCH_ALREADY_SENT');
    const found = await findTemplate(trx, batch.templateId);
    if (!found) throw new AppError('NOT_FOUND', { what: `la plantilla ${batch.templateId}` });
    // The list's channel decides the recipients it holds (an e-mail or a mobile).
    const template: MessageTemplate = { ...found, channel: batch.channel };
    const rows = await repo.keptRows(trx, batch.id);
    if (rows.length === 0) throw new AppError('BATCH_EMPTY');
    const messageOf =
      batch.audience === 'appointments'
        ? await turnoMessage(trx, rows, center, links, now)
        : await patientMessage(trx, rows, center, now);
    const origin = { batchId: batch.id, templateId: template.id, sentBy: actor.name };
    const messages: OutgoingMessage[] = [];
    for (const row of rows) {
      const message = messageOf(row);
      if (message) messages.push(outgoing(template, row, message, origin));
    }
    if (messages.length === 0) throw new AppError('BATCH_EMPTY');
    await enqueueMessages(trx, messages, now);
    return { id: batch.id, queued: messages.length, skipped: rows.length - messages.length };
  });
}

type Db = Parameters<typeof repo.keptRows>[0];
/** null: the row is no longer worth a message. */
type MessageOf = (row: repo.BatchRow) => RowMessage | null;

async function turnoMessage(db: Db, rows: repo.BatchRow[], center: CenterView, links: LinkSigner, now: number) {
  const ids = rows.map((r) => r.appointmentId as number);
  const turnos = new Map((await appointmentRecipients(db, ids)).map((t) => [t.appointmentId, t]));
  return ((row) => {
    const turno = turnos.get(row.appointmentId as number);
    const startsMs = turno ? Date.parse(turno.startsAt) : 0;
    // Deleted, cancelled or moved into the past since the list was made: a reminder would be wrong or late.
    if (turno?.status !== 'reserved' || startsMs <= now) return null;
    return {
      values: appointmentValues(turno, center, links),
      appointmentId: turno.appointmentId,
      deadlineMs: startsMs,
    };
  }) satisfies MessageOf;
}

async function patientMessage(db: Db, rows: repo.BatchRow[], center: CenterView, now: number) {
  const ids = rows.map((r) => r.patientId);
  const patients = new Map((await patientRecipients(db, ids)).map((p) => [p.patientId, p]));
  return ((row) => {
    const patient = patients.get(row.patientId);
    if (!patient) return null;
    return { values: patientValues(patient, center), appointmentId: null, deadlineMs: now + PATIENT_MESSAGE_TTL_MS };
  }) satisfies MessageOf;
}
