// "Turnos dados por web" over JSON and as a CSV download. Cancel and delete: /appointments/:id.
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { apiPlugin, errorResponses, staffSecurity } from '../../platform/http/api.js';
import { dateField, idField } from '../../platform/http/fields.js';
import { sendCsv } from '../../platform/http/request.js';
import * as service from './web-list.service.js';

const TAGS = ['Turnos web'];
const statusEnum = z.enum(['reserved', 'present', 'absent', 'cancelled']);

const filters = {
  bookedFrom: dateField.optional(),
  bookedTo: dateField.optional(),
  from: dateField.optional(),
  to: dateField.optional(),
  specialtyId: idField.optional(),
  studyId: idField.optional(),
  professionalId: idField.optional(),
  insurerId: idField.optional(),
  status: statusEnum.optional(),
};

const FILTERS_TEXT =
  'bookedFrom/bookedTo: fecha en que se otorgó; from/to: fecha del turno. Fechas AAAA-MM-DD en la zona del ' +
  'centro, ambas incluidas. Del otorgado más nuevo al más viejo.';

const webListItemOutput = z.object({
  id: z.number(),
  patientId: z.number(),
  patientName: z.string(),
  patientDni: z.string(),
  professionalId: z.number(),
  professionalName: z.string(),
  specialtyId: z.number().nullable(),
  studyId: z.number().nullable(),
  serviceName: z.string().nullable(),
  insurerId: z.number().nullable(),
  insurerName: z.string().nullable(),
  date: z.string(),
  time: z.string(),
  start: z.string(),
  end: z.string(),
  status: statusEnum,
  reason: z.string(),
  bookedAt: z.string(),
  bookedIp: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelledBy: z.string().nullable(),
});

export const webListApi = (ctx: AppContext) =>
  apiPlugin((api) => {
    api.get(
      '/web-appointments',
      {
        schema: {
          tags: TAGS,
          summary: 'Listado de turnos dados por web',
          description: `${FILTERS_TEXT} Para cancelar o borrar: POST /appointments/{id}/cancel, DELETE /appointments/{id}.`,
          security: staffSecurity,
          querystring: z.object({
            ...filters,
            page: z.coerce.number().int().min(1).max(100_000).default(1),
            pageSize: z.coerce.number().int().min(1).max(200).default(service.WEB_LIST_PAGE_SIZE),
          }),
          response: {
            200: z.object({
              items: z.array(webListItemOutput),
              total: z.number(),
              page: z.number(),
              pageSize: z.number(),
            }),
            ...errorResponses,
          },
        },
      },
      async (req) => service.listWebAppointments(ctx, { actor: req.actor, ...req.query }),
    );

    api.get(
      '/web-appointments.csv',
      {
        schema: {
          tags: TAGS,
          summary: 'Exportar el listado de turnos web a CSV (Excel)',
          description: `Todo el listado filtrado, no solo una página: UTF-8 con BOM, separado por punto y coma. ${FILTERS_TEXT}`,
          security: staffSecurity,
          produces: ['text/csv'],
          querystring: z.object(filters),
          response: { 200: z.string(), ...errorResponses },
        },
      },
      async (req, reply) => {
        return sendCsv(reply, await service.exportWebAppointmentsCsv(ctx, { actor: req.actor, ...req.query }));
      },
    );
  });
