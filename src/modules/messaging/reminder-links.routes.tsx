// Placeholder until its pages are written: registers nothing.
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../context.js';
import type { WebShell } from '../../web/shell.js';

export const reminderLinksRoutes =
  (_ctx: AppContext, _shell: WebShell): FastifyPluginAsync =>
  async () => {};
