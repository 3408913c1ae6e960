import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../context.js';
import type { WebShell } from '../../web/shell.js';
import { loginRoutes } from './accounts.login.routes.js';
import { profileRoutes } from './accounts.profile.routes.js';
import { registerRoutes } from './accounts.register.routes.js';

/** The patient's account pages: register, activate, log in and out, forgotten password, Mis datos. */
export const accountsRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    await app.register(registerRoutes(ctx, shell));
    await app.register(loginRoutes(ctx, shell));
    await app.register(profileRoutes(ctx, shell));
  };
