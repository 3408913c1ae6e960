// Generar token (/portal/token): stub, filled by the token work.
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../context.js';
import type { WebShell } from '../../web/shell.js';

export const tokenRoutes =
  (_ctx: AppContext, _shell: WebShell): FastifyPluginAsync =>
  async () => {};
