// GET /api/v1/audit-log: the audit log for admins, filtered like the page.
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { apiPlugin, errorResponses, staffSecurity } from '../../platform/http/api.js';
import { dateField, idField } from '../../platform/http/fields.js';
import { auditFilterOf, readAuditLog } from './audit.service.js';

export const auditQuery = z.object({
  patientId: idField.optional(),
  actor: z.string().trim().max(60).optional(),
  action: z.string().trim().max(60).optional(),
  from: dateField.optional(),
  to: dateField.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

const entryOutput = z.object({
  id: z.number(),
  at: z.string(),
  actorRef: z.string(),
  actorName: z.string(),
  action: z.string(),
  patientId: z.number().nullable(),
  target: z.string(),
  ip: z.string(),
  detail: z.string(),
});

export const auditApi = (ctx: AppContext) =>
  apiPlugin((api) => {
    api.get(
      '/audit-log',
      {
        schema: {
          tags: ['Auditoría'],
          summary: 'Registro de accesos a datos de pacientes (solo administradores)',
          description:
            'Del más nuevo al más viejo. `actor` es "usuario:Nº" o "token:Nº"; `from` y `to` son fechas ' +
            '(inclusive) en la zona del centro.',
          security: staffSecurity,
          querystring: auditQuery,
          response: { 200: z.array(entryOutput), ...errorResponses },
        },
      },
      async (req) => readAuditLog(ctx, { actor: req.actor, filter: await auditFilterOf(ctx, req.query) }),
    );
  });
