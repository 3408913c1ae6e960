// Registrarse (two steps), the activation link, and Reenviar activación.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { baseUrlOf, clientIp, expected, formBody, queryOf } from '../../platform/http/request.js';
import { todayIn } from '../../platform/time/zone.js';
import { type Page, sendPage } from '../../views/page.js';
import type { WebShell } from '../../web/shell.js';
import { listInsurers } from '../catalog/catalog.service.js';
import { publicActor } from '../staff/actor.js';
import { accountMessages } from './accounts.messages.js';
import {
  activateAccount,
  completeRegistration,
  newChallenge,
  type RegistrationForm,
  registrationForm,
  resendActivation,
  startRegistration,
} from './accounts.register.service.js';
import { fields, parseForm, registrationSchema } from './accounts.schemas.js';
import { emptyForm, type FormState, MessagePage, problemTexts } from './views/form.js';
import { DniFormPage, LinkInvalidPage } from './views/login.js';
import { type InsurerOption, RegisterDetailsPage, RegisterStartPage } from './views/register.js';

const dniForm = z.object({ dni: fields.dni });

const text = (value: unknown) => (typeof value === 'string' ? value : '');

export const registerRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    async function showStart(reply: FastifyReply, page: Page, form: FormState, status = 200, alert?: string) {
      const challenge = await newChallenge(ctx, { actor: publicActor });
      return sendPage(reply, <RegisterStartPage page={page} form={form} challenge={challenge} alert={alert} />, status);
    }

    async function insurerOptions(): Promise<InsurerOption[]> {
      const insurers = await listInsurers(ctx, { actor: publicActor });
      return insurers.map((i) => ({ value: String(i.id), label: i.webName || i.name }));
    }

    async function showDetails(
      reply: FastifyReply,
      page: Page,
      registration: RegistrationForm,
      form: FormState,
      status = 200,
      alert?: string,
    ) {
      const insurers = await insurerOptions();
      return sendPage(
        reply,
        <RegisterDetailsPage page={page} registration={registration} form={form} insurers={insurers} alert={alert} />,
        status,
      );
    }

    app.get('/registrarse', { schema: { hide: true } }, async (request, reply) =>
      showStart(reply, await shell.page(request, reply), emptyForm({ dni: queryOf(request).dni ?? '' })),
    );

    app.post('/registrarse', { schema: { hide: true } }, async (request, reply) => {
      const page = await shell.page(request, reply);
      const body = formBody(request);
      const parsed = parseForm(dniForm, body);
      const form: FormState = { values: parsed.values, errors: problemTexts(page.lang, parsed.problems) };
      if (!parsed.data) return showStart(reply, page, form, 400);
      let registration: RegistrationForm;
      try {
        registration = await startRegistration(ctx, {
          actor: request.actor,
          dni: parsed.data.dni,
          challenge: text(body.challenge),
          answer: text(body.answer),
          ip: clientIp(request),
        });
      } catch (e) {
        const error = expected(e, reply, ['WRONG_ANSWER', 'TOO_MANY_ATTEMPTS']);
        if (error.code === 'WRONG_ANSWER') {
          return showStart(reply, page, { ...form, errors: { answer: error.messageIn(page.lang) } }, error.status);
        }
        return showStart(reply, page, form, error.status, error.messageIn(page.lang));
      }
      return showDetails(reply, page, registration, emptyForm());
    });

    app.post('/registrarse/datos', { schema: { hide: true } }, async (request, reply) => {
      const page = await shell.page(request, reply);
      const body = formBody(request);
      const dni = parseForm(dniForm, body).data?.dni ?? '';
      const ticket = text(body.ticket);
      let registration: RegistrationForm;
      try {
        registration = await registrationForm(ctx, { actor: request.actor, dni, ticket });
      } catch (e) {
        const error = expected(e, reply, ['FORM_EXPIRED']);
        return showStart(reply, page, emptyForm({ dni }), error.status, error.messageIn(page.lang));
      }
      const insurerIds = (await insurerOptions()).map((o) => Number(o.value));
      const today = todayIn(page.center.timeZone, ctx.clock.now());
      const schema = registrationSchema(registration, today, insurerIds);
      const parsed = parseForm(schema, body, { confirm: ['password', 'passwordRepeat'] });
      const form: FormState = { values: parsed.values, errors: problemTexts(page.lang, parsed.problems) };
      if (!parsed.data) return showDetails(reply, page, registration, form, 400);
      try {
        await completeRegistration(ctx, {
          actor: request.actor,
          dni,
          ticket,
          data: parsed.data,
          ip: clientIp(request),
          baseUrl: baseUrlOf(ctx, request),
        });
      } catch (e) {
        const error = expected(e, reply, [
          'FORM_EXPIRED',
          'BIRTH_DATE_MISMATCH',
          'WEAK_PASSWORD',
          'TOO_MANY_ATTEMPTS',
          'VALIDATION_ERROR',
        ]);
        const message = error.messageIn(page.lang);
        if (error.code === 'FORM_EXPIRED') return showStart(reply, page, emptyForm({ dni }), error.status, message);
        if (error.code === 'BIRTH_DATE_MISMATCH') form.errors.birthDate = message;
        else if (error.code === 'WEAK_PASSWORD') form.errors.password = message;
        else return showDetails(reply, page, registration, form, error.status, message);
        return showDetails(reply, page, registration, form, error.status);
      }
      const t = accountMessages(page.lang);
      return sendPage(
        reply,
        <MessagePage
          page={page}
          title={t('sentTitle')}
          tone="ok"
          paragraphs={[t('sentText'), t('sentSpam')]}
          links={[
            { href: '/', label: t('home') },
            { href: '/reenviar-activacion', label: t('resendShort') },
          ]}
        />,
      );
    });

    // The link leads to a plain address at once, so reloading or switching language does not reuse it.
    app.get('/activar', { schema: { hide: true } }, async (request, reply) => {
      try {
        await activateAccount(ctx, { actor: request.actor, token: queryOf(request).token ?? '' });
      } catch (e) {
        const error = expected(e, reply, ['LINK_INVALID']);
        return sendPage(reply, <LinkInvalidPage page={await shell.page(request, reply)} error={error} />, 410);
      }
      return reply.redirect('/activado', 303);
    });

    app.get('/activado', { schema: { hide: true } }, async (request, reply) => {
      const page = await shell.page(request, reply);
      const t = accountMessages(page.lang);
      return sendPage(
        reply,
        <MessagePage
          page={page}
          title={t('activatedTitle')}
          tone="ok"
          paragraphs={[t('activatedText')]}
          links={[{ href: '/ingresar', label: t('loginLink') }]}
        />,
      );
    });

    function showResend(reply: FastifyReply, page: Page, form: FormState, status = 200, alert?: string) {
      const t = accountMessages(page.lang);
      return sendPage(
        reply,
        <DniFormPage
          page={page}
          title={t('resendTitle')}
          intro={t('resendIntro')}
          action="/reenviar-activacion"
          button={t('resendButton')}
          form={form}
          alert={alert}
        />,
        status,
      );
    }

    app.get('/reenviar-activacion', { schema: { hide: true } }, async (request: FastifyRequest, reply) =>
      showResend(reply, await shell.page(request, reply), emptyForm({ dni: queryOf(request).dni ?? '' })),
    );

    app.post('/reenviar-activacion', { schema: { hide: true } }, async (request, reply) => {
      const page = await shell.page(request, reply);
      const parsed = parseForm(dniForm, formBody(request));
      const form: FormState = { values: parsed.values, errors: problemTexts(page.lang, parsed.problems) };
      if (!parsed.data) return showResend(reply, page, form, 400);
      try {
        await resendActivation(ctx, {
          actor: request.actor,
          dni: parsed.data.dni,
          ip: clientIp(request),
          baseUrl: baseUrlOf(ctx, request),
        });
      } catch (e) {
        const error = expected(e, reply, ['TOO_MANY_ATTEMPTS']);
        return showResend(reply, page, form, error.status, error.messageIn(page.lang));
      }
      const t = accountMessages(page.lang);
      return sendPage(
        reply,
        <MessagePage
          page={page}
          title={t('sentTitle')}
          tone="ok"
          paragraphs={[t('resendSentText'), t('noMailHelp')]}
          links={[
            { href: '/ingresar', label: t('loginLink') },
            { href: '/', label: t('home') },
          ]}
        />,
      );
    });
  };
