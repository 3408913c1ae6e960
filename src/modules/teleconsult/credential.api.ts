// GET /me/credential: stub.
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../context.js';

export const credentialApi =
  (_ctx: AppContext): FastifyPluginAsync =>
  async () => {};
