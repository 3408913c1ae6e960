import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyPluginAsync,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBody } from './fields.js';

export type ZodApi = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** A Fastify plugin whose routes are typed by their zod schemas. */
export function apiPlugin(register: (api: ZodApi) => Promise<void> | void): FastifyPluginAsync {
  return async (app) => {
    await register(app.withTypeProvider<ZodTypeProvider>());
  };
}

/** Error responses every route documents. */
export const errorResponses = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
  422: errorBody,
};

export const staffSecurity = [{ bearer: [] }];
