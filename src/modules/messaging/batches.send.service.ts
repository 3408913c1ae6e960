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

interface Origin {
  patientId: number;
  appointmentId: number | null;
  batchId: number;
  templateId: number;
  sentBy: string;
  deadlineMs: number;
}

function outgoing(template: MessageTemplate, recipient: string, values: PlaceholderValues, origin: Origin) {
  const rendered = renderMessage(template, values);
  const common = { kind: 'reminder', to: recipient, text: rendered.text, ...origin };
  if (template.channel === 'mail') {
    return { ...common, subject: rendered.subject, html: rendered.html } satisfies OutgoingMessage;
  }
  return {
    ...common,
    channel: template.channel,
    ...(rendered.payload ? { payload: rendered.payload } : {}),
  } satisfies OutgoingMessage;
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
    const origin = (patientId: number, appointmentId: number | null, deadlineMs: number): Origin => ({
      patientId,
      appointmentId,
      batchId: batch.id,
      templateId: template.id,
      sentBy: actor.name,
      deadlineMs,
    });
    const messages =
      batch.audience === 'appointments'
        ? await turnoMessages(trx, template, center, links, rows, now, origin)
        : await patientMessages(trx, template, center, rows, now, origin);
    if (messages.length === 0) throw new AppError('BATCH_EMPTY');
    await enqueueMessages(trx, messages, now);
    return { id: batch.id, queued: messages.length, skipped: rows.length - messages.length };
  });
}

type Db = Parameters<typeof repo.keptRows>[0];
type Rows = repo.BatchRow[];
type OriginOf = (patientId: number, appointmentId: number | null, deadlineMs: number) => Origin;

async function turnoMessages(
  db: Db,
  template: MessageTemplate,
  center: CenterView,
  links: LinkSigner,
  rows: Rows,
  now: number,
  origin: OriginOf,
) {
  const turnos = new Map(
    (
      await appointmentRecipients(
        db,
        rows.map((r) => r.appointmentId as number),
      )
    ).map((t) => [t.appointmentId, t]),
  );
  const messages: OutgoingMessage[] = [];
  for (const row of rows) {
    const turno = turnos.get(row.appointmentId as number);
    // Deleted, cancelled or moved into the past since the list was made: a reminder would be wrong or late.
    if (turno?.status !== 'reserved') continue;
    const startsMs = Date.parse(turno.startsAt);
    if (startsMs <= now) continue;
    const values = appointmentValues(turno, center, links);
    messages.push(outgoing(template, row.recipient, values, origin(row.patientId, turno.appointmentId, startsMs)));
  }
  return messages;
}

async function patientMessages(
  db: Db,
  template: MessageTemplate,
  center: CenterView,
  rows: Rows,
  now: number,
  origin: OriginOf,
) {
  const patients = new Map(
    (
      await patientRecipients(
        db,
        rows.map((r) => r.patientId),
      )
    ).map((p) => [p.patientId, p]),
  );
  const messages: OutgoingMessage[] = [];
  for (const row of rows) {
    const patient = patients.get(row.patientId);
    if (!patient) continue;
    const values = patientValues(patient, center);
    messages.push(outgoing(template, row.recipient, values, origin(row.patientId, null, now + PATIENT_MESSAGE_TTL_MS)));
  }
  return messages;
}
