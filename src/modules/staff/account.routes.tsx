// The second step of a staff login, and Mi cuenta: two-step verification on/off and one's own password.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import type { AppError } from '../../errors.js';
import { clientIp, expected, formBody, formText, queryOf } from '../../platform/http/request.js';
import { sendPage } from '../../views/page.js';
import type { WebShell } from '../../web/shell.js';
import { endSecondStep, pendingSecondStep, staffPathOf, startStaffSession } from '../../web/staff-session.js';
import { staffMessages } from './staff.messages.js';
import {
  changeOwnPassword,
  checkSecondStep,
  disableTwoFactor,
  enableTwoFactor,
  myAccount,
} from './staff-2fa.service.js';
import { AccountPage, SecondStepPage } from './views/account.js';

const hidden = { schema: { hide: true } };
const text = formText;
const FLASH = { activada: 'enabled', desactivada: 'disabled', clave: 'passwordChanged' } as const;

interface Refusal {
  error: AppError;
  secret?: string;
}

export const accountRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    app.get('/staff/ingresar/codigo', hidden, async (request, reply) => {
      if ((await pendingSecondStep(ctx, request)) === null) return reply.redirect('/staff/ingresar', 303);
      const page = await shell.staffPage(request, reply);
      return sendPage(reply, <SecondStepPage page={page} volver={staffPathOf(queryOf(request).volver)} />);
    });

    app.post('/staff/ingresar/codigo', hidden, async (request, reply) => {
      const userId = await pendingSecondStep(ctx, request);
      if (userId === null) return reply.redirect('/staff/ingresar', 303);
      const body = formBody(request);
      const volver = staffPathOf(body.volver);
      try {
        await checkSecondStep(ctx, { userId, code: text(body.code), ip: clientIp(request) });
      } catch (e) {
        const error = expected(e, reply, ['WRONG_CODE', 'TOO_MANY_ATTEMPTS']);
        const page = await shell.staffPage(request, reply);
        const alert = error.messageIn(page.lang);
        return sendPage(reply, <SecondStepPage page={page} volver={volver} alert={alert} />, error.status);
      }
      endSecondStep(reply);
      await startStaffSession(ctx, request, reply, userId);
      return reply.redirect(volver, 303);
    });

    /** Mi cuenta, with the refusal of a form when there was one (and the secret it was sent with). */
    const showAccount = async (request: FastifyRequest, reply: FastifyReply, refused?: Refusal) => {
      const [page, account] = await Promise.all([
        shell.staffPage(request, reply),
        myAccount(ctx, { actor: request.actor, secret: refused?.secret }),
      ]);
      const ok = queryOf(request).ok as keyof typeof FLASH | undefined;
      const flash = ok && ok in FLASH ? staffMessages(page.lang)(FLASH[ok]) : undefined;
      const view = { ...account, flash, alert: refused?.error.messageIn(page.lang) };
      return sendPage(reply, <AccountPage page={page} view={view} />, refused?.error.status ?? 200);
    };

    app.get('/staff/mi-cuenta', hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply)) return reply;
      return showAccount(request, reply);
    });

    app.post('/staff/mi-cuenta/dos-pasos', hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply)) return reply;
      const body = formBody(request);
      try {
        await enableTwoFactor(ctx, { actor: request.actor, secret: text(body.secret), code: text(body.code) });
      } catch (e) {
        const error = expected(e, reply, ['WRONG_CODE', 'VALIDATION_ERROR']);
        // The same secret again, so the QR code already scanned stays valid.
        return showAccount(request, reply, { error, secret: text(body.secret) });
      }
      return reply.redirect('/staff/mi-cuenta?ok=activada', 303);
    });

    app.post('/staff/mi-cuenta/dos-pasos/desactivar', hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply)) return reply;
      try {
        await disableTwoFactor(ctx, { actor: request.actor, password: text(formBody(request).password) });
      } catch (e) {
        const error = expected(e, reply, ['WRONG_PASSWORD', 'TOO_MANY_ATTEMPTS']);
        return showAccount(request, reply, { error });
      }
      return reply.redirect('/staff/mi-cuenta?ok=desactivada', 303);
    });

    app.post('/staff/mi-cuenta/clave', hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply)) return reply;
      const body = formBody(request);
      try {
        await changeOwnPassword(ctx, {
          actor: request.actor,
          current: text(body.current),
          next: text(body.next),
          sessionId: request.sessionId,
        });
      } catch (e) {
        const error = expected(e, reply, ['WRONG_PASSWORD', 'WEAK_PASSWORD', 'TOO_MANY_ATTEMPTS']);
        return showAccount(request, reply, { error });
      }
      return reply.redirect('/staff/mi-cuenta?ok=clave', 303);
    });
  };
