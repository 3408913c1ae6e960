// /staff/pacientes: reception's patient register — search, create, edit, latest turnos, merge a duplicate.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import type { StaffRole } from '../../platform/db/schema.js';
import { idField } from '../../platform/http/fields.js';
import { expected, formBody, idParam, queryOf } from '../../platform/http/request.js';
import { sendPage } from '../../views/page.js';
import type { WebShell } from '../../web/shell.js';
import { listInsurers, listProfessionals } from '../catalog/catalog.service.js';
import { portalAccessStatus } from '../portal/portal-access.service.js';
import { portalFlash } from '../portal/views/first-access-staff-box.js';
import { listAppointments } from '../scheduling/appointments.service.js';
import { hasWebAccount } from './patients.merge.repo.js';
import { mergePatients, mergePreview } from './patients.merge.service.js';
import { normalizeDni } from './patients.rules.js';
import {
  createPatient,
  findPatients,
  getPatientRecord,
  type patientRecordView,
  updatePatient,
} from './patients.service.js';
import { patientForm, patientSearchOf } from './patients.staff.form.js';
import { patientsStaffMessages } from './patients.staff.messages.js';
import { emptyForm, type FormState } from './views/form.js';
import { MergeConfirmPage, PatientFormPage, PatientSearchPage } from './views/staff-patients.js';

const hidden = { schema: { hide: true } };
const DESK: StaffRole[] = ['admin', 'reception'];
const FORM_ERRORS = ['DNI_TAKEN', 'NOT_FOUND', 'VALIDATION_ERROR', 'PORTAL_EMAIL_TAKEN'] as const;
/** How many of a patient's turnos the record shows, newest first. */
const LATEST_TURNOS = 20;

type PatientRow = ReturnType<typeof patientRecordView>;

const insurerChoices = async (ctx: AppContext, request: FastifyRequest) =>
  (await listInsurers(ctx, { actor: request.actor })).map((i) => ({ value: String(i.id), label: i.name }));

const valuesOf = (p: PatientRow): Record<string, string> => ({
  dni: p.dni,
  lastName: p.lastName,
  firstName: p.firstName,
  sex: p.sex ?? '',
  birthDate: p.birthDate ?? '',
  email: p.email ?? '',
  mobile: p.mobile ?? '',
  address: p.address,
  insurerId: p.insurerId === null ? '' : String(p.insurerId),
  memberNumber: p.memberNumber,
  insurancePlan: p.insurancePlan,
  dniTramite: p.dniTramite,
});

export interface RecordExtras {
  form?: FormState;
  alert?: string;
  status?: number;
  mergeForm?: FormState;
}

/** The record page: the form (typed values when given), the portal box, latest turnos and the merge box. */
export function patientRecordPage(ctx: AppContext, shell: WebShell) {
  return async (request: FastifyRequest, reply: FastifyReply, id: number, extra: RecordExtras = {}) => {
    const actor = request.actor;
    const [page, patient, choices, turnos, professionals, web, portal] = await Promise.all([
      shell.staffPage(request, reply),
      getPatientRecord(ctx, { actor, id }),
      insurerChoices(ctx, request),
      listAppointments(ctx, { actor, patientId: id, newestFirst: true, limit: LATEST_TURNOS, offset: 0 }),
      listProfessionals(ctx, { actor }),
      hasWebAccount(ctx.database.db, id),
      portalAccessStatus(ctx, { actor, patientId: id }),
    ]);
    const proName = new Map(professionals.map((p) => [p.id, `${p.lastName} ${p.firstName}`]));
    const latest = turnos.map((view) => ({ view, professional: proName.get(view.professionalId) ?? '' }));
    const ok = queryOf(request).ok;
    const t = patientsStaffMessages(page.lang);
    const moved = Number(queryOf(request).turnos ?? 0);
    const flash =
      ok === 'guardado'
        ? t('saved')
        : ok === 'creado'
          ? t('created')
          : ok === 'fusionado'
            ? t('merged', { n: moved })
            : portalFlash(page.lang, ok, patient.email);
    return sendPage(
      reply,
      <PatientFormPage
        page={page}
        patient={patient}
        form={extra.form ?? emptyForm(valuesOf(patient))}
        insurers={choices}
        turnos={latest}
        webAccount={web}
        portal={portal}
        flash={flash}
        alert={extra.alert}
        {...(extra.mergeForm ? { mergeForm: extra.mergeForm } : {})}
      />,
      extra.status ?? 200,
    );
  };
}

export const patientsStaffRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    const insurers = (request: FastifyRequest) => insurerChoices(ctx, request);
    const showRecord = patientRecordPage(ctx, shell);

    app.get('/staff/pacientes', hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, DESK)) return reply;
      const q = (queryOf(request).q ?? '').trim();
      const page = await shell.staffPage(request, reply);
      const results = q
        ? await findPatients(ctx, { actor: request.actor, ...patientSearchOf(q), limit: 100, offset: 0 })
        : null;
      return sendPage(reply, <PatientSearchPage page={page} q={q} results={results} />);
    });

    app.get('/staff/pacientes/nuevo', hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, DESK)) return reply;
      const [page, choices] = await Promise.all([shell.staffPage(request, reply), insurers(request)]);
      // A DNI searched and not found comes along, so it is not typed twice.
      const form = emptyForm({ dni: queryOf(request).dni ?? '' });
      return sendPage(reply, <PatientFormPage page={page} patient={null} form={form} insurers={choices} />);
    });

    app.post('/staff/pacientes/nuevo', hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, DESK)) return reply;
      const page = await shell.staffPage(request, reply);
      const { patient: data, ...form } = patientForm(formBody(request));
      let alert: string | undefined;
      if (data) {
        try {
          const created = await createPatient(ctx, { actor: request.actor, patient: data });
          return reply.redirect(`/staff/pacientes/${created.id}?ok=creado`, 303);
        } catch (e) {
          alert = expected(e, reply, FORM_ERRORS).messageIn(page.lang);
        }
      }
      const choices = await insurers(request);
      return sendPage(
        reply,
        <PatientFormPage page={page} patient={null} form={form} insurers={choices} alert={alert} />,
        alert ? 409 : 400,
      );
    });

    app.get('/staff/pacientes/:id', hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, DESK)) return reply;
      const id = idParam(request);
      if (id === null) return reply.callNotFound();
      return showRecord(request, reply, id);
    });

    app.post('/staff/pacientes/:id', hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, DESK)) return reply;
      const id = idParam(request);
      if (id === null) return reply.callNotFound();
      const page = await shell.staffPage(request, reply);
      const { patient: data, ...form } = patientForm(formBody(request));
      if (!data) return showRecord(request, reply, id, { form, status: 400 });
      try {
        await updatePatient(ctx, { actor: request.actor, id, changes: data });
      } catch (e) {
        const alert = expected(e, reply, FORM_ERRORS).messageIn(page.lang);
        return showRecord(request, reply, id, { form, alert, status: 409 });
      }
      return reply.redirect(`/staff/pacientes/${id}?ok=guardado`, 303);
    });

    app.get('/staff/pacientes/:id/fusionar', hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, DESK)) return reply;
      const id = idParam(request);
      if (id === null) return reply.callNotFound();
      const typed = queryOf(request).dni ?? '';
      const dni = normalizeDni(typed);
      const page = await shell.staffPage(request, reply);
      const t = patientsStaffMessages(page.lang);
      const [other] = dni ? await findPatients(ctx, { actor: request.actor, dni, limit: 1, offset: 0 }) : [];
      const problem = !other ? t('notFoundDni', { dni: typed }) : other.id === id ? t('sameRecord') : null;
      if (problem || !other) {
        const mergeForm = { values: { dni: typed }, errors: { dni: problem ?? '' } };
        return showRecord(request, reply, id, { mergeForm, status: 400 });
      }
      const preview = await mergePreview(ctx, { actor: request.actor, keepId: id, dropId: other.id });
      return sendPage(reply, <MergeConfirmPage page={page} {...preview} />);
    });

    app.post('/staff/pacientes/:id/fusionar', hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, DESK)) return reply;
      const id = idParam(request);
      const dropId = idField.safeParse(formBody(request).dropId);
      if (id === null || !dropId.success) throw new AppError('VALIDATION_ERROR', { detail: 'el registro a fusionar' });
      const result = await mergePatients(ctx, { actor: request.actor, keepId: id, dropId: dropId.data });
      return reply.redirect(`/staff/pacientes/${id}?ok=fusionado&turnos=${result.movedAppointments}`, 303);
    });
  };
