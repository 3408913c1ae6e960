// Teleconsultation over JSON: the patient's token and credential (session), and verification for video
// platforms and insurer systems (Bearer token).
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../context.js';
import { credentialApi } from './credential.api.js';
import { dataHistoryApi } from './data-history.api.js';
import { profileCheckApi } from './profile-check.api.js';
import { tokenApi } from './token.api.js';
import { verifyApi } from './verify.api.js';

export const teleconsultApi =
  (ctx: AppContext): FastifyPluginAsync =>
  async (api) => {
    for (const routes of [tokenApi, verifyApi, credentialApi, profileCheckApi, dataHistoryApi]) {
      await api.register(routes(ctx));
    }
  };
