// /api/v1/message-templates: the same templates as the Plantillas page, for integrations.
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { apiPlugin, errorResponses, staffSecurity } from '../../platform/http/api.js';
import { idField } from '../../platform/http/fields.js';
import { baseUrlOf } from '../../platform/http/request.js';
import { BODY_MAX, TITLE_MAX } from './template-input.rules.js';
import { PLACEHOLDERS, placeholderToken } from './templates.rules.js';
import {
  createTemplate,
  deleteTemplate,
  getTemplate,
  listTemplates,
  previewTemplate,
  updateTemplate,
} from './templates.service.js';

const tags = ['Mensajes'];
const channelField = z.enum(['mail', 'sms', 'whatsapp']);
const idParams = z.object({ id: idField });

// Only the types here: the service checks lengths and placeholders, so the page and the API refuse alike.
const content = {
  title: z.string(),
  body: z.string(),
  waTemplate: z.string().optional(),
  waLanguage: z.string().optional(),
};
const createBody = z.strictObject({ channel: channelField, ...content });
const updateBody = z.strictObject(content);

const templateOutput = z.object({
  id: z.number(),
  channel: channelField,
  title: z.string(),
  body: z.string(),
  waTemplate: z.string(),
  waLanguage: z.string(),
  placeholders: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const previewOutput = z.object({
  appointment: z.object({ id: z.number(), startsAt: z.string(), patientName: z.string() }).nullable(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  sms: z.object({ characters: z.number(), segments: z.number(), encoding: z.enum(['GSM-7', 'UCS-2']) }).optional(),
  whatsapp: z.object({ name: z.string(), language: z.string(), bodyParameters: z.array(z.string()) }).optional(),
});

const rules =
  `Título hasta ${TITLE_MAX} caracteres (en un mail es el asunto); mensaje hasta ${BODY_MAX.mail} caracteres ` +
  `(mail), ${BODY_MAX.sms} (SMS) o ${BODY_MAX.whatsapp} (WhatsApp). Datos entre corchetes: ` +
  `${PLACEHOLDERS.map((p) => placeholderToken(p.name)).join(', ')}. Uno desconocido o mal escrito responde 422 ` +
  'TEMPLATE_INVALID con un mensaje que lo nombra tal como se escribió. WhatsApp pide además waTemplate (el ' +
  'nombre de la plantilla aprobada) y waLanguage (por ejemplo es_AR): los {{1}}, {{2}}… de la plantilla ' +
  'aprobada son los datos del mensaje en orden.';

export const templatesApi = (ctx: AppContext) =>
  apiPlugin((api) => {
    api.get(
      '/message-templates',
      {
        schema: {
          tags,
          summary: 'Plantillas de mensajes (administración y recepción)',
          security: staffSecurity,
          querystring: z.object({ channel: channelField.optional() }),
          response: { 200: z.array(templateOutput), ...errorResponses },
        },
      },
      async (req) => listTemplates(ctx, { actor: req.actor, channel: req.query.channel }),
    );

    api.post(
      '/message-templates',
      {
        schema: {
          tags,
          summary: 'Crear una plantilla de mail, SMS o WhatsApp (solo administradores)',
          description: rules,
          security: staffSecurity,
          body: createBody,
          response: { 201: templateOutput, ...errorResponses },
        },
      },
      async (req, reply) => {
        const { channel, ...template } = req.body;
        return reply.status(201).send(await createTemplate(ctx, { actor: req.actor, channel, template }));
      },
    );

    api.get(
      '/message-templates/:id',
      {
        schema: {
          tags,
          summary: 'Una plantilla',
          security: staffSecurity,
          params: idParams,
          response: { 200: templateOutput, ...errorResponses },
        },
      },
      async (req) => getTemplate(ctx, { actor: req.actor, id: req.params.id }),
    );

    api.put(
      '/message-templates/:id',
      {
        schema: {
          tags,
          summary: 'Reemplazar título y mensaje de una plantilla (solo administradores)',
          description: `El medio no cambia. ${rules}`,
          security: staffSecurity,
          params: idParams,
          body: updateBody,
          response: { 200: templateOutput, ...errorResponses },
        },
      },
      async (req) => updateTemplate(ctx, { actor: req.actor, id: req.params.id, template: req.body }),
    );

    api.delete(
      '/message-templates/:id',
      {
        schema: {
          tags,
          summary: 'Borrar una plantilla (solo administradores)',
          description: '409 IN_USE si la usa un recordatorio automático o una lista de envío.',
          security: staffSecurity,
          params: idParams,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (req, reply) => {
        await deleteTemplate(ctx, { actor: req.actor, id: req.params.id });
        return reply.status(204).send(null);
      },
    );

    api.post(
      '/message-templates/:id/preview',
      {
        schema: {
          tags,
          summary: 'Vista previa de una plantilla para un turno real',
          description:
            'Con los mismos datos y links que llevaría el recordatorio. Sin appointmentId: el próximo turno ' +
            'reservado; sin turnos, datos de ejemplo (appointment null). Queda en el registro de auditoría.',
          security: staffSecurity,
          params: idParams,
          body: z.strictObject({ appointmentId: idField.optional() }).nullish(),
          response: { 200: previewOutput, ...errorResponses },
        },
      },
      async (req) =>
        previewTemplate(ctx, {
          actor: req.actor,
          id: req.params.id,
          appointmentId: req.body?.appointmentId,
          baseUrl: baseUrlOf(ctx, req),
        }),
    );
  });
