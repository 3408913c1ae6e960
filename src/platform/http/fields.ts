// Field schemas shared by every API adapter, with messages that name the problem in Spanish.
import { z } from 'zod';

export const idField = z.coerce
  .number({ error: 'debe ser un número de identificación' })
  .int('debe ser un número entero')
  .positive('debe ser un número positivo');

/** A real calendar date, written YYYY-MM-DD. */
export const dateField = z.string().refine((v) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
}, 'debe ser una fecha válida con formato AAAA-MM-DD');

/** An instant with an explicit offset or Z: 2026-11-23T08:00:00-03:00. */
export const instantField = z
  .string()
  .refine(
    (v) =>
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v)),
    'debe ser fecha y hora ISO 8601 con zona horaria, por ejemplo 2026-11-23T08:00:00-03:00',
  );

export const timeField = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'debe ser una hora con formato HH:MM (00:00 a 23:59)');

export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  }),
});
