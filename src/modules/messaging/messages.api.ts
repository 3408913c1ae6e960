// GET /api/v1/messages: the send log (the outbox) for admins and reception, filtered like its page; and as CSV.
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { apiPlugin, errorResponses, staffSecurity } from '../../platform/http/api.js';
import { dateField, idField } from '../../platform/http/fields.js';
import { sendCsv } from '../../platform/http/request.js';
import { readSendLog, sendLogCsv, withDefaultDates } from './send-log.service.js';

const TAGS = ['Mensajes'];
const channelEnum = z.enum(['mail', 'sms', 'whatsapp']);

const filters = {
  from: dateField.optional(),
  to: dateField.optional(),
  channel: channelEnum.optional(),
  status: z.enum(['sent', 'pending', 'error', 'cancelled']).optional(),
  batchId: idField.optional(),
  patientId: idField.optional(),
  patient: z.string().trim().max(60).optional(),
};

const FILTERS_TEXT =
  'from/to: fecha en que el mensaje entró en la cola, AAAA-MM-DD en la zona del centro, ambas incluidas; sin ' +
  'ninguna de las dos (ni batchId ni patientId), los últimos 7 días. status: sent (enviado), pending (sin enviar, ' +
  'incluso los que se reintentan), error (falló, o se está reintentando después de un error), cancelled. patient: ' +
  'DNI, comienzo de "APELLIDO Nombre", o parte del mail o celular de destino. Del más nuevo al más viejo. Los ' +
  'enlaces personales (token=) salen sin su clave.';

const messageOutput = z.object({
  id: z.number(),
  channel: channelEnum,
  kind: z.string(),
  status: z.enum(['pending', 'sent', 'failed', 'cancelled']),
  state: z.enum(['sent', 'pending', 'retrying', 'failed', 'cancelled']),
  recipient: z.string(),
  subject: z.string(),
  text: z.string(),
  error: z.string().nullable(),
  attempts: z.number(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  sentBy: z.string(),
  batchId: z.number().nullable(),
  templateId: z.number().nullable(),
  patientId: z.number().nullable(),
  appointmentId: z.number().nullable(),
  patient: z.object({ id: z.number(), name: z.string(), dni: z.string() }).nullable(),
  appointment: z.object({ id: z.number(), startsAt: z.string(), professional: z.string().nullable() }).nullable(),
});

export const messagesApi = (ctx: AppContext) =>
  apiPlugin((api) => {
    api.get(
      '/messages',
      {
        schema: {
          tags: TAGS,
          summary: 'Registro de envíos de mails, SMS y WhatsApp',
          description: `${FILTERS_TEXT} Horas ISO 8601 con la zona del centro. Solo administración y recepción.`,
          security: staffSecurity,
          querystring: z.object({
            ...filters,
            limit: z.coerce.number().int().min(1).max(500).default(100),
            offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
          }),
          response: {
            200: z.object({
              items: z.array(messageOutput),
              total: z.number(),
              limit: z.number(),
              offset: z.number(),
            }),
            ...errorResponses,
          },
        },
      },
      async (req) => {
        const { limit, offset, ...query } = req.query;
        const filter = await withDefaultDates(ctx, query);
        return readSendLog(ctx, { actor: req.actor, filter, limit, offset });
      },
    );

    api.get(
      '/messages.csv',
      {
        schema: {
          tags: TAGS,
          summary: 'Exportar el registro de envíos a CSV (Excel)',
          description: `Todo el listado filtrado, no solo una página: UTF-8 con BOM, separado por punto y coma. ${FILTERS_TEXT}`,
          security: staffSecurity,
          produces: ['text/csv'],
          querystring: z.object(filters),
          response: { 200: z.string(), ...errorResponses },
        },
      },
      async (req, reply) => {
        const filter = await withDefaultDates(ctx, req.query);
        return sendCsv(reply, await sendLogCsv(ctx, { actor: req.actor, filter }));
      },
    );
  });
