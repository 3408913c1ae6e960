import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { apiPlugin, errorResponses, staffSecurity } from '../../platform/http/api.js';
import { idField } from '../../platform/http/fields.js';
import {
  insurerChanges,
  insurerInput,
  professionalChanges,
  professionalInput,
  specialtyChanges,
  specialtyIdsInput,
  specialtyInput,
  studyChanges,
  studyIdsInput,
  studyInput,
} from './catalog.admin.schemas.js';
import * as admin from './catalog.admin.service.js';
import { catalogOutputs } from './catalog.api.js';
import * as professionals from './catalog.professionals.service.js';

const idParams = z.object({ id: idField });
const onlyAdmin = 'Solo administradores. ';
const partial = 'Cambia solo los campos enviados. ';
const webName = 'webName vacío u omitido: el mismo nombre. ';
const tag = ['Catálogo (administración)'];

export const catalogAdminApi = (ctx: AppContext) =>
  apiPlugin((api) => {
    api.post(
      '/specialties',
      {
        schema: {
          tags: tag,
          summary: 'Crear una especialidad',
          description: `${onlyAdmin}${webName}409 NAME_TAKEN si el nombre ya existe (sin importar mayúsculas ni acentos).`,
          security: staffSecurity,
          body: specialtyInput,
          response: { 201: catalogOutputs.specialty, ...errorResponses },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await admin.createSpecialty(ctx, { actor: req.actor, specialty: req.body })),
    );
    api.patch(
      '/specialties/:id',
      {
        schema: {
          tags: tag,
          summary: 'Modificar una especialidad: nombre, nombre para la web, habilitada para la web',
          description: `${onlyAdmin}${partial}${webName}`,
          security: staffSecurity,
          params: idParams,
          body: specialtyChanges,
          response: { 200: catalogOutputs.specialty, ...errorResponses },
        },
      },
      async (req) => admin.updateSpecialty(ctx, { actor: req.actor, id: req.params.id, changes: req.body }),
    );

    api.post(
      '/studies',
      {
        schema: {
          tags: tag,
          summary: 'Crear un estudio, con su indicación (por ejemplo, ayuno)',
          description: `${onlyAdmin}409 NAME_TAKEN si el nombre ya existe.`,
          security: staffSecurity,
          body: studyInput,
          response: { 201: catalogOutputs.study, ...errorResponses },
        },
      },
      async (req, reply) => reply.status(201).send(await admin.createStudy(ctx, { actor: req.actor, study: req.body })),
    );
    api.patch(
      '/studies/:id',
      {
        schema: {
          tags: tag,
          summary: 'Modificar un estudio',
          description: `${onlyAdmin}${partial}`,
          security: staffSecurity,
          params: idParams,
          body: studyChanges,
          response: { 200: catalogOutputs.study, ...errorResponses },
        },
      },
      async (req) => admin.updateStudy(ctx, { actor: req.actor, id: req.params.id, changes: req.body }),
    );
    api.delete(
      '/studies/:id',
      {
        schema: {
          tags: tag,
          summary: 'Borrar un estudio',
          description:
            `${onlyAdmin}Se quita también de los profesionales que lo realizan. ` +
            '409 IN_USE si algún turno u horario de atención lo usa: en ese caso, deshabilitalo para la web.',
          security: staffSecurity,
          params: idParams,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (req, reply) => {
        await admin.deleteStudy(ctx, { actor: req.actor, id: req.params.id });
        return reply.status(204).send(null);
      },
    );

    api.post(
      '/insurers',
      {
        schema: {
          tags: tag,
          summary: 'Crear una obra social o prepaga',
          description:
            `${onlyAdmin}${webName}generalMessage se ve en el listado de obras sociales de la web; ` +
            'bookingMessage, al confirmar cada turno.',
          security: staffSecurity,
          body: insurerInput,
          response: { 201: catalogOutputs.insurer, ...errorResponses },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await admin.createInsurer(ctx, { actor: req.actor, insurer: req.body })),
    );
    api.patch(
      '/insurers/:id',
      {
        schema: {
          tags: tag,
          summary: 'Modificar una obra social: activación para la web, nombre para la web y mensajes',
          description: `${onlyAdmin}${partial}${webName}`,
          security: staffSecurity,
          params: idParams,
          body: insurerChanges,
          response: { 200: catalogOutputs.insurer, ...errorResponses },
        },
      },
      async (req) => admin.updateInsurer(ctx, { actor: req.actor, id: req.params.id, changes: req.body }),
    );

    api.post(
      '/professionals',
      {
        schema: {
          tags: tag,
          summary: 'Crear un profesional, con sus especialidades y estudios',
          description:
            `${onlyAdmin}generalMessage se ve antes de elegir horario; bookingMessage, al confirmar el turno; ` +
            'maxDaysAhead: cuántos días a futuro muestra su agenda en la web.',
          security: staffSecurity,
          body: professionalInput,
          response: { 201: catalogOutputs.professional, ...errorResponses },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await professionals.createProfessional(ctx, { actor: req.actor, professional: req.body })),
    );
    api.patch(
      '/professionals/:id',
      {
        schema: {
          tags: tag,
          summary: 'Modificar un profesional: activación para la web, mensajes, días máximos',
          description:
            `${onlyAdmin}${partial}specialtyIds / studyIds, si se envían, pasan a ser exactamente esos ` +
            '(409 IN_USE si se quita uno que usan sus horarios de atención vigentes).',
          security: staffSecurity,
          params: idParams,
          body: professionalChanges,
          response: { 200: catalogOutputs.professional, ...errorResponses },
        },
      },
      async (req) => professionals.updateProfessional(ctx, { actor: req.actor, id: req.params.id, changes: req.body }),
    );
    api.put(
      '/professionals/:id/studies',
      {
        schema: {
          tags: tag,
          summary: 'Estudios que realiza un profesional (reemplaza la lista)',
          description:
            `${onlyAdmin}Con la selección por estudio, la web ofrece al profesional solo para estos estudios. ` +
            '404 si algún estudio no existe; 409 IN_USE si se quita uno que usan sus horarios de atención vigentes.',
          security: staffSecurity,
          params: idParams,
          body: studyIdsInput,
          response: { 200: catalogOutputs.professional, ...errorResponses },
        },
      },
      async (req) =>
        professionals.setProfessionalStudies(ctx, {
          actor: req.actor,
          professionalId: req.params.id,
          studyIds: req.body.studyIds,
        }),
    );
    api.put(
      '/professionals/:id/specialties',
      {
        schema: {
          tags: tag,
          summary: 'Especialidades que atiende un profesional (reemplaza la lista)',
          description: `${onlyAdmin}404 si alguna especialidad no existe; 409 IN_USE si se quita una que usan sus horarios de atención vigentes.`,
          security: staffSecurity,
          params: idParams,
          body: specialtyIdsInput,
          response: { 200: catalogOutputs.professional, ...errorResponses },
        },
      },
      async (req) =>
        professionals.setProfessionalSpecialties(ctx, {
          actor: req.actor,
          professionalId: req.params.id,
          specialtyIds: req.body.specialtyIds,
        }),
    );
  });
