// /staff/auditoria: the audit log for admins, with filters kept in the address (bookmarkable, back-button safe).
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { formatStamp } from '../../platform/calendar/format.js';
import { type StaffPage, sendPage } from '../../views/page.js';
import { StaffLayout } from '../../views/staff-layout.js';
import type { WebShell } from '../../web/shell.js';
import { auditQuery } from './audit.api.js';
import { type AuditQuery, auditFilterOf, readAuditLog } from './audit.service.js';
import { staffMessages } from './staff.messages.js';

const PAGE_SIZE = 100;

type Entry = Awaited<ReturnType<typeof readAuditLog>>[number];

function AuditPage(props: { page: StaffPage; query: AuditQuery; entries: Entry[]; hasOlder: boolean }) {
  const { page, query } = props;
  const t = staffMessages(page.lang);
  const zone = page.center.timeZone;
  const pageLink = (offset: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...query, offset, limit: undefined })) {
      if (v !== undefined && v !== '' && v !== 0) params.set(k, String(v));
    }
    return `/staff/auditoria?${params}`;
  };
  return (
    <StaffLayout page={page} title={t('auditTitle')}>
      <h1>{t('auditTitle')}</h1>
      <p>{t('auditText')}</p>
      <form method="get" action="/staff/auditoria" class="filters">
        <label>
          {t('patientId')} <input name="patientId" inputMode="numeric" value={query.patientId ?? ''} size={8} />
        </label>
        <label>
          {t('actor')} <input name="actor" value={query.actor ?? ''} size={14} />
        </label>
        <label>
          {t('action')} <input name="action" value={query.action ?? ''} size={18} />
        </label>
        <label>
          {t('from')} <input type="date" name="from" value={query.from ?? ''} />
        </label>
        <label>
          {t('to')} <input type="date" name="to" value={query.to ?? ''} />
        </label>
        <button type="submit">{t('filter')}</button>
      </form>
      {props.entries.length === 0 ? (
        <p class="muted">{t('none')}</p>
      ) : (
        <div class="table-wrap">
          <table class="dense">
            <thead>
              <tr>
                <th scope="col">{t('when')}</th>
                <th scope="col">{t('who')}</th>
                <th scope="col">{t('action')}</th>
                <th scope="col">{t('patient')}</th>
                <th scope="col">{t('target')}</th>
                <th scope="col">{t('ip')}</th>
                <th scope="col">{t('detail')}</th>
              </tr>
            </thead>
            <tbody>
              {props.entries.map((e) => (
                <tr key={e.id}>
                  <td>{formatStamp(page.lang, zone, Date.parse(e.at))}</td>
                  <td>
                    {e.actorName} <span class="muted">({e.actorRef})</span>
                  </td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td>{e.patientId ?? ''}</td>
                  <td>{e.target}</td>
                  <td>{e.ip}</td>
                  <td>{e.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p class="actions">
        {query.offset > 0 && <a href={pageLink(Math.max(0, query.offset - PAGE_SIZE))}>{t('newer')}</a>}
        {props.hasOlder && <a href={pageLink(query.offset + PAGE_SIZE)}>{t('older')}</a>}
      </p>
    </StaffLayout>
  );
}

export const auditRoutes =
  (ctx: AppContext, shell: WebShell): FastifyPluginAsync =>
  async (app) => {
    app.get('/staff/auditoria', { schema: { hide: true } }, async (request, reply) => {
      if (!shell.requireStaff(request, reply, ['admin'])) return reply;
      const raw = Object.fromEntries(
        Object.entries(request.query as Record<string, unknown>).filter(([, v]) => v !== ''),
      );
      const parsed = auditQuery.safeParse({ ...raw, limit: PAGE_SIZE + 1 });
      if (!parsed.success) {
        throw new AppError('VALIDATION_ERROR', { detail: parsed.error.issues.map((i) => i.path.join('.')).join(', ') });
      }
      const query = parsed.data;
      const [page, rows] = await Promise.all([
        shell.staffPage(request, reply),
        auditFilterOf(ctx, query).then((filter) => readAuditLog(ctx, { actor: request.actor, filter })),
      ]);
      return sendPage(
        reply,
        <AuditPage page={page} query={query} entries={rows.slice(0, PAGE_SIZE)} hasOlder={rows.length > PAGE_SIZE} />,
      );
    });
  };
