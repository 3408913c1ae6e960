// Validación primer acceso (/portal/primer-acceso): the form behind the mailed link; it ends logged in on /portal.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { clientIp, expected, formBody, queryOf } from '../../platform/http/request.js';
import { todayIn } from '../../platform/time/zone.js';
import { type Page, sendPage } from '../../views/page.js';
import { startPatientSession } from '../../web/session.js';
import type { WebShell } from '../../web/shell.js';
import { emptyForm, type FormState } from '../patients/views/form.js';
import { parseFirstAccess } from './first-access.schemas.js';
import { completeFirstAccess, type FirstAccessForm, openFirstAccess } from './first-access.service.js';
import { FIRST_ACCESS, FirstAccessPage, FirstAccessRefusedPage } from './views/first-access.js';

const hidden = { schema: { hide: true } };
/** The link is dead or cannot be used: a page that says why and what to do, never the form. */
const REFUSALS = ['LINK_INVALID', 'FIRST_ACCESS_LOCKED', 'FIRST_ACCESS_DATA_MISSING'] as const;

export const firstAccessRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    const refused = (reply: FastifyReply, page: Page, e: unknown) => {
      const error = expected(e, reply, REFUSALS);
      return sendPage(reply, <FirstAccessRefusedPage page={page} error={error} />, error.status);
    };

    /** The form behind a live link, or null after answering with the refusal page. */
    async function open(request: FastifyRequest, reply: FastifyReply, page: Page, token: string) {
      try {
        return await openFirstAccess(ctx, { actor: request.actor, token });
      } catch (e) {
        await refused(reply, page, e);
        return null;
      }
    }

    // Opening the link (a person, or a mail scanner) only shows the form: nothing is used up or counted.
    app.get(FIRST_ACCESS, hidden, async (request, reply) => {
      const token = queryOf(request).token ?? '';
      const page = await shell.page(request, reply);
      const view = await open(request, reply, page, token);
      if (!view) return reply;
      // Nothing of the record is filled in before the proof: the patient types the mobile (the page hints its end).
      const form = emptyForm();
      return sendPage(reply, <FirstAccessPage page={page} token={token} view={view} form={form} />);
    });

    app.post(FIRST_ACCESS, hidden, async (request, reply) => {
      const body = formBody(request);
      const token = typeof body.token === 'string' ? body.token : '';
      const page = await shell.page(request, reply);
      const view: FirstAccessForm | null = await open(request, reply, page, token);
      if (!view) return reply;
      const today = todayIn(page.center.timeZone, ctx.clock.now());
      const { form, data } = parseFirstAccess(body, view.check, today, page.lang);
      const again = (status: number, f: FormState, alert?: string) =>
        sendPage(reply, <FirstAccessPage page={page} token={token} view={view} form={f} alert={alert} />, status);
      if (!data) return again(400, form);
      let patientId: number;
      try {
        ({ patientId } = await completeFirstAccess(ctx, { actor: request.actor, token, data, ip: clientIp(request) }));
      } catch (e) {
        if (e instanceof AppError && (REFUSALS as readonly string[]).includes(e.code)) return refused(reply, page, e);
        const error = expected(e, reply, ['FIRST_ACCESS_MISMATCH', 'WEAK_PASSWORD', 'TOO_MANY_ATTEMPTS']);
        if (error.code === 'WEAK_PASSWORD') {
          return again(error.status, { ...form, errors: { password: error.messageIn(page.lang) } });
        }
        return again(error.status, form, error.messageIn(page.lang));
      }
      await startPatientSession(ctx, request, reply, patientId);
      // The portal's home shows the welcome notice.
      return reply.redirect('/portal?bienvenida=1', 303);
    });
  };
