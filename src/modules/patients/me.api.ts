// The patient's own data over JSON, authenticated by the session cookie: what the pages do, for a mobile app.
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { apiPlugin, errorResponses } from '../../platform/http/api.js';
import { idField, instantField } from '../../platform/http/fields.js';
import { clientIp } from '../../platform/http/request.js';
import { endPatientSession, startPatientSession } from '../../web/session.js';
import { myAppointmentsIn } from '../portal/citas.service.js';
import * as appointments from '../scheduling/appointments.service.js';
import { bookAppointment } from '../scheduling/booking.service.js';
import { appointmentOutput } from '../scheduling/scheduling.api.js';
import { renderSlip } from '../scheduling/slip.pdf.js';
import { getAppointmentDetails } from '../scheduling/web-appointments.service.js';
import type { Actor } from '../staff/actor.js';
import { rememberLang } from './accounts.login.routes.js';
import { type LoginUser, logIn, loginUserOf } from './accounts.login.service.js';
import { getMyData, updateMyData } from './accounts.profile.service.js';
import { patientChanges, patientOutput } from './patients.schemas.js';
import { getPatient } from './patients.service.js';

const sessionSecurity = [{ session: [] }];
const idParams = z.object({ id: idField });
const reasonField = z.string().max(500, 'es demasiado largo (máximo 500 caracteres)');
/** What Mis datos lets a patient change; DNI and e-mail are not here (the e-mail is re-verified by mail). */
const myChanges = patientChanges
  .pick({
    lastName: true,
    firstName: true,
    sex: true,
    birthDate: true,
    mobile: true,
    address: true,
    insurerId: true,
    memberNumber: true,
  })
  .strict();
/** Turnos per page of GET /me/appointments?scope=. */
const MY_SCOPED_PAGE = 100;
/** Mis datos asks for these; a change cannot empty them. */
const REQUIRED_DATA = ['sex', 'birthDate', 'mobile', 'insurerId'] as const;

/** The login's user: a DNI, or a portal patient's e-mail. */
const loginUserBody = z
  .string()
  .describe('DNI (7 u 8 números) o e-mail del paciente con el portal habilitado')
  .transform((v, ctx) => {
    const user = loginUserOf(v);
    if (user === null) {
      ctx.addIssue({ code: 'custom', message: 'debe ser un DNI (7 u 8 números) o un e-mail' });
      return z.NEVER;
    }
    return user;
  });

/** The logged-in patient's id; anyone else is told to log in. */
function me(actor: Actor): number {
  if (actor.kind !== 'patient') throw new AppError('UNAUTHENTICATED');
  return actor.patientId;
}

export const meApi = (ctx: AppContext) =>
  apiPlugin((api) => {
    api.post(
      '/me/session',
      {
        schema: {
          tags: ['Paciente (sesión)'],
          summary: 'Ingresar con DNI o e-mail y contraseña',
          description:
            'Abre la sesión del paciente y la devuelve como cookie, igual que la página Ingresar: los mismos ' +
            'límites de intentos y la misma respuesta para usuario desconocido o contraseña incorrecta. El usuario ' +
            '(user, o dni como antes) es el DNI o, para un paciente con el portal habilitado, su e-mail. Un paciente ' +
            'deshabilitado por el centro entra, pero no puede tomar turnos (disabled y disabledNote lo dicen). Si el ' +
            'paciente eligió un idioma en el portal, la respuesta fija también la cookie de idioma.',
          body: z
            .object({
              user: loginUserBody.optional(),
              dni: loginUserBody.optional(),
              password: z.string().min(1).max(1000),
            })
            .refine((b) => b.user !== undefined || b.dni !== undefined, {
              message: 'falta user (el DNI o el e-mail)',
              path: ['user'],
            }),
          response: { 200: patientOutput, ...errorResponses },
        },
      },
      async (req, reply) => {
        const user = (req.body.user ?? req.body.dni) as LoginUser;
        const { patientId, lang } = await logIn(ctx, {
          actor: req.actor,
          user,
          password: req.body.password,
          ip: clientIp(req),
        });
        await startPatientSession(ctx, req, reply, patientId);
        if (lang) rememberLang(reply, lang);
        return getMyData(ctx, { actor: req.actor });
      },
    );

    api.delete(
      '/me/session',
      {
        schema: {
          tags: ['Paciente (sesión)'],
          summary: 'Salir (cerrar la sesión)',
          security: sessionSecurity,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (req, reply) => {
        await endPatientSession(ctx, req, reply);
        return reply.status(204).send(null);
      },
    );

    api.get(
      '/me',
      {
        schema: {
          tags: ['Paciente (sesión)'],
          summary: 'Mis datos',
          security: sessionSecurity,
          response: { 200: patientOutput, ...errorResponses },
        },
      },
      async (req) => getPatient(ctx, { actor: req.actor, id: me(req.actor) }),
    );

    api.patch(
      '/me',
      {
        schema: {
          tags: ['Paciente (sesión)'],
          summary: 'Cambiar mis datos',
          description:
            'Sólo los campos enviados. El e-mail y la contraseña se cambian desde la web (Mis datos): el ' +
            'e-mail nuevo se confirma por mail y la contraseña pide la actual.',
          security: sessionSecurity,
          body: myChanges,
          response: { 200: patientOutput, ...errorResponses },
        },
      },
      async (req) => {
        me(req.actor);
        const merged = { ...(await getMyData(ctx, { actor: req.actor })), ...req.body };
        const { lastName, firstName, sex, birthDate, mobile, address, insurerId, memberNumber } = merged;
        if (sex === null || birthDate === null || mobile === null || insurerId === null) {
          const missing = REQUIRED_DATA.filter((field) => merged[field] === null);
          throw new AppError('VALIDATION_ERROR', { detail: `falta ${missing.join(', ')}` });
        }
        const changes = { lastName, firstName, sex, birthDate, mobile, address, insurerId, memberNumber };
        await updateMyData(ctx, { actor: req.actor, changes });
        return getMyData(ctx, { actor: req.actor });
      },
    );

    api.get(
      '/me/appointments',
      {
        schema: {
          tags: ['Paciente (sesión)'],
          summary: 'Mis turnos, del más nuevo al más viejo',
          description:
            'Sin scope, todos los turnos (hasta 500). Con scope, lo mismo que la sección Citas del portal: ' +
            '`pending` los reservados que todavía no empezaron, del más próximo al más lejano; `past` todos los ' +
            `demás (pasados, presentes, ausentes y cancelados), del más nuevo al más viejo, de a ${MY_SCOPED_PAGE} ` +
            'por página (page).',
          security: sessionSecurity,
          querystring: z.object({
            scope: z.enum(['pending', 'past']).optional(),
            page: z.coerce.number().int().min(1).max(100_000).default(1),
          }),
          response: { 200: z.array(appointmentOutput), ...errorResponses },
        },
      },
      async (req) => {
        me(req.actor);
        const { scope, page } = req.query;
        if (scope) {
          const offset = (page - 1) * MY_SCOPED_PAGE;
          return myAppointmentsIn(ctx, { actor: req.actor, scope, limit: MY_SCOPED_PAGE, offset });
        }
        const list = await appointments.listAppointments(ctx, { actor: req.actor, limit: 500, offset: 0 });
        return list.reverse();
      },
    );

    api.post(
      '/me/appointments',
      {
        schema: {
          tags: ['Paciente (sesión)'],
          summary: 'Tomar un turno',
          description:
            'Las mismas reglas que la web: habilitaciones, días máximos, límites por día, por paciente y por IP, ' +
            'motivo obligatorio si el centro lo pide. Las escrituras con sesión deben ser application/json.',
          security: sessionSecurity,
          body: z.object({
            professionalId: idField,
            start: instantField,
            specialtyId: idField.nullish(),
            studyId: idField.nullish(),
            insurerId: idField.nullish(),
            reason: reasonField.optional(),
          }),
          response: {
            201: appointmentOutput.extend({ messages: z.array(z.string()) }),
            ...errorResponses,
          },
        },
      },
      async (req, reply) => {
        const patientId = me(req.actor);
        const created = await bookAppointment(ctx, {
          actor: req.actor,
          patientId,
          origin: 'web',
          ip: req.ip,
          ...req.body,
        });
        return reply.status(201).send(created);
      },
    );

    api.get(
      '/me/appointments/:id',
      {
        schema: {
          tags: ['Paciente (sesión)'],
          summary: 'Un turno mío',
          security: sessionSecurity,
          params: idParams,
          response: { 200: appointmentOutput, ...errorResponses },
        },
      },
      async (req) => {
        me(req.actor);
        return appointments.getAppointment(ctx, { actor: req.actor, id: req.params.id });
      },
    );

    api.patch(
      '/me/appointments/:id',
      {
        schema: {
          tags: ['Paciente (sesión)'],
          summary: 'Cambiar el motivo de un turno mío',
          security: sessionSecurity,
          params: idParams,
          body: z.object({ reason: reasonField }),
          response: { 200: appointmentOutput, ...errorResponses },
        },
      },
      async (req) => {
        me(req.actor);
        return appointments.updateAppointment(ctx, { actor: req.actor, id: req.params.id, reason: req.body.reason });
      },
    );

    api.get(
      '/me/appointments/:id/slip.pdf',
      {
        schema: {
          tags: ['Paciente (sesión)'],
          summary: 'Comprobante del turno en PDF (el mismo de "Imprimir detalle del turno")',
          security: sessionSecurity,
          params: idParams,
          querystring: z.object({ lang: z.enum(['es', 'en']).default('es') }),
          produces: ['application/pdf'],
        },
      },
      async (req, reply) => {
        me(req.actor);
        const details = await getAppointmentDetails(ctx, { actor: req.actor, id: req.params.id });
        const pdf = await renderSlip(details, req.query.lang);
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `inline; filename=turno-${details.id}.pdf`)
          .send(pdf);
      },
    );

    api.post(
      '/me/appointments/:id/cancel',
      {
        schema: {
          tags: ['Paciente (sesión)'],
          summary: 'Cancelar un turno mío que todavía no pasó',
          security: sessionSecurity,
          params: idParams,
          response: { 200: appointmentOutput, ...errorResponses },
        },
      },
      async (req) => {
        me(req.actor);
        return appointments.cancelAppointment(ctx, { actor: req.actor, id: req.params.id });
      },
    );
  });
