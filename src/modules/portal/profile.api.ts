// /me/profile of the JSON API.
import type { AppContext } from '../../context.js';
import { apiPlugin } from '../../platform/http/api.js';

export const portalProfileApi = (_ctx: AppContext) => apiPlugin((_api) => {});
