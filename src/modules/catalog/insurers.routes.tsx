// TURNOS WEB → Obras sociales activadas (admins): which insurers' patients may book online, the name
// they see, and the two messages the manual describes.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { sendPage } from '../../views/page.js';
import type { WebShell } from '../../web/shell.js';
import { emptyForm } from '../patients/views/form.js';
import { insurerChanges, insurerInput } from './catalog.admin.schemas.js';
import { createInsurer, updateInsurer } from './catalog.admin.service.js';
import { getInsurer, listInsurers } from './catalog.service.js';
import { refusedForm } from './views/admin-fields.js';
import { INSURERS, InsurerFormPage, InsurersPage, insurerValues } from './views/insurers.js';
import { webCatalogMessages } from './web-catalog.messages.js';
import { ADMIN, attempt, doneOf, doneUrl, hidden, idParam, postedForm } from './web-catalog.request.js';

function insurerForm(request: FastifyRequest) {
  const form = postedForm(request);
  const values = {
    name: form.text('name'),
    webName: form.text('webName'),
    webEnabled: form.flag('webEnabled') ? '1' : '',
    selfPay: form.flag('selfPay') ? '1' : '',
    generalMessage: form.text('generalMessage'),
    bookingMessage: form.text('bookingMessage'),
  };
  const input = {
    ...values,
    webEnabled: values.webEnabled === '1',
    selfPay: values.selfPay === '1',
  };
  return { values, input };
}

export const insurersRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    app.get(INSURERS, hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      const [page, insurers] = await Promise.all([
        shell.staffPage(request, reply),
        listInsurers(ctx, { actor: request.actor }),
      ]);
      const t = webCatalogMessages(page.lang);
      const done = doneOf(request);
      const changed = insurers.find((i) => i.id === done?.id);
      const flash = changed && (done?.ok === 'creada' ? t('created', changed) : t('saved', changed));
      return sendPage(
        reply,
        <InsurersPage page={page} insurers={insurers} flash={flash} changedId={changed?.id ?? null} />,
      );
    });

    app.get(`${INSURERS}/nueva`, hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      const page = await shell.staffPage(request, reply);
      return sendPage(reply, <InsurerFormPage page={page} insurer={null} form={emptyForm(insurerValues())} />);
    });

    app.post(`${INSURERS}/nueva`, hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      const { values, input } = insurerForm(request);
      const outcome = await attempt(reply, insurerInput, input, (insurer) =>
        createInsurer(ctx, { actor: request.actor, insurer }),
      );
      if ('value' in outcome) return reply.redirect(doneUrl(INSURERS, 'creada', outcome.value.id), 303);
      const page = await shell.staffPage(request, reply);
      const { form, alert } = refusedForm(values, outcome, page.lang);
      return sendPage(reply, <InsurerFormPage page={page} insurer={null} form={form} alert={alert} />, outcome.status);
    });

    app.get(`${INSURERS}/:id`, hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      const id = idParam(request);
      if (id === null) return reply.callNotFound();
      const [page, insurer] = await Promise.all([
        shell.staffPage(request, reply),
        getInsurer(ctx, { actor: request.actor, id }),
      ]);
      return sendPage(
        reply,
        <InsurerFormPage page={page} insurer={insurer} form={emptyForm(insurerValues(insurer))} />,
      );
    });

    app.post(`${INSURERS}/:id`, hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      const id = idParam(request);
      if (id === null) return reply.callNotFound();
      const { values, input } = insurerForm(request);
      const outcome = await attempt(reply, insurerChanges, input, (changes) =>
        updateInsurer(ctx, { actor: request.actor, id, changes }),
      );
      if ('value' in outcome) return reply.redirect(doneUrl(INSURERS, 'guardada', id), 303);
      const [page, insurer] = await Promise.all([
        shell.staffPage(request, reply),
        getInsurer(ctx, { actor: request.actor, id }),
      ]);
      const { form, alert } = refusedForm(values, outcome, page.lang);
      return sendPage(
        reply,
        <InsurerFormPage page={page} insurer={insurer} form={form} alert={alert} />,
        outcome.status,
      );
    });
  };
