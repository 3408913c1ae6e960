// Invoices in the back office (admin, reception): /staff/portal/facturas (list, new by hand or from a turno,
// one invoice with its state and PDF) and the Facturas tab of a patient's record.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { formatStamp } from '../../platform/calendar/format.js';
import type { InvoiceStatus, StaffRole } from '../../platform/db/schema.js';
import { idField } from '../../platform/http/fields.js';
import { expected, formBody, formText, idParam, pageNumber, queryOf } from '../../platform/http/request.js';
import { LANG_COOKIE, pickLang } from '../../platform/i18n/lang.js';
import { todayIn } from '../../platform/time/zone.js';
import { type StaffPage, sendPage } from '../../views/page.js';
import type { WebShell } from '../../web/shell.js';
import { listInsurers } from '../catalog/catalog.service.js';
import { normalizeDni } from '../patients/patients.rules.js';
import type { FormState } from '../patients/views/form.js';
import { formatInvoiceNumber } from './invoice.rules.js';
import { problemText } from './invoice-problems.messages.js';
import { type InvoiceFormState, invoiceFormValues, parseInvoiceForm, rowsToShow } from './invoices.form.js';
import { staffInvoicePdf } from './invoices.mine.service.js';
import { invoiceDraftFromTurno, patientForInvoice, patientInvoicesTab } from './invoices.record.service.js';
import { sendInvoicePdf, wantsDownload } from './invoices.reply.js';
import { createInvoice, getInvoice, listInvoices, type StatusChange, setInvoiceStatus } from './invoices.service.js';
import { invoiceStaffMessages } from './invoices.staff.messages.js';
import { InvoiceDetailPage } from './views/invoice-detail.js';
import { type InvoiceFormContext, InvoiceFormPage } from './views/invoice-form.js';
import { InvoiceListPage, STATUSES } from './views/invoice-list.js';
import { PatientInvoicesPage } from './views/invoice-patient-tab.js';

const hidden = { schema: { hide: true } };
const DESK: StaffRole[] = ['admin', 'reception'];
const ISSUE_ERRORS = ['INVOICE_INVALID', 'INVOICE_TURNO_INVOICED', 'INVOICE_TURNO_CANCELLED', 'NOT_FOUND'] as const;
const STATUS_ERRORS = ['INVOICE_INVALID', 'INVOICE_VOIDED', 'INVOICE_STATUS_UNCHANGED'] as const;

/** The field-level words of INVOICE_INVALID in the page's language. */
const detailOf = (e: AppError, page: StaffPage) => String(page.lang === 'es' ? e.params.detail : e.params.detailEn);

export const invoicesStaffRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    /** What the new-invoice page shows besides the form: insurers, the turno being invoiced, the patient found. */
    async function formContext(request: FastifyRequest, values: Record<string, string>, page: StaffPage) {
      const actor = request.actor;
      const insurers = (await listInsurers(ctx, { actor })).map((i) => ({ value: String(i.id), label: i.name }));
      const context: InvoiceFormContext = { insurers };
      const turnoId = idField.safeParse(values.turno);
      if (turnoId.success) {
        const draft = await invoiceDraftFromTurno(ctx, { actor, appointmentId: turnoId.data });
        const when = formatStamp(page.lang, page.center.timeZone, draft.turno.startMs);
        context.turno = {
          text: [when, draft.turno.professional, draft.turno.service].filter(Boolean).join(' — '),
          existing: draft.existing && { id: draft.existing.id, numberText: formatInvoiceNumber(draft.existing.number) },
        };
      }
      return context;
    }

    const showForm = async (
      request: FastifyRequest,
      reply: FastifyReply,
      page: StaffPage,
      form: InvoiceFormState,
      extra: Partial<InvoiceFormContext> & { status?: number } = {},
    ) => {
      const { status, ...more } = extra;
      const context = { ...(await formContext(request, form.values, page)), ...more };
      return sendPage(reply, <InvoiceFormPage page={page} form={form} context={context} />, status ?? 200);
    };

    app.get('/staff/portal/facturas', hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, DESK)) return reply;
      const q = queryOf(request);
      const filters = { dni: (q.dni ?? '').trim(), numero: (q.numero ?? '').trim(), estado: q.estado ?? '' };
      const page = await shell.staffPage(request, reply);
      const dni = filters.dni ? normalizeDni(filters.dni) : undefined;
      const number = filters.numero ? (/^\d{1,9}$/.test(filters.numero) ? Number(filters.numero) : null) : undefined;
      if (dni === null || number === null) {
        const alert = invoiceStaffMessages(page.lang)('badFilter');
        return sendPage(reply, <InvoiceListPage page={page} filters={filters} result={null} alert={alert} />, 400);
      }
      const status = STATUSES.find((s) => s === filters.estado);
      const result = await listInvoices(ctx, { actor: request.actor, dni, number, status, page: pageNumber(q.pagina) });
      return sendPage(
        reply,
        <InvoiceListPage page={page} filters={{ ...filters, estado: status ?? '' }} result={result} />,
      );
    });

    // From a turno (?turno=ID), for a patient (?paciente=ID), or by hand; a form sent after the session ended comes
    // back here with its fields in the address.
    app.get('/staff/portal/facturas/nueva', hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, DESK)) return reply;
      const actor = request.actor;
      const q = queryOf(request);
      const page = await shell.staffPage(request, reply);
      const values = invoiceFormValues(q);
      values.issuedOn ||= todayIn(page.center.timeZone, ctx.clock.now());
      let patientName: string | undefined;
      const turnoId = idField.safeParse(q.turno);
      const patientId = idField.safeParse(q.paciente);
      if (turnoId.success && !values.dni) {
        const draft = await invoiceDraftFromTurno(ctx, { actor, appointmentId: turnoId.data });
        Object.assign(values, {
          dni: draft.patient.dni,
          insurerId: draft.insurerId === null ? '' : String(draft.insurerId),
          memberNumber: draft.memberNumber,
          'concept-1': draft.concept,
        });
        patientName = draft.patient.name;
      } else if (patientId.success && !values.dni) {
        const patient = await patientForInvoice(ctx, { actor, patientId: patientId.data });
        if (patient) {
          Object.assign(values, {
            dni: patient.dni,
            insurerId: patient.insurerId === null ? '' : String(patient.insurerId),
            memberNumber: patient.memberNumber,
          });
          patientName = patient.name;
        }
      }
      const form = { values, errors: {}, rows: rowsToShow(values) };
      return showForm(request, reply, page, form, { patientName });
    });

    app.post('/staff/portal/facturas/nueva', hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, DESK)) return reply;
      const actor = request.actor;
      const page = await shell.staffPage(request, reply);
      const values = invoiceFormValues(formBody(request));
      const action = formText(formBody(request).accion);
      if (action === 'agregar')
        return showForm(request, reply, page, { values, errors: {}, rows: rowsToShow(values, 1) });

      if (action === 'buscar') {
        const dni = normalizeDni(values.dni ?? '');
        const found = dni ? await patientForInvoice(ctx, { actor, dni }) : null;
        const form = { values, errors: {} as Record<string, string>, rows: rowsToShow(values) };
        if (!found) {
          form.errors.dni = problemText(page.lang, 'dni', dni ? 'noPatient' : 'badDni');
          return showForm(request, reply, page, form, { status: 400 });
        }
        values.dni = found.dni;
        values.insurerId = found.insurerId === null ? '' : String(found.insurerId);
        values.memberNumber = found.memberNumber;
        return showForm(request, reply, page, form, { patientName: found.name });
      }

      const { form, data } = parseInvoiceForm(values, page.lang);
      if (!data) return showForm(request, reply, page, form, { status: 400 });
      const patient = await patientForInvoice(ctx, { actor, dni: data.dni });
      if (!patient) {
        form.errors.dni = problemText(page.lang, 'dni', 'noPatient');
        return showForm(request, reply, page, form, { status: 400 });
      }
      try {
        const created = await createInvoice(ctx, {
          actor,
          patientId: patient.id,
          appointmentId: data.turnoId,
          issuedOn: data.issuedOn,
          insurerId: data.insurerId,
          memberNumber: data.memberNumber,
          lines: data.lines,
        });
        return reply.redirect(`/staff/portal/facturas/${created.id}?ok=creada`, 303);
      } catch (e) {
        const error = expected(e, reply, ISSUE_ERRORS);
        const alert = error.messageIn(page.lang);
        return showForm(request, reply, page, form, { alert, patientName: patient.name, status: error.status });
      }
    });

    const showInvoice = async (
      request: FastifyRequest,
      reply: FastifyReply,
      id: number,
      extra: { form?: FormState; alert?: string; status?: number } = {},
    ) => {
      const [page, invoice] = await Promise.all([
        shell.staffPage(request, reply),
        getInvoice(ctx, { actor: request.actor, id }),
      ]);
      const s = invoiceStaffMessages(page.lang);
      const ok = queryOf(request).ok;
      const flash =
        ok === 'creada' ? s('created', { number: invoice.numberText }) : ok === 'estado' ? s('statusSaved') : undefined;
      const today = todayIn(page.center.timeZone, ctx.clock.now());
      const form = extra.form ?? { values: { paidOn: today }, errors: {} };
      return sendPage(
        reply,
        <InvoiceDetailPage page={page} invoice={invoice} form={form} flash={flash} alert={extra.alert} />,
        extra.status ?? 200,
      );
    };

    app.get('/staff/portal/facturas/:id', hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, DESK)) return reply;
      const id = idParam(request);
      if (id === null) return reply.callNotFound();
      return showInvoice(request, reply, id);
    });

    app.post('/staff/portal/facturas/:id/estado', hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, DESK)) return reply;
      const id = idParam(request);
      if (id === null) return reply.callNotFound();
      const body = formBody(request);
      const status = formText(body.estado) as InvoiceStatus;
      const values = { paidOn: formText(body.paidOn).trim(), reason: formText(body.reason) };
      const change: StatusChange | null =
        status === 'paid'
          ? { status, paidOn: values.paidOn || undefined }
          : status === 'due'
            ? { status }
            : status === 'void'
              ? { status, reason: values.reason }
              : null;
      if (!change) throw new AppError('VALIDATION_ERROR', { detail: 'el estado elegido' });
      try {
        await setInvoiceStatus(ctx, { actor: request.actor, id, change });
        return reply.redirect(`/staff/portal/facturas/${id}?ok=estado`, 303);
      } catch (e) {
        const error = expected(e, reply, STATUS_ERRORS);
        const page = await shell.staffPage(request, reply);
        const field = status === 'void' ? 'reason' : 'paidOn';
        const errors = error.code === 'INVOICE_INVALID' ? { [field]: detailOf(error, page) } : {};
        const alert = error.messageIn(page.lang);
        return showInvoice(request, reply, id, { form: { values, errors }, alert, status: error.status });
      }
    });

    app.get('/staff/portal/facturas/:id/pdf', hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, DESK)) return reply;
      const id = idParam(request);
      if (id === null) return reply.callNotFound();
      const lang = pickLang(request.cookies[LANG_COOKIE], request.headers['accept-language']);
      const pdf = await staffInvoicePdf(ctx, { actor: request.actor, id, lang });
      return sendInvoicePdf(reply, pdf, wantsDownload(request));
    });

    app.get('/staff/pacientes/:id/facturas', hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, DESK)) return reply;
      const id = idParam(request);
      if (id === null) return reply.callNotFound();
      const [page, tab] = await Promise.all([
        shell.staffPage(request, reply),
        patientInvoicesTab(ctx, { actor: request.actor, patientId: id }),
      ]);
      return sendPage(reply, <PatientInvoicesPage page={page} tab={tab} />);
    });
  };
