// The send desk over JSON: generate a list (a draft batch), read it a page at a time, remove rows, export it,
// send it once, and follow its progress. Same use cases as /staff/mensajes/enviar.
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { apiPlugin, errorResponses, staffSecurity } from '../../platform/http/api.js';
import { dateField, idField } from '../../platform/http/fields.js';
import { baseUrlOf, sendCsv } from '../../platform/http/request.js';
import { recentBatches } from './batches.desk.service.js';
import { MAX_BATCH_ROWS, MAX_RANGE_DAYS } from './batches.rules.js';
import { sendBatch } from './batches.send.service.js';
import * as service from './batches.service.js';

const TAGS = ['Mensajes'];
const channel = z.enum(['mail', 'sms', 'whatsapp']);
const audience = z.enum(['appointments', 'patients']);
const sent = z.enum(['not_sent', 'sent', 'all']);
const outboxStatus = z.enum(['pending', 'sent', 'failed', 'cancelled']);
const idList = z.array(idField).max(1000);

const batchInput = z.object({
  templateId: idField,
  audience: audience.default('appointments'),
  from: dateField.optional(),
  to: dateField.optional(),
  sent: sent.default('not_sent'),
  insurerIds: idList.default([]),
  specialtyIds: idList.default([]),
  studyIds: idList.default([]),
  professionalIds: idList.default([]),
});

const filtersOutput = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  sent,
  insurerIds: z.array(z.number()),
  specialtyIds: z.array(z.number()),
  studyIds: z.array(z.number()),
  professionalIds: z.array(z.number()),
});

const leftOutOutput = z.object({
  no_email: z.number(),
  bad_email: z.number(),
  no_mobile: z.number(),
  bad_mobile: z.number(),
});

const progressOutput = z.object({
  total: z.number(),
  pending: z.number(),
  sent: z.number(),
  failed: z.number(),
  cancelled: z.number(),
});

const summaryFields = {
  id: z.number(),
  templateId: z.number(),
  templateTitle: z.string(),
  channel,
  audience,
  filters: filtersOutput,
  status: z.enum(['draft', 'queued']),
  leftOut: leftOutOutput,
  createdBy: z.string(),
  createdAt: z.string(),
  queuedAt: z.string().nullable(),
};

const rowOutput = z.object({
  id: z.number(),
  appointmentId: z.number().nullable(),
  patientId: z.number(),
  patientName: z.string(),
  recipient: z.string(),
  insurerName: z.string().nullable(),
  date: z.string().nullable(),
  time: z.string().nullable(),
  professionalName: z.string().nullable(),
  serviceName: z.string().nullable(),
  turnoStatus: z.enum(['reserved', 'present', 'absent', 'cancelled']).nullable(),
  alreadySent: z.boolean(),
  lastError: z.string().nullable(),
  state: outboxStatus.nullable(),
  stateError: z.string().nullable(),
});

const batchOutput = z.object({
  ...summaryFields,
  channelConfigured: z.boolean().nullable(),
  kept: z.number(),
  removed: z.number(),
  progress: progressOutput.nullable(),
  rows: z.array(rowOutput),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
});

const rowCounts = z.object({ changed: z.number(), kept: z.number(), removed: z.number() });
const idParams = z.object({ id: idField });
const paging = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(1000).default(service.BATCH_PAGE_SIZE),
});

const ROWS_TEXT =
  'Cada fila: turno (appointmentId, null si es a todos los pacientes), paciente, destinatario (e-mail, o celular ' +
  'en formato E.164), obra social, fecha y hora del turno en la zona del centro, profesional y especialidad o ' +
  'estudio. Antes de enviar: alreadySent (ya se le envió un recordatorio por este canal, o esta plantilla) y ' +
  'lastError (el último error de un envío anterior). Después de enviar: state y stateError del mensaje de este envío.';

export const batchesApi = (ctx: AppContext) =>
  apiPlugin((api) => {
    api.get(
      '/message-batches',
      {
        schema: {
          tags: TAGS,
          summary: 'Últimos listados de envío',
          description: 'Los listados generados más recientes, primero el más nuevo. Solo administración y recepción.',
          security: staffSecurity,
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
          response: { 200: z.array(z.object({ ...summaryFields, kept: z.number() })), ...errorResponses },
        },
      },
      async (req) => recentBatches(ctx, { actor: req.actor, limit: req.query.limit }),
    );

    api.post(
      '/message-batches',
      {
        schema: {
          tags: TAGS,
          summary: 'Generar un listado de envío (Enviar mails/SMS)',
          description:
            'Guarda el listado como borrador y devuelve su primera página. audience "appointments": turnos ' +
            `reservados entre from y to (AAAA-MM-DD en la zona del centro, ambas incluidas, hasta ${MAX_RANGE_DAYS} ` +
            'días; por omisión mañana y los 6 días siguientes) que todavía no empezaron; "patients": todos los ' +
            'pacientes (fechas, especialidades, estudios y profesionales no se usan). sent: "not_sent" (por ' +
            'omisión), "sent" o "all" — para turnos, si ya se envió un recordatorio por el canal de la plantilla; ' +
            'para pacientes, si ya se les envió esta plantilla. Las listas de ids vacías significan todos. Solo ' +
            'entran pacientes con e-mail (mail) o celular (SMS, WhatsApp) válidos; leftOut cuenta los que quedaron ' +
            `afuera por motivo. Hasta ${MAX_BATCH_ROWS} destinatarios (422 BATCH_TOO_LARGE).`,
          security: staffSecurity,
          body: batchInput,
          response: { 201: batchOutput, ...errorResponses },
        },
      },
      async (req, reply) => reply.status(201).send(await service.generateBatch(ctx, { actor: req.actor, ...req.body })),
    );

    api.get(
      '/message-batches/:id',
      {
        schema: {
          tags: TAGS,
          summary: 'Un listado de envío, una página de filas',
          description: `Sin las filas quitadas. ${ROWS_TEXT} progress: solo cuando ya se envió. channelConfigured: false si el canal (SMS, WhatsApp) no está configurado y los mensajes esperarían; null para mail.`,
          security: staffSecurity,
          params: idParams,
          querystring: paging,
          response: { 200: batchOutput, ...errorResponses },
        },
      },
      async (req) => service.getBatch(ctx, { actor: req.actor, id: req.params.id, ...req.query }),
    );

    api.get(
      '/message-batches/:id/rows.csv',
      {
        schema: {
          tags: TAGS,
          summary: 'Exportar un listado de envío a CSV (Excel)',
          description: 'Todas las filas que quedan (no solo una página): UTF-8 con BOM, separado por punto y coma.',
          security: staffSecurity,
          produces: ['text/csv'],
          params: idParams,
          response: { 200: z.string(), ...errorResponses },
        },
      },
      async (req, reply) => {
        return sendCsv(reply, await service.batchCsv(ctx, { actor: req.actor, id: req.params.id }));
      },
    );

    api.delete(
      '/message-batches/:id/rows/:rowId',
      {
        schema: {
          tags: TAGS,
          summary: 'Quitar una fila del listado',
          description: 'La fila no se envía ni se exporta. 409 BATCH_ALREADY_SENT si el listado ya se envió.',
          security: staffSecurity,
          params: z.object({ id: idField, rowId: idField }),
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (req, reply) => {
        await service.removeBatchRows(ctx, { actor: req.actor, id: req.params.id, rowIds: [req.params.rowId] });
        return reply.status(204).send(null);
      },
    );

    api.post(
      '/message-batches/:id/rows/remove',
      {
        schema: {
          tags: TAGS,
          summary: 'Quitar varias filas del listado',
          description: 'Hasta 1000 filas por pedido; 404 si alguna no es de este listado (y no se quita ninguna).',
          security: staffSecurity,
          params: idParams,
          body: z.object({ rowIds: idList.min(1) }),
          response: { 200: rowCounts, ...errorResponses },
        },
      },
      async (req) => service.removeBatchRows(ctx, { actor: req.actor, id: req.params.id, rowIds: req.body.rowIds }),
    );

    api.post(
      '/message-batches/:id/rows/restore',
      {
        schema: {
          tags: TAGS,
          summary: 'Volver a incluir las filas quitadas',
          security: staffSecurity,
          params: idParams,
          response: { 200: rowCounts, ...errorResponses },
        },
      },
      async (req) => service.restoreBatchRows(ctx, { actor: req.actor, id: req.params.id }),
    );

    api.post(
      '/message-batches/:id/send',
      {
        schema: {
          tags: TAGS,
          summary: 'Enviar el listado',
          description:
            'Arma el mensaje de cada fila con la plantilla y lo deja en la cola de envío, todo junto: el envío ' +
            'sigue de a uno en segundo plano (ver /progress). Un listado se envía una sola vez: 409 ' +
            'BATCH_ALREADY_SENT si ya se envió. skipped: filas cuyo turno se canceló o ya empezó. 422 BATCH_EMPTY ' +
            'si no queda a quién enviar.',
          security: staffSecurity,
          params: idParams,
          response: {
            200: z.object({ id: z.number(), queued: z.number(), skipped: z.number() }),
            ...errorResponses,
          },
        },
      },
      async (req) => sendBatch(ctx, { actor: req.actor, id: req.params.id, baseUrl: baseUrlOf(ctx, req) }),
    );

    api.get(
      '/message-batches/:id/progress',
      {
        schema: {
          tags: TAGS,
          summary: 'Progreso del envío de un listado',
          description:
            'Mensajes enviados, con error y pendientes, leídos de la cola de envío (todo en 0 si es borrador).',
          security: staffSecurity,
          params: idParams,
          response: {
            200: progressOutput.extend({ id: z.number(), status: z.enum(['draft', 'queued']) }),
            ...errorResponses,
          },
        },
      },
      async (req) => service.batchProgress(ctx, { actor: req.actor, id: req.params.id }),
    );
  });
