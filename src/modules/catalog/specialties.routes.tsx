// TURNOS WEB → Especialidades activadas (admins): which specialties patients may choose online, and the
// name they see there.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { sendPage } from '../../views/page.js';
import type { WebShell } from '../../web/shell.js';
import { emptyForm } from '../patients/views/form.js';
import { specialtyChanges, specialtyInput } from './catalog.admin.schemas.js';
import { createSpecialty, updateSpecialty } from './catalog.admin.service.js';
import { getSpecialty, listSpecialties } from './catalog.service.js';
import { refusedForm } from './views/admin-fields.js';
import { SPECIALTIES, SpecialtiesPage, SpecialtyFormPage, specialtyValues } from './views/specialties.js';
import { webCatalogMessages } from './web-catalog.messages.js';
import { ADMIN, attempt, doneOf, doneUrl, hidden, idParam, postedForm } from './web-catalog.request.js';

function specialtyForm(request: FastifyRequest) {
  const form = postedForm(request);
  const values = {
    name: form.text('name'),
    webName: form.text('webName'),
    webEnabled: form.flag('webEnabled') ? '1' : '',
  };
  return { values, input: { ...values, webEnabled: values.webEnabled === '1' } };
}

export const specialtiesRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    app.get(SPECIALTIES, hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      const [page, specialties] = await Promise.all([
        shell.staffPage(request, reply),
        listSpecialties(ctx, { actor: request.actor }),
      ]);
      const t = webCatalogMessages(page.lang);
      const done = doneOf(request);
      const changed = specialties.find((s) => s.id === done?.id);
      const flash = changed && (done?.ok === 'creada' ? t('created', changed) : t('saved', changed));
      return sendPage(
        reply,
        <SpecialtiesPage page={page} specialties={specialties} flash={flash} changedId={changed?.id ?? null} />,
      );
    });

    app.get(`${SPECIALTIES}/nueva`, hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      const page = await shell.staffPage(request, reply);
      return sendPage(reply, <SpecialtyFormPage page={page} specialty={null} form={emptyForm(specialtyValues())} />);
    });

    app.post(`${SPECIALTIES}/nueva`, hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      const { values, input } = specialtyForm(request);
      const outcome = await attempt(reply, specialtyInput, input, (specialty) =>
        createSpecialty(ctx, { actor: request.actor, specialty }),
      );
      if ('value' in outcome) return reply.redirect(doneUrl(SPECIALTIES, 'creada', outcome.value.id), 303);
      const page = await shell.staffPage(request, reply);
      const { form, alert } = refusedForm(values, outcome, page.lang);
      return sendPage(
        reply,
        <SpecialtyFormPage page={page} specialty={null} form={form} alert={alert} />,
        outcome.status,
      );
    });

    app.get(`${SPECIALTIES}/:id`, hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      const id = idParam(request);
      if (id === null) return reply.callNotFound();
      const [page, specialty] = await Promise.all([
        shell.staffPage(request, reply),
        getSpecialty(ctx, { actor: request.actor, id }),
      ]);
      return sendPage(
        reply,
        <SpecialtyFormPage page={page} specialty={specialty} form={emptyForm(specialtyValues(specialty))} />,
      );
    });

    app.post(`${SPECIALTIES}/:id`, hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      const id = idParam(request);
      if (id === null) return reply.callNotFound();
      const { values, input } = specialtyForm(request);
      const outcome = await attempt(reply, specialtyChanges, input, (changes) =>
        updateSpecialty(ctx, { actor: request.actor, id, changes }),
      );
      if ('value' in outcome) return reply.redirect(doneUrl(SPECIALTIES, 'guardada', id), 303);
      const [page, specialty] = await Promise.all([
        shell.staffPage(request, reply),
        getSpecialty(ctx, { actor: request.actor, id }),
      ]);
      const { form, alert } = refusedForm(values, outcome, page.lang);
      return sendPage(
        reply,
        <SpecialtyFormPage page={page} specialty={specialty} form={form} alert={alert} />,
        outcome.status,
      );
    });
  };
