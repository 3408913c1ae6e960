// Validar token (/staff/teleconsultas/validar), every role: the form and its confirmation, the constancia PDF,
// and lifting a patient's lock (admin, reception).
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { idField } from '../../platform/http/fields.js';
import { expected, formBody, formText, idParam, queryOf } from '../../platform/http/request.js';
import { type StaffPage, sendPage } from '../../views/page.js';
import type { WebShell } from '../../web/shell.js';
import type { FormState } from '../patients/views/form.js';
import type { StaffActor } from '../staff/actor.js';
import { sendConformityPdf } from './conformity.reply.js';
import { getConformity, lockedPatients, todaysTeleconsults, unlockPatient } from './conformity.service.js';
import { verifyMessages } from './verify.messages.js';
import { verifyToken } from './verify.service.js';
import { VerifyPage, type VerifyPageProps } from './views/verify.js';

const hidden = { schema: { hide: true } };
const PAGE = '/staff/teleconsultas/validar';
const VERIFY_ERRORS = [
  'TOKEN_INVALID',
  'TOKEN_EXPIRED',
  'TOKEN_REUSED',
  'TOKEN_REVOKED',
  'TOKEN_LOCKED',
  'TOKEN_CONFORMITY_EXISTS',
  'TOKEN_TURNO_OTHER_PATIENT',
  'TOKEN_TURNO_NOT_TODAY',
  'TOKEN_TURNO_STATUS',
  'NOT_FOUND',
  'FORBIDDEN',
  'TOO_MANY_ATTEMPTS',
] as const;

export const verifyStaffRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    async function render(
      reply: FastifyReply,
      page: StaffPage,
      actor: StaffActor,
      form: FormState,
      extra: Partial<Pick<VerifyPageProps, 'done' | 'alert' | 'flash'>> & { status?: number } = {},
    ) {
      const [turnos, locked] = await Promise.all([
        todaysTeleconsults(ctx, { actor }),
        actor.role === 'professional' ? null : lockedPatients(ctx, { actor }),
      ]);
      const { status, ...rest } = extra;
      return sendPage(
        reply,
        <VerifyPage
          page={page}
          form={form}
          digits={page.center.tokenDigits}
          turnos={turnos}
          locked={locked}
          {...rest}
        />,
        status ?? 200,
      );
    }

    app.get(PAGE, hidden, async (request, reply) => {
      const actor = shell.requireStaff(request, reply);
      if (!actor) return reply;
      const page = await shell.staffPage(request, reply);
      const q = queryOf(request);
      const form: FormState = { values: { dni: q.dni ?? '', turno: q.turno ?? '' }, errors: {} };
      const conformity = idField.safeParse(q.conformidad);
      const done = conformity.success ? await getConformity(ctx, { actor, id: conformity.data }) : undefined;
      const flash = q.ok === 'desbloqueado' ? verifyMessages(page.lang)('unlocked') : undefined;
      return render(reply, page, actor, form, { done, flash });
    });

    app.post(PAGE, hidden, async (request: FastifyRequest, reply) => {
      const actor = shell.requireStaff(request, reply);
      if (!actor) return reply;
      const page = await shell.staffPage(request, reply);
      const t = verifyMessages(page.lang);
      const body = formBody(request);
      const values = { dni: formText(body.dni).trim(), turno: formText(body.turno).trim() };
      const code = formText(body.code);
      const turno = values.turno ? idField.safeParse(values.turno) : null;
      if (turno && !turno.success) throw new AppError('VALIDATION_ERROR', { detail: 'turno' });
      let dni = values.dni;
      if (!dni && turno) {
        // Picking the turno is enough: its patient's DNI is the one to check the code against.
        const picked = (await todaysTeleconsults(ctx, { actor })).find((x) => x.id === turno.data);
        dni = picked?.dni ?? '';
      }
      const errors: Record<string, string> = {};
      if (!dni) errors.dni = t('dniMissing');
      if (!code.trim()) errors.code = t('codeMissing');
      if (Object.keys(errors).length > 0) return render(reply, page, actor, { values, errors }, { status: 400 });
      try {
        const verified = await verifyToken(ctx, {
          actor,
          dni,
          code,
          appointmentId: turno ? turno.data : null,
          via: 'staff',
        });
        return reply.redirect(`${PAGE}?conformidad=${verified.conformityId}`, 303);
      } catch (e) {
        const error = expected(e, reply, VERIFY_ERRORS);
        return render(
          reply,
          page,
          actor,
          { values, errors: {} },
          { alert: error.messageIn(page.lang), status: error.status },
        );
      }
    });

    app.post('/staff/teleconsultas/desbloquear', hidden, async (request, reply) => {
      const actor = shell.requireStaff(request, reply, ['admin', 'reception']);
      if (!actor) return reply;
      const patientId = idField.safeParse(formBody(request).paciente);
      if (!patientId.success) throw new AppError('VALIDATION_ERROR', { detail: 'paciente' });
      await unlockPatient(ctx, { actor, patientId: patientId.data });
      return reply.redirect(`${PAGE}?ok=desbloqueado`, 303);
    });

    app.get('/staff/teleconsultas/constancias/:id/pdf', hidden, async (request, reply) => {
      const actor = shell.requireStaff(request, reply);
      if (!actor) return reply;
      const id = idParam(request);
      if (id === null) return reply.callNotFound();
      const page = await shell.staffPage(request, reply);
      return sendConformityPdf(ctx, reply, {
        actor,
        id,
        lang: page.lang,
        download: queryOf(request).descargar === '1',
      });
    });
  };
