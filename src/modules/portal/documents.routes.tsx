// Documentos del paciente (/portal/documentos): the list by visit, upload, view, download, delete one's own.

import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { requestLang } from '../../platform/http/errors.js';
import { installMultipart } from '../../platform/http/multipart.js';
import { expected, formBody, formText, idParam, pageNumber, queryOf } from '../../platform/http/request.js';
import { sendPage } from '../../views/page.js';
import type { WebShell } from '../../web/shell.js';
import { documentsMessages } from './documents.messages.js';
import { FILE_ERRORS, fileProblem, sendDocument, uploadOf } from './documents.reply.js';
import { DESCRIPTION_MAX, descriptionProblem } from './documents.rules.js';
import {
  deleteMyDocument,
  getMyDocument,
  listMyDocuments,
  myDocumentContent,
  uploadMyDocument,
} from './documents.service.js';
import { portalPage } from './portal-home.routes.js';
import { DeleteMyDocumentPage, MyDocumentsPage } from './views/documents.js';
import { emptyUpload, type UploadForm } from './views/documents-parts.js';

const hidden = { schema: { hide: true } };
const BASE = '/portal/documentos';

export const documentsRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    // Only these pages take files: nowhere else is a multipart body read at all.
    await installMultipart(app, ctx.web.uploadMaxBytes);
    /** The document named in the path, or null once the answer (log in, 404) is sent. */
    function target(request: FastifyRequest, reply: FastifyReply): number | null {
      if (shell.requirePatient(request, reply) === null) return null;
      const id = idParam(request);
      if (id === null) void reply.callNotFound();
      return id;
    }

    async function showList(request: FastifyRequest, reply: FastifyReply, form: UploadForm, status = 200) {
      const q = queryOf(request);
      const current = pageNumber(q.pagina);
      const [page, data] = await Promise.all([
        shell.page(request, reply),
        listMyDocuments(ctx, { actor: request.actor, page: current }),
      ]);
      const t = documentsMessages(page.lang);
      let notice: string | null = null;
      if (status === 200 && q.hecho === 'borrado') notice = t('deleted');
      if (status === 200 && q.hecho === 'subido' && q.documento) {
        const done = data.items.find((d) => String(d.id) === q.documento);
        if (done) notice = t('uploaded', { name: done.description });
      }
      return sendPage(
        reply,
        <MyDocumentsPage
          page={page}
          documents={data.items}
          hasOlder={data.hasOlder}
          pageNumber={current}
          form={form}
          maxBytes={ctx.web.uploadMaxBytes}
          notice={notice}
        />,
        status,
      );
    }

    // A description typed before the session ended comes back in the address.
    app.get(BASE, hidden, (request, reply) =>
      portalPage(shell, request, reply, () =>
        showList(request, reply, emptyUpload({ description: queryOf(request).description ?? '' })),
      ),
    );

    app.post(BASE, hidden, async (request, reply) => {
      if (shell.requirePatient(request, reply) === null) return reply;
      const lang = requestLang(request);
      const t = documentsMessages(lang);
      const description = formText(formBody(request).description);
      const file = uploadOf(request, 'file');
      const form = emptyUpload({ description });
      const problem = descriptionProblem(description);
      const fileCheck = fileProblem(file, ctx.web.uploadMaxBytes, lang);
      if (fileCheck.text) form.errors.file = fileCheck.text;
      if (problem) form.errors.description = t(problem, { max: DESCRIPTION_MAX });
      if (fileCheck.text || problem) return showList(request, reply, form, fileCheck.text ? fileCheck.status : 400);
      try {
        const created = await uploadMyDocument(ctx, { actor: request.actor, description, file });
        return reply.redirect(`${BASE}?hecho=subido&documento=${created.id}`, 303);
      } catch (e) {
        const error = expected(e, reply, FILE_ERRORS);
        form.errors.file = error.messageIn(lang);
        return showList(request, reply, form, error.status);
      }
    });

    for (const [suffix, download] of [
      ['ver', false],
      ['descargar', true],
    ] as const) {
      app.get(`${BASE}/:id/${suffix}`, hidden, async (request, reply) => {
        const id = target(request, reply);
        if (id === null) return reply;
        const { document, bytes } = await myDocumentContent(ctx, { actor: request.actor, id });
        return sendDocument(reply, document, bytes, download);
      });
    }

    app.get(`${BASE}/:id/borrar`, hidden, async (request, reply) => {
      const id = target(request, reply);
      if (id === null) return reply;
      const [page, document] = await Promise.all([
        shell.page(request, reply),
        getMyDocument(ctx, { actor: request.actor, id }),
      ]);
      if (document.source !== 'patient') throw new AppError('DOCUMENT_FROM_CENTER');
      return sendPage(reply, <DeleteMyDocumentPage page={page} document={document} />);
    });

    app.post(`${BASE}/:id/borrar`, hidden, async (request, reply) => {
      const id = target(request, reply);
      if (id === null) return reply;
      await deleteMyDocument(ctx, { actor: request.actor, id });
      return reply.redirect(`${BASE}?hecho=borrado`, 303);
    });
  };
