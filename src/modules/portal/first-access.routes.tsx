// Validación primer acceso (/portal/primer-acceso).
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../context.js';
import type { WebShell } from '../../web/shell.js';

export const firstAccessRoutes =
  (_ctx: AppContext, _shell: WebShell): FastifyPluginAsync =>
  async (_app) => {};
