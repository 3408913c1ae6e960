// "Actualizá tus datos" over JSON (session): what the portal's other /me calls wait for while the center asks
// for it (they answer 403 PROFILE_CHECK_REQUIRED).
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { apiPlugin, errorResponses } from '../../platform/http/api.js';
import { dateField } from '../../platform/http/fields.js';
import { dniField, emailField, mobileField, normalizeDniTramite } from '../patients/patients.schemas.js';
import { checkIdentity, confirmProfile, profileCheckStart } from './profile-check.service.js';

const sessionSecurity = [{ session: [] }];
const name = z.string().trim().min(1, 'no puede quedar vacío').max(80, 'es demasiado largo (máximo 80 letras)');
const tramiteField = z.string().transform((v, ctx) => {
  const tramite = normalizeDniTramite(v);
  if (tramite === null) {
    ctx.addIssue({ code: 'custom', message: 'debe tener 11 números (el número de trámite que figura en el DNI)' });
    return z.NEVER;
  }
  return tramite;
});

const identityInput = z
  .object({
    lastName: name,
    firstName: name,
    sex: z.enum(['F', 'M', 'X'], { error: 'debe ser F, M o X' }),
    birthDate: dateField,
    dni: dniField.describe('Tiene que ser el DNI de la cuenta'),
    dniTramite: tramiteField.describe('Los 11 números del trámite, del frente del DNI tarjeta'),
  })
  .strict();
const contactFields = {
  mobile: mobileField,
  email: emailField.describe('Es el usuario del portal: no puede ser el de otro paciente del portal'),
  address: z.string().trim().min(1, 'no puede quedar vacío').max(200, 'es demasiado largo'),
};
const confirmInput = identityInput.extend(contactFields).strict();

const startOutput = z.object({
  required: z.boolean().describe('true: el portal espera esta confirmación'),
  confirmedAt: z.string().nullable(),
  hasTramite: z.boolean().describe('El centro tiene el número de trámite: el que se escriba tiene que coincidir'),
  identity: z.object({
    lastName: z.string(),
    firstName: z.string(),
    sex: z.enum(['F', 'M', 'X']).nullable(),
    birthDate: z.string().nullable(),
    dni: z.string(),
  }),
  contact: z.object({ mobile: z.string().nullable(), email: z.string().nullable(), address: z.string() }),
});

export const profileCheckApi = (ctx: AppContext) =>
  apiPlugin((api) => {
    api.get(
      '/me/profile-check',
      {
        schema: {
          tags: ['Paciente (sesión)'],
          summary: 'Actualizá tus datos: si hace falta y con qué datos empieza',
          description: 'El número de trámite nunca se muestra: escribirlo es la prueba de identidad.',
          security: sessionSecurity,
          response: { 200: startOutput, ...errorResponses },
        },
      },
      async (req) => profileCheckStart(ctx, { actor: req.actor }),
    );
    api.post(
      '/me/profile-check/identity',
      {
        schema: {
          tags: ['Paciente (sesión)'],
          summary: 'Actualizá tus datos, paso 1: comprobar la identidad (no guarda nada)',
          description:
            'El DNI tiene que ser el de la cuenta (PROFILE_CHECK_DNI_MISMATCH). Si el centro tiene el número de ' +
            'trámite, tiene que coincidir (PROFILE_CHECK_TRAMITE_WRONG); 5 errores en 15 minutos bloquean el paso ' +
            '15 minutos (PROFILE_CHECK_LOCKED, 429).',
          security: sessionSecurity,
          body: identityInput,
          response: { 200: z.object({ ok: z.literal(true) }), ...errorResponses },
        },
      },
      async (req) => {
        await checkIdentity(ctx, { actor: req.actor, identity: req.body });
        return { ok: true as const };
      },
    );
    api.post(
      '/me/profile-check',
      {
        schema: {
          tags: ['Paciente (sesión)'],
          summary: 'Actualizá tus datos: confirmar identidad y datos de contacto',
          description:
            'Los dos pasos juntos: comprueba la identidad como /me/profile-check/identity, guarda los datos, ' +
            'registra el historial de cambios y activa el perfil (confirmedAt).',
          security: sessionSecurity,
          body: confirmInput,
          response: { 200: z.object({ confirmedAt: z.string() }), ...errorResponses },
        },
      },
      async (req) => {
        const { mobile, email, address, ...identity } = req.body;
        return confirmProfile(ctx, { actor: req.actor, identity, contact: { mobile, email, address } });
      },
    );
  });
