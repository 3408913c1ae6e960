// The booking pages' addresses and forms, parsed at the edge: Spanish parameter names, as the patient sees them.
import { z } from 'zod';
import { dateField, idField, instantField } from '../../platform/http/fields.js';
import type { WebService } from './web-booking.service.js';

/** An empty select ("Elegí…") or a missing parameter are the same: nothing chosen. */
const blankIsMissing = (v: unknown) => (v === '' || v === null ? undefined : v);
const optionalId = z.preprocess(blankIsMissing, idField.optional());
const text = z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().optional());

export const idParams = z.object({ id: idField });

const notBoth = (q: { especialidad?: number | undefined; estudio?: number | undefined }) =>
  q.especialidad === undefined || q.estudio === undefined;

export const serviceQuery = z
  .object({
    especialidad: optionalId,
    estudio: optionalId,
    // A mistyped week falls back to the current one rather than failing the page.
    desde: dateField.optional().catch(undefined),
    visto: text,
  })
  .refine(notBoth);

export type ServiceQuery = z.infer<typeof serviceQuery>;

/** The specialty or study named, null when none. */
export function serviceOf(q: { especialidad?: number | undefined; estudio?: number | undefined }): WebService | null {
  if (q.especialidad !== undefined) return { specialtyId: q.especialidad };
  if (q.estudio !== undefined) return { studyId: q.estudio };
  return null;
}

export const confirmFields = z
  .object({
    profesional: idField,
    especialidad: optionalId,
    estudio: optionalId,
    inicio: instantField,
    motivo: text,
    obraSocial: optionalId,
  })
  .refine((q) => notBoth(q) && serviceOf(q) !== null);

export const reasonFields = z.object({ motivo: text });

export const listQuery = z.object({
  pagina: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
  hecho: text,
  turno: optionalId.catch(undefined),
});
