// Verification for video platforms and insurer systems (Bearer token, any role; a professional's token only on
// their own turnos), and the conformity records it leaves.
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { apiPlugin, errorResponses, staffSecurity } from '../../platform/http/api.js';
import { requestLang } from '../../platform/http/errors.js';
import { errorBody, idField } from '../../platform/http/fields.js';
import { sendConformityPdf } from './conformity.reply.js';
import { getConformity } from './conformity.service.js';
import { verifyToken } from './verify.service.js';

const TAG = 'Teleconsultas';
const idParams = z.object({ id: idField });
const codeKind = z.enum(['dynamic', 'printed']);

const verifyInput = z
  .object({
    dni: z.string().min(1).max(20).describe('El DNI del paciente, con o sin puntos'),
    code: z
      .string()
      .min(1)
      .max(20)
      .describe(
        'El código del token del paciente (6 a 8 dígitos) o de su serie impresa (10 dígitos); se ignoran espacios',
      ),
    appointmentId: idField
      .nullish()
      .describe(
        'El turno de hoy (del paciente, reservado o presente) cuya conformidad se registra; sin él solo se verifica la identidad',
      ),
  })
  .strict();

const verifiedOutput = z.object({
  conformityId: z.number(),
  patientId: z.number(),
  patientName: z.string(),
  appointmentId: z.number().nullable(),
  codeKind,
  verifiedAt: z.string().describe('Instante UTC (ISO 8601)'),
});

const conformityOutput = z.object({
  id: z.number(),
  centerName: z.string(),
  patientId: z.number(),
  patientName: z.string(),
  dni: z.string(),
  insurerName: z.string(),
  memberNumber: z.string(),
  insurancePlan: z.string(),
  appointmentId: z.number().nullable(),
  turnoDate: z.string().nullable().describe('AAAA-MM-DD en la zona del centro'),
  turnoTime: z.string().nullable().describe('HH:MM en la zona del centro'),
  teleconsult: z.boolean(),
  professional: z.string(),
  service: z.string(),
  codeKind,
  verifiedAt: z.string(),
  verifiedDate: z.string(),
  verifiedTime: z.string(),
  verifiedBy: z.string(),
  via: z.enum(['staff', 'api']),
});

export const verifyApi = (ctx: AppContext) =>
  apiPlugin((api) => {
    api.post(
      '/teleconsultations/verify',
      {
        schema: {
          tags: [TAG],
          summary: 'Validar el token de un paciente y registrar su conformidad',
          description:
            'Cada código sirve una sola vez (se acepta el del paso anterior por desfasaje de reloj). Un código ' +
            'inválido, vencido, usado o de una serie revocada responde 422 (TOKEN_INVALID, TOKEN_EXPIRED, ' +
            'TOKEN_REUSED, TOKEN_REVOKED); un DNI desconocido responde igual que un código incorrecto. Cinco fallos ' +
            'en 15 minutos bloquean al paciente 15 minutos (423 TOKEN_LOCKED). Un turno que ya tiene conformidad ' +
            'responde 409 TOKEN_CONFORMITY_EXISTS; con turno, este queda presente. Más de 60 intentos de un mismo ' +
            'usuario o token en 15 minutos: 429 TOO_MANY_ATTEMPTS.',
          security: staffSecurity,
          body: verifyInput,
          response: { 200: verifiedOutput, ...errorResponses, 423: errorBody, 429: errorBody },
        },
      },
      async (req) =>
        verifyToken(ctx, {
          actor: req.actor,
          dni: req.body.dni,
          code: req.body.code,
          appointmentId: req.body.appointmentId ?? null,
          via: 'api',
        }),
    );
    api.get(
      '/teleconsultations/conformities/:id',
      {
        schema: {
          tags: [TAG],
          summary: 'Una conformidad registrada',
          security: staffSecurity,
          params: idParams,
          response: { 200: conformityOutput, ...errorResponses },
        },
      },
      async (req) => getConformity(ctx, { actor: req.actor, id: req.params.id }),
    );
    api.get(
      '/teleconsultations/conformities/:id/pdf',
      {
        schema: {
          tags: [TAG],
          summary: 'La constancia de conformidad en PDF, para la obra social (download=1: como descarga)',
          security: staffSecurity,
          params: idParams,
          querystring: z.object({ download: z.enum(['0', '1']).optional() }),
          produces: ['application/pdf'],
        },
      },
      async (req, reply) =>
        sendConformityPdf(ctx, reply, {
          actor: req.actor,
          id: req.params.id,
          lang: requestLang(req),
          download: req.query.download === '1',
        }),
    );
  });
