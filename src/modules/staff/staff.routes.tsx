// /staff: log in, log out, the first-run page that creates the first admin, the home page.
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { dateField } from '../../platform/http/fields.js';
import { clientIp, expected, formBody, formText, queryOf } from '../../platform/http/request.js';
import { touchSession } from '../../platform/http/sessions.js';
import { todayIn } from '../../platform/time/zone.js';
import { sendPage } from '../../views/page.js';
import type { WebShell } from '../../web/shell.js';
import { endStaffSession, staffPathOf, startSecondStep, startStaffSession } from '../../web/staff-session.js';
import { emptyForm, type FormState } from '../patients/views/form.js';
import { dashboard } from '../scheduling/dashboard.service.js';
import { DashboardPage } from '../scheduling/views/dashboard.js';
import { staffMessages } from './staff.messages.js';
import { createFirstAdmin, logInStaff, needsFirstAdmin } from './staff-users.service.js';
import { FirstRunPage, StaffLoginPage } from './views/login.js';

const hidden = { schema: { hide: true } };
const text = formText;
export const staffRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    app.get('/staff', hidden, async (request, reply) => {
      if (request.actor.kind !== 'staff' && (await needsFirstAdmin(ctx)))
        return reply.redirect('/staff/primer-uso', 303);
      const actor = shell.requireStaff(request, reply);
      if (!actor) return reply;
      if (actor.role === 'professional') return reply.redirect('/staff/turnos', 303);
      const fecha = dateField.safeParse(queryOf(request).fecha);
      const [page, data] = await Promise.all([
        shell.staffPage(request, reply),
        dashboard(ctx, { actor, date: fecha.success ? fecha.data : undefined }),
      ]);
      const isToday = data.date === todayIn(page.center.timeZone, ctx.clock.now());
      return sendPage(reply, <DashboardPage page={page} data={data} isToday={isToday} />);
    });

    app.get('/staff/ingresar', hidden, async (request, reply) => {
      const query = queryOf(request);
      const volver = staffPathOf(query.volver);
      if (request.actor.kind === 'staff') return reply.redirect(volver, 303);
      if (await needsFirstAdmin(ctx)) return reply.redirect('/staff/primer-uso', 303);
      const page = await shell.staffPage(request, reply);
      const inactive = query.inactivo === '1';
      return sendPage(reply, <StaffLoginPage page={page} form={emptyForm()} volver={volver} inactive={inactive} />);
    });

    app.post('/staff/ingresar', hidden, async (request, reply) => {
      const body = formBody(request);
      const volver = staffPathOf(body.volver);
      const login = text(body.login).trim();
      const password = text(body.password);
      const page = await shell.staffPage(request, reply);
      const t = staffMessages(page.lang);
      const form: FormState = { values: { login }, errors: {} };
      if (!login) form.errors.login = t('required');
      if (!password) form.errors.password = t('required');
      if (Object.keys(form.errors).length > 0) {
        return sendPage(reply, <StaffLoginPage page={page} form={form} volver={volver} />, 400);
      }
      try {
        const user = await logInStaff(ctx, { login, password, ip: clientIp(request) });
        if (user.totpSecret !== null) {
          await startSecondStep(ctx, request, reply, user.id);
          return reply.redirect(`/staff/ingresar/codigo?${new URLSearchParams({ volver })}`, 303);
        }
        await startStaffSession(ctx, request, reply, user.id);
      } catch (e) {
        const error = expected(e, reply, ['INVALID_STAFF_CREDENTIALS', 'TOO_MANY_ATTEMPTS']);
        const alert = error.messageIn(page.lang);
        return sendPage(reply, <StaffLoginPage page={page} form={form} volver={volver} alert={alert} />, error.status);
      }
      return reply.redirect(volver, 303);
    });

    app.post('/staff/salir', hidden, async (request, reply) => {
      await endStaffSession(ctx, request, reply);
      return reply.redirect('/staff/ingresar', 303);
    });

    app.post('/staff/sesion/seguir', hidden, async (request, reply) => {
      if (request.actor.kind !== 'staff' || !request.sessionId) return reply.status(401).send({ ok: false });
      await touchSession(ctx.database.db, request.sessionId, ctx.clock.now());
      return { ok: true };
    });

    app.get('/staff/primer-uso', hidden, async (request, reply) => {
      if (!(await needsFirstAdmin(ctx))) return reply.redirect('/staff/ingresar', 303);
      const page = await shell.staffPage(request, reply);
      return sendPage(reply, <FirstRunPage page={page} form={emptyForm()} />);
    });

    app.post('/staff/primer-uso', hidden, async (request, reply) => {
      if (!(await needsFirstAdmin(ctx))) throw new AppError('FORBIDDEN');
      const body = formBody(request);
      const values = { username: text(body.username), name: text(body.name), email: text(body.email) };
      const password = text(body.password);
      const page = await shell.staffPage(request, reply);
      try {
        const user = await createFirstAdmin(ctx, { ...values, email: values.email || null, password });
        await startStaffSession(ctx, request, reply, user.id);
      } catch (e) {
        const error = expected(e, reply, ['VALIDATION_ERROR', 'WEAK_PASSWORD']);
        const form = { values, errors: {} };
        return sendPage(reply, <FirstRunPage page={page} form={form} alert={error.messageIn(page.lang)} />, 400);
      }
      return reply.redirect('/staff', 303);
    });
  };
