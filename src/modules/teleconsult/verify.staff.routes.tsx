// Validar token (/staff/teleconsultas/validar): stub.
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../context.js';
import type { WebShell } from '../../web/shell.js';

export const verifyStaffRoutes =
  (_ctx: AppContext, _shell: WebShell): FastifyPluginAsync =>
  async () => {};
