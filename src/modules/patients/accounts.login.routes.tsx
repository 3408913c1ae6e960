// Ingresar, Salir, the disabled patient's notice, Olvidé mi contraseña and Restablecer.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { baseUrlOf, clientIp, expected, formBody, queryOf } from '../../platform/http/request.js';
import { type Page, sendPage } from '../../views/page.js';
import { endPatientSession, startPatientSession } from '../../web/session.js';
import { localPath, type WebShell } from '../../web/shell.js';
import { checkResetLink, logIn, requestPasswordReset, resetPassword } from './accounts.login.service.js';
import { accountMessages } from './accounts.messages.js';
import { getMyData } from './accounts.profile.service.js';
import { fields, parseForm } from './accounts.schemas.js';
import { emptyForm, type FormState, MessagePage, problemTexts } from './views/form.js';
import { DniFormPage, LinkInvalidPage, LoginPage, type LoginView, ResetPasswordPage } from './views/login.js';

const loginForm = z.object({ dni: fields.dni, password: fields.anyPassword });
const dniForm = z.object({ dni: fields.dni });
const resetForm = z.object({ password: fields.password });

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
      const { dni, password } = parsed.data;
      let patient: Awaited<ReturnType<typeof logIn>>;
      try {
        patient = await logIn(ctx, { actor: request.actor, dni, password, ip: clientIp(request) });
      } catch (e) {
        const error = expected(e, reply, ['INVALID_CREDENTIALS', 'ACCOUNT_NOT_ACTIVE', 'TOO_MANY_ATTEMPTS']);
        const pendingDni = error.code === 'ACCOUNT_NOT_ACTIVE' ? dni : undefined;
        const view = { form, volver, inactive: false, alert: error.messageIn(page.lang), pendingDni };
        return showLogin(reply, page, view, error.status);
      }
      await startPatientSession(ctx, request, reply, patient.patientId);
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

    app.get('/restablecer', { schema: { hide: true } }, async (request, reply) => {
      const token = queryOf(request).token ?? '';
      const page = await shell.page(request, reply);
      try {
        await checkResetLink(ctx, { actor: request.actor, token });
      } catch (e) {
        return sendPage(reply, <LinkInvalidPage page={page} error={expected(e, reply, ['LINK_INVALID'])} />, 410);
      }
      return sendPage(reply, <ResetPasswordPage page={page} token={token} form={emptyForm()} />);
    });

    app.post('/restablecer', { schema: { hide: true } }, async (request, reply) => {
      const page = await shell.page(request, reply);
      const body = formBody(request);
      const token = typeof body.token === 'string' ? body.token : '';
      const parsed = parseForm(resetForm, body, { confirm: ['password', 'passwordRepeat'] });
      const form: FormState = { values: {}, errors: problemTexts(page.lang, parsed.problems) };
      if (!parsed.data) return sendPage(reply, <ResetPasswordPage page={page} token={token} form={form} />, 400);
      try {
        await resetPassword(ctx, {
          actor: request.actor,
          token,
          password: parsed.data.password,
          keepSessionId: request.sessionId,
        });
      } catch (e) {
        const error = expected(e, reply, ['LINK_INVALID', 'WEAK_PASSWORD']);
        if (error.code === 'LINK_INVALID') return sendPage(reply, <LinkInvalidPage page={page} error={error} />, 410);
        form.errors.password = error.messageIn(page.lang);
        return sendPage(reply, <ResetPasswordPage page={page} token={token} form={form} />, error.status);
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
