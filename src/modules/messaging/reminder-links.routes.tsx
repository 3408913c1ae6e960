// /turno/confirmar and /turno/cancelar: the links of a reminder, without logging in. GET only shows (mail
// scanners and link previews open every link); the page's one button posts, then the page after the
// redirect says how it went.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import type { AppError } from '../../errors.js';
import { clientIp, expected, formBody, formText, queryOf } from '../../platform/http/request.js';
import { type Page, sendPage } from '../../views/page.js';
import type { WebShell } from '../../web/shell.js';
import {
  cancelFromReminder,
  confirmFromReminder,
  type LinkView,
  openReminderLink,
  type ReminderAction,
} from './reminder-links.service.js';
import { REMINDER_LINK_PATHS } from './template-values.rules.js';
import { ReminderLinkPage } from './views/reminder-link.js';

const hidden = { schema: { hide: true } };

/** What the answer's status says to a browser or a scanner: nothing to find (404), or already over (410). */
function statusOf(view: LinkView): number {
  if (view.state === 'invalid' || view.state === 'gone') return 404;
  return view.state === 'past' ? 410 : 200;
}

/** The page when there is nothing to act on: a token that is not ours (404), or too many wrong ones. */
function refusal(reply: FastifyReply, page: Page, action: ReminderAction, error?: AppError) {
  const node = (
    <ReminderLinkPage
      page={page}
      action={action}
      view={{ state: 'invalid' }}
      token=""
      done={false}
      alert={error?.messageIn(page.lang)}
    />
  );
  return sendPage(reply, node, error?.status ?? 404);
}

const tooMany = (e: unknown, reply: FastifyReply) => expected(e, reply, ['TOO_MANY_ATTEMPTS']);

export const reminderLinksRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    const show = async (request: FastifyRequest, reply: FastifyReply, action: ReminderAction) => {
      const query = queryOf(request);
      const token = query.token ?? '';
      const page = await shell.page(request, reply);
      try {
        const view = await openReminderLink(ctx, { token, action, ip: clientIp(request) });
        const done = query.listo === '1';
        const node = <ReminderLinkPage page={page} action={action} view={view} token={token} done={done} />;
        return sendPage(reply, node, statusOf(view));
      } catch (e) {
        return refusal(reply, page, action, tooMany(e, reply));
      }
    };

    const act = async (request: FastifyRequest, reply: FastifyReply, action: ReminderAction) => {
      const token = formText(formBody(request).token);
      const input = { token, ip: clientIp(request) };
      try {
        const outcome = await (action === 'confirm' ? confirmFromReminder(ctx, input) : cancelFromReminder(ctx, input));
        if (outcome === 'invalid') return refusal(reply, await shell.page(request, reply), action);
        // The token is ours (checked above), so it is safe to put back in the address.
        const done = outcome === 'done' ? '&listo=1' : '';
        return reply.redirect(`${REMINDER_LINK_PATHS[action]}?token=${token}${done}`, 303);
      } catch (e) {
        const error = tooMany(e, reply);
        return refusal(reply, await shell.page(request, reply), action, error);
      }
    };

    app.get(REMINDER_LINK_PATHS.confirm, hidden, (request, reply) => show(request, reply, 'confirm'));
    app.get(REMINDER_LINK_PATHS.cancel, hidden, (request, reply) => show(request, reply, 'cancel'));
    app.post(REMINDER_LINK_PATHS.confirm, hidden, (request, reply) => act(request, reply, 'confirm'));
    app.post(REMINDER_LINK_PATHS.cancel, hidden, (request, reply) => act(request, reply, 'cancel'));
  };
