// /staff/mensajes/plantillas: the manual's PLANTILLAS. Admins list, write, count (CONTAR CARACTERES), preview
// and delete templates; every page works without JavaScript.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import type { MessageChannel, StaffRole } from '../../platform/db/schema.js';
import { requestLang } from '../../platform/http/errors.js';
import { idField } from '../../platform/http/fields.js';
import { baseUrlOf, expected, formBody, formText, queryOf } from '../../platform/http/request.js';
import { sendPage } from '../../views/page.js';
import type { WebShell } from '../../web/shell.js';
import { emptyForm } from '../patients/views/form.js';
import { normalizeTemplateInput } from './template-input.rules.js';
import { worstCaseSmsCount, worstCaseValues } from './template-values.rules.js';
import { fieldErrors, templatesMessages } from './templates.messages.js';
import {
  createTemplate,
  deleteTemplate,
  getTemplate,
  listTemplates,
  previewTemplate,
  smsCountHints,
  TemplateInvalidError,
  type TemplateView,
  updateTemplate,
} from './templates.service.js';
import { type EditorProps, TEMPLATES, TemplateEditorPage } from './views/template-editor.js';
import { DeleteTemplatePage, TemplatesPage } from './views/templates.js';

const hidden = { schema: { hide: true } };
const ADMIN: StaffRole[] = ['admin'];
const CHANNELS: readonly string[] = ['mail', 'sms', 'whatsapp'];

const channelOf = (v: unknown): MessageChannel | null =>
  typeof v === 'string' && CHANNELS.includes(v) ? (v as MessageChannel) : null;

/** The fields as typed, to show again; the service trims and checks them. */
function postedDraft(request: FastifyRequest) {
  const body = formBody(request);
  const values = {
    title: formText(body.title),
    body: formText(body.body),
    waTemplate: formText(body.waTemplate),
    waLanguage: formText(body.waLanguage),
  };
  return { values, counting: body.accion === 'contar' };
}

const valuesOf = (t: TemplateView): Record<string, string> => ({
  title: t.title,
  body: t.body,
  waTemplate: t.waTemplate,
  waLanguage: t.waLanguage,
});

export const templatesRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    const idParam = (request: FastifyRequest) => {
      const id = idField.safeParse((request.params as { id: string }).id);
      return id.success ? id.data : null;
    };

    /** The editor, as typed; an SMS template also gets its worst-case count. */
    async function editor(
      request: FastifyRequest,
      reply: FastifyReply,
      props: Omit<EditorProps, 'page' | 'form' | 'sms'> & {
        values: Record<string, string>;
        errors?: Record<string, string>;
      },
      status = 200,
    ) {
      const { values, errors, ...rest } = props;
      const page = await shell.staffPage(request, reply);
      let sms: EditorProps['sms'];
      if (props.channel === 'sms') {
        const hints = await smsCountHints(ctx, { actor: request.actor, baseUrl: baseUrlOf(ctx, request) });
        const body = normalizeTemplateInput({ channel: 'sms', body: values.body }).body;
        sms = { count: worstCaseSmsCount(body, hints), values: worstCaseValues(hints) };
      }
      const form = { values, errors: errors ?? {} };
      return sendPage(reply, <TemplateEditorPage page={page} form={form} sms={sms} {...rest} />, status);
    }

    /** A refused save: the typed text stays, each problem under its field. */
    async function refused(
      request: FastifyRequest,
      reply: FastifyReply,
      e: unknown,
      props: { channel: MessageChannel; template: TemplateView | null; values: Record<string, string> },
    ) {
      const error = expected(e, reply, ['TEMPLATE_INVALID', 'VALIDATION_ERROR']);
      const lang = requestLang(request);
      const errors = error instanceof TemplateInvalidError ? fieldErrors(lang, error.problems) : {};
      return editor(request, reply, { ...props, errors, alert: error.messageIn(lang) }, error.status);
    }

    app.get(TEMPLATES, hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      const [page, templates] = await Promise.all([
        shell.staffPage(request, reply),
        listTemplates(ctx, { actor: request.actor }),
      ]);
      const flash = queryOf(request).ok === 'borrada' ? templatesMessages(page.lang)('deleted') : undefined;
      return sendPage(reply, <TemplatesPage page={page} templates={templates} flash={flash} />);
    });

    app.get(`${TEMPLATES}/nueva`, hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      const channel = channelOf(queryOf(request).canal);
      if (!channel) return reply.callNotFound();
      return editor(request, reply, { channel, template: null, values: emptyForm().values });
    });

    app.post(TEMPLATES, hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      const channel = channelOf(formBody(request).canal);
      if (!channel) return reply.callNotFound();
      const { values, counting } = postedDraft(request);
      if (counting) return editor(request, reply, { channel, template: null, values });
      try {
        const created = await createTemplate(ctx, { actor: request.actor, channel, template: values });
        return reply.redirect(`${TEMPLATES}/${created.id}?ok=creada`, 303);
      } catch (e) {
        return refused(request, reply, e, { channel, template: null, values });
      }
    });

    app.get(`${TEMPLATES}/:id`, hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      const id = idParam(request);
      if (id === null) return reply.callNotFound();
      const template = await getTemplate(ctx, { actor: request.actor, id });
      const query = queryOf(request);
      const lang = requestLang(request);
      const t = templatesMessages(lang);
      const flash = query.ok === 'creada' ? t('created') : query.ok === 'guardada' ? t('saved') : undefined;
      let preview: EditorProps['preview'];
      if (query.turno !== undefined) {
        const turno = query.turno.trim();
        const number = idField.safeParse(turno);
        if (turno !== '' && !number.success) {
          preview = { turno, error: t('previewBadNumber') };
        } else {
          try {
            const appointmentId = turno === '' ? undefined : (number.data as number);
            const baseUrl = baseUrlOf(ctx, request);
            const result = await previewTemplate(ctx, { actor: request.actor, id, appointmentId, baseUrl });
            preview = { turno, result };
          } catch (e) {
            if (!(e instanceof AppError) || e.code !== 'NOT_FOUND') throw e;
            preview = { turno, error: e.messageIn(lang) };
          }
        }
      }
      const { channel } = template;
      return editor(request, reply, { channel, template, values: valuesOf(template), flash, preview });
    });

    app.post(`${TEMPLATES}/:id`, hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      const id = idParam(request);
      if (id === null) return reply.callNotFound();
      const template = await getTemplate(ctx, { actor: request.actor, id });
      const { values, counting } = postedDraft(request);
      const props = { channel: template.channel, template, values };
      if (counting) return editor(request, reply, props);
      try {
        await updateTemplate(ctx, { actor: request.actor, id, template: values });
        return reply.redirect(`${TEMPLATES}/${id}?ok=guardada`, 303);
      } catch (e) {
        return refused(request, reply, e, props);
      }
    });

    app.get(`${TEMPLATES}/:id/borrar`, hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      const id = idParam(request);
      if (id === null) return reply.callNotFound();
      const [page, template] = await Promise.all([
        shell.staffPage(request, reply),
        getTemplate(ctx, { actor: request.actor, id }),
      ]);
      return sendPage(reply, <DeleteTemplatePage page={page} template={template} />);
    });

    app.post(`${TEMPLATES}/:id/borrar`, hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      const id = idParam(request);
      if (id === null) return reply.callNotFound();
      const template = await getTemplate(ctx, { actor: request.actor, id });
      try {
        await deleteTemplate(ctx, { actor: request.actor, id });
      } catch (e) {
        const error = expected(e, reply, ['IN_USE']);
        const page = await shell.staffPage(request, reply);
        const alert = error.messageIn(page.lang);
        return sendPage(reply, <DeleteTemplatePage page={page} template={template} alert={alert} />, error.status);
      }
      return reply.redirect(`${TEMPLATES}?ok=borrada`, 303);
    });
  };
