// GET /me/credential and its PDF: the logged-in patient's card (session), for the portal's app and pages.
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { apiPlugin, errorResponses } from '../../platform/http/api.js';
import { requestLang } from '../../platform/http/errors.js';
import { baseUrlOf } from '../../platform/http/request.js';
import { wantsDownload } from '../portal/invoices.reply.js';
import { sendCredentialPdf } from './credential.reply.js';
import { myCredential, myCredentialPdf } from './credential.service.js';

const sessionSecurity = [{ session: [] }];

const credentialOutput = z.object({
  patientId: z.number(),
  fullName: z.string(),
  dni: z.string(),
  dniGrouped: z.string().describe('El DNI como lo imprime la credencial: 12.345.678'),
  insurer: z.string().nullable().describe('null: sin obra social (particular)'),
  plan: z.string(),
  memberNumber: z.string(),
  centerName: z.string(),
  qrUrl: z.string().describe('Lo que contiene el código QR: la ficha del paciente para el personal, tras ingresar'),
});

export const credentialApi = (ctx: AppContext) =>
  apiPlugin((api) => {
    api.get(
      '/me/credential',
      {
        schema: {
          tags: ['Paciente (sesión)'],
          summary: 'Mi credencial: los datos de la tarjeta y la dirección de su código QR',
          security: sessionSecurity,
          response: { 200: credentialOutput, ...errorResponses },
        },
      },
      async (req, reply) => {
        reply.header('cache-control', 'private, no-store');
        return myCredential(ctx, { actor: req.actor, baseUrl: baseUrlOf(ctx, req) });
      },
    );
    api.get(
      '/me/credential/pdf',
      {
        schema: {
          tags: ['Paciente (sesión)'],
          summary: 'Mi credencial en PDF (download=1: como descarga)',
          security: sessionSecurity,
          querystring: z.object({ download: z.enum(['0', '1']).optional() }),
          produces: ['application/pdf'],
        },
      },
      async (req, reply) => {
        const pdf = await myCredentialPdf(ctx, {
          actor: req.actor,
          baseUrl: baseUrlOf(ctx, req),
          lang: requestLang(req),
        });
        return sendCredentialPdf(reply, pdf, wantsDownload(req));
      },
    );
  });
