// TURNOS WEB → ABM estudios (admins): the studies patients choose when the center books by study, each
// with its indication; deleting one asks first and says why when turnos or agendas still use it.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { expected } from '../../platform/http/request.js';
import { sendPage } from '../../views/page.js';
import type { WebShell } from '../../web/shell.js';
import { emptyForm } from '../patients/views/form.js';
import { studyChanges, studyInput } from './catalog.admin.schemas.js';
import { createStudy, deleteStudy, updateStudy } from './catalog.admin.service.js';
import { getStudy, listStudies } from './catalog.service.js';
import { refusedForm } from './views/admin-fields.js';
import { DeleteStudyPage, STUDIES, StudiesPage, StudyFormPage, studyValues } from './views/studies.js';
import { webCatalogMessages } from './web-catalog.messages.js';
import { ADMIN, attempt, doneOf, doneUrl, hidden, idParam, postedForm } from './web-catalog.request.js';

function studyForm(request: FastifyRequest) {
  const form = postedForm(request);
  const values = {
    name: form.text('name'),
    indication: form.text('indication'),
    webEnabled: form.flag('webEnabled') ? '1' : '',
  };
  return { values, input: { ...values, webEnabled: values.webEnabled === '1' } };
}

export const studiesRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    app.get(STUDIES, hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      const [page, studies] = await Promise.all([
        shell.staffPage(request, reply),
        listStudies(ctx, { actor: request.actor }),
      ]);
      const t = webCatalogMessages(page.lang);
      const done = doneOf(request);
      const changed = studies.find((s) => s.id === done?.id);
      const flash =
        done?.ok === 'borrado'
          ? t('stuDeleted')
          : changed && (done?.ok === 'creado' ? t('created', changed) : t('saved', changed));
      return sendPage(
        reply,
        <StudiesPage page={page} studies={studies} flash={flash} changedId={changed?.id ?? null} />,
      );
    });

    app.get(`${STUDIES}/nuevo`, hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      const page = await shell.staffPage(request, reply);
      return sendPage(reply, <StudyFormPage page={page} study={null} form={emptyForm(studyValues())} />);
    });

    app.post(`${STUDIES}/nuevo`, hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      const { values, input } = studyForm(request);
      const outcome = await attempt(reply, studyInput, input, (study) =>
        createStudy(ctx, { actor: request.actor, study }),
      );
      if ('value' in outcome) return reply.redirect(doneUrl(STUDIES, 'creado', outcome.value.id), 303);
      const page = await shell.staffPage(request, reply);
      const { form, alert } = refusedForm(values, outcome, page.lang);
      return sendPage(reply, <StudyFormPage page={page} study={null} form={form} alert={alert} />, outcome.status);
    });

    app.get(`${STUDIES}/:id`, hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      const id = idParam(request);
      if (id === null) return reply.callNotFound();
      const [page, study] = await Promise.all([
        shell.staffPage(request, reply),
        getStudy(ctx, { actor: request.actor, id }),
      ]);
      return sendPage(reply, <StudyFormPage page={page} study={study} form={emptyForm(studyValues(study))} />);
    });

    app.post(`${STUDIES}/:id`, hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      const id = idParam(request);
      if (id === null) return reply.callNotFound();
      const { values, input } = studyForm(request);
      const outcome = await attempt(reply, studyChanges, input, (changes) =>
        updateStudy(ctx, { actor: request.actor, id, changes }),
      );
      if ('value' in outcome) return reply.redirect(doneUrl(STUDIES, 'guardado', id), 303);
      const [page, study] = await Promise.all([
        shell.staffPage(request, reply),
        getStudy(ctx, { actor: request.actor, id }),
      ]);
      const { form, alert } = refusedForm(values, outcome, page.lang);
      return sendPage(reply, <StudyFormPage page={page} study={study} form={form} alert={alert} />, outcome.status);
    });

    app.get(`${STUDIES}/:id/borrar`, hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      const id = idParam(request);
      if (id === null) return reply.callNotFound();
      const [page, study] = await Promise.all([
        shell.staffPage(request, reply),
        getStudy(ctx, { actor: request.actor, id }),
      ]);
      return sendPage(reply, <DeleteStudyPage page={page} study={study} />);
    });

    app.post(`${STUDIES}/:id/borrar`, hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      const id = idParam(request);
      if (id === null) return reply.callNotFound();
      try {
        await deleteStudy(ctx, { actor: request.actor, id });
      } catch (e) {
        const error = expected(e, reply, ['IN_USE']);
        const [page, study] = await Promise.all([
          shell.staffPage(request, reply),
          getStudy(ctx, { actor: request.actor, id }),
        ]);
        const alert = error.messageIn(page.lang);
        return sendPage(reply, <DeleteStudyPage page={page} study={study} alert={alert} />, error.status);
      }
      return reply.redirect(doneUrl(STUDIES, 'borrado'), 303);
    });
  };
