// Mis datos: personal data, e-mail (confirmed by a link to the new address) and password.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { baseUrlOf, expected, formBody, queryOf } from '../../platform/http/request.js';
import { todayIn } from '../../platform/time/zone.js';
import { type Page, sendPage } from '../../views/page.js';
import type { WebShell } from '../../web/shell.js';
import {
  changePassword,
  confirmEmailChange,
  getMyData,
  insurerChoices,
  requestEmailChange,
  updateMyData,
} from './accounts.profile.service.js';
import { fields, myDataSchema, parseForm } from './accounts.schemas.js';
import { emptyForm, type FormState, problemTexts } from './views/form.js';
import { LinkInvalidPage } from './views/login.js';
import { type MyDataFlash, MyDataPage, type MyDataView } from './views/my-data.js';

const mailForm = z.object({ email: fields.email, mailPassword: fields.anyPassword });
const passwordForm = z.object({ currentPassword: fields.anyPassword, newPassword: fields.password });

const FLASHES: Record<string, MyDataFlash> = {
  datos: 'data',
  mail: 'mailSent',
  'mail-confirmado': 'mailChanged',
  clave: 'password',
};

const DATA_FIELDS = ['lastName', 'firstName', 'sex', 'birthDate', 'mobile', 'address', 'insurerId', 'memberNumber'];

/** "1980-05-04" -> "04/05/1980", as people write it (the form reads both). */
const localDate = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '');

type MyData = Awaited<ReturnType<typeof getMyData>>;

const storedValues = (me: MyData): Record<string, string> => ({
  lastName: me.lastName,
  firstName: me.firstName,
  sex: me.sex ?? '',
  birthDate: localDate(me.birthDate),
  mobile: me.mobile ?? '',
  address: me.address,
  insurerId: me.insurerId === null ? '' : String(me.insurerId),
  memberNumber: me.memberNumber,
});

function pick(source: Record<string, string>, keys: string[]): Record<string, string> {
  return Object.fromEntries(keys.filter((k) => k in source).map((k) => [k, source[k] as string]));
}

export const profileRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    /** The page with the record's values, replaced by whatever a form being shown again carries. */
    async function show(
      request: FastifyRequest,
      reply: FastifyReply,
      page: Page,
      parts: Partial<Pick<MyDataView, 'data' | 'mail' | 'password' | 'flash' | 'alert'>>,
      status = 200,
    ) {
      const me = await getMyData(ctx, { actor: request.actor });
      const insurers = await insurerChoices(ctx, { actor: request.actor });
      const view: MyDataView = {
        dni: me.dni,
        email: me.email,
        disabledNote: me.disabled ? me.disabledNote : null,
        insurers: insurers.map((i) => ({ value: String(i.id), label: i.name })),
        data: parts.data ?? emptyForm(storedValues(me)),
        mail: parts.mail ?? emptyForm(),
        password: parts.password ?? emptyForm(),
        flash: parts.flash,
        alert: parts.alert,
      };
      return sendPage(reply, <MyDataPage page={page} view={view} />, status);
    }

    app.get('/mis-datos', { schema: { hide: true } }, async (request, reply) => {
      if (shell.requirePatient(request, reply) === null) return reply;
      const page = await shell.page(request, reply);
      const query = queryOf(request);
      // A form sent after the session ended comes back here, after logging in, with what was typed.
      const draft = pick(query, DATA_FIELDS);
      const parts: Parameters<typeof show>[3] = { flash: FLASHES[query.ok ?? ''] };
      if (Object.keys(draft).length > 0) {
        const me = await getMyData(ctx, { actor: request.actor });
        parts.data = emptyForm({ ...storedValues(me), ...draft });
      }
      if (query.email) parts.mail = emptyForm({ email: query.email });
      return show(request, reply, page, parts);
    });

    const patientForm = { schema: { hide: true } };

    app.post('/mis-datos', patientForm, async (request, reply) => {
      const page = await shell.page(request, reply);
      const insurers = await insurerChoices(ctx, { actor: request.actor });
      const schema = myDataSchema(
        todayIn(page.center.timeZone, ctx.clock.now()),
        insurers.map((i) => i.id),
      );
      const parsed = parseForm(schema, formBody(request));
      const data: FormState = { values: parsed.values, errors: problemTexts(page.lang, parsed.problems) };
      if (!parsed.data) return show(request, reply, page, { data }, 400);
      try {
        await updateMyData(ctx, { actor: request.actor, changes: parsed.data });
      } catch (e) {
        const error = expected(e, reply, ['VALIDATION_ERROR']);
        return show(request, reply, page, { data, alert: { form: 'data', text: error.messageIn(page.lang) } }, 400);
      }
      return reply.redirect('/mis-datos?ok=datos', 303);
    });

    app.post('/mis-datos/mail', patientForm, async (request, reply) => {
      const page = await shell.page(request, reply);
      const parsed = parseForm(mailForm, formBody(request));
      const mail: FormState = { values: parsed.values, errors: problemTexts(page.lang, parsed.problems) };
      if (!parsed.data) return show(request, reply, page, { mail }, 400);
      try {
        await requestEmailChange(ctx, {
          actor: request.actor,
          email: parsed.data.email,
          password: parsed.data.mailPassword,
          baseUrl: baseUrlOf(ctx, request),
        });
      } catch (e) {
        const error = expected(e, reply, ['WRONG_PASSWORD', 'TOO_MANY_ATTEMPTS']);
        const text = error.messageIn(page.lang);
        if (error.code === 'WRONG_PASSWORD') mail.errors.mailPassword = text;
        const alert = error.code === 'TOO_MANY_ATTEMPTS' ? { form: 'mail' as const, text } : undefined;
        return show(request, reply, page, { mail, alert }, error.status);
      }
      return reply.redirect('/mis-datos?ok=mail', 303);
    });

    app.post('/mis-datos/clave', patientForm, async (request, reply) => {
      const page = await shell.page(request, reply);
      const parsed = parseForm(passwordForm, formBody(request), { confirm: ['newPassword', 'newPasswordRepeat'] });
      const password: FormState = { values: {}, errors: problemTexts(page.lang, parsed.problems) };
      if (!parsed.data) return show(request, reply, page, { password }, 400);
      try {
        await changePassword(ctx, {
          actor: request.actor,
          current: parsed.data.currentPassword,
          next: parsed.data.newPassword,
          keepSessionId: request.sessionId,
        });
      } catch (e) {
        const error = expected(e, reply, ['WRONG_PASSWORD', 'WEAK_PASSWORD', 'TOO_MANY_ATTEMPTS']);
        const text = error.messageIn(page.lang);
        if (error.code === 'WRONG_PASSWORD') password.errors.currentPassword = text;
        if (error.code === 'WEAK_PASSWORD') password.errors.newPassword = text;
        const alert = error.code === 'TOO_MANY_ATTEMPTS' ? { form: 'password' as const, text } : undefined;
        return show(request, reply, page, { password, alert }, error.status);
      }
      return reply.redirect('/mis-datos?ok=clave', 303);
    });

    app.get('/confirmar-mail', { schema: { hide: true } }, async (request, reply) => {
      if (shell.requirePatient(request, reply) === null) return reply;
      try {
        await confirmEmailChange(ctx, { actor: request.actor, token: queryOf(request).token ?? '' });
      } catch (e) {
        const error = expected(e, reply, ['LINK_INVALID']);
        return sendPage(reply, <LinkInvalidPage page={await shell.page(request, reply)} error={error} />, 410);
      }
      return reply.redirect('/mis-datos?ok=mail-confirmado', 303);
    });
  };
