// Placeholder until its endpoints are written: registers nothing.
import type { AppContext } from '../../context.js';
import { apiPlugin } from '../../platform/http/api.js';

export const messagesApi = (_ctx: AppContext) => apiPlugin(() => {});
