// Series impresas (/portal/token/series): make a sheet, list them, print one in force, revoke one.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { requestLang } from '../../platform/http/errors.js';
import { formBody, formText, idParam, queryOf } from '../../platform/http/request.js';
import { sendPage } from '../../views/page.js';
import type { WebShell } from '../../web/shell.js';
import { emptyForm, type FormState } from '../patients/views/form.js';
import { portalPage } from '../portal/portal-home.routes.js';
import { seriesMessages } from './series.messages.js';
import {
  createSeries,
  getMySeries,
  mySeries,
  mySeriesPdf,
  revokeMySeries,
  SeriesRefused,
  seriesDefaults,
} from './series.service.js';
import { sendPdf } from './token.api.js';
import { RevokeSeriesPage, SERIES_BASE, SeriesPage } from './views/series.js';

const hidden = { schema: { hide: true } };

export const seriesRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    async function show(request: FastifyRequest, reply: FastifyReply, form: FormState | null, status = 200) {
      const actor = request.actor;
      const [page, series, defaults] = await Promise.all([
        shell.page(request, reply),
        mySeries(ctx, { actor }),
        seriesDefaults(ctx, { actor }),
      ]);
      const t = seriesMessages(page.lang);
      const q = queryOf(request);
      let notice: string | null = null;
      let createdId: number | null = null;
      if (status === 200 && q.hecho === 'creada') {
        const made = series.find((s) => String(s.id) === q.serie && s.state === 'active');
        if (made) {
          notice = t('created');
          createdId = made.id;
        }
      }
      if (status === 200 && q.hecho === 'revocada') notice = t('revoked');
      const shown = form ?? emptyForm({ count: String(defaults.count), validUntil: defaults.validUntil });
      return sendPage(
        reply,
        <SeriesPage page={page} series={series} form={shown} limits={defaults} notice={notice} createdId={createdId} />,
        status,
      );
    }

    /** The series named in the address, or null once the answer (log in, 404) is sent. */
    function target(request: FastifyRequest, reply: FastifyReply): number | null {
      if (shell.requirePatient(request, reply) === null) return null;
      const id = idParam(request);
      if (id === null) void reply.callNotFound();
      return id;
    }

    app.get(SERIES_BASE, hidden, (request, reply) =>
      portalPage(shell, request, reply, () => show(request, reply, null)),
    );

    app.post(SERIES_BASE, hidden, (request, reply) =>
      portalPage(shell, request, reply, async () => {
        const body = formBody(request);
        const values = { count: formText(body.count).trim(), validUntil: formText(body.validUntil).trim() };
        const count = /^\d{1,4}$/.test(values.count) ? Number(values.count) : Number.NaN;
        const lang = requestLang(request);
        try {
          const created = await createSeries(ctx, { actor: request.actor, count, validUntil: values.validUntil, lang });
          return reply.redirect(`${SERIES_BASE}?hecho=creada&serie=${created.id}`, 303);
        } catch (e) {
          if (!(e instanceof SeriesRefused)) throw e;
          return show(request, reply, { values, errors: { [e.field]: e.messageIn(lang) } }, e.status);
        }
      }),
    );

    app.get(`${SERIES_BASE}/:id/pdf`, hidden, (request, reply) =>
      portalPage(shell, request, reply, async () => {
        const id = target(request, reply);
        if (id === null) return reply;
        const pdf = await mySeriesPdf(ctx, { actor: request.actor, id, lang: requestLang(request) });
        return sendPdf(reply, pdf, queryOf(request).descargar === '1');
      }),
    );

    app.get(`${SERIES_BASE}/:id/revocar`, hidden, (request, reply) =>
      portalPage(shell, request, reply, async () => {
        const id = target(request, reply);
        if (id === null) return reply;
        const [page, series] = await Promise.all([
          shell.page(request, reply),
          getMySeries(ctx, { actor: request.actor, id }),
        ]);
        return sendPage(reply, <RevokeSeriesPage page={page} series={series} />);
      }),
    );

    app.post(`${SERIES_BASE}/:id/revocar`, hidden, (request, reply) =>
      portalPage(shell, request, reply, async () => {
        const id = target(request, reply);
        if (id === null) return reply;
        await revokeMySeries(ctx, { actor: request.actor, id });
        return reply.redirect(`${SERIES_BASE}?hecho=revocada`, 303);
      }),
    );
  };
