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
  email: z
    .string()
    .optional()
    .describe('Solo con token de personal: adonde se envían los tokens de teleconsulta de los pacientes'),
  webEnabled: z.boolean(),
  generalMessage: z.string(),
  bookingMessage: z.string(),
  maxDaysAhead: z.number(),
  specialtyIds: z.array(z.number()),
  studyIds: z.array(z.number()),
});

const visibility = 'Sin token: solo lo habilitado para la web. Con token de personal: todo.';
const oneVisibility = 'Sin token, lo no habilitado para la web responde 404.';
const idParams = z.object({ id: idField });

/** The shapes every catalog answer has, for the routes that write it too. */
export const catalogOutputs = { specialty, study, insurer, professional };

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
    api.get(
      '/specialties/:id',
      {
        schema: {
          tags: ['Catálogo'],
          summary: 'Una especialidad',
          description: oneVisibility,
          params: idParams,
          response: { 200: specialty, ...errorResponses },
        },
      },
      async (req) => service.getSpecialty(ctx, { actor: req.actor, id: req.params.id }),
    );
    api.get(
      '/studies/:id',
      {
        schema: {
          tags: ['Catálogo'],
          summary: 'Un estudio con su indicación',
          description: oneVisibility,
          params: idParams,
          response: { 200: study, ...errorResponses },
        },
      },
      async (req) => service.getStudy(ctx, { actor: req.actor, id: req.params.id }),
    );
    api.get(
      '/insurers/:id',
      {
        schema: {
          tags: ['Catálogo'],
          summary: 'Una obra social o prepaga',
          description: oneVisibility,
          params: idParams,
          response: { 200: insurer, ...errorResponses },
        },
      },
      async (req) => service.getInsurer(ctx, { actor: req.actor, id: req.params.id }),
    );
    api.get(
      '/professionals/:id',
      {
        schema: {
          tags: ['Catálogo'],
          summary: 'Un profesional, con sus especialidades y estudios',
          description: oneVisibility,
          params: idParams,
          response: { 200: professional, ...errorResponses },
        },
      },
      async (req) => service.getProfessional(ctx, { actor: req.actor, id: req.params.id }),
    );
  });
