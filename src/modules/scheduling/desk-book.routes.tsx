// /staff/turnos/dar: reception gives a free slot (or a sobreturno) to a patient found by DNI or last name.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { AppError, type ErrorCode } from '../../errors.js';
import type { StaffRole } from '../../platform/db/schema.js';
import { expected, formBody, formText, queryOf } from '../../platform/http/request.js';
import { todayIn } from '../../platform/time/zone.js';
import { type StaffPage, sendPage } from '../../views/page.js';
import type { WebShell } from '../../web/shell.js';
import { getProfessional, listInsurers, listSpecialties, listStudies } from '../catalog/catalog.service.js';
import { normalizeDni } from '../patients/patients.rules.js';
import { findPatients, getPatient } from '../patients/patients.service.js';
import { emptyForm, type FormState } from '../patients/views/form.js';
import type { StaffActor } from '../staff/actor.js';
import { bookAppointment } from './booking.service.js';
import { servicesAt } from './day-desk.service.js';
import { deskMessages } from './desk.messages.js';
import { deskLink, filterOf, parseId, parseInstant } from './desk.params.js';
import type { Service } from './slots.rules.js';
import { normalizeVideoUrl, VIDEO_URL_MAX } from './teleconsult-turno.rules.js';
import { updateTeleconsult } from './teleconsult-turno.service.js';
import { parseService } from './views/common.js';
import { BookPage, type BookProps } from './views/desk-book.js';

const hidden = { schema: { hide: true } };
const DESK: StaffRole[] = ['admin', 'reception'];
const SEARCH_LIMIT = 20;
const BOOK_ERRORS = [
  'SLOT_TAKEN',
  'NOT_IN_AGENDA',
  'IN_THE_PAST',
  'WRONG_SERVICE',
  'SERVICE_REQUIRED',
  'REASON_TOO_LONG',
  'NOT_FOUND',
  'VALIDATION_ERROR',
] as const;

const text = (v: unknown) => formText(v).trim();
/** A refusal that only means "nothing to show here"; anything else still fails the page. */
const unless = (codes: readonly ErrorCode[]) => (e: unknown) => {
  if (e instanceof AppError && codes.includes(e.code)) return null;
  throw e;
};

/** The form's "servicio": a professional may do both specialties and studies, and a turno is for exactly one. */
const serviceValue = (s: NonNullable<Service>) =>
  'specialtyId' in s ? `especialidad-${s.specialtyId}` : `estudio-${s.studyId}`;

export const deskBookRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    /** The professional's specialties and studies, by name. */
    async function servicesOf(actor: StaffActor, professionalId: number) {
      const [pro, specialties, studies] = await Promise.all([
        getProfessional(ctx, { actor, id: professionalId }),
        listSpecialties(ctx, { actor }),
        listStudies(ctx, { actor }),
      ]);
      const all: { service: NonNullable<Service>; label: string; specialty: boolean }[] = [
        ...specialties
          .filter((s) => pro.specialtyIds.includes(s.id))
          .map((s) => ({ service: { specialtyId: s.id }, label: s.name, specialty: true })),
        ...studies
          .filter((s) => pro.studyIds.includes(s.id))
          .map((s) => ({ service: { studyId: s.id }, label: s.name, specialty: false })),
      ];
      return { pro, all };
    }

    /** Everything the page shows, from the address (GET) or the posted form (POST, to show it again). */
    async function bookView(
      request: FastifyRequest,
      page: StaffPage,
      actor: StaffActor,
      fields: Record<string, unknown>,
    ): Promise<BookProps | null> {
      const t = deskMessages(page.lang);
      const zone = page.center.timeZone;
      const professionalId = parseId(fields.profesional);
      const start = parseInstant(fields.inicio);
      if (professionalId === null || start === null) return null;
      const overbook = fields.sobreturno === '1';
      const filter = filterOf(fields, todayIn(zone, ctx.clock.now()));
      const search = { dni: text(fields.dni), apellido: text(fields.apellido) };
      const patientId = parseId(fields.paciente);
      const [{ pro, all }, insurers, results, patient] = await Promise.all([
        servicesOf(actor, professionalId),
        listInsurers(ctx, { actor }),
        search.dni || search.apellido
          ? findPatients(ctx, {
              actor,
              dni: search.dni ? (normalizeDni(search.dni) ?? search.dni) : undefined,
              lastName: search.apellido || undefined,
              limit: SEARCH_LIMIT,
              offset: 0,
            })
          : null,
        patientId === null ? null : getPatient(ctx, { actor, id: patientId }).catch(unless(['NOT_FOUND'])),
      ]);
      // Which services this slot serves: the agenda block may be tied to one specialty or study.
      const services = all.map((o) => o.service);
      const fits = await servicesAt(ctx, { actor, professionalId, start, overbook, services });
      const fitting = all.filter((_, i) => fits[i]);
      const offered = fitting.length > 0 ? fitting : all;
      const agenda = filter.agenda;
      const preferred =
        offered.find(
          (o) => agenda?.kind === 'specialty' && 'specialtyId' in o.service && o.service.specialtyId === agenda.id,
        ) ?? offered[0];
      const posted = request.method === 'POST';
      const form: FormState = emptyForm({
        servicio: posted ? text(fields.servicio) : preferred ? serviceValue(preferred.service) : '',
        obraSocial: posted ? text(fields.obraSocial) : patient?.insurerId ? String(patient.insurerId) : '',
        motivo: posted ? text(fields.motivo) : '',
        teleconsulta: posted && text(fields.teleconsulta) ? '1' : '',
        enlace: posted ? text(fields.enlace) : '',
      });
      return {
        page,
        filter,
        professional: { id: pro.id, name: pro.fullName },
        start,
        overbook,
        search,
        searchMissing: fields.buscar === '1' && !search.dni && !search.apellido ? t('searchMissing') : undefined,
        results,
        patient,
        patientMissing: patientId !== null && patient === null ? t('badPatient') : undefined,
        services: offered.map((o) => ({
          value: serviceValue(o.service),
          label: o.specialty ? t('specialty', { name: o.label }) : t('study', { name: o.label }),
        })),
        insurers: insurers.map((i) => ({ value: String(i.id), label: i.name })),
        form,
      };
    }

    app.get('/staff/turnos/dar', hidden, async (request, reply) => {
      const actor = shell.requireStaff(request, reply, DESK);
      if (!actor) return reply;
      const page = await shell.staffPage(request, reply);
      const props = await bookView(request, page, actor, queryOf(request));
      if (!props) return reply.callNotFound();
      return sendPage(reply, <BookPage {...props} />);
    });

    app.post('/staff/turnos/dar', hidden, async (request, reply) => {
      const actor = shell.requireStaff(request, reply, DESK);
      if (!actor) return reply;
      const body = formBody(request);
      const page = await shell.staffPage(request, reply);
      const professionalId = parseId(body.profesional);
      const patientId = parseId(body.paciente);
      const start = parseInstant(body.inicio);
      if (professionalId === null || start === null) return reply.callNotFound();
      const overbook = body.sobreturno === '1';
      const service = parseService(text(body.servicio));
      const insurerId = parseId(body.obraSocial);
      const filter = filterOf(body, todayIn(page.center.timeZone, ctx.clock.now()));
      const again = async (alert: string, status: number) => {
        const props = await bookView(request, page, actor, body);
        if (!props) return reply.callNotFound();
        return sendPage(reply, <BookPage {...props} alert={alert} />, status);
      };
      if (patientId === null) return again(deskMessages(page.lang)('badPatient'), 400);
      const teleconsult = text(body.teleconsulta) !== '';
      const videoUrl = normalizeVideoUrl(teleconsult ? text(body.enlace) : '');
      if (videoUrl === null) {
        return again(new AppError('TELECONSULT_VIDEO_URL', { max: VIDEO_URL_MAX }).messageIn(page.lang), 422);
      }
      try {
        const booked = await bookAppointment(ctx, {
          actor,
          professionalId,
          patientId,
          start,
          specialtyId: service && 'specialtyId' in service ? service.specialtyId : null,
          studyId: service && 'studyId' in service ? service.studyId : null,
          insurerId,
          reason: text(body.motivo),
          origin: 'staff',
          overbook,
        });
        if (teleconsult) await updateTeleconsult(ctx, { actor, id: booked.id, teleconsult, videoUrl });
      } catch (e) {
        const error = expected(e, reply, BOOK_ERRORS);
        return again(error.messageIn(page.lang), error.status);
      }
      return reply.redirect(deskLink(filter, { ok: overbook ? 'sobreturno' : 'dado' }), 303);
    });
  };
