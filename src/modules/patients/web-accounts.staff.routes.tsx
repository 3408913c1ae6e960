// /staff/web/pacientes: the manual's "Pacientes web" — every web account, searchable and filtered by state, and per
// patient "Modificar activación/contraseña" with the account mails. "Alta en web": web-accounts.alta.routes.tsx.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import type { StaffRole } from '../../platform/db/schema.js';
import { baseUrlOf, expected, formBody, idParam, pageNumber, queryOf } from '../../platform/http/request.js';
import { loadSecret } from '../../platform/secrets.js';
import { type StaffPage, sendPage } from '../../views/page.js';
import type { WebShell } from '../../web/shell.js';
import type { FormState } from './views/form.js';
import { WebAccountPage } from './views/web-account.js';
import { STATE_PARAM, type StateChoice, WebAccountsPage } from './views/web-accounts.js';
import { webAccountsAltaRoutes } from './web-accounts.alta.routes.js';
import { accountForm, draftEdit, draftMark, hasDraftMark, parseEdit } from './web-accounts.staff.form.js';
import { webAccountsMessages } from './web-accounts.staff.messages.js';
import { getWebAccount, listWebAccounts, updateWebAccount, type WebAccountView } from './web-accounts.staff.service.js';
import { sendActivationMail, sendPasswordResetMail } from './web-accounts.staff-mails.service.js';

const hidden = { schema: { hide: true } };
const DESK: StaffRole[] = ['admin', 'reception'];
const SAVE_ERRORS = ['DNI_TAKEN', 'WEAK_PASSWORD', 'VALIDATION_ERROR'] as const;
const MAIL_ERRORS = ['ACCOUNT_ALREADY_ACTIVE', 'EMAIL_MISSING'] as const;

function stateOf(value: string | undefined): StateChoice {
  const found = Object.entries(STATE_PARAM).find(([, word]) => word === value);
  return found ? (found[0] as StateChoice) : 'all';
}

/** The confirmation after each action, in the page's language. */
function flashOf(page: StaffPage, ok: string | undefined, account: WebAccountView): string | undefined {
  const t = webAccountsMessages(page.lang);
  const email = account.email ?? '';
  switch (ok) {
    case 'guardado':
      return t('ok_guardado');
    case 'activado':
      return t('ok_activado');
    case 'mail':
      return t('ok_mail', { email });
    case 'activacion':
      return t('ok_activacion', { email });
    case 'clave':
      return t('ok_clave', { email });
    default:
      return undefined;
  }
}

export const webAccountsStaffRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    const secret = await loadSecret(ctx.database.db, 'forms');
    const who = (request: FastifyRequest) => (request.actor.kind === 'staff' ? request.actor.ref : '');
    const formPath = (patientId: number) => `/staff/web/pacientes/${patientId}`;

    /**
     * The account's page: the form as given (typed values after a mistake, or a draft) or as the account is.
     * An account this request already read is passed in, so it is not read (nor logged as read) twice.
     */
    async function showAccount(
      request: FastifyRequest,
      reply: FastifyReply,
      patientId: number,
      extra: { form?: FormState; alert?: string; status?: number; restored?: boolean; account?: WebAccountView } = {},
    ) {
      const [page, account] = await Promise.all([
        shell.staffPage(request, reply),
        extra.account ?? getWebAccount(ctx, { actor: request.actor, patientId }),
      ]);
      const flash = extra.form ? undefined : flashOf(page, queryOf(request).ok, account);
      return sendPage(
        reply,
        <WebAccountPage
          page={page}
          account={account}
          form={extra.form ?? accountForm(account)}
          flash={flash}
          alert={extra.alert}
          draftMark={draftMark(secret, who(request), formPath(patientId), ctx.clock.now())}
          restored={extra.restored}
        />,
        extra.status ?? 200,
      );
    }

    app.get('/staff/web/pacientes', hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, DESK)) return reply;
      const query = queryOf(request);
      const q = (query.q ?? '').trim().slice(0, 100);
      const state = stateOf(query.estado);
      const [page, result] = await Promise.all([
        shell.staffPage(request, reply),
        listWebAccounts(ctx, { actor: request.actor, text: q, state, page: pageNumber(query.pagina) }),
      ]);
      return sendPage(reply, <WebAccountsPage page={page} q={q} state={state} result={result} />);
    });

    await app.register(webAccountsAltaRoutes(ctx, shell));

    app.get('/staff/web/pacientes/:id', hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, DESK)) return reply;
      const id = idParam(request);
      if (id === null) return reply.callNotFound();
      // A link that merely names the fields (someone else's e-mail, say) opens the account as it is.
      const query = queryOf(request);
      const marked = hasDraftMark(secret, who(request), formPath(id), query, ctx.clock.now());
      const draft = marked ? draftEdit(query) : undefined;
      return showAccount(request, reply, id, draft ? { form: draft, restored: true } : {});
    });

    app.post('/staff/web/pacientes/:id', hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, DESK)) return reply;
      const id = idParam(request);
      if (id === null) return reply.callNotFound();
      const [page, current] = await Promise.all([
        shell.staffPage(request, reply),
        getWebAccount(ctx, { actor: request.actor, patientId: id }),
      ]);
      const { form, changes } = parseEdit(page.lang, formBody(request), current);
      if (!changes) return showAccount(request, reply, id, { form, status: 400, account: current });
      if (Object.keys(changes).length > 0) {
        try {
          await updateWebAccount(ctx, { actor: request.actor, patientId: id, changes });
        } catch (e) {
          const error = expected(e, reply, SAVE_ERRORS);
          const message = error.messageIn(page.lang);
          // Beside the field it is about when there is one; above the form otherwise.
          const field = error.code === 'DNI_TAKEN' ? 'dni' : error.code === 'WEAK_PASSWORD' ? 'password' : null;
          const shown = field ? { form: { ...form, errors: { [field]: message } } } : { form, alert: message };
          // The change rolled back: the account is still as read above.
          return showAccount(request, reply, id, { ...shown, status: error.status, account: current });
        }
      }
      return reply.redirect(`/staff/web/pacientes/${id}?ok=guardado`, 303);
    });

    const mailAction = (path: string, ok: string, send: typeof sendActivationMail) =>
      app.post(`/staff/web/pacientes/:id/${path}`, hidden, async (request, reply) => {
        if (!shell.requireStaff(request, reply, DESK)) return reply;
        const id = idParam(request);
        if (id === null) return reply.callNotFound();
        try {
          await send(ctx, { actor: request.actor, patientId: id, baseUrl: baseUrlOf(ctx, request) });
        } catch (e) {
          const error = expected(e, reply, MAIL_ERRORS);
          const lang = (await shell.staffPage(request, reply)).lang;
          return showAccount(request, reply, id, { alert: error.messageIn(lang), status: error.status });
        }
        return reply.redirect(`/staff/web/pacientes/${id}?ok=${ok}`, 303);
      });
    mailAction('mail-activacion', 'activacion', sendActivationMail);
    mailAction('mail-clave', 'clave', sendPasswordResetMail);
  };
