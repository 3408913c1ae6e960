import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { apiPlugin, errorResponses, staffSecurity } from '../../platform/http/api.js';
import { idField } from '../../platform/http/fields.js';
import { dniField, patientChanges, patientInput, patientOutput } from './patients.schemas.js';
import * as service from './patients.service.js';

export const patientsApi = (ctx: AppContext) =>
  apiPlugin((api) => {
    api.post(
      '/patients',
      {
        schema: {
          tags: ['Pacientes'],
          summary: 'Alta de paciente',
          description: 'DNI, celular y e-mail se normalizan (30.123.456 → 30123456; 11 1234-5678 → +5491112345678).',
          security: staffSecurity,
          body: patientInput,
          response: { 201: patientOutput, ...errorResponses },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await service.createPatient(ctx, { actor: req.actor, patient: req.body })),
    );
    api.get(
      '/patients',
      {
        schema: {
          tags: ['Pacientes'],
          summary: 'Buscar pacientes por DNI o apellido',
          security: staffSecurity,
          querystring: z.object({
            dni: dniField.optional(),
            lastName: z.string().trim().min(1).optional(),
            limit: z.coerce.number().int().min(1).max(500).default(50),
            offset: z.coerce.number().int().min(0).default(0),
          }),
          response: { 200: z.array(patientOutput), ...errorResponses },
        },
      },
      async (req) => service.findPatients(ctx, { actor: req.actor, ...req.query }),
    );
    api.get(
      '/patients/:id',
      {
        schema: {
          tags: ['Pacientes'],
          summary: 'Un paciente',
          security: staffSecurity,
          params: z.object({ id: idField }),
          response: { 200: patientOutput, ...errorResponses },
        },
      },
      async (req) => service.getPatient(ctx, { actor: req.actor, id: req.params.id }),
    );
    api.patch(
      '/patients/:id',
      {
        schema: {
          tags: ['Pacientes'],
          summary: 'Modificar datos de un paciente',
          security: staffSecurity,
          params: z.object({ id: idField }),
          body: patientChanges,
          response: { 200: patientOutput, ...errorResponses },
        },
      },
      async (req) => service.updatePatient(ctx, { actor: req.actor, id: req.params.id, changes: req.body }),
    );
  });
