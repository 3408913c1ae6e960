// Changing and removing agenda blocks and exceptions over the API; part of agendasApi.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { errorResponses, staffSecurity, type ZodApi } from '../../platform/http/api.js';
import { requestLang } from '../../platform/http/errors.js';
import { dateField, idField } from '../../platform/http/fields.js';
import { OrphanedAppointmentsError } from './agenda-orphans.service.js';
import {
  deleteAgenda,
  deleteException,
  listExceptions,
  previewAgendaChange,
  updateAgenda,
} from './agendas.admin.service.js';
import {
  agendaOutput,
  agendaPatchInput,
  exceptionDraft,
  exceptionOutput,
  orphanConflict,
  orphaned,
  orphanOutput,
} from './agendas.schemas.js';

/** The 409 that lists the turnos a change would leave outside the agenda; any other error goes on. */
export function orphanConflictBody(error: unknown, request: FastifyRequest) {
  if (!(error instanceof OrphanedAppointmentsError)) throw error;
  return { error: { code: error.code, message: error.messageIn(requestLang(request)), orphans: error.orphans } };
}

const confirmQuery = z.object({
  confirmOrphans: z
    .preprocess((v) => (v === 'true' || v === '1' ? true : v === 'false' || v === '0' ? false : v), z.boolean())
    .optional()
    .describe('true: borrar aunque queden turnos reservados fuera de la agenda (se mantienen)'),
});

const { confirmOrphans: _confirm, ...patchFields } = agendaPatchInput.shape;
const agendaChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('update'), id: idField, changes: z.object(patchFields) }),
  z.object({ kind: z.literal('delete'), id: idField }),
  z.object({ kind: z.literal('exception'), exception: exceptionDraft }),
]);

const conflicts = { ...errorResponses, 409: orphanConflict };

export function agendasAdminApi(api: ZodApi, ctx: AppContext) {
  api.patch(
    '/agendas/:id',
    {
      schema: {
        tags: ['Agendas'],
        summary: 'Cambiar un horario de atención (día, horas, duración del turno, especialidad o estudio, vigencia)',
        description:
          'Lo que no se envía queda igual. Si el cambio deja turnos reservados fuera de la agenda responde 409 ' +
          'ORPHANED_APPOINTMENTS con la lista (orphans) y no guarda; con confirmOrphans: true guarda igual.',
        security: staffSecurity,
        params: z.object({ id: idField }),
        body: agendaPatchInput,
        response: { 200: agendaOutput.extend({ orphaned }), ...conflicts },
      },
    },
    async (req, reply) => {
      const { confirmOrphans, ...changes } = req.body;
      try {
        const saved = await updateAgenda(ctx, { actor: req.actor, id: req.params.id, changes, confirmOrphans });
        return { ...saved.agenda, orphaned: saved.orphaned };
      } catch (e) {
        return reply.status(409).send(orphanConflictBody(e, req));
      }
    },
  );
  api.delete(
    '/agendas/:id',
    {
      schema: {
        tags: ['Agendas'],
        summary: 'Borrar un horario de atención',
        description:
          'Para dejar de atender desde una fecha conservando la historia, acortá la vigencia (PATCH validTo). ' +
          'Si deja turnos reservados fuera de la agenda responde 409 con la lista, salvo ?confirmOrphans=true.',
        security: staffSecurity,
        params: z.object({ id: idField }),
        querystring: confirmQuery,
        response: { 200: agendaOutput.extend({ orphaned }), ...conflicts },
      },
    },
    async (req, reply) => {
      try {
        const { confirmOrphans } = req.query;
        const deleted = await deleteAgenda(ctx, { actor: req.actor, id: req.params.id, confirmOrphans });
        return { ...deleted.agenda, orphaned: deleted.orphaned };
      } catch (e) {
        return reply.status(409).send(orphanConflictBody(e, req));
      }
    },
  );
  api.post(
    '/agenda-changes/preview',
    {
      schema: {
        tags: ['Agendas'],
        summary: 'Qué turnos reservados dejaría fuera de la agenda un cambio, sin hacerlo',
        security: staffSecurity,
        body: agendaChange,
        response: { 200: z.object({ orphans: z.array(orphanOutput) }), ...errorResponses },
      },
    },
    async (req) => ({ orphans: await previewAgendaChange(ctx, { actor: req.actor, change: req.body }) }),
  );
  api.get(
    '/exceptions',
    {
      schema: {
        tags: ['Agendas'],
        summary: 'Excepciones de un profesional (con las de todo el centro) o solo las del centro',
        security: staffSecurity,
        querystring: z.object({
          professionalId: idField.optional(),
          from: dateField.optional().describe('solo las que siguen vigentes desde esta fecha'),
        }),
        response: { 200: z.array(exceptionOutput), ...errorResponses },
      },
    },
    async (req) =>
      listExceptions(ctx, { actor: req.actor, professionalId: req.query.professionalId, from: req.query.from }),
  );
  api.delete(
    '/exceptions/:id',
    {
      schema: {
        tags: ['Agendas'],
        summary: 'Quitar una excepción (los horarios vuelven a ofrecerse)',
        security: staffSecurity,
        params: z.object({ id: idField }),
        response: { 200: exceptionOutput, ...errorResponses },
      },
    },
    async (req) => deleteException(ctx, { actor: req.actor, id: req.params.id }),
  );
}
