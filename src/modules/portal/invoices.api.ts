// /me/invoices of the JSON API.
import type { AppContext } from '../../context.js';
import { apiPlugin } from '../../platform/http/api.js';

export const invoicesApi = (_ctx: AppContext) => apiPlugin((_api) => {});
