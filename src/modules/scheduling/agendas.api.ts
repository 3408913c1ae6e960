import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { apiPlugin, errorResponses, staffSecurity } from '../../platform/http/api.js';
import { idField } from '../../platform/http/fields.js';
import { agendasAdminApi, orphanConflictBody } from './agendas.admin.api.js';
import {
  agendaInput,
  agendaOutput,
  exceptionInput,
  exceptionOutput,
  orphanConflict,
  orphaned,
} from './agendas.schemas.js';
import { createAgenda, createException, listAgendas } from './agendas.service.js';
import { loadNationalHolidays } from './holidays.service.js';

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
          description:
            'Sin professionalId bloquea a todo el centro. Sin horas, el día completo. Si deja turnos reservados ' +
            'fuera de la agenda responde 409 ORPHANED_APPOINTMENTS con la lista (orphans) y no guarda; con ' +
            'confirmOrphans: true guarda igual y los turnos se mantienen.',
          security: staffSecurity,
          body: exceptionInput,
          response: { 201: exceptionOutput.extend({ orphaned }), ...errorResponses, 409: orphanConflict },
        },
      },
      async (req, reply) => {
        const { confirmOrphans, ...exception } = req.body;
        try {
          return reply.status(201).send(await createException(ctx, { actor: req.actor, exception, confirmOrphans }));
        } catch (e) {
          return reply.status(409).send(orphanConflictBody(e, req));
        }
      },
    );
    api.post(
      '/holidays',
      {
        schema: {
          tags: ['Agendas'],
          summary: 'Cargar los feriados nacionales de Argentina de un año como días bloqueados',
          description:
            'Los que ya estaban no se repiten. Si hay turnos reservados en los feriados nuevos responde 409 ' +
            'ORPHANED_APPOINTMENTS con la lista y no carga nada; con confirmOrphans: true carga igual.',
          security: staffSecurity,
          body: z.object({
            year: z.number().int().min(2000).max(2100),
            confirmOrphans: z.boolean().optional(),
          }),
          response: {
            200: z.object({
              added: z.number(),
              skipped: z.number(),
              orphaned,
              holidays: z.array(z.object({ date: z.string(), name: z.string() })),
            }),
            ...errorResponses,
            409: orphanConflict,
          },
        },
      },
      async (req, reply) => {
        try {
          return await loadNationalHolidays(ctx, { actor: req.actor, ...req.body });
        } catch (e) {
          return reply.status(409).send(orphanConflictBody(e, req));
        }
      },
    );
    agendasAdminApi(api, ctx);
  });
