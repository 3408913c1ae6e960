// Ingresar, Salir, the disabled patient's notice, Olvidé mi contraseña and Restablecer.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { baseUrlOf, clientIp, expected, formBody, queryOf } from '../../platform/http/request.js';
import { LANG_COOKIE, type Lang } from '../../platform/i18n/lang.js';
import { type Page, sendPage } from '../../views/page.js';
import { endPatientSession, startPatientSession } from '../../web/session.js';
import { localPath, type WebShell } from '../../web/shell.js';
import { checkResetLink, logIn, loginUserOf, requestPasswordReset, resetPassword } from './accounts.login.service.js';
import { accountMessages } from './accounts.messages.js';
import { getMyData } from './accounts.profile.service.js';
import { fields, parseForm } from './accounts.schemas.js';
import { emptyForm, type FormState, MessagePage, problemTexts } from './views/form.js';
import { DniFormPage, LinkInvalidPage, LoginPage, type LoginView, ResetPasswordPage } from './views/login.js';

/** "DNI o e-mail": the field keeps its old name (dni), so saved forms and links still fill it. */
const loginUserField = z.preprocess(
  (v) => (typeof v === 'string' ? v : ''),
  z.string().transform((v, ctx) => {
    const user = loginUserOf(v);
    if (user === null) {
      const problem = v.trim() === '' ? 'required' : v.includes('@') ? 'email' : 'dni';
      ctx.addIssue({ code: 'custom', message: problem });
      return z.NEVER;
    }
    return user;
  }),
);
const loginForm = z.object({ dni: loginUserField, password: fields.anyPassword });
const dniForm = z.object({ dni: fields.dni });
const resetForm = z.object({ password: fields.password });
const resetWithAnswerForm = resetForm.extend({
  securityAnswer: z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string().trim().min(1, 'required')),
});

const LOGIN_REFUSALS = [
  'INVALID_CREDENTIALS',
  'INVALID_EMAIL_CREDENTIALS',
  'ACCOUNT_NOT_ACTIVE',
  'TOO_MANY_ATTEMPTS',
] as const;

/** The language the patient chose in the portal, set as /idioma sets it, so the pages open in it. */
export function rememberLang(reply: FastifyReply, lang: Lang) {
  reply.setCookie(LANG_COOKIE, lang, { path: '/', sameSite: 'lax', maxAge: 365 * 24 * 3600 });
}

export const loginRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    const showLogin = (reply: FastifyReply, page: Page, view: LoginView, status = 200) =>
      sendPage(reply, <LoginPage page={page} view={view} />, status);

    app.get('/ingresar', { schema: { hide: true } }, async (request, reply) => {
      const query = queryOf(request);
      const volver = localPath(query.volver);
      if (request.actor.kind === 'patient') return reply.redirect(volver, 303);
      const page = await shell.page(request, reply);
      return showLogin(reply, page, { form: emptyForm(), volver, inactive: query.inactivo === '1' });
    });

    app.post('/ingresar', { schema: { hide: true } }, async (request, reply) => {
      const body = formBody(request);
      const volver = localPath(body.volver);
      const page = await shell.page(request, reply);
      const parsed = parseForm(loginForm, body);
      const form: FormState = { values: parsed.values, errors: problemTexts(page.lang, parsed.problems) };
      if (!parsed.data) return showLogin(reply, page, { form, volver, inactive: false }, 400);
      const { dni: user, password } = parsed.data;
      let patient: Awaited<ReturnType<typeof logIn>>;
      try {
        patient = await logIn(ctx, { actor: request.actor, user, password, ip: clientIp(request) });
      } catch (e) {
        const error = expected(e, reply, LOGIN_REFUSALS);
        // The resend form asks for the DNI: offered when that is what was typed.
        const pendingDni = error.code === 'ACCOUNT_NOT_ACTIVE' && 'dni' in user ? user.dni : undefined;
        const view = { form, volver, inactive: false, alert: error.messageIn(page.lang), pendingDni };
        return showLogin(reply, page, view, error.status);
      }
      await startPatientSession(ctx, request, reply, patient.patientId);
      if (patient.lang) rememberLang(reply, patient.lang);
      if (patient.disabled) return reply.redirect(`/aviso?${new URLSearchParams({ volver })}`, 303);
      return reply.redirect(volver, 303);
    });

    // After the session ended there is nothing to close, and the ended session's CSRF token cannot match.
    const alreadyOut = async (request: FastifyRequest, reply: FastifyReply) => {
      if (request.actor.kind !== 'patient') return reply.redirect('/', 303);
    };
    app.post('/salir', { schema: { hide: true }, preValidation: alreadyOut }, async (request, reply) => {
      await endPatientSession(ctx, request, reply);
      return reply.redirect('/', 303);
    });

    app.get('/aviso', { schema: { hide: true } }, async (request, reply) => {
      if (shell.requirePatient(request, reply) === null) return reply;
      const volver = localPath(queryOf(request).volver);
      const me = await getMyData(ctx, { actor: request.actor });
      if (!me.disabled) return reply.redirect(volver, 303);
      const page = await shell.page(request, reply);
      const t = accountMessages(page.lang);
      const paragraphs = [
        t('disabledText'),
        ...(me.disabledNote ? [`${t('disabledNoteIntro')} ${me.disabledNote}`] : []),
      ];
      return sendPage(
        reply,
        <MessagePage
          page={page}
          title={t('disabledTitle')}
          tone="notice"
          paragraphs={paragraphs}
          links={[{ href: volver, label: t('continueLink') }]}
        />,
      );
    });

    function showForgot(reply: FastifyReply, page: Page, form: FormState, status = 200, alert?: string) {
      const t = accountMessages(page.lang);
      return sendPage(
        reply,
        <DniFormPage
          page={page}
          title={t('forgotTitle')}
          intro={t('forgotIntro')}
          action="/olvide-mi-clave"
          button={t('forgotButton')}
          form={form}
          alert={alert}
        />,
        status,
      );
    }

    app.get('/olvide-mi-clave', { schema: { hide: true } }, async (request, reply) =>
      showForgot(reply, await shell.page(request, reply), emptyForm({ dni: queryOf(request).dni ?? '' })),
    );

    app.post('/olvide-mi-clave', { schema: { hide: true } }, async (request, reply) => {
      const page = await shell.page(request, reply);
      const parsed = parseForm(dniForm, formBody(request));
      const form: FormState = { values: parsed.values, errors: problemTexts(page.lang, parsed.problems) };
      if (!parsed.data) return showForgot(reply, page, form, 400);
      try {
        await requestPasswordReset(ctx, {
          actor: request.actor,
          dni: parsed.data.dni,
          ip: clientIp(request),
          baseUrl: baseUrlOf(ctx, request),
        });
      } catch (e) {
        const error = expected(e, reply, ['TOO_MANY_ATTEMPTS']);
        return showForgot(reply, page, form, error.status, error.messageIn(page.lang));
      }
      const t = accountMessages(page.lang);
      return sendPage(
        reply,
        <MessagePage
          page={page}
          title={t('forgotSentTitle')}
          tone="ok"
          paragraphs={[t('forgotSentText'), t('noMailHelp')]}
          links={[
            { href: '/ingresar', label: t('loginLink') },
            { href: '/', label: t('home') },
          ]}
        />,
      );
    });

    const RESET_REFUSALS = ['LINK_INVALID', 'SECURITY_ANSWER_LOCKED'] as const;

    app.get('/restablecer', { schema: { hide: true } }, async (request, reply) => {
      const token = queryOf(request).token ?? '';
      const page = await shell.page(request, reply);
      let question: string | null;
      try {
        ({ question } = await checkResetLink(ctx, { actor: request.actor, token }));
      } catch (e) {
        return sendPage(reply, <LinkInvalidPage page={page} error={expected(e, reply, RESET_REFUSALS)} />, 410);
      }
      return sendPage(reply, <ResetPasswordPage page={page} token={token} form={emptyForm()} question={question} />);
    });

    app.post('/restablecer', { schema: { hide: true } }, async (request, reply) => {
      const page = await shell.page(request, reply);
      const body = formBody(request);
      const token = typeof body.token === 'string' ? body.token : '';
      let question: string | null;
      try {
        ({ question } = await checkResetLink(ctx, { actor: request.actor, token }));
      } catch (e) {
        return sendPage(reply, <LinkInvalidPage page={page} error={expected(e, reply, RESET_REFUSALS)} />, 410);
      }
      const parsed = parseForm(question === null ? resetForm : resetWithAnswerForm, body, {
        confirm: ['password', 'passwordRepeat'],
      });
      // The answer typed stays after a mistake; the passwords never come back.
      const typedAnswer = typeof body.securityAnswer === 'string' ? body.securityAnswer : '';
      const form: FormState = {
        values: question === null ? {} : { securityAnswer: typedAnswer },
        errors: problemTexts(page.lang, parsed.problems),
      };
      const again = (status: number) =>
        sendPage(reply, <ResetPasswordPage page={page} token={token} form={form} question={question} />, status);
      if (!parsed.data) return again(400);
      try {
        await resetPassword(ctx, {
          actor: request.actor,
          token,
          password: parsed.data.password,
          securityAnswer: typedAnswer,
          keepSessionId: request.sessionId,
        });
      } catch (e) {
        const error = expected(e, reply, [...RESET_REFUSALS, 'WEAK_PASSWORD', 'SECURITY_ANSWER_WRONG']);
        if (error.code === 'LINK_INVALID' || error.code === 'SECURITY_ANSWER_LOCKED') {
          return sendPage(reply, <LinkInvalidPage page={page} error={error} />, 410);
        }
        form.errors[error.code === 'WEAK_PASSWORD' ? 'password' : 'securityAnswer'] = error.messageIn(page.lang);
        return again(error.status);
      }
      const t = accountMessages(page.lang);
      return sendPage(
        reply,
        <MessagePage
          page={page}
          title={t('resetDoneTitle')}
          tone="ok"
          paragraphs={[t('resetDoneText')]}
          links={[{ href: '/ingresar', label: t('loginLink') }]}
        />,
      );
    });
  };
