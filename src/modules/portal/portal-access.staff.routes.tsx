// The staff side of the portal switch and the first-access mail: the two forms of the record's
// "Portal del paciente" box. A refusal shows the record again with the reason on top.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import type { StaffRole } from '../../platform/db/schema.js';
import { baseUrlOf, expected, formBody, idParam } from '../../platform/http/request.js';
import type { WebShell } from '../../web/shell.js';
import { patientRecordPage } from '../patients/patients.staff.routes.js';
import { sendPortalAccessMail, setPortalAccess } from './portal-access.service.js';
import { patientMailLang } from './profile.service.js';

const hidden = { schema: { hide: true } };
const DESK: StaffRole[] = ['admin', 'reception'];
const REFUSALS = ['PORTAL_DATA_MISSING', 'PORTAL_EMAIL_TAKEN', 'PORTAL_OFF_FOR_PATIENT'] as const;

const backToRecord = (reply: FastifyReply, id: number, ok: string) =>
  reply.redirect(`/staff/pacientes/${id}?ok=${ok}#portal`, 303);

export const portalAccessStaffRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    const showRecord = patientRecordPage(ctx, shell);

    /** Runs a box action; its refusal (what the record lacks, an e-mail in use) comes back on the record. */
    async function act(request: FastifyRequest, reply: FastifyReply, run: (id: number) => Promise<string>) {
      if (!shell.requireStaff(request, reply, DESK)) return reply;
      const id = idParam(request);
      if (id === null) return reply.callNotFound();
      let ok: string;
      try {
        ok = await run(id);
      } catch (e) {
        const error = expected(e, reply, REFUSALS);
        const page = await shell.staffPage(request, reply);
        return showRecord(request, reply, id, { alert: error.messageIn(page.lang), status: error.status });
      }
      return backToRecord(reply, id, ok);
    }

    /** The mail is the patient's: in the language they chose, whatever the sender's screen shows. */
    const mailLang = (request: FastifyRequest, patientId: number) =>
      patientMailLang(ctx, { actor: request.actor, patientId });

    app.post('/staff/pacientes/:id/portal', hidden, (request, reply) =>
      act(request, reply, async (patientId) => {
        const result = await setPortalAccess(ctx, {
          actor: request.actor,
          patientId,
          enabled: formBody(request).portal === '1',
          baseUrl: baseUrlOf(ctx, request),
          lang: await mailLang(request, patientId),
        });
        if (!result.changed) return 'portal-sin-cambios';
        if (result.mailedTo) return 'portal-habilitado-mail';
        return formBody(request).portal === '1' ? 'portal-habilitado' : 'portal-deshabilitado';
      }),
    );

    app.post('/staff/pacientes/:id/portal/mail', hidden, (request, reply) =>
      act(request, reply, async (patientId) => {
        await sendPortalAccessMail(ctx, {
          actor: request.actor,
          patientId,
          baseUrl: baseUrlOf(ctx, request),
          lang: await mailLang(request, patientId),
        });
        return 'portal-mail';
      }),
    );
  };
