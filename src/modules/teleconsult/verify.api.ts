// POST /teleconsultations/verify: stub.
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../context.js';

export const verifyApi =
  (_ctx: AppContext): FastifyPluginAsync =>
  async () => {};
