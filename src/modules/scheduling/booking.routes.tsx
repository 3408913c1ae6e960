import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../context.js';
import { sendPage } from '../../views/page.js';
import type { WebShell } from '../../web/shell.js';
import { confirmRoutes } from './confirm.web.routes.js';
import { myAppointmentsRoutes } from './my-appointments.web.routes.js';
import { ChoosePage } from './views/choose.js';
import { link } from './views/common.js';
import { ChooseServicePage, GeneralMessagePage, GridPage } from './views/grid.js';
import { ServiceWeekPage } from './views/week.js';
import { bookingStart, professionalServices, professionalWeek, serviceWeek } from './web-booking.service.js';
import { idParams, serviceOf, serviceQuery } from './web-params.js';

const hidden = { schema: { hide: true } };

/** The patient's booking pages: Tomar turno, the week grid, confirm, the slip, Mis turnos. */
export const bookingRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    app.get('/turnos/nuevo', hidden, async (request, reply) => {
      if (shell.requirePatient(request, reply) === null) return reply;
      const [page, data] = await Promise.all([shell.page(request, reply), bookingStart(ctx, { actor: request.actor })]);
      return sendPage(reply, <ChoosePage page={page} data={data} />);
    });

    app.get('/turnos/profesionales', hidden, async (request, reply) => {
      if (shell.requirePatient(request, reply) === null) return reply;
      const query = serviceQuery.safeParse(request.query);
      if (!query.success) return reply.callNotFound();
      const service = serviceOf(query.data);
      const page = await shell.page(request, reply);
      if (service === null) {
        // "Ver profesionales" sent without a choice (a browser that ignores `required`): ask again.
        const data = await bookingStart(ctx, { actor: request.actor });
        return sendPage(reply, <ChoosePage page={page} data={data} missing />, 422);
      }
      const data = await serviceWeek(ctx, { actor: request.actor, service, from: query.data.desde });
      return sendPage(reply, <ServiceWeekPage page={page} data={data} />);
    });

    app.get('/turnos/profesional/:id', hidden, async (request, reply) => {
      if (shell.requirePatient(request, reply) === null) return reply;
      const params = idParams.safeParse(request.params);
      const query = serviceQuery.safeParse(request.query);
      if (!params.success || !query.success) return reply.callNotFound();
      const professionalId = params.data.id;
      const service = serviceOf(query.data);
      const page = await shell.page(request, reply);
      if (service === null) {
        const { mode, professional } = await professionalServices(ctx, { actor: request.actor, professionalId });
        const param = mode === 'BY_STUDY' ? 'estudio' : 'especialidad';
        const only = professional.services.length === 1 ? professional.services[0] : undefined;
        if (only) {
          return reply.redirect(
            link(`/turnos/profesional/${professionalId}`, { [param]: only.id, ...query.data }),
            303,
          );
        }
        return sendPage(reply, <ChooseServicePage page={page} professional={professional} param={param} />);
      }
      const week = await professionalWeek(ctx, {
        actor: request.actor,
        professionalId,
        service,
        from: query.data.desde,
      });
      // The professional's general message comes first, every time, until the patient says "Entendido".
      if (week.professional.generalMessage && query.data.visto !== '1') {
        return sendPage(reply, <GeneralMessagePage page={page} data={week} />);
      }
      return sendPage(reply, <GridPage page={page} data={week} />);
    });

    await app.register(confirmRoutes(ctx, shell));
    await app.register(myAppointmentsRoutes(ctx, shell));
  };
