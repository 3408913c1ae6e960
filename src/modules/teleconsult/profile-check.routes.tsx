// Actualizá tus datos (/portal/actualizar-datos): stub.
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../context.js';
import type { WebShell } from '../../web/shell.js';

export const profileCheckRoutes =
  (_ctx: AppContext, _shell: WebShell): FastifyPluginAsync =>
  async () => {};
