// /staff/usuarios: admins list, create and change staff users and set their passwords.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import type { AppError } from '../../errors.js';
import type { StaffRole, StaffUser } from '../../platform/db/schema.js';
import { idField } from '../../platform/http/fields.js';
import { expected, formBody, formText, idParam, queryOf } from '../../platform/http/request.js';
import { type StaffPage, sendPage } from '../../views/page.js';
import type { WebShell } from '../../web/shell.js';
import { listProfessionals } from '../catalog/catalog.repo.js';
import { fullName } from '../catalog/catalog.service.js';
import { emptyForm, type FormState } from '../patients/views/form.js';
import {
  createStaffUser,
  getStaffUser,
  listStaffUsers,
  setStaffPassword,
  updateStaffUser,
} from './staff-users.service.js';
import { usersMessages } from './users.messages.js';
import { type Choice, UserPage, UsersPage } from './views/users.js';

const hidden = { schema: { hide: true } };
const ADMIN: StaffRole[] = ['admin'];
const ROLES: readonly string[] = ['admin', 'reception', 'professional'];
const FORM_ERRORS = ['VALIDATION_ERROR', 'WEAK_PASSWORD', 'LAST_ADMIN', 'NOT_FOUND'] as const;

const text = (v: unknown) => formText(v).trim();

/** The user fields of a posted form, as typed (to show again) and as the service takes them. */
function userForm(request: FastifyRequest) {
  const body = formBody(request);
  const values = {
    username: text(body.username),
    name: text(body.name),
    email: text(body.email),
    role: text(body.role),
    professionalId: text(body.professionalId),
    active: body.active === '1' ? '1' : '',
  };
  const role = (ROLES.includes(values.role) ? values.role : 'reception') as StaffRole;
  const professionalId = idField.safeParse(values.professionalId);
  return {
    values,
    user: {
      name: values.name,
      email: values.email || null,
      role,
      professionalId: professionalId.success ? professionalId.data : null,
      active: values.active === '1',
    },
    password: formText(body.password),
  };
}

const formOf = (u: StaffUser): FormState =>
  emptyForm({
    name: u.name,
    email: u.email ?? '',
    role: u.role,
    professionalId: u.professionalId === null ? '' : String(u.professionalId),
    active: u.active === 1 ? '1' : '',
  });

export const usersRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    const professionals = async (): Promise<Choice[]> =>
      (await listProfessionals(ctx.database.db, { webOnly: false })).map((p) => ({
        value: String(p.id),
        label: fullName(p),
      }));
    const flashOf = (page: StaffPage, request: FastifyRequest) => {
      const ok = queryOf(request).ok;
      const t = usersMessages(page.lang);
      return ok === 'creado'
        ? t('created')
        : ok === 'guardado'
          ? t('saved')
          : ok === 'clave'
            ? t('passwordSet')
            : undefined;
    };

    /** The list with the new user's form: empty, or as typed with the refusal (then no flash). */
    async function showUsers(
      request: FastifyRequest,
      reply: FastifyReply,
      refused?: { form: FormState; error: AppError },
    ) {
      const [page, users, pros] = await Promise.all([
        shell.staffPage(request, reply),
        listStaffUsers(ctx, { actor: request.actor }),
        professionals(),
      ]);
      const form = refused?.form ?? emptyForm({ role: 'reception' });
      const notes = refused ? { alert: refused.error.messageIn(page.lang) } : { flash: flashOf(page, request) };
      return sendPage(
        reply,
        <UsersPage page={page} users={users} professionals={pros} form={form} {...notes} />,
        refused?.error.status ?? 200,
      );
    }

    /** One user's page: the form as stored, or as typed with the refusal. */
    async function showUser(
      request: FastifyRequest,
      reply: FastifyReply,
      id: number,
      refused?: { form?: FormState; error: AppError },
    ) {
      const [page, user, pros] = await Promise.all([
        shell.staffPage(request, reply),
        getStaffUser(ctx, { actor: request.actor, id }),
        professionals(),
      ]);
      const form = refused?.form ?? formOf(user);
      const notes = refused ? { alert: refused.error.messageIn(page.lang) } : { flash: flashOf(page, request) };
      return sendPage(
        reply,
        <UserPage page={page} user={user} professionals={pros} form={form} {...notes} />,
        refused?.error.status ?? 200,
      );
    }

    app.get('/staff/usuarios', hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      return showUsers(request, reply);
    });

    app.post('/staff/usuarios', hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      const posted = userForm(request);
      try {
        const user = { ...posted.user, username: posted.values.username, password: posted.password };
        await createStaffUser(ctx, { actor: request.actor, user });
      } catch (e) {
        return showUsers(request, reply, { form: emptyForm(posted.values), error: expected(e, reply, FORM_ERRORS) });
      }
      return reply.redirect('/staff/usuarios?ok=creado', 303);
    });

    app.get('/staff/usuarios/:id', hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      const id = idParam(request);
      if (id === null) return reply.callNotFound();
      return showUser(request, reply, id);
    });

    app.post('/staff/usuarios/:id', hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      const id = idParam(request);
      if (id === null) return reply.callNotFound();
      const posted = userForm(request);
      try {
        await updateStaffUser(ctx, { actor: request.actor, id, changes: posted.user });
      } catch (e) {
        return showUser(request, reply, id, { form: emptyForm(posted.values), error: expected(e, reply, FORM_ERRORS) });
      }
      return reply.redirect(`/staff/usuarios/${id}?ok=guardado`, 303);
    });

    app.post('/staff/usuarios/:id/clave', hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ADMIN)) return reply;
      const id = idParam(request);
      if (id === null) return reply.callNotFound();
      try {
        await setStaffPassword(ctx, { actor: request.actor, id, password: userForm(request).password });
      } catch (e) {
        return showUser(request, reply, id, { error: expected(e, reply, FORM_ERRORS) });
      }
      return reply.redirect(`/staff/usuarios/${id}?ok=clave`, 303);
    });
  };
