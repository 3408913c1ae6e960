// Pre-printed series (/portal/token/series): stub.
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../context.js';
import type { WebShell } from '../../web/shell.js';

export const seriesRoutes =
  (_ctx: AppContext, _shell: WebShell): FastifyPluginAsync =>
  async () => {};
