// The patient token over JSON (/me/token, /me/token-series): stub.
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../context.js';

export const tokenApi =
  (_ctx: AppContext): FastifyPluginAsync =>
  async () => {};
