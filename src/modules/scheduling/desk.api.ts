// The reception desk over JSON: the day's agenda, moving a turno, and the dashboard's figures.
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { apiPlugin, errorResponses, staffSecurity } from '../../platform/http/api.js';
import { dateField, idField, instantField } from '../../platform/http/fields.js';
import { dashboard } from './dashboard.service.js';
import { dayAgenda, rescheduleAppointment } from './day-desk.service.js';
import { appointmentOutput } from './scheduling.api.js';

const named = z.object({ id: z.number(), name: z.string() });
const statusCounts = {
  total: z.number(),
  reserved: z.number(),
  present: z.number(),
  absent: z.number(),
  cancelled: z.number(),
};
const originShare = z.object({ web: z.number(), staff: z.number(), webShare: z.number().nullable() });

const deskTurno = appointmentOutput.extend({
  patient: z.object({
    id: z.number(),
    dni: z.string(),
    lastName: z.string(),
    firstName: z.string(),
    mobile: z.string().nullable(),
    memberNumber: z.string(),
  }),
  insurer: named.nullable(),
  specialty: named.nullable(),
  study: named.nullable(),
  confirmedAt: z.string().nullable(),
});

const dayAgendaOutput = z.object({
  date: z.string(),
  generatedAt: z.string(),
  professionals: z.array(
    z.object({
      professional: z.object({
        id: z.number(),
        fullName: z.string(),
        specialties: z.array(named),
        studies: z.array(named),
      }),
      exceptions: z.array(
        z.object({
          kind: z.enum(['leave', 'holiday', 'block']),
          fromTime: z.string().nullable(),
          toTime: z.string().nullable(),
          reason: z.string(),
          centerWide: z.boolean(),
        }),
      ),
      rows: z.array(
        z.object({
          kind: z.enum(['free', 'taken', 'overbook', 'outside']),
          start: z.string(),
          end: z.string(),
          past: z.boolean(),
          turno: deskTurno.nullable(),
        }),
      ),
      cancelled: z.array(deskTurno),
      counts: z.object({
        slots: z.number(),
        free: z.number(),
        taken: z.number(),
        overbooks: z.number(),
        outside: z.number(),
        reserved: z.number(),
        present: z.number(),
        absent: z.number(),
        cancelled: z.number(),
      }),
    }),
  ),
});

const dashboardOutput = z.object({
  date: z.string(),
  today: z.object(statusCounts),
  week: z.object({
    from: z.string(),
    to: z.string(),
    ...statusCounts,
    origin: originShare,
    days: z.array(z.object({ date: z.string(), ...statusCounts })),
  }),
  occupancy: z.array(
    z.object({
      professional: z.object({ id: z.number(), fullName: z.string() }),
      slots: z.number(),
      taken: z.number(),
      rate: z.number(),
    }),
  ),
  weeks: z.array(
    z.object({
      from: z.string(),
      to: z.string(),
      total: z.number(),
      cancelled: z.number(),
      absent: z.number(),
      origin: originShare,
    }),
  ),
});

export const deskApi = (ctx: AppContext) =>
  apiPlugin((api) => {
    api.get(
      '/day-agenda',
      {
        schema: {
          tags: ['Pantalla de turnos'],
          summary: 'Agenda del día de un profesional, o de todos los de una especialidad',
          description:
            'Fecha en la zona del centro. Con professionalId o con specialtyId (solo uno). Por profesional, en orden ' +
            'alfabético: cada horario de la agenda en orden (kind free, taken con su turno, overbook para los ' +
            'sobreturnos, outside para un turno fuera de la agenda actual), los cancelados aparte, las excepciones ' +
            'del día y los totales. origin distingue los turnos web. Un token de profesional ve solo su agenda.',
          security: staffSecurity,
          querystring: z
            .object({ date: dateField, professionalId: idField.optional(), specialtyId: idField.optional() })
            .refine((q) => (q.professionalId === undefined) !== (q.specialtyId === undefined), {
              message: 'indicá professionalId o specialtyId (solo uno)',
              path: ['professionalId'],
            }),
          response: { 200: dayAgendaOutput, ...errorResponses },
        },
      },
      async (req) => dayAgenda(ctx, { actor: req.actor, ...req.query }),
    );

    api.post(
      '/appointments/:id/reschedule',
      {
        schema: {
          tags: ['Pantalla de turnos'],
          summary: 'Reprogramar un turno reservado a otro horario libre',
          description:
            'Mismo turno (id, paciente, especialidad o estudio, obra social y motivo) en otro horario de la agenda, ' +
            'del mismo profesional o de otro que atienda lo mismo (professionalId). Errores: 409 SLOT_TAKEN, ' +
            'INVALID_TRANSITION (el turno no está reservado); 422 NOT_IN_AGENDA, WRONG_SERVICE, IN_THE_PAST.',
          security: staffSecurity,
          params: z.object({ id: idField }),
          body: z.object({ start: instantField, professionalId: idField.optional() }),
          response: { 200: appointmentOutput, ...errorResponses },
        },
      },
      async (req) => rescheduleAppointment(ctx, { actor: req.actor, id: req.params.id, ...req.body }),
    );

    api.get(
      '/dashboard',
      {
        schema: {
          tags: ['Pantalla de turnos'],
          summary: 'Tablero: turnos de hoy y de la semana, ocupación y tendencia de 8 semanas',
          description:
            'Fecha de referencia en la zona del centro (por defecto hoy); la semana va de lunes a domingo. Los turnos ' +
            'se cuentan por el día para el que son, sobreturnos y cancelados incluidos; la ocupación es horarios de ' +
            'agenda tomados sobre horarios de agenda. weeks: las 8 semanas que terminan con la de la fecha, la más ' +
            'antigua primero. Solo administración y recepción.',
          security: staffSecurity,
          querystring: z.object({ date: dateField.optional() }),
          response: { 200: dashboardOutput, ...errorResponses },
        },
      },
      async (req) => dashboard(ctx, { actor: req.actor, ...req.query }),
    );
  });
