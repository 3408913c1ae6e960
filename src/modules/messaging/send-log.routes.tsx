// /staff/mensajes/registro: the manual's REGISTRO DE ENVÍOS — filtered by send date (last 7 days when the
// address names no filter), type, state, patient or batch (?lote=N, linked from the send desk), paginated and
// exported to CSV. The filters are the address, so the back button and bookmarks keep them.
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import type { StaffRole } from '../../platform/db/schema.js';
import { dateField, idField } from '../../platform/http/fields.js';
import { pageNumber, queryOf, sendCsv } from '../../platform/http/request.js';
import { sendPage } from '../../views/page.js';
import type { WebShell } from '../../web/shell.js';
import { lastWeek, readSendLog, SEND_LOG_PAGE_SIZE, type SendLogState, sendLogCsv } from './send-log.service.js';
import {
  CHANNELS,
  FILTER_KEYS,
  type FilterKey,
  type ParsedFilters,
  SEND_LOG_PATH,
  SendLogPage,
  STATE_PARAM,
} from './views/send-log-page.js';

const hidden = { schema: { hide: true } };
const DESK: StaffRole[] = ['admin', 'reception'];

export function parseFilters(source: Record<string, string>): ParsedFilters {
  const values = Object.fromEntries(FILTER_KEYS.map((k) => [k, (source[k] ?? '').trim().slice(0, 60)])) as Record<
    FilterKey,
    string
  >;
  const result: ParsedFilters = { query: {}, params: {}, values, errors: {} };
  const { query, params, errors } = result;
  const keep = (key: FilterKey) => {
    params[key] = values[key];
  };
  for (const [key, field] of [
    ['desde', 'from'],
    ['hasta', 'to'],
  ] as const) {
    if (values[key] === '') continue;
    if (!dateField.safeParse(values[key]).success) errors[key] = 'date';
    else {
      query[field] = values[key];
      keep(key);
    }
  }
  if (query.from !== undefined && query.to !== undefined && query.from > query.to) errors.desde = 'range';
  if (values.tipo !== '') {
    const channel = CHANNELS.find((c) => c === values.tipo);
    if (channel) {
      query.channel = channel;
      keep('tipo');
    } else errors.tipo = 'choice';
  }
  if (values.estado !== '') {
    const state = (Object.entries(STATE_PARAM) as [SendLogState, string][]).find(([, w]) => w === values.estado);
    if (state) {
      query.status = state[0];
      keep('estado');
    } else errors.estado = 'choice';
  }
  if (values.paciente !== '') {
    query.patient = values.paciente;
    keep('paciente');
  }
  if (values.lote !== '') {
    const id = idField.safeParse(values.lote);
    if (id.success) {
      query.batchId = id.data;
      keep('lote');
    } else errors.lote = 'batch';
  }
  return result;
}

export const sendLogRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    /** Opened from the menu, nothing named: the last week, shown in the form so it is clear what is listed. */
    async function filtersOf(query: Record<string, string>): Promise<ParsedFilters> {
      if (FILTER_KEYS.some((k) => k in query)) return parseFilters(query);
      const week = await lastWeek(ctx);
      return parseFilters({ desde: week.from, hasta: week.to });
    }

    app.get(SEND_LOG_PATH, hidden, async (request, reply) => {
      const actor = shell.requireStaff(request, reply, DESK);
      if (!actor) return reply;
      const query = queryOf(request);
      const filters = await filtersOf(query);
      const valid = Object.keys(filters.errors).length === 0;
      const page = pageNumber(query.pagina);
      const [staffPage, read] = await Promise.all([
        shell.staffPage(request, reply),
        valid
          ? readSendLog(ctx, {
              actor,
              filter: filters.query,
              limit: SEND_LOG_PAGE_SIZE,
              offset: (page - 1) * SEND_LOG_PAGE_SIZE,
            })
          : null,
      ]);
      const result = read && { items: read.items, total: read.total, page, pageSize: SEND_LOG_PAGE_SIZE };
      return sendPage(reply, <SendLogPage page={staffPage} filters={filters} result={result} />, valid ? 200 : 400);
    });

    app.get(`${SEND_LOG_PATH}/exportar.csv`, hidden, async (request, reply) => {
      const actor = shell.requireStaff(request, reply, DESK);
      if (!actor) return reply;
      const filters = await filtersOf(queryOf(request));
      if (Object.keys(filters.errors).length > 0) {
        throw new AppError('VALIDATION_ERROR', { detail: `filtros ${Object.keys(filters.errors).join(', ')}` });
      }
      return sendCsv(reply, await sendLogCsv(ctx, { actor, filter: filters.query }));
    });
  };
