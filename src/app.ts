import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from './context.js';
import { AppError } from './errors.js';
import { catalogAdminApi } from './modules/catalog/catalog.admin.api.js';
import { catalogApi } from './modules/catalog/catalog.api.js';
import { webCatalogRoutes } from './modules/catalog/web-catalog.routes.js';
import { centerApi } from './modules/center/center.api.js';
import { configRoutes } from './modules/center/config.routes.js';
import { homeRoutes } from './modules/center/home.routes.js';
import { infoRoutes } from './modules/center/info.routes.js';
import { messagingApi, messagingRoutes } from './modules/messaging/messaging.routes.js';
import { accountsRoutes } from './modules/patients/accounts.routes.js';
import { meApi } from './modules/patients/me.api.js';
import { patientsApi } from './modules/patients/patients.api.js';
import { patientsStaffRoutes } from './modules/patients/patients.staff.routes.js';
import { webAccountsApi } from './modules/patients/web-accounts.api.js';
import { webAccountsStaffRoutes } from './modules/patients/web-accounts.staff.routes.js';
import { portalApi } from './modules/portal/portal.api.js';
import { portalRoutes } from './modules/portal/portal.routes.js';
import { agendasApi } from './modules/scheduling/agendas.api.js';
import { agendasRoutes } from './modules/scheduling/agendas.routes.js';
import { bookingRoutes } from './modules/scheduling/booking.routes.js';
import { deskApi } from './modules/scheduling/desk.api.js';
import { deskRoutes } from './modules/scheduling/desk.routes.js';
import { schedulingApi } from './modules/scheduling/scheduling.api.js';
import { webListApi } from './modules/scheduling/web-list.api.js';
import { webListRoutes } from './modules/scheduling/web-list.routes.js';
import { accountRoutes } from './modules/staff/account.routes.js';
import { type Actor, publicActor } from './modules/staff/actor.js';
import { authenticateApiToken } from './modules/staff/api-tokens.service.js';
import { auditApi } from './modules/staff/audit.api.js';
import { auditRoutes } from './modules/staff/audit.routes.js';
import { staffRoutes } from './modules/staff/staff.routes.js';
import { usersRoutes } from './modules/staff/users.routes.js';
import { teleconsultApi } from './modules/teleconsult/teleconsult.api.js';
import { teleconsultRoutes } from './modules/teleconsult/teleconsult.routes.js';
import { ping } from './platform/db/dialect.js';
import { installErrorHandling } from './platform/http/errors.js';
import { clientIp } from './platform/http/request.js';
import { ResponseCache } from './platform/http/response-cache.js';
import { installSecurityHeaders } from './platform/http/security-headers.js';
import { SESSION_COOKIE } from './platform/http/sessions.js';
import { htmlErrorRenderer, installWebShell } from './web/shell.js';

z.config(z.locales.es());
// A missing field is the most common mistake: say so plainly instead of "se esperaba texto, recibido indefinido".
z.config({
  customError: (issue) => (issue.code === 'invalid_type' && issue.input === undefined ? 'es obligatorio' : undefined),
});

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
}

export interface AppOptions {
  logger?: FastifyBaseLogger;
  trustProxy?: boolean;
  /** Check every response against its documented schema (tests); production skips the cost. */
  validateResponses?: boolean;
  /** Serve public availability from memory for this long (0, the default here: always compute). */
  availabilityCacheMs?: number;
}

export async function buildApp(ctx: AppContext, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    trustProxy: options.trustProxy ?? false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(
    options.validateResponses ? serializerCompiler : () => (data: unknown) => JSON.stringify(data),
  );
  await app.register(formbody);
  await app.register(cookie);
  installSecurityHeaders(app);
  const availabilityCache = new ResponseCache(options.availabilityCacheMs ?? 0, ctx.clock);
  app.addHook('onResponse', async (request, reply) => {
    // Whatever a successful write changed, a cached week may now be wrong.
    if (request.method !== 'GET' && request.method !== 'HEAD' && reply.statusCode < 400) availabilityCache.clear();
  });

  app.decorateRequest('actor', null as never);
  app.addHook('onRequest', async (request) => {
    request.actor = publicActor;
  });
  // Registered on the root, so the patient's session cookie counts for pages and for /api/v1/me alike.
  const shell = await installWebShell(app, ctx);
  installErrorHandling(app, htmlErrorRenderer(shell));

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Turnero API',
        version: '1',
        description:
          'Turnos, agendas y pacientes de un centro médico. Los errores responden { "error": { "code", "message" } }.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'Token de `turnero api-token create`' },
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: SESSION_COOKIE,
            description: 'Sesión del paciente (POST /api/v1/me/session o el ingreso de la web)',
          },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get('/healthz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await ping(ctx.database.db);
      return { status: 'ok' };
    } catch (err) {
      app.log.warn({ err }, 'database unreachable');
      return reply.status(503).send({ status: 'unavailable', error: 'database unreachable' });
    }
  });

  await app.register(
    async (api) => {
      // Only the API reads the Authorization header: a stale token in a browser must not break the pages.
      api.addHook('onRequest', async (request) => {
        const header = request.headers.authorization;
        if (header === undefined) {
          // A session cookie goes with any request the browser makes, even one another site starts: writes
          // must be JSON, which a cross-site form cannot send without the browser asking this server first.
          // That holds without a session too, so no other site can log a browser in to its own account.
          const writes = request.method === 'POST' || request.method === 'PUT' || request.method === 'PATCH';
          const json = /^application\/json\b/i.test(request.headers['content-type'] ?? '');
          if (writes && !json) throw new AppError('CSRF_FAILED');
          return;
        }
        const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
        const actor = token ? await authenticateApiToken(ctx, token, clientIp(request)) : null;
        if (!actor) throw new AppError('UNAUTHENTICATED');
        request.actor = actor;
      });
      await api.register(centerApi(ctx));
      await api.register(catalogApi(ctx));
      await api.register(catalogAdminApi(ctx));
      await api.register(patientsApi(ctx));
      await api.register(webAccountsApi(ctx));
      await api.register(schedulingApi(ctx, availabilityCache));
      await api.register(webListApi(ctx));
      await api.register(agendasApi(ctx));
      await api.register(deskApi(ctx));
      await api.register(meApi(ctx));
      await api.register(auditApi(ctx));
      await api.register(messagingApi(ctx));
      await api.register(portalApi(ctx));
      await api.register(teleconsultApi(ctx));
    },
    { prefix: '/api/v1' },
  );
  await app.register(homeRoutes(ctx, shell));
  await app.register(infoRoutes(ctx, shell));
  await app.register(accountsRoutes(ctx, shell));
  await app.register(bookingRoutes(ctx, shell));
  await app.register(staffRoutes(ctx, shell));
  await app.register(agendasRoutes(ctx, shell));
  await app.register(configRoutes(ctx, shell));
  await app.register(webCatalogRoutes(ctx, shell));
  await app.register(deskRoutes(ctx, shell));
  await app.register(auditRoutes(ctx, shell));
  await app.register(usersRoutes(ctx, shell));
  await app.register(accountRoutes(ctx, shell));
  await app.register(patientsStaffRoutes(ctx, shell));
  await app.register(webAccountsStaffRoutes(ctx, shell));
  await app.register(webListRoutes(ctx, shell));
  await app.register(messagingRoutes(ctx, shell));
  await app.register(portalRoutes(ctx, shell));
  await app.register(teleconsultRoutes(ctx, shell));
  return app;
}
