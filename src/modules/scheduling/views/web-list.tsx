// "Turnos dados por web": the list with its total and pages, the CSV link, and the confirmation before
// cancelling or deleting one turno (which says exactly which). The filters: web-list-filters.tsx.
import { formatCivilDay, formatStamp, formatTime } from '../../../platform/calendar/format.js';
import type { Lang } from '../../../platform/i18n/lang.js';
import { Csrf } from '../../../views/layout.js';
import type { StaffPage } from '../../../views/page.js';
import { Pager } from '../../../views/pager.js';
import { Flash } from '../../../views/staff-kit.js';
import { StaffLayout } from '../../../views/staff-layout.js';
import { Alert } from '../../patients/views/form.js';
import { webListMessages } from '../web-list.messages.js';
import { type FilterParams, type ParsedFilters, webListLink } from '../web-list.params.js';
import type { WebListItem } from '../web-list.service.js';
import { Details, HiddenFields, link } from './common.js';
import { type Choices, Filters } from './web-list-filters.js';

/** What the list and the confirmation show of one turno. */
export type TurnoRow = Pick<
  WebListItem,
  | 'id'
  | 'date'
  | 'start'
  | 'patientName'
  | 'patientDni'
  | 'professionalName'
  | 'serviceName'
  | 'insurerName'
  | 'status'
  | 'reason'
  | 'bookedAt'
  | 'bookedIp'
>;

/** "lunes 23/11/2026": the list may span years, so the year is said. */
const dayOf = (lang: Lang, date: string) => `${formatCivilDay(lang, date)}/${date.slice(0, 4)}`;
const timeOf = (page: StaffPage, iso: string) => formatTime(page.lang, page.center.timeZone, Date.parse(iso));

function Row(props: { page: StaffPage; item: TurnoRow; params: FilterParams }) {
  const { page, item } = props;
  const t = webListMessages(page.lang);
  const zone = page.center.timeZone;
  const which = `${t('number')} ${item.id}, ${item.patientName}, ${dayOf(page.lang, item.date)} ${timeOf(page, item.start)}`;
  const back = link('', props.params);
  return (
    <tr>
      <td>
        <span class="nowrap">{dayOf(page.lang, item.date)}</span> <strong>{timeOf(page, item.start)}</strong>
      </td>
      <th scope="row">
        {item.patientName}
        <span class="hint nowrap">
          {t('dni')} {item.patientDni}
        </span>
      </th>
      <td>
        {item.professionalName}
        {item.serviceName && <span class="hint">{item.serviceName}</span>}
      </td>
      <td>{item.insurerName ?? t('selfPay')}</td>
      <td>
        <span class={`status ${item.status}`}>{t(`status_${item.status}`)}</span>
      </td>
      <td class="reason">{item.reason}</td>
      <td>
        {formatStamp(page.lang, zone, Date.parse(item.bookedAt))}
        {item.bookedIp && <span class="hint wrap-anywhere">{item.bookedIp}</span>}
      </td>
      <td class="web-list-actions">
        {item.status === 'reserved' && (
          <a href={`/staff/web/turnos/${item.id}/cancelar${back}`}>
            {t('cancel')}
            <span class="sr-only">: {which}</span>
          </a>
        )}
        <a href={`/staff/web/turnos/${item.id}/borrar${back}`}>
          {t('delete')}
          <span class="sr-only">: {which}</span>
        </a>
      </td>
    </tr>
  );
}

export function WebListPage(props: {
  page: StaffPage;
  filters: ParsedFilters;
  choices: Choices;
  result: { items: TurnoRow[]; total: number; page: number; pageSize: number } | null;
  flash?: string | undefined;
}) {
  const { page, filters, result } = props;
  const t = webListMessages(page.lang);
  const params = filters.params;
  return (
    <StaffLayout page={page} title={t('title')}>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <Flash text={props.flash} />
      <Filters page={page} filters={filters} choices={props.choices} />
      {result === null ? (
        <Alert>{t('fixFilters')}</Alert>
      ) : (
        <>
          <div class="list-bar">
            <p role="status">
              <strong>{t('total', { n: result.total })}</strong>
            </p>
            <a class="button secondary" href={link('/staff/web/turnos/exportar.csv', params)} download>
              {t('exportCsv')}
            </a>
            <span class="hint">{t('exportHint')}</span>
          </div>
          {result.items.length === 0 ? (
            <p class="muted">{t('none')}</p>
          ) : (
            <div class="table-wrap">
              <table class="dense web-list">
                <thead>
                  <tr>
                    <th scope="col">{t('dateTime')}</th>
                    <th scope="col">{t('patient')}</th>
                    <th scope="col">{t('professionalService')}</th>
                    <th scope="col">{t('insurer')}</th>
                    <th scope="col">{t('status')}</th>
                    <th scope="col">{t('reason')}</th>
                    <th scope="col">{t('bookedAtIp')}</th>
                    <th scope="col">{t('actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.items.map((item) => (
                    <Row key={item.id} page={page} item={item} params={params} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager
            lang={page.lang}
            page={result.page}
            pageSize={result.pageSize}
            total={result.total}
            href={(n) => webListLink(params, { pagina: n > 1 ? n : undefined })}
          />
        </>
      )}
    </StaffLayout>
  );
}

export function ConfirmPage(props: {
  page: StaffPage;
  kind: 'cancel' | 'delete';
  item: TurnoRow;
  params: FilterParams;
  alert?: string | undefined;
}) {
  const { page, item, kind } = props;
  const t = webListMessages(page.lang);
  const turno = t('turnoText', {
    number: item.id,
    day: dayOf(page.lang, item.date),
    time: timeOf(page, item.start),
    patient: `${item.patientName} (${t('dni')} ${item.patientDni})`,
    professional: item.professionalName,
  });
  const title = t(kind === 'cancel' ? 'cancelTitle' : 'deleteTitle');
  const rows: [string, string][] = [
    [t('number'), String(item.id)],
    [t('day'), dayOf(page.lang, item.date)],
    [t('time'), timeOf(page, item.start)],
    [t('patient'), item.patientName],
    [t('dni'), item.patientDni],
    [t('professional'), item.professionalName],
    [t('serviceShort'), item.serviceName ?? ''],
    [t('insurer'), item.insurerName ?? t('selfPay')],
    [t('status'), t(`status_${item.status}`)],
    [t('reason'), item.reason],
    [t('bookedAt'), formatStamp(page.lang, page.center.timeZone, Date.parse(item.bookedAt))],
  ];
  return (
    <StaffLayout page={page} title={title}>
      <h1>{title}</h1>
      {props.alert && <Alert>{props.alert}</Alert>}
      <p class="notice">
        <strong>{t(kind === 'cancel' ? 'cancelQuestion' : 'deleteQuestion', { turno })}</strong>
      </p>
      <Details rows={rows} />
      <p>{t(kind === 'cancel' ? 'cancelNote' : 'deleteNote')}</p>
      <form
        method="post"
        action={`/staff/web/turnos/${item.id}/${kind === 'cancel' ? 'cancelar' : 'borrar'}`}
        class="actions"
      >
        <Csrf page={page} />
        <HiddenFields values={props.params} />
        <button type="submit" class="danger">
          {t(kind === 'cancel' ? 'confirmCancel' : 'confirmDelete')}
        </button>
        <a class="button secondary" href={webListLink(props.params)}>
          {t(kind === 'cancel' ? 'keepCancel' : 'keepDelete')}
        </a>
      </form>
    </StaffLayout>
  );
}
