import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { apiPlugin, errorResponses } from '../../platform/http/api.js';
import { idField } from '../../platform/http/fields.js';
import * as service from './catalog.service.js';

const named = { id: z.number(), name: z.string(), webEnabled: z.boolean() };
const specialty = z.object({ ...named, webName: z.string() });
const study = z.object({ ...named, indication: z.string() });
const insurer = z.object({
  ...named,
  webName: z.string(),
  selfPay: z.boolean(),
  generalMessage: z.string(),
  bookingMessage: z.string(),
});
const professional = z.object({
  id: z.number(),
  lastName: z.string(),
  firstName: z.string(),
  fullName: z.string(),
  licenceNumber: z.string(),
  webEnabled: z.boolean(),
  generalMessage: z.string(),
  bookingMessage: z.string(),
  maxDaysAhead: z.number(),
  specialtyIds: z.array(z.number()),
  studyIds: z.array(z.number()),
});

const visibility = 'Sin token: solo lo habilitado para la web. Con token de personal: todo.';

export const catalogApi = (ctx: AppContext) =>
  apiPlugin((api) => {
    api.get(
      '/specialties',
      {
        schema: {
          tags: ['Catálogo'],
          summary: 'Especialidades',
          description: visibility,
          response: { 200: z.array(specialty) },
        },
      },
      async (req) => service.listSpecialties(ctx, { actor: req.actor }),
    );
    api.get(
      '/studies',
      {
        schema: {
          tags: ['Catálogo'],
          summary: 'Estudios con su indicación',
          description: visibility,
          response: { 200: z.array(study) },
        },
      },
      async (req) => service.listStudies(ctx, { actor: req.actor }),
    );
    api.get(
      '/insurers',
      {
        schema: {
          tags: ['Catálogo'],
          summary: 'Obras sociales y prepagas',
          description: visibility,
          response: { 200: z.array(insurer) },
        },
      },
      async (req) => service.listInsurers(ctx, { actor: req.actor }),
    );
    api.get(
      '/professionals',
      {
        schema: {
          tags: ['Catálogo'],
          summary: 'Profesionales, en orden alfabético',
          description: visibility,
          querystring: z.object({ specialtyId: idField.optional(), studyId: idField.optional() }),
          response: { 200: z.array(professional), ...errorResponses },
        },
      },
      async (req) => service.listProfessionals(ctx, { actor: req.actor, ...req.query }),
    );
  });
