// A patient's data history over JSON (Bearer token, admin or reception).
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { apiPlugin, errorResponses, staffSecurity } from '../../platform/http/api.js';
import { idField } from '../../platform/http/fields.js';
import { patientDataHistory } from './data-history.service.js';

const params = z.object({ id: idField });
const query = z.object({ page: z.coerce.number().int().min(1).max(100_000).default(1) });

const changeOutput = z.object({
  id: z.number(),
  field: z
    .string()
    .describe(
      'last_name, first_name, sex, birth_date, dni_tramite, mobile, email, address, insurer (el id), member_number o insurance_plan',
    ),
  oldValue: z.string(),
  newValue: z.string(),
  changedAt: z.string(),
  changedByRef: z
    .string()
    .describe('paciente:ID cuando lo cambió el paciente; si no, quién del centro (usuario:N, token:N)'),
  changedByName: z.string(),
});

export const dataHistoryApi = (ctx: AppContext) =>
  apiPlugin((api) => {
    api.get(
      '/patients/:id/data-changes',
      {
        schema: {
          tags: ['Pacientes'],
          summary: 'Historial de cambios de los datos del paciente',
          description:
            'Los más nuevos primero, 50 por página. Cada lectura queda en el registro de auditoría. Solo admin y recepción.',
          security: staffSecurity,
          params,
          querystring: query,
          response: {
            200: z.object({ items: z.array(changeOutput), total: z.number(), page: z.number(), pageSize: z.number() }),
            ...errorResponses,
          },
        },
      },
      async (req) => {
        const history = await patientDataHistory(ctx, {
          actor: req.actor,
          patientId: req.params.id,
          page: req.query.page,
        });
        return {
          items: history.items.map(({ oldText: _o, newText: _n, byPatient: _b, ...item }) => item),
          total: history.total,
          page: history.page,
          pageSize: history.pageSize,
        };
      },
    );
  });
