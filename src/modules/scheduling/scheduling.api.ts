import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { apiPlugin, errorResponses, staffSecurity } from '../../platform/http/api.js';
import { dateField, idField, instantField } from '../../platform/http/fields.js';
import type { ResponseCache } from '../../platform/http/response-cache.js';
import * as appointments from './appointments.service.js';
import { professionalAvailability, serviceAvailability } from './availability.service.js';
import { bookAppointment } from './booking.service.js';
import { updateTeleconsult } from './teleconsult-turno.service.js';

const slot = z.object({ start: z.string(), end: z.string(), free: z.boolean() });
const professionalWeek = z.object({
  professional: z.object({
    id: z.number(),
    fullName: z.string(),
    generalMessage: z.string(),
    bookingMessage: z.string(),
    maxDaysAhead: z.number(),
  }),
  firstFree: slot.nullable(),
  slots: z.array(slot),
});
const range = { from: z.string(), days: z.number(), nextFrom: z.string() };
const availabilityOutput = z.union([
  z.object({ ...range, ...professionalWeek.shape }),
  z.object({ ...range, professionals: z.array(professionalWeek) }),
]);

export const appointmentOutput = z.object({
  id: z.number(),
  professionalId: z.number(),
  patientId: z.number(),
  specialtyId: z.number().nullable(),
  studyId: z.number().nullable(),
  insurerId: z.number().nullable(),
  start: z.string(),
  end: z.string(),
  status: z.enum(['reserved', 'present', 'absent', 'cancelled']),
  origin: z.enum(['web', 'staff']),
  typeLabel: z.string(),
  reason: z.string(),
  overbook: z.boolean(),
  teleconsult: z.boolean().describe('Por videollamada: el paciente da su conformidad con un token'),
  videoUrl: z.string().describe("Dirección de la videollamada ('' si todavía no se cargó)"),
  bookedAt: z.string(),
  bookedBy: z.string(),
  bookedIp: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelledBy: z.string().nullable(),
});

const bookingInput = z
  .object({
    professionalId: idField,
    patientId: idField,
    start: instantField,
    specialtyId: idField.nullish(),
    studyId: idField.nullish(),
    insurerId: idField.nullish(),
    reason: z.string().max(500, 'es demasiado largo (máximo 500 caracteres)').optional(),
    origin: z.enum(['staff', 'web'], { error: 'debe ser staff o web' }).default('staff'),
    ip: z.union([z.ipv4(), z.ipv6()], { error: 'debe ser una dirección IP' }).nullish(),
    overbook: z.boolean().default(false),
    typeLabel: z.string().trim().min(1).max(30).optional(),
  })
  .superRefine((b, ctx) => {
    // The per-IP limit needs the patient's address: a web booking without it would skip the limit.
    if (b.origin === 'web' && !b.ip)
      ctx.addIssue({ code: 'custom', path: ['ip'], message: 'es obligatoria con origin web (la IP del paciente)' });
  });

const idParams = z.object({ id: idField });

export const schedulingApi = (ctx: AppContext, cache: ResponseCache) =>
  apiPlugin((api) => {
    api.get(
      '/availability',
      {
        schema: {
          tags: ['Turnos'],
          summary: 'Horarios libres y ocupados de un profesional, o de todos los de una especialidad o estudio',
          description:
            'Con professionalId: la agenda de ese profesional (opcionalmente solo la especialidad o estudio dado). ' +
            'Con specialtyId o studyId: cada profesional habilitado, en orden alfabético, con sus horarios de la semana. ' +
            'origin=web (por defecto) aplica las reglas de la web: solo habilitados y hasta los días máximos del profesional; ' +
            'origin=staff muestra la agenda completa y requiere token.',
          querystring: z.object({
            professionalId: idField.optional(),
            specialtyId: idField.optional(),
            studyId: idField.optional(),
            from: dateField.optional(),
            days: z.coerce.number().int().min(1, 'debe ser al menos 1').max(31, 'puede ser hasta 31').default(7),
            origin: z.enum(['web', 'staff']).default('web'),
          }),
          response: { 200: availabilityOutput, ...errorResponses },
        },
      },
      async (req, reply) => {
        const { professionalId, specialtyId, studyId, ...q } = req.query;
        if (specialtyId !== undefined && studyId !== undefined) throw new AppError('SERVICE_REQUIRED');
        const service = specialtyId !== undefined ? { specialtyId } : studyId !== undefined ? { studyId } : null;
        if (professionalId === undefined && service === null) throw new AppError('SERVICE_REQUIRED');
        const compute = () =>
          professionalId !== undefined
            ? professionalAvailability(ctx, { actor: req.actor, ...q, professionalId, service })
            : serviceAvailability(ctx, { actor: req.actor, ...q, service: service as NonNullable<typeof service> });
        // Only what every visitor sees alike is cached: the public web view.
        if (cache.enabled && req.actor.kind === 'public' && q.origin === 'web') return cache.serve(req, reply, compute);
        return compute();
      },
    );

    api.post(
      '/appointments',
      {
        schema: {
          tags: ['Turnos'],
          summary: 'Dar un turno',
          description:
            'origin=staff (por defecto) o web; con web se aplican todas las reglas de la web (habilitaciones, días máximos, ' +
            'límites por día, por paciente y por IP, motivo obligatorio) y hay que enviar la IP del paciente. ' +
            'overbook=true (solo personal) da un sobreturno. Errores: 409 SLOT_TAKEN; 422 LIMIT_PER_DAY, ' +
            'LIMIT_FUTURE_PATIENT, LIMIT_FUTURE_IP, TOO_FAR_AHEAD, REASON_REQUIRED, NOT_WEB_ENABLED, PATIENT_DISABLED, ' +
            'NOT_IN_AGENDA, IN_THE_PAST, WRONG_SERVICE, SERVICE_REQUIRED, WEB_BOOKING_DISABLED.',
          security: staffSecurity,
          body: bookingInput,
          response: {
            201: appointmentOutput.extend({ messages: z.array(z.string()) }),
            ...errorResponses,
          },
        },
      },
      async (req, reply) => reply.status(201).send(await bookAppointment(ctx, { actor: req.actor, ...req.body })),
    );

    api.get(
      '/appointments',
      {
        schema: {
          tags: ['Turnos'],
          summary: 'Listar turnos',
          description: 'Fechas en la zona del centro, ambas incluidas. Un token de profesional ve solo su agenda.',
          security: staffSecurity,
          querystring: z.object({
            professionalId: idField.optional(),
            patientId: idField.optional(),
            specialtyId: idField.optional(),
            studyId: idField.optional(),
            insurerId: idField.optional(),
            status: z.enum(['reserved', 'present', 'absent', 'cancelled']).optional(),
            origin: z.enum(['web', 'staff']).optional(),
            from: dateField.optional(),
            to: dateField.optional(),
            bookedFrom: dateField.optional(),
            bookedTo: dateField.optional(),
            limit: z.coerce.number().int().min(1).max(1000).default(200),
            offset: z.coerce.number().int().min(0).default(0),
          }),
          response: { 200: z.array(appointmentOutput), ...errorResponses },
        },
      },
      async (req) => appointments.listAppointments(ctx, { actor: req.actor, ...req.query }),
    );

    api.get(
      '/appointments/:id',
      {
        schema: {
          tags: ['Turnos'],
          summary: 'Un turno',
          security: staffSecurity,
          params: idParams,
          response: { 200: appointmentOutput, ...errorResponses },
        },
      },
      async (req) => appointments.getAppointment(ctx, { actor: req.actor, id: req.params.id }),
    );

    api.post(
      '/appointments/:id/cancel',
      {
        schema: {
          tags: ['Turnos'],
          summary: 'Cancelar un turno (libera el horario; queda registrado quién y cuándo)',
          security: staffSecurity,
          params: idParams,
          response: { 200: appointmentOutput, ...errorResponses },
        },
      },
      async (req) => appointments.cancelAppointment(ctx, { actor: req.actor, id: req.params.id }),
    );

    api.patch(
      '/appointments/:id',
      {
        schema: {
          tags: ['Turnos'],
          summary: 'Marcar presente/ausente, cambiar el motivo, o marcar teleconsulta con su enlace',
          description:
            'teleconsult y videoUrl (http/https, hasta 500 caracteres): solo admin y recepción; sin teleconsulta ' +
            'el enlace se borra.',
          security: staffSecurity,
          params: idParams,
          body: z
            .object({
              status: z
                .enum(['present', 'absent', 'reserved'], { error: 'debe ser present, absent o reserved' })
                .optional(),
              reason: z.string().max(500, 'es demasiado largo (máximo 500 caracteres)').optional(),
              teleconsult: z.boolean().optional().describe('Turno por videollamada'),
              videoUrl: z.string().max(500, 'es demasiado largo (máximo 500 caracteres)').optional(),
            })
            .refine(
              (b) => Object.values(b).some((v) => v !== undefined),
              'indicá status, reason, teleconsult o videoUrl',
            ),
          response: { 200: appointmentOutput, ...errorResponses },
        },
      },
      async (req) => {
        const { teleconsult, videoUrl, ...rest } = req.body;
        const actor = req.actor;
        const id = req.params.id;
        let view =
          teleconsult !== undefined || videoUrl !== undefined
            ? await updateTeleconsult(ctx, { actor, id, teleconsult, videoUrl })
            : null;
        if (rest.status !== undefined || rest.reason !== undefined) {
          view = await appointments.updateAppointment(ctx, { actor, id, ...rest });
        }
        return view as NonNullable<typeof view>;
      },
    );

    api.delete(
      '/appointments/:id',
      {
        schema: {
          tags: ['Turnos'],
          summary: 'Borrar un turno reservado o cancelado (uno con asistencia registrada: 409 ATTENDANCE_RECORDED)',
          security: staffSecurity,
          params: idParams,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (req, reply) => {
        await appointments.deleteAppointment(ctx, { actor: req.actor, id: req.params.id });
        return reply.status(204).send(null);
      },
    );
  });
