// questionnaires in the back office.
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../context.js';
import type { WebShell } from '../../web/shell.js';

export const questionnairesStaffRoutes =
  (_ctx: AppContext, _shell: WebShell): FastifyPluginAsync =>
  async (_app) => {};
