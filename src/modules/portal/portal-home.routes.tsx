// the portal's home (/portal) and Citas (/portal/citas).
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../context.js';
import type { WebShell } from '../../web/shell.js';

export const portalHomeRoutes =
  (_ctx: AppContext, _shell: WebShell): FastifyPluginAsync =>
  async (_app) => {};
