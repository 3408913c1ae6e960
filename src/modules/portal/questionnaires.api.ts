// /me/questionnaires of the JSON API.
import type { AppContext } from '../../context.js';
import { apiPlugin } from '../../platform/http/api.js';

export const questionnairesApi = (_ctx: AppContext) => apiPlugin((_api) => {});
