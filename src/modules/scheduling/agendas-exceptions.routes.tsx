// /staff/agendas: adding and removing exceptions (leave, blocked hours, holidays) and loading the national
// holidays of a year. Part of agendasRoutes.
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../context.js';
import type { StaffRole } from '../../platform/db/schema.js';
import { idField } from '../../platform/http/fields.js';
import { formBody } from '../../platform/http/request.js';
import type { WebShell } from '../../web/shell.js';
import { deleteException } from './agendas.admin.service.js';
import { confirmed, exceptionForm, yearForm } from './agendas.forms.js';
import { createException } from './agendas.service.js';
import { agendasLink, done, hidden, professionalField, refusedBox, renderAgendas } from './agendas-page.routes.js';
import { loadNationalHolidays } from './holidays.service.js';

const ADMIN: StaffRole[] = ['admin'];

export const agendasExceptionRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    app.post('/staff/agendas/excepciones', hidden, async (request, reply) => {
      const actor = shell.requireStaff(request, reply, ADMIN);
      if (!actor) return reply;
      const body = formBody(request);
      const professionalId = professionalField(body);
      const page = await shell.staffPage(request, reply);
      const posted = exceptionForm(body, page.lang, professionalId);
      if (!posted.exception) {
        const exceptionForm = { form: { values: posted.values, errors: posted.errors } };
        return renderAgendas(ctx, request, reply, page, actor, professionalId, { exceptionForm, status: 400 });
      }
      let orphaned: number;
      try {
        const exception = posted.exception;
        ({ orphaned } = await createException(ctx, { actor, exception, confirmOrphans: confirmed(body) }));
      } catch (e) {
        const { box, status } = refusedBox(e, reply, page, {
          values: posted.values,
          action: '/staff/agendas/excepciones',
          hidden: professionalId === null ? {} : { profesional: String(professionalId) },
        });
        return renderAgendas(ctx, request, reply, page, actor, professionalId, { exceptionForm: box, status });
      }
      return reply.redirect(agendasLink(professionalId, done('excepcion', orphaned)), 303);
    });

    app.post('/staff/agendas/excepciones/:id/borrar', hidden, async (request, reply) => {
      const actor = shell.requireStaff(request, reply, ADMIN);
      if (!actor) return reply;
      const id = idField.safeParse((request.params as { id?: string }).id);
      if (!id.success) return reply.callNotFound();
      await deleteException(ctx, { actor, id: id.data });
      return reply.redirect(agendasLink(professionalField(formBody(request)), { ok: 'excepcion-quitada' }), 303);
    });

    app.post('/staff/agendas/feriados', hidden, async (request, reply) => {
      const actor = shell.requireStaff(request, reply, ADMIN);
      if (!actor) return reply;
      const body = formBody(request);
      const professionalId = professionalField(body);
      const page = await shell.staffPage(request, reply);
      const posted = yearForm(body, page.lang);
      if (posted.year === null) {
        const holidaysForm = { form: { values: posted.values, errors: posted.errors } };
        return renderAgendas(ctx, request, reply, page, actor, professionalId, { holidaysForm, status: 400 });
      }
      try {
        const loaded = await loadNationalHolidays(ctx, { actor, year: posted.year, confirmOrphans: confirmed(body) });
        const counts = { anio: posted.year, agregados: loaded.added, omitidos: loaded.skipped };
        return reply.redirect(agendasLink(professionalId, { ...done('feriados', loaded.orphaned), ...counts }), 303);
      } catch (e) {
        const { box, status } = refusedBox(
          e,
          reply,
          page,
          {
            values: posted.values,
            action: '/staff/agendas/feriados',
            hidden: professionalId === null ? {} : { profesional: String(professionalId) },
          },
          'loadAnyway',
        );
        return renderAgendas(ctx, request, reply, page, actor, professionalId, { holidaysForm: box, status });
      }
    });
  };
