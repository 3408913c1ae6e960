// Every page and endpoint of the reminders module, registered together.
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../context.js';
import type { WebShell } from '../../web/shell.js';
import { batchesApi } from './batches.api.js';
import { channelsRoutes } from './channels.routes.js';
import { messagesApi } from './messages.api.js';
import { reminderLinksRoutes } from './reminder-links.routes.js';
import { reminderRulesRoutes } from './reminder-rules.routes.js';
import { sendDeskRoutes } from './send-desk.routes.js';
import { sendLogRoutes } from './send-log.routes.js';
import { templatesApi } from './templates.api.js';
import { templatesRoutes } from './templates.routes.js';

export const messagingRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    await app.register(channelsRoutes(ctx, shell));
    await app.register(templatesRoutes(ctx, shell));
    await app.register(sendDeskRoutes(ctx, shell));
    await app.register(sendLogRoutes(ctx, shell));
    await app.register(reminderRulesRoutes(ctx, shell));
    await app.register(reminderLinksRoutes(ctx, shell));
  };

/** Under /api/v1, behind the API's token check. */
export const messagingApi =
  (ctx: AppContext): FastifyPluginAsync =>
  async (api) => {
    await api.register(templatesApi(ctx));
    await api.register(batchesApi(ctx));
    await api.register(messagesApi(ctx));
  };
