import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { apiPlugin, errorResponses, staffSecurity } from '../../platform/http/api.js';
import { centerChanges } from './center.admin.schemas.js';
import { updateCenter } from './center.admin.service.js';
import { getCenter } from './center.service.js';

const centerOutput = z.object({
  name: z.string(),
  welcomePhrase: z.string(),
  webAddress: z.string(),
  contactEmail: z.string(),
  phones: z.string(),
  address: z.string(),
  contactHours: z.string(),
  timeZone: z.string(),
  webBookingEnabled: z.boolean(),
  webUserLabel: z.string(),
  webAppointmentType: z.string(),
  selectionMode: z.enum(['BY_SPECIALTY', 'BY_STUDY']),
  limits: z.object({
    maxPerDayProfessional: z.number(),
    maxFuturePerPatient: z.number(),
    maxFuturePerIp: z.number(),
  }),
  reasonRequired: z.boolean(),
  mailPhrase: z.string(),
  portalIdentityCheck: z.enum(['dni_tramite', 'birth_date']),
  tokenDigits: z.number(),
  tokenStepSeconds: z.number(),
  tokenAlgorithm: z.enum(['sha1', 'sha256', 'sha512']),
  profileCheckEnabled: z.boolean(),
  profileCheckEnabledAt: z.string().nullable(),
});

export const centerApi = (ctx: AppContext) =>
  apiPlugin((api) => {
    api.get(
      '/center',
      {
        schema: {
          tags: ['Centro'],
          summary: 'Datos del centro, configuración de turnos web y límites',
          response: { 200: centerOutput },
        },
      },
      async () => getCenter(ctx),
    );
    api.patch(
      '/center',
      {
        schema: {
          tags: ['Centro'],
          summary: 'Modificar los datos del centro y la configuración de turnos web',
          description:
            'Solo administradores. Cambia solo los campos enviados y responde como GET /center. ' +
            'address es la dirección del centro que dicen los recordatorios con [[DIRECCION]]. ' +
            'Los límites van sueltos (maxPerDayProfessional, maxFuturePerPatient, maxFuturePerIp). ' +
            'webBookingEnabled=false apaga los turnos por internet; selectionMode BY_STUDY hace elegir primero el estudio. ' +
            'portalIdentityCheck: lo que pide el primer acceso al portal además del DNI (dni_tramite: el número de ' +
            'trámite del DNI; birth_date: la fecha de nacimiento). ' +
            'Token de teleconsulta: tokenDigits (6, 7 u 8), tokenStepSeconds (30 o 60) y tokenAlgorithm (sha1, ' +
            'sha256 o sha512; las apps de autenticación usan sha1). profileCheckEnabled=true pide a los pacientes ' +
            'del portal que confirmen sus datos al ingresar; volver a activarlo (tras apagarlo) se lo pide de nuevo a todos.',
          security: staffSecurity,
          body: centerChanges,
          response: { 200: centerOutput, ...errorResponses },
        },
      },
      async (req) => updateCenter(ctx, { actor: req.actor, changes: req.body }),
    );
  });
