// The staff's "Pacientes web" over JSON: list, alta, changes and the account mails.
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { apiPlugin, errorResponses, staffSecurity } from '../../platform/http/api.js';
import { idField } from '../../platform/http/fields.js';
import { baseUrlOf } from '../../platform/http/request.js';
import { PASSWORD_MAX } from './accounts.rules.js';
import { dniField, emailField, patientInput } from './patients.schemas.js';
import * as service from './web-accounts.staff.service.js';
import * as mails from './web-accounts.staff-mails.service.js';

const TAGS = ['Pacientes web'];
const stateEnum = z.enum(['activated', 'pending', 'disabled']);

export const webAccountOutput = z.object({
  patientId: z.number(),
  dni: z.string(),
  lastName: z.string(),
  firstName: z.string(),
  email: z.string().nullable(),
  mobile: z.string().nullable(),
  insurerId: z.number().nullable(),
  insurerName: z.string().nullable(),
  state: stateEnum,
  activatedAt: z.string().nullable(),
  disabled: z.boolean(),
  disabledNote: z.string(),
  createdAt: z.string(),
});

const passwordField = z.string().max(PASSWORD_MAX, `es demasiado larga (máximo ${PASSWORD_MAX} caracteres)`);
const noteField = z
  .string()
  .trim()
  .max(service.DISABLED_NOTE_MAX, `es demasiado larga (máximo ${service.DISABLED_NOTE_MAX} caracteres)`);
const params = z.object({ patientId: idField });
const mailSent = z.object({ to: z.string() });

export const webAccountsApi = (ctx: AppContext) =>
  apiPlugin((api) => {
    api.get(
      '/web-accounts',
      {
        schema: {
          tags: TAGS,
          summary: 'Listar pacientes con usuario web',
          description:
            'Del alta más nueva a la más vieja. q busca por DNI (el comienzo), apellido, nombre o e-mail, sin ' +
            'distinguir mayúsculas ni acentos; cada palabra debe aparecer. state: activated, pending (sin ' +
            'activar), disabled (deshabilitado, esté o no activado) o all.',
          security: staffSecurity,
          querystring: z.object({
            q: z.string().trim().max(100).optional(),
            state: z.enum(['activated', 'pending', 'disabled', 'all']).default('all'),
            page: z.coerce.number().int().min(1).max(100_000).default(1),
            pageSize: z.coerce.number().int().min(1).max(200).default(service.WEB_ACCOUNTS_PAGE_SIZE),
          }),
          response: {
            200: z.object({
              items: z.array(webAccountOutput),
              total: z.number(),
              page: z.number(),
              pageSize: z.number(),
            }),
            ...errorResponses,
          },
        },
      },
      async (req) => {
        const { q, ...rest } = req.query;
        return service.listWebAccounts(ctx, { actor: req.actor, text: q, ...rest });
      },
    );

    api.post(
      '/web-accounts',
      {
        schema: {
          tags: TAGS,
          summary: 'Alta en web de un paciente existente o nuevo',
          description:
            'patientId (existente) o patient (nuevo, como en POST /patients), uno solo. dni y email, si se envían, ' +
            'reemplazan los del paciente. activated=true: puede ingresar ya; false: recibe el mail de activación. ' +
            'Errores: 409 ACCOUNT_EXISTS, DNI_TAKEN; 400 WEAK_PASSWORD.',
          security: staffSecurity,
          body: z.object({
            patientId: idField.optional(),
            patient: patientInput.optional(),
            dni: dniField.optional(),
            email: emailField.optional(),
            password: passwordField,
            activated: z.boolean().default(false),
          }),
          response: { 201: webAccountOutput, ...errorResponses },
        },
      },
      async (req, reply) => {
        const created = await service.createWebAccount(ctx, {
          actor: req.actor,
          ...req.body,
          baseUrl: baseUrlOf(ctx, req),
        });
        return reply.status(201).send(created);
      },
    );

    api.get(
      '/web-accounts/:patientId',
      {
        schema: {
          tags: TAGS,
          summary: 'El usuario web de un paciente',
          security: staffSecurity,
          params,
          response: { 200: webAccountOutput, ...errorResponses },
        },
      },
      async (req) => service.getWebAccount(ctx, { actor: req.actor, patientId: req.params.patientId }),
    );

    api.patch(
      '/web-accounts/:patientId',
      {
        schema: {
          tags: TAGS,
          summary: 'Modificar activación, contraseña, DNI, e-mail o deshabilitar',
          description:
            'Solo los campos enviados. activated=true lo activa sin el mail; disabled=true con disabledNote no lo ' +
            'deja tomar turnos por web y el paciente lee la observación al ingresar. Una contraseña nueva cierra ' +
            'las sesiones del paciente. Si olvidó su mail: buscalo por DNI y cambiá email.',
          security: staffSecurity,
          params,
          body: z
            .object({
              dni: dniField,
              email: emailField,
              password: passwordField,
              activated: z.boolean(),
              disabled: z.boolean(),
              disabledNote: noteField,
            })
            .partial()
            .strict()
            .refine((b) => Object.keys(b).length > 0, 'indicá al menos un campo'),
          response: { 200: webAccountOutput, ...errorResponses },
        },
      },
      async (req) =>
        service.updateWebAccount(ctx, { actor: req.actor, patientId: req.params.patientId, changes: req.body }),
    );

    api.post(
      '/web-accounts/:patientId/activation-mail',
      {
        schema: {
          tags: TAGS,
          summary: 'Reenviar el mail de activación',
          description:
            'Un enlace nuevo; los anteriores dejan de servir. 409 ACCOUNT_ALREADY_ACTIVE, 422 EMAIL_MISSING.',
          security: staffSecurity,
          params,
          response: { 200: mailSent, ...errorResponses },
        },
      },
      async (req) =>
        mails.sendActivationMail(ctx, {
          actor: req.actor,
          patientId: req.params.patientId,
          baseUrl: baseUrlOf(ctx, req),
        }),
    );

    api.post(
      '/web-accounts/:patientId/password-reset-mail',
      {
        schema: {
          tags: TAGS,
          summary: 'Enviar el mail para elegir una contraseña nueva (olvidó su contraseña)',
          security: staffSecurity,
          params,
          response: { 200: mailSent, ...errorResponses },
        },
      },
      async (req) =>
        mails.sendPasswordResetMail(ctx, {
          actor: req.actor,
          patientId: req.params.patientId,
          baseUrl: baseUrlOf(ctx, req),
        }),
    );
  });
