// Perfil del usuario (/portal/perfil).

import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { installMultipart, uploadedFile } from '../../platform/http/multipart.js';
import { expected, formBody, formText, queryOf } from '../../platform/http/request.js';
import { LANG_COOKIE } from '../../platform/i18n/lang.js';
import { type Page, sendPage } from '../../views/page.js';
import type { WebShell } from '../../web/shell.js';
import { fields, parseForm } from '../patients/accounts.schemas.js';
import { emptyForm, type FormState, problemTexts } from '../patients/views/form.js';
import { portalPage } from './portal-home.routes.js';
import { portalProfileMessages } from './profile.messages.js';
import { sendPhoto } from './profile.reply.js';
import {
  changePortalPassword,
  getPhoto,
  getProfile,
  removePhoto,
  savePhoto,
  updateProfile,
} from './profile.service.js';
import { SECURITY_ANSWER_MAX, SECURITY_QUESTIONS } from './security-answer.js';
import { type ProfileFlash, ProfilePage, type ProfileView } from './views/profile.js';

const hidden = { schema: { hide: true } };
const passwordForm = z.object({ currentPassword: fields.anyPassword, newPassword: fields.password });

const FLASHES: Record<string, ProfileFlash> = {
  foto: 'photo',
  'foto-quitada': 'photoRemoved',
  idioma: 'lang',
  seguridad: 'security',
  clave: 'password',
};

/** The security form as typed, with a problem per field (the service checks the same again). */
function parseSecurity(page: Page, body: Record<string, unknown>) {
  const t = portalProfileMessages(page.lang);
  const question = formText(body.securityQuestion);
  const answer = formText(body.secretAnswer);
  const password = formText(body.securityPassword);
  const errors: Record<string, string> = {};
  if (!(SECURITY_QUESTIONS as readonly string[]).includes(question)) errors.securityQuestion = t('questionProblem');
  if (answer.trim() === '' || answer.length > SECURITY_ANSWER_MAX) errors.secretAnswer = t('answerProblem');
  if (password === '') errors.securityPassword = t('passwordProblem');
  const form: FormState = { values: { securityQuestion: question, secretAnswer: answer }, errors };
  return { form, ok: Object.keys(errors).length === 0, question, answer, password };
}

export const portalProfileRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    // Only these pages take files: nowhere else is a multipart body read at all.
    await installMultipart(app, ctx.web.uploadMaxBytes);
    /** The page with the saved profile, and whatever a form being shown again carries. */
    async function show(
      request: FastifyRequest,
      reply: FastifyReply,
      parts: Partial<Omit<ProfileView, 'profile'>>,
      status = 200,
    ) {
      const profile = await getProfile(ctx, { actor: request.actor });
      const page = await shell.page(request, reply);
      const view: ProfileView = {
        profile,
        security: parts.security ?? emptyForm({ securityQuestion: profile.securityQuestion ?? '' }),
        password: parts.password ?? emptyForm(),
        flash: parts.flash,
        alert: parts.alert,
      };
      return sendPage(reply, <ProfilePage page={page} view={view} />, status);
    }

    app.get('/portal/perfil', hidden, (request, reply) =>
      portalPage(shell, request, reply, () => {
        const query = queryOf(request);
        // A security form sent after the session ended comes back here with its question (never the answer).
        const security = query.securityQuestion ? emptyForm({ securityQuestion: query.securityQuestion }) : undefined;
        return show(request, reply, { flash: FLASHES[query.ok ?? ''], security });
      }),
    );

    app.get('/portal/perfil/foto', hidden, (request, reply) =>
      portalPage(shell, request, reply, async () => {
        return sendPhoto(reply, await getPhoto(ctx, { actor: request.actor }));
      }),
    );

    app.post('/portal/perfil/foto', hidden, (request, reply) =>
      portalPage(shell, request, reply, async () => {
        const file = uploadedFile(request, 'foto');
        try {
          await savePhoto(ctx, {
            actor: request.actor,
            bytes: file?.bytes ?? Buffer.alloc(0),
            tooLarge: file?.tooLarge ?? false,
            fileName: file?.fileName ?? '',
          });
        } catch (e) {
          const error = expected(e, reply, ['PHOTO_MISSING', 'PHOTO_NOT_IMAGE', 'PHOTO_TOO_LARGE']);
          const lang = (await shell.page(request, reply)).lang;
          return show(request, reply, { alert: { form: 'photo', text: error.messageIn(lang) } }, error.status);
        }
        return reply.redirect('/portal/perfil?ok=foto', 303);
      }),
    );

    app.post('/portal/perfil/foto/quitar', hidden, (request, reply) =>
      portalPage(shell, request, reply, async () => {
        await removePhoto(ctx, { actor: request.actor });
        return reply.redirect('/portal/perfil?ok=foto-quitada', 303);
      }),
    );

    app.post('/portal/perfil/idioma', hidden, (request, reply) =>
      portalPage(shell, request, reply, async () => {
        const lang = formText(formBody(request).lang);
        // The select offers only these two; anything else leaves the language as it was.
        if (lang === 'es' || lang === 'en') {
          await updateProfile(ctx, { actor: request.actor, changes: { lang } });
          // Applied at once, on this browser, like the language link of the header.
          reply.setCookie(LANG_COOKIE, lang, { path: '/', sameSite: 'lax', maxAge: 365 * 24 * 3600 });
        }
        return reply.redirect('/portal/perfil?ok=idioma', 303);
      }),
    );

    app.post('/portal/perfil/seguridad', hidden, (request, reply) =>
      portalPage(shell, request, reply, async () => {
        const page = await shell.page(request, reply);
        const parsed = parseSecurity(page, formBody(request));
        if (!parsed.ok) return show(request, reply, { security: parsed.form }, 400);
        try {
          await updateProfile(ctx, {
            actor: request.actor,
            changes: {
              securityQuestion: parsed.question,
              securityAnswer: parsed.answer,
              currentPassword: parsed.password,
            },
          });
        } catch (e) {
          const error = expected(e, reply, ['WRONG_PASSWORD', 'TOO_MANY_ATTEMPTS', 'SECURITY_ANSWER_INCOMPLETE']);
          const text = error.messageIn(page.lang);
          if (error.code === 'WRONG_PASSWORD') parsed.form.errors.securityPassword = text;
          const alert = error.code === 'WRONG_PASSWORD' ? undefined : { form: 'security' as const, text };
          return show(request, reply, { security: parsed.form, alert }, error.status);
        }
        return reply.redirect('/portal/perfil?ok=seguridad', 303);
      }),
    );

    app.post('/portal/perfil/clave', hidden, (request, reply) =>
      portalPage(shell, request, reply, async () => {
        const page = await shell.page(request, reply);
        const parsed = parseForm(passwordForm, formBody(request), { confirm: ['newPassword', 'newPasswordRepeat'] });
        const password: FormState = { values: {}, errors: problemTexts(page.lang, parsed.problems) };
        if (!parsed.data) return show(request, reply, { password }, 400);
        try {
          await changePortalPassword(ctx, {
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
          return show(request, reply, { password, alert }, error.status);
        }
        return reply.redirect('/portal/perfil?ok=clave', 303);
      }),
    );
  };
