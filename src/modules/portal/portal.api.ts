// The portal under /api/v1/me/ for a mobile app (the patient's session), and its staff endpoints.
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../context.js';
import { documentsApi } from './documents.api.js';
import { invoicesApi } from './invoices.api.js';
import { portalProfileApi } from './profile.api.js';
import { questionnairesApi } from './questionnaires.api.js';

export const portalApi =
  (ctx: AppContext): FastifyPluginAsync =>
  async (api) => {
    for (const routes of [documentsApi, questionnairesApi, invoicesApi, portalProfileApi]) {
      await api.register(routes(ctx));
    }
  };
