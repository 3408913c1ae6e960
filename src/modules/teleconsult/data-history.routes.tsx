// /staff/pacientes/:id/historial: the record's "Historial de datos" tab (reception and admins).
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../context.js';
import type { StaffRole } from '../../platform/db/schema.js';
import { idParam, pageNumber, queryOf } from '../../platform/http/request.js';
import { sendPage } from '../../views/page.js';
import type { WebShell } from '../../web/shell.js';
import { patientDataHistory } from './data-history.service.js';
import { DataHistoryPage } from './views/data-history.js';

const hidden = { schema: { hide: true } };
const DESK: StaffRole[] = ['admin', 'reception'];

export const dataHistoryRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    app.get('/staff/pacientes/:id/historial', hidden, async (request, reply) => {
      if (!shell.requireStaff(request, reply, DESK)) return reply;
      const id = idParam(request);
      if (id === null) return reply.callNotFound();
      const number = pageNumber(queryOf(request).pagina);
      const history = await patientDataHistory(ctx, { actor: request.actor, patientId: id, page: number });
      const page = await shell.staffPage(request, reply);
      return sendPage(reply, <DataHistoryPage page={page} history={history} />);
    });
  };
