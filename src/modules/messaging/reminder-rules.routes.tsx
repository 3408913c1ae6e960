// /staff/mensajes/automaticos: admins add, change, pause and delete the automatic reminder rules.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import type { AppError } from '../../errors.js';
import type { ReminderRule, StaffRole } from '../../platform/db/schema.js';
import { requestLang } from '../../platform/http/errors.js';
import { idField } from '../../platform/http/fields.js';
import { expected, formBody, formText, queryOf } from '../../platform/http/request.js';
import type { Lang } from '../../platform/i18n/lang.js';
import { type StaffPage, sendPage } from '../../views/page.js';
import type { WebShell } from '../../web/shell.js';
import { emptyForm, type FormState } from '../patients/views/form.js';
import {
  createReminderRule,
  deleteReminderRule,
  getReminderRule,
  HOURS_MAX,
  HOURS_MIN,
  listReminderRules,
  type RuleFields,
  setReminderRuleEnabled,
  updateReminderRule,
} from './reminder-rules.service.js';
import { reminderRulesMessages } from './reminders.messages.js';
import { listTemplates } from './templates.service.js';
import { RULES_PATH, RulePage, RulesPage } from './views/reminder-rules.js';

const hidden = { schema: { hide: true } };
const ADMIN: StaffRole[] = ['admin'];
const FORM_ERRORS = ['VALIDATION_ERROR', 'NOT_FOUND', 'REMINDER_TWIN'] as const;
const FLASHES = {
  creado: 'created',
  guardado: 'saved',
  borrado: 'deleted',
  pausado: 'paused',
  activado: 'resumed',
} as const;

/** The posted fields as typed (to show again), each field's problem, and the rule when there is none. */
function ruleForm(request: FastifyRequest, lang: Lang) {
  const body = formBody(request);
  const t = reminderRulesMessages(lang);
  const values = {
    templateId: formText(body.templateId).trim(),
    hoursBefore: formText(body.hoursBefore).trim(),
    enabled: body.enabled === '1' ? '1' : '',
  };
  const templateId = idField.safeParse(values.templateId);
  const hours = /^\d{1,4}$/.test(values.hoursBefore) ? Number(values.hoursBefore) : Number.NaN;
  const errors: Record<string, string> = {};
  if (!templateId.success) errors.templateId = t('templateProblem');
  if (!(hours >= HOURS_MIN && hours <= HOURS_MAX)) errors.hoursBefore = t('hoursProblem');
  const rule: RuleFields | null =
    templateId.success && !errors.hoursBefore
      ? { templateId: templateId.data, hoursBefore: hours, enabled: values.enabled === '1' }
      : null;
  return { form: { values, errors } satisfies FormState, rule };
}

const formOf = (r: ReminderRule): FormState =>
  emptyForm({
    templateId: String(r.templateId),
    hoursBefore: String(r.hoursBefore),
    enabled: r.enabled === 1 ? '1' : '',
  });

/**
 * A missing template (deleted meanwhile) is the template field's problem; the rest are about the whole
 * form. A missing rule is found again when its page is drawn, and answers 404 there.
 */
function showError(error: AppError, form: FormState, lang: Lang) {
  if (error.code === 'NOT_FOUND') {
    const t = reminderRulesMessages(lang);
    return { form: { ...form, errors: { templateId: t('templateProblem') } }, alert: undefined, status: 400 };
  }
  return { form, alert: error.messageIn(lang), status: error.status };
}

export const reminderRulesRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    const flashOf = (page: StaffPage, request: FastifyRequest) => {
      const ok = queryOf(request).ok ?? '';
      if (!Object.hasOwn(FLASHES, ok)) return undefined;
      return reminderRulesMessages(page.lang)(FLASHES[ok as keyof typeof FLASHES]);
    };
    const ruleId = (request: FastifyRequest, reply: FastifyReply): number | null => {
      const id = idField.safeParse((request.params as { id: string }).id);
      if (id.success) return id.data;
      void reply.callNotFound();
      return null;
    };

    const listPage = async (
      request: FastifyRequest,
      reply: FastifyReply,
      form: FormState,
      extra: { alert?: string | undefined; status?: number } = {},
    ) => {
      const [page, data] = await Promise.all([
        shell.staffPage(request, reply),
        listReminderRules(ctx, { actor: request.actor }),
      ]);
      const flash = flashOf(page, request);
      return sendPage(
        reply,
        <RulesPage
          page={page}
          rules={data.rules}
          templates={data.templates}
          form={form}
          flash={flash}
          alert={extra.alert}
        />,
        extra.status,
      );
    };

    const rulePage = async (
      request: FastifyRequest,
      reply: FastifyReply,
      id: number,
      form: FormState | null,
      extra: { alert?: string | undefined; status?: number } = {},
    ) => {
      // Only the templates: the list's counts of queued messages would be read for nothing.
      const [page, rule, templates] = await Promise.all([
        shell.staffPage(request, reply),
        getReminderRule(ctx, { actor: request.actor, id }),
        listTemplates(ctx, { actor: request.actor }),
      ]);
      const flash = flashOf(page, request);
      return sendPage(
        reply,
        <RulePage
          page={page}
          rule={rule}
          templates={templates}
          form={form ?? formOf(rule)}
          flash={flash}
          alert={extra.alert}
        />,
        extra.status,
      );
    };

    app.get(RULES_PATH, hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      return listPage(request, reply, emptyForm({ hoursBefore: '48', enabled: '1' }));
    });

    app.post(RULES_PATH, hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      const lang = requestLang(request);
      const posted = ruleForm(request, lang);
      if (!posted.rule) return listPage(request, reply, posted.form, { status: 400 });
      try {
        await createReminderRule(ctx, { actor: request.actor, rule: posted.rule });
      } catch (e) {
        const shown = showError(expected(e, reply, FORM_ERRORS), posted.form, lang);
        return listPage(request, reply, shown.form, shown);
      }
      return reply.redirect(`${RULES_PATH}?ok=creado`, 303);
    });

    app.get(`${RULES_PATH}/:id`, hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      const id = ruleId(request, reply);
      if (id === null) return reply;
      return rulePage(request, reply, id, null);
    });

    app.post(`${RULES_PATH}/:id`, hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      const id = ruleId(request, reply);
      if (id === null) return reply;
      const lang = requestLang(request);
      const posted = ruleForm(request, lang);
      if (!posted.rule) return rulePage(request, reply, id, posted.form, { status: 400 });
      try {
        await updateReminderRule(ctx, { actor: request.actor, id, rule: posted.rule });
      } catch (e) {
        const shown = showError(expected(e, reply, FORM_ERRORS), posted.form, lang);
        return rulePage(request, reply, id, shown.form, shown);
      }
      return reply.redirect(`${RULES_PATH}/${id}?ok=guardado`, 303);
    });

    app.post(`${RULES_PATH}/:id/estado`, hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      const id = ruleId(request, reply);
      if (id === null) return reply;
      const enabled = formBody(request).enabled === '1';
      await setReminderRuleEnabled(ctx, { actor: request.actor, id, enabled });
      return reply.redirect(`${RULES_PATH}?ok=${enabled ? 'activado' : 'pausado'}#regla-${id}`, 303);
    });

    app.post(`${RULES_PATH}/:id/borrar`, hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      const id = ruleId(request, reply);
      if (id === null) return reply;
      await deleteReminderRule(ctx, { actor: request.actor, id });
      return reply.redirect(`${RULES_PATH}?ok=borrado`, 303);
    });
  };
