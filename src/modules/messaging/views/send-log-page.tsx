// Registro de envíos: the manual's filters as a GET form (so a filtered log is an address), the log a page at a
// time, each message folded in a <details> so a hundred of them still read as a table.
import type { ComponentChildren } from 'preact';
import { formatCivilDay, formatStamp, formatTime } from '../../../platform/calendar/format.js';
import type { StaffPage } from '../../../views/page.js';
import { Pager } from '../../../views/pager.js';
import { StaffLayout } from '../../../views/staff-layout.js';
import { Alert } from '../../patients/views/form.js';
import { link } from '../../scheduling/views/common.js';
import { kindText, type SendLogT, sendLogMessages } from '../send-log.messages.js';
import type { DeliveryState, SendLogItem, SendLogQuery, SendLogState } from '../send-log.service.js';

export const SEND_LOG_PATH = '/staff/mensajes/registro';

/** The address's parameters: Spanish words, as the rest of the back office. */
export const FILTER_KEYS = ['desde', 'hasta', 'tipo', 'estado', 'paciente', 'lote'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type FilterParams = Partial<Record<FilterKey, string>>;
export type FilterProblem = 'date' | 'choice' | 'batch' | 'range';

export const CHANNELS = ['mail', 'sms', 'whatsapp'] as const;
export const STATE_PARAM: Record<SendLogState, string> = {
  sent: 'enviado',
  pending: 'sin-enviar',
  error: 'con-error',
  cancelled: 'cancelado',
};

export interface ParsedFilters {
  query: SendLogQuery;
  /** The valid filters, as address parameters. */
  params: FilterParams;
  /** What was typed, to show again. */
  values: Record<FilterKey, string>;
  errors: Partial<Record<FilterKey, FilterProblem>>;
}

export interface SendLogResult {
  items: SendLogItem[];
  total: number;
  page: number;
  pageSize: number;
}

const PROBLEM_TEXT = { date: 'badDate', choice: 'badChoice', batch: 'badBatch', range: 'badRange' } as const;

/** The tint repeats the word; these classes already carry the back office's green, amber and red. */
const STATE_CLASS: Record<DeliveryState, string> = {
  sent: 'account-activated',
  pending: 'account-pending',
  retrying: 'account-pending',
  failed: 'account-disabled',
  cancelled: 'cancelled',
};

export const sendLogLink = (params: FilterParams, extra: Record<string, string | number | undefined> = {}) =>
  link(SEND_LOG_PATH, { ...params, ...extra });

function control(filters: ParsedFilters, name: FilterKey) {
  const bad = filters.errors[name] !== undefined;
  return {
    id: `f-${name}`,
    name,
    'aria-invalid': bad ? ('true' as const) : undefined,
    'aria-describedby': bad ? `f-${name}-error` : undefined,
  };
}

function Labelled(props: {
  t: SendLogT;
  label: string;
  hint?: string;
  name: FilterKey;
  filters: ParsedFilters;
  children: ComponentChildren;
}) {
  const problem = props.filters.errors[props.name];
  return (
    <label for={`f-${props.name}`}>
      {props.label}
      {props.hint && <span class="hint">{props.hint}</span>}
      {props.children}
      {problem && (
        <span class="field-error filter-error" id={`f-${props.name}-error`}>
          {props.t(PROBLEM_TEXT[problem])}
        </span>
      )}
    </label>
  );
}

function Choice(props: { t: SendLogT; label: string; name: FilterKey; filters: ParsedFilters; options: string[][] }) {
  const chosen = props.filters.values[props.name];
  return (
    <Labelled t={props.t} label={props.label} name={props.name} filters={props.filters}>
      <select {...control(props.filters, props.name)}>
        <option value="">{props.t('all')}</option>
        {props.options.map(([value, label]) => (
          <option key={value} value={value} selected={value === chosen}>
            {label}
          </option>
        ))}
      </select>
    </Labelled>
  );
}

function Filters(props: { t: SendLogT; filters: ParsedFilters }) {
  const { t, filters } = props;
  const input = (name: FilterKey, type = 'text') => (
    <input type={type} value={filters.values[name]} {...control(filters, name)} />
  );
  return (
    <form method="get" action={SEND_LOG_PATH} class="filters web-filters" aria-label={t('filters')}>
      <fieldset>
        <legend>{t('sentDate')}</legend>
        <Labelled t={t} label={t('from')} name="desde" filters={filters}>
          {input('desde', 'date')}
        </Labelled>
        <Labelled t={t} label={t('to')} name="hasta" filters={filters}>
          {input('hasta', 'date')}
        </Labelled>
      </fieldset>
      <Choice
        t={t}
        label={t('channel')}
        name="tipo"
        filters={filters}
        options={CHANNELS.map((c) => [c, t(`channel_${c}`)])}
      />
      <Choice
        t={t}
        label={t('state')}
        name="estado"
        filters={filters}
        options={Object.entries(STATE_PARAM).map(([s, word]) => [word, t(`filter_${s as SendLogState}`)])}
      />
      <Labelled t={t} label={t('patient')} hint={t('patientHint')} name="paciente" filters={filters}>
        <input type="search" value={filters.values.paciente} maxLength={60} {...control(filters, 'paciente')} />
      </Labelled>
      <Labelled t={t} label={t('batch')} name="lote" filters={filters}>
        <input type="text" inputMode="numeric" size={6} value={filters.values.lote} {...control(filters, 'lote')} />
      </Labelled>
      <div class="actions">
        <button type="submit">{t('filter')}</button>
        <a class="button secondary" href={SEND_LOG_PATH}>
          {t('lastWeek')}
        </a>
      </div>
    </form>
  );
}

/** The first words of a text message, for the folded summary. */
const opening = (text: string) => (text.length > 60 ? `${text.slice(0, 57).trimEnd()}…` : text);

function Message(props: { t: SendLogT; item: SendLogItem }) {
  const { t, item } = props;
  const summary = item.channel === 'mail' ? item.subject : opening(item.text);
  // A short SMS is its own summary: folding it would only repeat it.
  if (item.channel !== 'mail' && summary === item.text && !item.text.includes('\n')) {
    return <p class="message wrap-anywhere">{item.text || t('emptyText')}</p>;
  }
  return (
    <details>
      <summary>{summary || t('emptyText')}</summary>
      {item.channel === 'mail' && (
        <p>
          <strong>{t('subject')}:</strong> {item.subject}
        </p>
      )}
      <p class="message wrap-anywhere">{item.text || t('emptyText')}</p>
    </details>
  );
}

function Row(props: { page: StaffPage; t: SendLogT; item: SendLogItem }) {
  const { page, t, item } = props;
  const zone = page.center.timeZone;
  const stamp = (iso: string) => formatStamp(page.lang, zone, Date.parse(iso));
  const turno = item.appointment;
  const waiting = item.state === 'pending' || item.state === 'retrying';
  return (
    <tr>
      <td>
        {item.sentAt !== null ? (
          stamp(item.sentAt)
        ) : (
          <>
            <span class="hint">{t(waiting ? 'queuedSince' : 'notSentQueued')}</span> {stamp(item.createdAt)}
          </>
        )}
      </td>
      <td>{item.sentBy || <span class="muted">{t('noUser')}</span>}</td>
      <th scope="row">
        {item.patient ? (
          <>
            {item.patient.name}
            <span class="hint nowrap">
              {t('dni')} {item.patient.dni}
            </span>
          </>
        ) : (
          <span class="muted">{t('noPatient')}</span>
        )}
      </th>
      <td>
        {t(`channel_${item.channel}`)}
        <span class="hint wrap-anywhere">{item.recipient}</span>
        <span class="hint">{kindText(t, item.kind)}</span>
        {item.batchId !== null && (
          <a class="hint" href={sendLogLink({ lote: String(item.batchId) })}>
            {t('batchNumber', { id: item.batchId })}
          </a>
        )}
      </td>
      <td>
        <span class={`status ${STATE_CLASS[item.state]}`}>{t(`state_${item.state}`)}</span>
        {item.error && <span class="hint wrap-anywhere">{item.error}</span>}
        {item.attempts > 0 && <span class="hint">{t('attempts', { n: item.attempts })}</span>}
      </td>
      <td class="reason">
        <Message t={t} item={item} />
      </td>
      {turno ? (
        <>
          <td class="nowrap">
            {formatCivilDay(page.lang, turno.startsAt.slice(0, 10))}/{turno.startsAt.slice(0, 4)}
          </td>
          <td>{formatTime(page.lang, zone, Date.parse(turno.startsAt))}</td>
          <td>{turno.professional}</td>
        </>
      ) : (
        // A deleted turno leaves the message (its link is set to null): nothing to say of it.
        <td colSpan={3} />
      )}
    </tr>
  );
}

export function SendLogPage(props: { page: StaffPage; filters: ParsedFilters; result: SendLogResult | null }) {
  const { page, filters, result } = props;
  const t = sendLogMessages(page.lang);
  const params = filters.params;
  const columns = [
    'col_sentAt',
    'col_user',
    'col_patient',
    'col_channel',
    'col_state',
    'col_message',
    'col_turnoDate',
    'col_turnoTime',
    'col_professional',
  ] as const;
  return (
    <StaffLayout page={page} title={t('title')}>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <Filters t={t} filters={filters} />
      {result === null ? (
        <Alert>{t('fixFilters')}</Alert>
      ) : (
        <>
          <div class="list-bar">
            <p role="status">
              <strong>{t('total', { n: result.total })}</strong>
            </p>
            <a class="button secondary" href={link(`${SEND_LOG_PATH}/exportar.csv`, params)} download>
              {t('exportCsv')}
            </a>
            <span class="hint">{t('exportHint')}</span>
          </div>
          {result.items.length === 0 ? (
            <p class="muted">{t('none')}</p>
          ) : (
            <div class="table-wrap">
              <table class="dense web-list send-log">
                <thead>
                  <tr>
                    {columns.map((c) => (
                      <th scope="col" key={c}>
                        {t(c)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {result.items.map((item) => (
                    <Row key={item.id} page={page} t={t} item={item} />
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
            href={(n) => sendLogLink(params, { pagina: n > 1 ? n : undefined })}
          />
          <p class="hint">{t('linksHidden')}</p>
        </>
      )}
    </StaffLayout>
  );
}
