// a patient's documents in the back office (/staff/pacientes/:id/documentos).

import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { AppError, errorMessage } from '../../errors.js';
import type { StaffRole } from '../../platform/db/schema.js';
import { requestLang } from '../../platform/http/errors.js';
import { idField } from '../../platform/http/fields.js';
import { installMultipart } from '../../platform/http/multipart.js';
import { expected, formBody, formText, idParam, queryOf } from '../../platform/http/request.js';
import { sendPage } from '../../views/page.js';
import type { WebShell } from '../../web/shell.js';
import { documentsMessages } from './documents.messages.js';
import { FILE_ERRORS, fileProblem, sendDocument, uploadOf } from './documents.reply.js';
import { DESCRIPTION_MAX, descriptionProblem, isCategory } from './documents.rules.js';
import {
  staffDeleteDocument,
  staffDocument,
  staffDocumentContent,
  staffDocuments,
  staffUploadDocument,
} from './documents.staff.service.js';
import { emptyUpload, type UploadForm } from './views/documents-parts.js';
import { StaffDeleteDocumentPage, StaffDocumentsPage } from './views/documents-staff.js';

const hidden = { schema: { hide: true } };
/** Professionals too: they upload their reports. */
const ROLES: StaffRole[] = ['admin', 'reception', 'professional'];
const base = (patientId: number) => `/staff/pacientes/${patientId}/documentos`;

export const documentsStaffRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    // Only these pages take files: nowhere else is a multipart body read at all.
    await installMultipart(app, ctx.web.uploadMaxBytes);
    /** The patient (and document) named in the path, or null once the answer (log in, 404) is sent. */
    function target(request: FastifyRequest, reply: FastifyReply): { patientId: number; id: number } | null {
      if (!shell.requireStaff(request, reply, ROLES)) return null;
      const patientId = idParam(request);
      const id = idField.safeParse((request.params as { doc?: unknown }).doc);
      if (patientId === null || !id.success) {
        void reply.callNotFound();
        return null;
      }
      return { patientId, id: id.data };
    }

    async function showTab(
      request: FastifyRequest,
      reply: FastifyReply,
      patientId: number,
      form: UploadForm,
      status = 200,
    ) {
      const [page, data] = await Promise.all([
        shell.staffPage(request, reply),
        staffDocuments(ctx, { actor: request.actor, patientId }),
      ]);
      const t = documentsMessages(page.lang);
      const q = status === 200 ? queryOf(request) : {};
      // The address names the new document by id: a description can be clinical text, not for addresses.
      const uploaded = q.ok === 'subido' ? data.documents.find((d) => String(d.id) === q.documento) : undefined;
      const flash = uploaded
        ? t('uploaded', { name: uploaded.description })
        : q.ok === 'borrado'
          ? t('deleted')
          : undefined;
      return sendPage(
        reply,
        <StaffDocumentsPage page={page} data={data} form={form} maxBytes={ctx.web.uploadMaxBytes} flash={flash} />,
        status,
      );
    }

    app.get('/staff/pacientes/:id/documentos', hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ROLES)) return reply;
      const patientId = idParam(request);
      if (patientId === null) return reply.callNotFound();
      // ?turno=ID (from a turno's screen) chooses that turno already; the other fields come back after a login.
      const q = queryOf(request);
      const values = { turno: q.turno ?? '', category: q.category ?? '', description: q.description ?? '' };
      return showTab(request, reply, patientId, emptyUpload(values));
    });

    app.post('/staff/pacientes/:id/documentos', hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ROLES)) return reply;
      const patientId = idParam(request);
      if (patientId === null) return reply.callNotFound();
      const lang = requestLang(request);
      const t = documentsMessages(lang);
      const body = formBody(request);
      const values = {
        category: formText(body.category),
        turno: formText(body.turno),
        description: formText(body.description),
      };
      const form = emptyUpload(values);
      const file = uploadOf(request, 'file');
      const turno = values.turno === '' ? null : idField.safeParse(values.turno);
      if (!isCategory(values.category)) form.errors.category = t('categoryRequired');
      if (turno && !turno.success) form.errors.turno = errorMessage('TURNO_NOT_OF_PATIENT', lang, { id: values.turno });
      const problem = descriptionProblem(values.description);
      if (problem) form.errors.description = t(problem, { max: DESCRIPTION_MAX });
      const fileCheck = fileProblem(file, ctx.web.uploadMaxBytes, lang);
      if (fileCheck.text) form.errors.file = fileCheck.text;
      if (Object.keys(form.errors).length > 0) {
        return showTab(request, reply, patientId, form, fileCheck.text ? fileCheck.status : 400);
      }
      try {
        const created = await staffUploadDocument(ctx, {
          actor: request.actor,
          patientId,
          category: values.category,
          description: values.description,
          appointmentId: turno?.success ? turno.data : null,
          file,
        });
        return reply.redirect(`${base(patientId)}?ok=subido&documento=${created.id}`, 303);
      } catch (e) {
        const error = expected(e, reply, [...FILE_ERRORS, 'TURNO_NOT_OF_PATIENT']);
        form.errors[error.code === 'TURNO_NOT_OF_PATIENT' ? 'turno' : 'file'] = error.messageIn(lang);
        return showTab(request, reply, patientId, form, error.status);
      }
    });

    for (const [suffix, download] of [
      ['ver', false],
      ['descargar', true],
    ] as const) {
      app.get(`/staff/pacientes/:id/documentos/:doc/${suffix}`, hidden, async (request, reply) => {
        const where = target(request, reply);
        if (!where) return reply;
        const { document, bytes } = await staffDocumentContent(ctx, { actor: request.actor, ...where, download });
        return sendDocument(reply, document, bytes, download);
      });
    }

    app.get('/staff/pacientes/:id/documentos/:doc/borrar', hidden, async (request, reply) => {
      const where = target(request, reply);
      if (!where) return reply;
      const [page, document] = await Promise.all([
        shell.staffPage(request, reply),
        staffDocument(ctx, { actor: request.actor, ...where }),
      ]);
      if (!document.canDelete) throw new AppError('DOCUMENT_NOT_YOURS');
      return sendPage(reply, <StaffDeleteDocumentPage page={page} document={document} />);
    });

    app.post('/staff/pacientes/:id/documentos/:doc/borrar', hidden, async (request, reply) => {
      const where = target(request, reply);
      if (!where) return reply;
      await staffDeleteDocument(ctx, { actor: request.actor, ...where });
      return reply.redirect(`${base(where.patientId)}?ok=borrado`, 303);
    });
  };
