// a patient's documents in the back office (/staff/pacientes/:id/documentos).
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../context.js';
import type { WebShell } from '../../web/shell.js';

export const documentsStaffRoutes =
  (_ctx: AppContext, _shell: WebShell): FastifyPluginAsync =>
  async (_app) => {};
