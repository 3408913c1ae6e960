// The patient token over JSON, with the patient's session: the current and next code (what the token page's
// script polls), the code's PDF and mail, and the printed series (list, create, print, revoke).
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { apiPlugin, errorResponses } from '../../platform/http/api.js';
import { requestLang } from '../../platform/http/errors.js';
import { dateField, idField } from '../../platform/http/fields.js';
import { createSeries, mySeries, mySeriesPdf, revokeMySeries, seriesDefaults } from './series.service.js';
import { SERIES_MAX_COUNT } from './token.rules.js';
import { mailTokenToProfessional, myTeleconsultTurnos, myToken, myTokenPdf } from './token.service.js';

const sessionSecurity = [{ session: [] }];
const tags = ['Paciente (sesión)'];
const idParams = z.object({ id: idField });
const pdfQuery = z.object({ download: z.enum(['0', '1']).optional() });

const tokenOutput = z.object({
  code: z.string().describe('El código de este momento'),
  nextCode: z.string().describe('El que lo reemplaza al vencer'),
  expiresInMs: z.number().describe('Milisegundos hasta que el código cambia'),
  stepSeconds: z.number(),
  digits: z.number(),
});

const seriesOutput = z.object({
  id: z.number(),
  createdAt: z.string(),
  validUntil: z.string(),
  state: z.enum(['active', 'expired', 'revoked']),
  codeCount: z.number(),
  usedCount: z.number(),
  revokedAt: z.string().nullable(),
  codes: z.array(z.object({ position: z.number(), usedAt: z.string().nullable() })),
});

const seriesInput = z
  .object({
    count: z.number().int().describe(`Cantidad de códigos, de 1 a ${SERIES_MAX_COUNT} (por omisión 10)`).optional(),
    validUntil: dateField.describe('AAAA-MM-DD; por omisión, dentro de 90 días; como mucho un año').optional(),
  })
  .strict();

const turnoOutput = z.object({
  id: z.number(),
  startsAt: z.string(),
  professional: z.string(),
  what: z.string(),
  mailable: z.boolean().describe('El profesional tiene e-mail: se le puede enviar el código'),
});

export function sendPdf(reply: FastifyReply, pdf: { bytes: Buffer; fileName: string }, download: boolean) {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `${download ? 'attachment' : 'inline'}; filename="${pdf.fileName}"`)
    .header('cache-control', 'private, no-store')
    .send(pdf.bytes);
}

export const tokenApi = (ctx: AppContext) =>
  apiPlugin((api) => {
    api.get(
      '/me/token',
      {
        schema: {
          tags,
          summary: 'Mi token de teleconsulta: el código actual y el siguiente',
          description: 'El código cambia cada stepSeconds y sirve una sola vez; el siguiente se muestra al vencer.',
          security: sessionSecurity,
          response: { 200: tokenOutput, ...errorResponses },
        },
      },
      async (req, reply) => {
        const t = await myToken(ctx, { actor: req.actor });
        void reply.header('cache-control', 'no-store');
        return {
          code: t.code,
          nextCode: t.nextCode,
          expiresInMs: t.expiresInMs,
          stepSeconds: t.stepSeconds,
          digits: t.digits,
        };
      },
    );
    api.get(
      '/me/token/pdf',
      {
        schema: {
          tags,
          summary: 'Mi token actual en PDF (download=1: como descarga)',
          security: sessionSecurity,
          querystring: pdfQuery,
          produces: ['application/pdf'],
        },
      },
      async (req, reply) =>
        sendPdf(reply, await myTokenPdf(ctx, { actor: req.actor, lang: requestLang(req) }), req.query.download === '1'),
    );
    api.get(
      '/me/token/turnos',
      {
        schema: {
          tags,
          summary: 'Mis turnos de teleconsulta de hoy en adelante, a los que puedo enviar el código',
          security: sessionSecurity,
          response: { 200: z.array(turnoOutput), ...errorResponses },
        },
      },
      async (req) =>
        (await myTeleconsultTurnos(ctx, { actor: req.actor })).map((t) => ({
          id: t.id,
          startsAt: new Date(t.startsAtMs).toISOString(),
          professional: t.professional,
          what: t.what,
          mailable: t.mailable,
        })),
    );
    api.post(
      '/me/token/mail',
      {
        schema: {
          tags,
          summary: 'Enviar mi código actual por e-mail al profesional de un turno de teleconsulta mío',
          security: sessionSecurity,
          body: z.object({ appointmentId: idField }).strict(),
          response: { 202: z.object({ professional: z.string() }), ...errorResponses },
        },
      },
      async (req, reply) => {
        const sent = await mailTokenToProfessional(ctx, {
          actor: req.actor,
          appointmentId: req.body.appointmentId,
          lang: requestLang(req),
        });
        return reply.status(202).send({ professional: sent.professional });
      },
    );

    api.get(
      '/me/token-series',
      {
        schema: {
          tags,
          summary: 'Mis series impresas de códigos, de la más nueva a la más vieja',
          security: sessionSecurity,
          response: { 200: z.array(seriesOutput), ...errorResponses },
        },
      },
      async (req) => mySeries(ctx, { actor: req.actor }),
    );
    api.post(
      '/me/token-series',
      {
        schema: {
          tags,
          summary: 'Crear una serie impresa de códigos de un solo uso',
          description: 'Los códigos tienen 10 dígitos; se leen solo en el PDF de la serie.',
          security: sessionSecurity,
          body: seriesInput,
          response: { 201: seriesOutput, ...errorResponses },
        },
      },
      async (req, reply) => {
        const defaults = await seriesDefaults(ctx, { actor: req.actor });
        const created = await createSeries(ctx, {
          actor: req.actor,
          count: req.body.count ?? defaults.count,
          validUntil: req.body.validUntil ?? defaults.validUntil,
          lang: requestLang(req),
        });
        return reply.status(201).send(created);
      },
    );
    api.get(
      '/me/token-series/:id/pdf',
      {
        schema: {
          tags,
          summary: 'La hoja de una serie mía en PDF, mientras esté vigente (download=1: como descarga)',
          security: sessionSecurity,
          params: idParams,
          querystring: pdfQuery,
          produces: ['application/pdf'],
        },
      },
      async (req, reply) => {
        const pdf = await mySeriesPdf(ctx, { actor: req.actor, id: req.params.id, lang: requestLang(req) });
        return sendPdf(reply, pdf, req.query.download === '1');
      },
    );
    api.post(
      '/me/token-series/:id/revoke',
      {
        schema: {
          tags,
          summary: 'Revocar una serie mía: todos sus códigos dejan de servir',
          security: sessionSecurity,
          params: idParams,
          response: { 200: seriesOutput, ...errorResponses },
        },
      },
      async (req) => revokeMySeries(ctx, { actor: req.actor, id: req.params.id }),
    );
  });
