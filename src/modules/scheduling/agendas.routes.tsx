// /staff/agendas: admins pick a professional, see and change their weekly working hours. Exceptions and
// holidays are in agendas-exceptions.routes.tsx; what both share in agendas-page.routes.tsx.
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { AppContext } from '../../context.js';
import type { Agenda, StaffRole } from '../../platform/db/schema.js';
import { idField } from '../../platform/http/fields.js';
import { formBody, queryOf } from '../../platform/http/request.js';
import { type StaffPage, sendPage } from '../../views/page.js';
import type { WebShell } from '../../web/shell.js';
import { emptyForm } from '../patients/views/form.js';
import type { StaffActor } from '../staff/actor.js';
import { deleteAgenda, getAgenda, updateAgenda } from './agendas.admin.service.js';
import { blockForm, blockValues, confirmed } from './agendas.forms.js';
import { createAgenda } from './agendas.service.js';
import { agendasExceptionRoutes } from './agendas-exceptions.routes.js';
import {
  agendasLink,
  done,
  hidden,
  professionalChoice,
  professionalField,
  refusedBox,
  renderAgendas,
} from './agendas-page.routes.js';
import type { FormBox } from './views/agendas.js';
import { AgendaEditPage } from './views/agendas-edit.js';

const ADMIN: StaffRole[] = ['admin'];

function blockId(params: unknown): number | null {
  const id = idField.safeParse((params as { id?: string }).id);
  return id.success ? id.data : null;
}

export const agendasRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    async function renderEdit(
      reply: FastifyReply,
      page: StaffPage,
      actor: StaffActor,
      block: Agenda,
      boxes: { edit?: FormBox; remove?: Omit<FormBox, 'form'> },
      status = 200,
    ) {
      const { professional } = await professionalChoice(ctx, actor, block.professionalId);
      if (!professional) return reply.callNotFound();
      const edit = boxes.edit ?? { form: emptyForm(blockValues(block)) };
      return sendPage(
        reply,
        <AgendaEditPage page={page} block={block} professional={professional} edit={edit} remove={boxes.remove} />,
        status,
      );
    }

    app.get('/staff/agendas', hidden, async (request, reply) => {
      const actor = shell.requireStaff(request, reply, ADMIN);
      if (!actor) return reply;
      const page = await shell.staffPage(request, reply);
      return renderAgendas(ctx, request, reply, page, actor, professionalField(queryOf(request)));
    });

    app.post('/staff/agendas/horarios', hidden, async (request, reply) => {
      const actor = shell.requireStaff(request, reply, ADMIN);
      if (!actor) return reply;
      const body = formBody(request);
      const professionalId = professionalField(body);
      if (professionalId === null) return reply.callNotFound();
      const page = await shell.staffPage(request, reply);
      const posted = blockForm(body, page.lang);
      if (!posted.block) {
        const blockForm = { form: { values: posted.values, errors: posted.errors } };
        return renderAgendas(ctx, request, reply, page, actor, professionalId, { blockForm, status: 400 });
      }
      try {
        await createAgenda(ctx, { actor, agenda: { professionalId, ...posted.block } });
      } catch (e) {
        const posted2 = {
          values: posted.values,
          action: '/staff/agendas/horarios',
          hidden: { profesional: String(professionalId) },
        };
        const { box, status } = refusedBox(e, reply, page, posted2);
        return renderAgendas(ctx, request, reply, page, actor, professionalId, { blockForm: box, status });
      }
      return reply.redirect(agendasLink(professionalId, { ok: 'horario' }), 303);
    });

    app.get('/staff/agendas/horarios/:id', hidden, async (request, reply) => {
      const actor = shell.requireStaff(request, reply, ADMIN);
      if (!actor) return reply;
      const id = blockId(request.params);
      if (id === null) return reply.callNotFound();
      const [page, block] = await Promise.all([shell.staffPage(request, reply), getAgenda(ctx, { actor, id })]);
      return renderEdit(reply, page, actor, block, {});
    });

    app.post('/staff/agendas/horarios/:id', hidden, async (request, reply) => {
      const actor = shell.requireStaff(request, reply, ADMIN);
      if (!actor) return reply;
      const id = blockId(request.params);
      if (id === null) return reply.callNotFound();
      const body = formBody(request);
      const [page, block] = await Promise.all([shell.staffPage(request, reply), getAgenda(ctx, { actor, id })]);
      const posted = blockForm(body, page.lang);
      if (!posted.block) {
        const edit = { form: { values: posted.values, errors: posted.errors } };
        return renderEdit(reply, page, actor, block, { edit }, 400);
      }
      let orphaned: number;
      try {
        const changes = posted.block;
        ({ orphaned } = await updateAgenda(ctx, { actor, id, changes, confirmOrphans: confirmed(body) }));
      } catch (e) {
        const action = `/staff/agendas/horarios/${id}`;
        const { box, status } = refusedBox(e, reply, page, { values: posted.values, action, hidden: {} });
        return renderEdit(reply, page, actor, block, { edit: box }, status);
      }
      return reply.redirect(agendasLink(block.professionalId, done('guardado', orphaned)), 303);
    });

    app.post('/staff/agendas/horarios/:id/borrar', hidden, async (request, reply) => {
      const actor = shell.requireStaff(request, reply, ADMIN);
      if (!actor) return reply;
      const id = blockId(request.params);
      if (id === null) return reply.callNotFound();
      const body = formBody(request);
      const [page, block] = await Promise.all([shell.staffPage(request, reply), getAgenda(ctx, { actor, id })]);
      let orphaned: number;
      try {
        ({ orphaned } = await deleteAgenda(ctx, { actor, id, confirmOrphans: confirmed(body) }));
      } catch (e) {
        const action = `/staff/agendas/horarios/${id}/borrar`;
        const posted = { values: {}, action, hidden: {} };
        const { box, status } = refusedBox(e, reply, page, posted, 'deleteAnyway');
        return renderEdit(reply, page, actor, block, { remove: { alert: box.alert, confirm: box.confirm } }, status);
      }
      return reply.redirect(agendasLink(block.professionalId, done('borrado', orphaned)), 303);
    });

    await app.register(agendasExceptionRoutes(ctx, shell));
  };
