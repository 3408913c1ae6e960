import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { apiPlugin, errorResponses, staffSecurity } from '../../platform/http/api.js';
import { dateField, idField, timeField } from '../../platform/http/fields.js';
import { createAgenda, createException, listAgendas } from './agendas.service.js';
import { loadNationalHolidays } from './holidays.service.js';

const agendaInput = z.object({
  professionalId: idField,
  weekday: z.number().int().min(1, 'debe ser de 1 (lunes) a 7 (domingo)').max(7, 'debe ser de 1 (lunes) a 7 (domingo)'),
  startTime: timeField,
  endTime: timeField,
  slotMinutes: z.number().int().min(5, 'debe ser al menos 5 minutos').max(480, 'puede ser hasta 480 minutos'),
  specialtyId: idField.nullish(),
  studyId: idField.nullish(),
  validFrom: dateField,
  validTo: dateField.nullish(),
});
const agendaOutput = z.object({
  id: z.number(),
  professionalId: z.number(),
  weekday: z.number(),
  startTime: z.string(),
  endTime: z.string(),
  slotMinutes: z.number(),
  specialtyId: z.number().nullable(),
  studyId: z.number().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});

const exceptionInput = z.object({
  professionalId: idField.nullish(),
  fromDate: dateField,
  toDate: dateField,
  fromTime: timeField.nullish(),
  toTime: timeField.nullish(),
  kind: z.enum(['leave', 'holiday', 'block'], { error: 'debe ser leave, holiday o block' }),
  reason: z.string().max(200).optional(),
});
const exceptionOutput = z.object({
  id: z.number(),
  professionalId: z.number().nullable(),
  fromDate: z.string(),
  toDate: z.string(),
  fromTime: z.string().nullable(),
  toTime: z.string().nullable(),
  kind: z.enum(['leave', 'holiday', 'block']),
  reason: z.string(),
});

export const agendasApi = (ctx: AppContext) =>
  apiPlugin((api) => {
    api.get(
      '/professionals/:id/agendas',
      {
        schema: {
          tags: ['Agendas'],
          summary: 'Horarios de atención de un profesional',
          security: staffSecurity,
          params: z.object({ id: idField }),
          response: { 200: z.array(agendaOutput), ...errorResponses },
        },
      },
      async (req) => listAgendas(ctx, { actor: req.actor, professionalId: req.params.id }),
    );
    api.post(
      '/agendas',
      {
        schema: {
          tags: ['Agendas'],
          summary: 'Agregar un horario de atención semanal',
          description: 'Sin specialtyId ni studyId, el horario sirve para todo lo que atiende el profesional.',
          security: staffSecurity,
          body: agendaInput,
          response: { 201: agendaOutput, ...errorResponses },
        },
      },
      async (req, reply) => reply.status(201).send(await createAgenda(ctx, { actor: req.actor, agenda: req.body })),
    );
    api.post(
      '/exceptions',
      {
        schema: {
          tags: ['Agendas'],
          summary: 'Bloquear días u horas (licencia, feriado, una mañana)',
          description: 'Sin professionalId bloquea a todo el centro. Sin horas, el día completo.',
          security: staffSecurity,
          body: exceptionInput,
          response: { 201: exceptionOutput, ...errorResponses },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await createException(ctx, { actor: req.actor, exception: req.body })),
    );
    api.post(
      '/holidays',
      {
        schema: {
          tags: ['Agendas'],
          summary: 'Cargar los feriados nacionales de Argentina de un año como días bloqueados',
          security: staffSecurity,
          body: z.object({ year: z.number().int().min(2000).max(2100) }),
          response: {
            200: z.object({
              added: z.number(),
              skipped: z.number(),
              holidays: z.array(z.object({ date: z.string(), name: z.string() })),
            }),
            ...errorResponses,
          },
        },
      },
      async (req) => loadNationalHolidays(ctx, { actor: req.actor, year: req.body.year }),
    );
  });
