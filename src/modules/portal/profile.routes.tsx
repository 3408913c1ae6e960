// Perfil del usuario (/portal/perfil).
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../context.js';
import type { WebShell } from '../../web/shell.js';

export const portalProfileRoutes =
  (_ctx: AppContext, _shell: WebShell): FastifyPluginAsync =>
  async (_app) => {};
