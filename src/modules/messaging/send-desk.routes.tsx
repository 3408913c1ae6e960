// /staff/mensajes/enviar: the manual's ENVIAR MAIL/SMS. The form generates a list (a draft batch, so it
// survives a reload); its page lists it a page at a time with Quitar, exports it, sends it once, and then
// shows the progress. Every action is a plain form post answered with a redirect (no JavaScript needed).
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import type { AppError } from '../../errors.js';
import type { StaffRole } from '../../platform/db/schema.js';
import { idField } from '../../platform/http/fields.js';
import { baseUrlOf, expected, formBody, idParam, pageNumber, queryOf, sendCsv } from '../../platform/http/request.js';
import { sendPage } from '../../views/page.js';
import type { WebShell } from '../../web/shell.js';
import type { StaffActor } from '../staff/actor.js';
import {
  batchRequest,
  type DeskChoices,
  deskChoices,
  recentBatches,
  rememberedRequest,
} from './batches.desk.service.js';
import { sendBatch } from './batches.send.service.js';
import {
  batchCsv,
  batchProgress,
  generateBatch,
  getBatch,
  removeBatchRows,
  restoreBatchRows,
} from './batches.service.js';
import { type DeskForm, deskValues, parseDeskForm } from './send-desk.form.js';
import { sendDeskMessages } from './send-desk.messages.js';
import { BatchPage } from './views/send-desk-batch.js';
import { DESK_PATH, DeskPage } from './views/send-desk-form.js';

const hidden = { schema: { hide: true } };
const DESK: StaffRole[] = ['admin', 'reception'];
const OK = ['quitado', 'restaurado', 'enviado'] as const;
type Ok = (typeof OK)[number];

const batchLink = (id: number, extra: Record<string, string | number> = {}) => {
  const query = new URLSearchParams(
    Object.entries(extra)
      .filter(([k, v]) => !(k === 'pagina' && v === 1))
      .map(([k, v]) => [k, String(v)]),
  ).toString();
  return `${DESK_PATH}/${id}${query ? `?${query}` : ''}`;
};

export const sendDeskRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    /** The form is made once the choices are read: an untouched one starts from their default dates. */
    async function deskPage(
      request: FastifyRequest,
      reply: FastifyReply,
      actor: StaffActor,
      formOf: (choices: DeskChoices) => DeskForm,
      status: number,
      error?: AppError,
    ) {
      const [page, choices, recent] = await Promise.all([
        shell.staffPage(request, reply),
        deskChoices(ctx, { actor }),
        recentBatches(ctx, { actor }),
      ]);
      const form = formOf(choices);
      const alert = error?.messageIn(page.lang);
      return sendPage(
        reply,
        <DeskPage page={page} form={form} choices={choices} recent={recent} alert={alert} />,
        status,
      );
    }

    async function batchPage(
      request: FastifyRequest,
      reply: FastifyReply,
      actor: StaffActor,
      id: number,
      options: { page?: number; status?: number; error?: AppError; ok?: Ok; alreadySent?: boolean },
    ) {
      const [page, choices, batch] = await Promise.all([
        shell.staffPage(request, reply),
        deskChoices(ctx, { actor }),
        getBatch(ctx, { actor, id, page: options.page }),
      ]);
      const t = sendDeskMessages(page.lang);
      const flash = options.ok ? t(`ok_${options.ok}`) : undefined;
      const alert = options.error?.messageIn(page.lang) ?? (options.alreadySent ? t('alreadySent') : undefined);
      return sendPage(
        reply,
        <BatchPage page={page} batch={batch} choices={choices} flash={flash} alert={alert} />,
        options.status ?? 200,
      );
    }

    app.get(DESK_PATH, hidden, async (request, reply) => {
      const actor = shell.requireStaff(request, reply, DESK);
      if (!actor) return reply;
      // "Cambiar filtros" opens the form with that list's choices; the menu, with this user's last ones.
      const lote = idField.safeParse(queryOf(request).lote);
      const prefill = await (lote.success
        ? batchRequest(ctx, { actor, id: lote.data })
        : rememberedRequest(ctx, { actor }));
      const form = (choices: DeskChoices): DeskForm => ({
        values: deskValues(prefill, choices.defaults),
        errors: {},
        input: null,
      });
      return deskPage(request, reply, actor, form, 200);
    });

    app.post(DESK_PATH, hidden, async (request, reply) => {
      const actor = shell.requireStaff(request, reply, DESK);
      if (!actor) return reply;
      const form = parseDeskForm(formBody(request));
      if (!form.input) return deskPage(request, reply, actor, () => form, 400);
      try {
        const batch = await generateBatch(ctx, { actor, ...form.input });
        return reply.redirect(batchLink(batch.id), 303);
      } catch (e) {
        const error = expected(e, reply, ['NOT_FOUND', 'BATCH_RANGE_TOO_LONG', 'BATCH_TOO_LARGE', 'VALIDATION_ERROR']);
        return deskPage(request, reply, actor, () => form, error.status, error);
      }
    });

    app.get(`${DESK_PATH}/:id`, hidden, async (request, reply) => {
      const actor = shell.requireStaff(request, reply, DESK);
      if (!actor) return reply;
      const id = idParam(request);
      if (id === null) return reply.callNotFound();
      const query = queryOf(request);
      return batchPage(request, reply, actor, id, {
        page: pageNumber(query.pagina),
        ok: OK.find((word) => word === query.ok),
        alreadySent: query.aviso === 'ya-enviado',
      });
    });

    /** A row action on a list that was sent meanwhile (another tab) lands on its progress, saying so. */
    const alreadySent = (reply: FastifyReply, id: number) =>
      reply.redirect(batchLink(id, { aviso: 'ya-enviado' }), 303);

    app.post(`${DESK_PATH}/:id/quitar`, hidden, async (request, reply) => {
      const actor = shell.requireStaff(request, reply, DESK);
      if (!actor) return reply;
      const id = idParam(request);
      if (id === null) return reply.callNotFound();
      const body = formBody(request);
      const row = idField.safeParse(body.fila);
      if (!row.success) return reply.redirect(batchLink(id), 303);
      try {
        await removeBatchRows(ctx, { actor, id, rowIds: [row.data] });
      } catch (e) {
        expected(e, reply, ['BATCH_ALREADY_SENT']);
        return alreadySent(reply, id);
      }
      return reply.redirect(batchLink(id, { pagina: pageNumber(body.pagina), ok: 'quitado' }), 303);
    });

    app.post(`${DESK_PATH}/:id/restaurar`, hidden, async (request, reply) => {
      const actor = shell.requireStaff(request, reply, DESK);
      if (!actor) return reply;
      const id = idParam(request);
      if (id === null) return reply.callNotFound();
      try {
        await restoreBatchRows(ctx, { actor, id });
      } catch (e) {
        expected(e, reply, ['BATCH_ALREADY_SENT']);
        return alreadySent(reply, id);
      }
      return reply.redirect(batchLink(id, { ok: 'restaurado' }), 303);
    });

    app.post(`${DESK_PATH}/:id/enviar`, hidden, async (request, reply) => {
      const actor = shell.requireStaff(request, reply, DESK);
      if (!actor) return reply;
      const id = idParam(request);
      if (id === null) return reply.callNotFound();
      try {
        await sendBatch(ctx, { actor, id, baseUrl: baseUrlOf(ctx, request) });
      } catch (e) {
        const error = expected(e, reply, ['BATCH_ALREADY_SENT', 'BATCH_EMPTY']);
        // A double click or a second tab: the first click sent it; this one shows its progress.
        if (error.code === 'BATCH_ALREADY_SENT') return alreadySent(reply, id);
        return batchPage(request, reply, actor, id, { status: error.status, error });
      }
      return reply.redirect(batchLink(id, { ok: 'enviado' }), 303);
    });

    app.get(`${DESK_PATH}/:id/listado.csv`, hidden, async (request, reply) => {
      const actor = shell.requireStaff(request, reply, DESK);
      if (!actor) return reply;
      const id = idParam(request);
      if (id === null) return reply.callNotFound();
      return sendCsv(reply, await batchCsv(ctx, { actor, id }));
    });

    // app.js polls this while messages are pending, to update the counts without reloading the list.
    app.get(`${DESK_PATH}/:id/progreso`, hidden, async (request, reply) => {
      const actor = shell.requireStaff(request, reply, DESK);
      if (!actor) return reply;
      const id = idParam(request);
      if (id === null) return reply.callNotFound();
      const progress = await batchProgress(ctx, { actor, id });
      return reply.header('cache-control', 'no-store').send(progress);
    });
  };
