// Actualizá tus datos (/portal/actualizar-datos): who you are, then how to reach you, then "¡Listo!".
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { expected, formBody } from '../../platform/http/request.js';
import { todayIn } from '../../platform/time/zone.js';
import { type Page, sendPage } from '../../views/page.js';
import type { WebShell } from '../../web/shell.js';
import { birthDateField, fields, parseForm } from '../patients/accounts.schemas.js';
import { normalizeDniTramite } from '../patients/patients.schemas.js';
import { emptyForm, type FormState, problemTexts } from '../patients/views/form.js';
import { portalPage } from '../portal/portal-home.routes.js';
import { profileCheckMessages } from './profile-check.messages.js';
import { PROFILE_CHECK_PAGE } from './profile-check.rules.js';
import {
  type ContactInput,
  checkIdentity,
  confirmProfile,
  type IdentityInput,
  profileCheckStart,
} from './profile-check.service.js';
import { ContactStepPage, IdentityStepPage, ProfileCheckDonePage } from './views/profile-check.js';

const hidden = { schema: { hide: true } };
const DONE_PAGE = `${PROFILE_CHECK_PAGE}/listo`;
const IDENTITY_ERRORS = [
  'PROFILE_CHECK_DNI_MISMATCH',
  'PROFILE_CHECK_TRAMITE_WRONG',
  'PROFILE_CHECK_LOCKED',
  'VALIDATION_ERROR',
] as const;

/** "1980-05-04" -> "04/05/1980", as people write it (the form reads both). */
const localDate = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '');

const contactSchema = z.object({ mobile: fields.mobile, email: fields.email, address: fields.address });

/** The first step as typed, each problem by its field, and the normalized answers when there is none. */
function identityForm(page: Page, body: Record<string, unknown>, today: string) {
  const schema = z.object({
    lastName: fields.lastName,
    firstName: fields.firstName,
    sex: fields.sex,
    birthDate: birthDateField(today),
    dni: fields.dni,
  });
  const parsed = parseForm(schema, body);
  const errors = problemTexts(page.lang, parsed.problems);
  const tramite = normalizeDniTramite(typeof body.dniTramite === 'string' ? body.dniTramite : '');
  if (tramite === null) errors.dniTramite = profileCheckMessages(page.lang)('tramiteProblem');
  const form: FormState = { values: parsed.values, errors };
  const identity: IdentityInput | null =
    parsed.data && tramite !== null ? { ...parsed.data, dniTramite: tramite } : null;
  return { form, identity };
}

/** The first step's answers as the second form carries them. */
const carried = (i: IdentityInput): Record<string, string> => ({ ...i });

export const profileCheckRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    const today = (page: Page) => todayIn(page.center.timeZone, ctx.clock.now());

    /** A refusal of the identity: next to its field when it is about one, else above the form. */
    function identityRefused(page: Page, reply: FastifyReply, form: FormState, e: unknown) {
      const error = expected(e, reply, IDENTITY_ERRORS);
      const text = error.messageIn(page.lang);
      let alert: string | undefined;
      if (error.code === 'PROFILE_CHECK_DNI_MISMATCH') form.errors.dni = text;
      else if (error.code === 'PROFILE_CHECK_TRAMITE_WRONG') form.errors.dniTramite = text;
      else alert = text;
      return sendPage(reply, <IdentityStepPage page={page} form={form} alert={alert} />, error.status);
    }

    app.get(PROFILE_CHECK_PAGE, hidden, (request, reply) =>
      portalPage(shell, request, reply, async () => {
        const start = await profileCheckStart(ctx, { actor: request.actor });
        if (!start.required) return reply.redirect('/portal', 303);
        const page = await shell.page(request, reply);
        const { identity } = start;
        const form = emptyForm({
          lastName: identity.lastName,
          firstName: identity.firstName,
          sex: identity.sex ?? '',
          birthDate: localDate(identity.birthDate),
          dni: identity.dni,
          dniTramite: '',
        });
        return sendPage(reply, <IdentityStepPage page={page} form={form} />);
      }),
    );

    app.post(PROFILE_CHECK_PAGE, hidden, (request, reply) =>
      portalPage(shell, request, reply, async () => {
        const page = await shell.page(request, reply);
        const { form, identity } = identityForm(page, formBody(request), today(page));
        if (!identity) return sendPage(reply, <IdentityStepPage page={page} form={form} />, 400);
        try {
          await checkIdentity(ctx, { actor: request.actor, identity });
        } catch (e) {
          return identityRefused(page, reply, form, e);
        }
        const start = await profileCheckStart(ctx, { actor: request.actor });
        const contact = emptyForm({
          mobile: start.contact.mobile ?? '',
          email: start.contact.email ?? '',
          address: start.contact.address,
        });
        return sendPage(reply, <ContactStepPage page={page} identity={carried(identity)} form={contact} />);
      }),
    );

    app.get(`${PROFILE_CHECK_PAGE}/contacto`, hidden, (request, reply) =>
      portalPage(shell, request, reply, async () => reply.redirect(PROFILE_CHECK_PAGE, 303)),
    );

    app.post(`${PROFILE_CHECK_PAGE}/contacto`, hidden, (request, reply) =>
      portalPage(shell, request, reply, async () => {
        const page = await shell.page(request, reply);
        const body = formBody(request);
        const first = identityForm(page, body, today(page));
        // The first step's answers travel in the form: if they do not hold, that step is shown again.
        if (!first.identity) return sendPage(reply, <IdentityStepPage page={page} form={first.form} />, 400);
        const identity = first.identity;
        const parsed = parseForm(contactSchema, body);
        const values = {
          mobile: parsed.values.mobile ?? '',
          email: parsed.values.email ?? '',
          address: parsed.values.address ?? '',
        };
        const form: FormState = { values, errors: problemTexts(page.lang, parsed.problems) };
        if (parsed.problems.address) form.errors.address = profileCheckMessages(page.lang)('addressProblem');
        const show = (status: number, alert?: string) =>
          sendPage(
            reply,
            <ContactStepPage page={page} identity={carried(identity)} form={form} alert={alert} />,
            status,
          );
        if (!parsed.data) return show(400);
        const contact: ContactInput = parsed.data;
        try {
          await confirmProfile(ctx, { actor: request.actor, identity, contact });
        } catch (e) {
          if (e instanceof AppError && e.code === 'EMAIL_CHANGE_PORTAL_TAKEN') {
            form.errors.email = e.messageIn(page.lang);
            return show(e.status);
          }
          return identityRefused(page, reply, first.form, e);
        }
        return reply.redirect(DONE_PAGE, 303);
      }),
    );

    app.get(DONE_PAGE, hidden, (request, reply) =>
      portalPage(shell, request, reply, async () => {
        await profileCheckStart(ctx, { actor: request.actor });
        const page = await shell.page(request, reply);
        return sendPage(reply, <ProfileCheckDonePage page={page} />);
      }),
    );
  };
