// What the agendas API takes and answers.
import { z } from 'zod';
import { dateField, idField, timeField } from '../../platform/http/fields.js';

const weekday = z
  .number()
  .int()
  .min(1, 'debe ser de 1 (lunes) a 7 (domingo)')
  .max(7, 'debe ser de 1 (lunes) a 7 (domingo)');
const slotMinutes = z.number().int().min(5, 'debe ser al menos 5 minutos').max(480, 'puede ser hasta 480 minutos');
const confirmOrphans = z
  .boolean()
  .optional()
  .describe('true: guardar aunque queden turnos reservados fuera de la agenda (se mantienen, no se cancelan)');

export const agendaInput = z.object({
  professionalId: idField,
  weekday,
  startTime: timeField,
  endTime: timeField,
  slotMinutes,
  specialtyId: idField.nullish(),
  studyId: idField.nullish(),
  validFrom: dateField,
  validTo: dateField.nullish(),
});

export const agendaPatchInput = z.object({
  weekday: weekday.optional(),
  startTime: timeField.optional(),
  endTime: timeField.optional(),
  slotMinutes: slotMinutes.optional(),
  specialtyId: idField.nullish(),
  studyId: idField.nullish(),
  validFrom: dateField.optional(),
  validTo: dateField.nullish(),
  confirmOrphans,
});

export const agendaOutput = z.object({
  id: z.number(),
  professionalId: z.number(),
  weekday: z.number(),
  startTime: z.string(),
  endTime: z.string(),
  slotMinutes: z.number(),
  specialtyId: z.number().nullable(),
  studyId: z.number().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});

const exceptionFields = {
  professionalId: idField.nullish(),
  fromDate: dateField,
  toDate: dateField,
  fromTime: timeField.nullish(),
  toTime: timeField.nullish(),
  kind: z.enum(['leave', 'holiday', 'block'], { error: 'debe ser leave, holiday o block' }),
  reason: z.string().max(200).optional(),
};

export const exceptionDraft = z.object(exceptionFields);
export const exceptionInput = z.object({ ...exceptionFields, confirmOrphans });

export const exceptionOutput = z.object({
  id: z.number(),
  professionalId: z.number().nullable(),
  fromDate: z.string(),
  toDate: z.string(),
  fromTime: z.string().nullable(),
  toTime: z.string().nullable(),
  kind: z.enum(['leave', 'holiday', 'block']),
  reason: z.string(),
});

const named = z.object({ id: z.number(), name: z.string() });

export const orphanOutput = z.object({
  id: z.number(),
  professional: z.object({ id: z.number(), fullName: z.string() }),
  start: z.string(),
  end: z.string(),
  date: z.string(),
  time: z.string(),
  overbook: z.boolean(),
  patient: z.object({
    id: z.number(),
    dni: z.string(),
    lastName: z.string(),
    firstName: z.string(),
    mobile: z.string().nullable(),
  }),
  specialty: named.nullable(),
  study: named.nullable(),
});

/** A 409: ORPHANED_APPOINTMENTS lists the turnos; other conflicts (AGENDA_OVERLAP) come without the list. */
export const orphanConflict = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    orphans: z.array(orphanOutput).optional(),
  }),
});

/** How many reserved turnos the saved change left outside the agenda (0 when none). */
export const orphaned = z.number();
