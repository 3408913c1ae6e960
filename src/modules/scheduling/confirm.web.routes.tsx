import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../context.js';
import { AppError, type ErrorCode, errorMessage } from '../../errors.js';
import { LANG_COOKIE, pickLang } from '../../platform/i18n/lang.js';
import { sendPage } from '../../views/page.js';
import type { WebShell } from '../../web/shell.js';
import { bookAppointment } from './booking.service.js';
import { renderSlip } from './slip.pdf.js';
import { BookedPage, type ConfirmError, ConfirmPage } from './views/confirm.js';
import { getAppointmentDetails } from './web-appointments.service.js';
import { confirmPreview } from './web-booking.service.js';
import { confirmFields, idParams, serviceOf } from './web-params.js';

const hidden = { schema: { hide: true } };

/** Which field a booking error is about, so the form marks it as well as saying it. */
const FIELD_OF: Partial<Record<ErrorCode, ConfirmError['field']>> = {
  REASON_REQUIRED: 'reason',
  REASON_TOO_LONG: 'reason',
};

/** Confirm a chosen time, "Turno insertado", and the printable slip. */
export const confirmRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    // Filled from the address: the grid links here, and a form sent after the session ended comes back
    // here with its fields once the patient logs in again.
    app.get('/turnos/confirmar', hidden, async (request, reply) => {
      if (shell.requirePatient(request, reply) === null) return reply;
      const fields = confirmFields.safeParse(request.query);
      if (!fields.success) return reply.callNotFound();
      const f = fields.data;
      const [page, data] = await Promise.all([
        shell.page(request, reply),
        confirmPreview(ctx, {
          actor: request.actor,
          professionalId: f.profesional,
          service: serviceOf(f)!,
          start: f.inicio,
        }),
      ]);
      const ownInsurer = data.insurers.some((i) => i.id === data.patientInsurerId) ? data.patientInsurerId : null;
      const values = { reason: f.motivo ?? '', insurer: String(f.obraSocial ?? ownInsurer ?? '') };
      const error = data.problem
        ? { message: errorMessage(data.problem.code, page.lang, data.problem.params), field: null }
        : null;
      return sendPage(reply, <ConfirmPage page={page} data={data} values={values} start={f.inicio} error={error} />);
    });

    app.post('/turnos/confirmar', hidden, async (request, reply) => {
      const patientId = shell.requirePatient(request, reply);
      if (patientId === null) return reply;
      const fields = confirmFields.safeParse(request.body);
      if (!fields.success) throw new AppError('VALIDATION_ERROR', { detail: 'el turno elegido no es válido' });
      const f = fields.data;
      const service = serviceOf(f)!;
      const page = await shell.page(request, reply);
      const reason = f.motivo ?? '';
      try {
        const booked = await bookAppointment(ctx, {
          actor: request.actor,
          patientId,
          professionalId: f.profesional,
          ...('specialtyId' in service ? { specialtyId: service.specialtyId } : { studyId: service.studyId }),
          start: f.inicio,
          insurerId: f.obraSocial,
          reason,
          origin: 'web',
          ip: request.ip,
          confirmationMail: { lang: page.lang },
        });
        return reply.redirect(`/turnos/${booked.id}/listo`, 303);
      } catch (e) {
        if (!(e instanceof AppError) || e.code === 'NOT_FOUND') throw e;
        // Every rule the booking broke is said on the same page, with what the patient typed and chose.
        const data = await confirmPreview(ctx, {
          actor: request.actor,
          professionalId: f.profesional,
          service,
          start: f.inicio,
        });
        const error = { message: e.messageIn(page.lang), field: FIELD_OF[e.code] ?? null };
        const values = { reason, insurer: f.obraSocial === undefined ? '' : String(f.obraSocial) };
        return sendPage(
          reply,
          <ConfirmPage page={page} data={data} values={values} start={f.inicio} error={error} />,
          e.status,
        );
      }
    });

    app.get('/turnos/:id/listo', hidden, async (request, reply) => {
      if (shell.requirePatient(request, reply) === null) return reply;
      const params = idParams.safeParse(request.params);
      if (!params.success) return reply.callNotFound();
      const [page, details] = await Promise.all([
        shell.page(request, reply),
        getAppointmentDetails(ctx, { actor: request.actor, id: params.data.id }),
      ]);
      return sendPage(reply, <BookedPage page={page} details={details} />);
    });

    app.get('/turnos/:id/comprobante.pdf', hidden, async (request, reply) => {
      if (shell.requirePatient(request, reply) === null) return reply;
      const params = idParams.safeParse(request.params);
      if (!params.success) return reply.callNotFound();
      const details = await getAppointmentDetails(ctx, { actor: request.actor, id: params.data.id });
      const lang = pickLang(request.cookies[LANG_COOKIE], request.headers['accept-language']);
      const pdf = await renderSlip(details, lang);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename=turno-${details.id}.pdf`)
        .send(pdf);
    });
  };
