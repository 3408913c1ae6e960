// TURNOS WEB → Profesionales activados (admins): who patients may book online, the messages before and
// after booking, how many days ahead their agenda opens, and what each one attends (studies, specialties).
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { sendPage } from '../../views/page.js';
import type { WebShell } from '../../web/shell.js';
import { emptyForm } from '../patients/views/form.js';
import type { Actor } from '../staff/actor.js';
import { professionalChanges, professionalInput, specialtyIdsInput, studyIdsInput } from './catalog.admin.schemas.js';
import {
  createProfessional,
  setProfessionalSpecialties,
  setProfessionalStudies,
  updateProfessional,
} from './catalog.professionals.service.js';
import { getProfessional, listProfessionals, listSpecialties, listStudies } from './catalog.service.js';
import { type CheckOption, refusedForm } from './views/admin-fields.js';
import { ServicesPage } from './views/professional-services.js';
import {
  NewProfessionalPage,
  PROFESSIONALS,
  ProfessionalFormPage,
  ProfessionalsPage,
  professionalValues,
} from './views/professionals.js';
import { webCatalogMessages } from './web-catalog.messages.js';
import { ADMIN, attempt, doneOf, doneUrl, hidden, idParam, numberOf, postedForm } from './web-catalog.request.js';

type Kind = 'studies' | 'specialties';
const FLASH = {
  creado: 'created',
  guardado: 'saved',
  estudios: 'studiesSaved',
  especialidades: 'specialtiesSaved',
} as const;

// Edits always send every field: an emptied "días máximos" must be refused, not left unchanged.
const professionalEdit = professionalChanges.required({ maxDaysAhead: true });

function professionalForm(request: FastifyRequest) {
  const form = postedForm(request);
  const values = {
    lastName: form.text('lastName'),
    firstName: form.text('firstName'),
    licenceNumber: form.text('licenceNumber'),
    email: form.text('email'),
    webEnabled: form.flag('webEnabled') ? '1' : '',
    generalMessage: form.text('generalMessage'),
    bookingMessage: form.text('bookingMessage'),
    maxDaysAhead: form.text('maxDaysAhead'),
  };
  const input = {
    ...values,
    webEnabled: values.webEnabled === '1',
    maxDaysAhead: numberOf(values.maxDaysAhead),
  };
  return { values, input };
}

/** Every specialty or study, as checkboxes; those hidden from the web say so. */
async function optionsOf(ctx: AppContext, actor: Actor, kind: Kind): Promise<(lang: 'es' | 'en') => CheckOption[]> {
  const rows =
    kind === 'studies'
      ? (await listStudies(ctx, { actor })).map((s) => ({ id: s.id, label: s.name, web: s.webEnabled }))
      : (await listSpecialties(ctx, { actor })).map((s) => ({ id: s.id, label: s.webName, web: s.webEnabled }));
  return (lang) => {
    const t = webCatalogMessages(lang);
    const note = kind === 'studies' ? t('notOnWeb') : t('notOnWebF');
    return rows.map((r) => ({ value: String(r.id), label: r.label, note: r.web ? undefined : note }));
  };
}

export const professionalsRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    app.get(PROFESSIONALS, hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      const actor = request.actor;
      const [page, professionals, specialties, studies] = await Promise.all([
        shell.staffPage(request, reply),
        listProfessionals(ctx, { actor }),
        listSpecialties(ctx, { actor }),
        listStudies(ctx, { actor }),
      ]);
      const t = webCatalogMessages(page.lang);
      const done = doneOf(request);
      const changed = professionals.find((p) => p.id === done?.id);
      const key = done && done.ok in FLASH ? FLASH[done.ok as keyof typeof FLASH] : 'saved';
      const flash = changed && t(key, { name: changed.fullName });
      return sendPage(
        reply,
        <ProfessionalsPage
          page={page}
          professionals={professionals}
          specialtyNames={new Map(specialties.map((s) => [s.id, s.webName]))}
          studyNames={new Map(studies.map((s) => [s.id, s.name]))}
          flash={flash}
          changedId={changed?.id ?? null}
        />,
      );
    });

    app.get(`${PROFESSIONALS}/nuevo`, hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      const [page, options] = await Promise.all([
        shell.staffPage(request, reply),
        optionsOf(ctx, request.actor, 'specialties'),
      ]);
      const form = emptyForm({ webEnabled: '1' });
      return sendPage(
        reply,
        <NewProfessionalPage page={page} specialties={options(page.lang)} checked={new Set()} form={form} />,
      );
    });

    app.post(`${PROFESSIONALS}/nuevo`, hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      // The new form has no messages nor days: read as empty, they take the defaults.
      const { values, input } = professionalForm(request);
      const specialtyIds = postedForm(request).all('specialtyIds');
      const outcome = await attempt(reply, professionalInput, { ...input, specialtyIds }, (professional) =>
        createProfessional(ctx, { actor: request.actor, professional }),
      );
      if ('value' in outcome) return reply.redirect(doneUrl(PROFESSIONALS, 'creado', outcome.value.id), 303);
      const [page, options] = await Promise.all([
        shell.staffPage(request, reply),
        optionsOf(ctx, request.actor, 'specialties'),
      ]);
      const { form, alert } = refusedForm(values, outcome, page.lang);
      return sendPage(
        reply,
        <NewProfessionalPage
          page={page}
          specialties={options(page.lang)}
          checked={new Set(specialtyIds)}
          form={form}
          alert={alert}
        />,
        outcome.status,
      );
    });

    app.get(`${PROFESSIONALS}/:id`, hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      const id = idParam(request);
      if (id === null) return reply.callNotFound();
      const [page, professional] = await Promise.all([
        shell.staffPage(request, reply),
        getProfessional(ctx, { actor: request.actor, id }),
      ]);
      const form = emptyForm(professionalValues(professional));
      return sendPage(reply, <ProfessionalFormPage page={page} professional={professional} form={form} />);
    });

    app.post(`${PROFESSIONALS}/:id`, hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      const id = idParam(request);
      if (id === null) return reply.callNotFound();
      const { values, input } = professionalForm(request);
      const outcome = await attempt(reply, professionalEdit, input, (changes) =>
        updateProfessional(ctx, { actor: request.actor, id, changes }),
      );
      if ('value' in outcome) return reply.redirect(doneUrl(PROFESSIONALS, 'guardado', id), 303);
      const [page, professional] = await Promise.all([
        shell.staffPage(request, reply),
        getProfessional(ctx, { actor: request.actor, id }),
      ]);
      const { form, alert } = refusedForm(values, outcome, page.lang);
      return sendPage(
        reply,
        <ProfessionalFormPage page={page} professional={professional} form={form} alert={alert} />,
        outcome.status,
      );
    });

    for (const [kind, path] of [
      ['studies', 'estudios'],
      ['specialties', 'especialidades'],
    ] as const) {
      const field = kind === 'studies' ? 'studyIds' : 'specialtyIds';

      const show = async (
        request: FastifyRequest,
        reply: FastifyReply,
        professionalId: number,
        checked: ReadonlySet<string> | null,
        refused?: Parameters<typeof refusedForm>[1],
      ) => {
        const [page, professional, options] = await Promise.all([
          shell.staffPage(request, reply),
          getProfessional(ctx, { actor: request.actor, id: professionalId }),
          optionsOf(ctx, request.actor, kind),
        ]);
        const assigned = kind === 'studies' ? professional.studyIds : professional.specialtyIds;
        const shown = refused ? refusedForm({}, refused, page.lang) : { form: emptyForm(), alert: undefined };
        return sendPage(
          reply,
          <ServicesPage
            page={page}
            kind={kind}
            professional={professional}
            options={options(page.lang)}
            checked={checked ?? new Set(assigned.map(String))}
            form={shown.form}
            alert={shown.alert}
          />,
          refused && 'status' in refused ? refused.status : 200,
        );
      };

      app.get(`${PROFESSIONALS}/:id/${path}`, hidden, async (request, reply) => {
        if (!shell.requireStaff(request, reply, ADMIN)) return reply;
        const id = idParam(request);
        if (id === null) return reply.callNotFound();
        return show(request, reply, id, null);
      });

      app.post(`${PROFESSIONALS}/:id/${path}`, hidden, async (request, reply) => {
        if (!shell.requireStaff(request, reply, ADMIN)) return reply;
        const id = idParam(request);
        if (id === null) return reply.callNotFound();
        const ids = postedForm(request).all(field);
        const actor = request.actor;
        const outcome =
          kind === 'studies'
            ? await attempt(reply, studyIdsInput, { studyIds: ids }, (data) =>
                setProfessionalStudies(ctx, { actor, professionalId: id, studyIds: data.studyIds }),
              )
            : await attempt(reply, specialtyIdsInput, { specialtyIds: ids }, (data) =>
                setProfessionalSpecialties(ctx, { actor, professionalId: id, specialtyIds: data.specialtyIds }),
              );
        if ('value' in outcome) return reply.redirect(doneUrl(PROFESSIONALS, path, id), 303);
        return show(request, reply, id, new Set(ids), outcome);
      });
    }
  };
