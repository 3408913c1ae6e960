// /staff/web/pacientes/alta: "Alta en web". A patient of the register is found by DNI (or last name) and chosen,
// or a new one is typed; then the account's DNI, e-mail and password, activated at once or by the mail.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import type { StaffRole } from '../../platform/db/schema.js';
import { idField } from '../../platform/http/fields.js';
import { baseUrlOf, expected, formBody, queryOf } from '../../platform/http/request.js';
import { loadSecret } from '../../platform/secrets.js';
import { sendPage } from '../../views/page.js';
import type { WebShell } from '../../web/shell.js';
import { listInsurers } from '../catalog/catalog.service.js';
import { getPatient } from './patients.service.js';
import { patientSearchOf } from './patients.staff.form.js';
import { emptyForm, type FormState } from './views/form.js';
import { FIELD_KEYS } from './views/staff-patients.js';
import { type AltaProps, WebAccountAltaPage } from './views/web-accounts-alta.js';
import { draftAlta, draftMark, hasDraftMark, parseAltaExisting, parseAltaNew } from './web-accounts.staff.form.js';
import { altaCandidate, altaCandidates, createWebAccount } from './web-accounts.staff.service.js';

const hidden = { schema: { hide: true } };
const DESK: StaffRole[] = ['admin', 'reception'];
const ALTA_ERRORS = ['ACCOUNT_EXISTS', 'DNI_TAKEN', 'WEAK_PASSWORD', 'VALIDATION_ERROR', 'NOT_FOUND'] as const;
/** Where a service error goes when it is about one field. */
const ERROR_FIELD: Partial<Record<string, string>> = { DNI_TAKEN: 'dni', WEAK_PASSWORD: 'password' };
const ALTA = '/staff/web/pacientes/alta';

export const webAccountsAltaRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    const insurers = async (request: FastifyRequest) =>
      (await listInsurers(ctx, { actor: request.actor })).map((i) => ({ value: String(i.id), label: i.name }));
    const secret = await loadSecret(ctx.database.db, 'forms');
    const who = (request: FastifyRequest) => (request.actor.kind === 'staff' ? request.actor.ref : '');

    async function render(
      request: FastifyRequest,
      reply: FastifyReply,
      props: Omit<AltaProps, 'page' | 'insurers' | 'draftMark'>,
      status = 200,
    ) {
      const [page, choices] = await Promise.all([
        shell.staffPage(request, reply),
        props.isNew ? insurers(request) : [],
      ]);
      const mark = draftMark(secret, who(request), ALTA, ctx.clock.now());
      return sendPage(reply, <WebAccountAltaPage page={page} insurers={choices} draftMark={mark} {...props} />, status);
    }

    const nothing = { q: '', results: null, chosen: null, isNew: false };

    app.get('/staff/web/pacientes/alta', hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, DESK)) return reply;
      const query = queryOf(request);
      // patientId and the typed fields: a form sent after the session ended, back after logging in. The
      // fields are taken only with the form's own mark: a made-up link must not fill in someone's e-mail.
      const marked = hasDraftMark(secret, who(request), ALTA, query, ctx.clock.now());
      const chosenId = idField.safeParse(query.paciente ?? query.patientId);
      if (chosenId.success) {
        const candidate = await altaCandidate(ctx, { actor: request.actor, patientId: chosenId.data });
        const { patient } = candidate;
        // Someone who already has an account is shown as the search shows them: with the way to change it.
        if (candidate.hasAccount) {
          const results = [candidate];
          return render(request, reply, { ...nothing, q: patient.dni, results, form: emptyForm() });
        }
        const draft = marked ? draftAlta(query, ['dni', 'email', 'activacion']) : {};
        const form = emptyForm({ dni: patient.dni, email: patient.email ?? '', activacion: 'mail', ...draft });
        const restored = Object.keys(draft).length > 0;
        return render(request, reply, { ...nothing, chosen: patient, form, restored });
      }
      if (query.nuevo === '1') {
        // Without the mark only the DNI comes along: the search's own link carries it when nobody had it.
        const draft = draftAlta(query, marked ? [...FIELD_KEYS, 'activacion'] : ['dni']);
        const form = emptyForm({ activacion: 'mail', ...draft });
        const restored = marked && Object.keys(draft).length > 0;
        return render(request, reply, { ...nothing, isNew: true, form, restored });
      }
      const q = (query.buscar ?? '').trim().slice(0, 100);
      const results = q ? await altaCandidates(ctx, { actor: request.actor, search: patientSearchOf(q) }) : null;
      return render(request, reply, { ...nothing, q, results, form: emptyForm() });
    });

    app.post('/staff/web/pacientes/alta', hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, DESK)) return reply;
      const body = formBody(request);
      const lang = (await shell.staffPage(request, reply)).lang;
      const baseUrl = baseUrlOf(ctx, request);
      let chosenId: number | null = null;
      let form: FormState;
      let attempt: (() => Promise<{ patientId: number }>) | null = null;
      let activated = false;
      if (body.nuevo === '1') {
        const parsed = parseAltaNew(lang, body);
        form = parsed.form;
        const { patient, account } = parsed;
        if (patient && account) {
          activated = account.activated;
          attempt = () =>
            createWebAccount(ctx, {
              actor: request.actor,
              patient,
              password: account.password,
              activated,
              baseUrl,
            });
        }
      } else {
        const id = idField.safeParse(body.patientId);
        if (!id.success) throw new AppError('VALIDATION_ERROR', { detail: 'elegí un paciente' });
        chosenId = id.data;
        const parsed = parseAltaExisting(lang, body);
        form = parsed.form;
        const { account } = parsed;
        if (account) {
          activated = account.activated;
          attempt = () => createWebAccount(ctx, { actor: request.actor, patientId: id.data, ...account, baseUrl });
        }
      }
      // The chosen patient is read only to show the form again: a successful alta logs the alta alone.
      const again = async () => {
        const chosen = chosenId === null ? null : await getPatient(ctx, { actor: request.actor, id: chosenId });
        return { ...nothing, chosen, isNew: chosen === null };
      };
      if (!attempt) return render(request, reply, { ...(await again()), form }, 400);
      try {
        const created = await attempt();
        return reply.redirect(`/staff/web/pacientes/${created.patientId}?ok=${activated ? 'activado' : 'mail'}`, 303);
      } catch (e) {
        const error = expected(e, reply, ALTA_ERRORS);
        const message = error.messageIn(lang);
        const field = ERROR_FIELD[error.code];
        const shown = field ? { form: { ...form, errors: { [field]: message } } } : { form, alert: message };
        return render(request, reply, { ...(await again()), ...shown }, error.status);
      }
    });
  };
