// One batch: what it was made from and who was left out; before sending, its list with Quitar, the CSV and
// the send button; after, the progress read from the outbox (updated by app.js, or by "Actualizar") and the
// state of each row.
import { Fragment } from 'preact';
import { formatStamp } from '../../../platform/calendar/format.js';
import { Csrf } from '../../../views/layout.js';
import type { StaffPage } from '../../../views/page.js';
import { Pager } from '../../../views/pager.js';
import { Flash } from '../../../views/staff-kit.js';
import { StaffLayout } from '../../../views/staff-layout.js';
import { Alert } from '../../patients/views/form.js';
import type { DeskChoices } from '../batches.desk.service.js';
import { LEFT_OUT_REASONS } from '../batches.rules.js';
import type { BatchView } from '../batches.service.js';
import { dmy } from '../batches.view.js';
import { type SendDeskT, sendDeskMessages } from '../send-desk.messages.js';
import { DESK_PATH } from './send-desk-form.js';
import { RowsTable } from './send-desk-rows.js';

function names(all: { id: number; name: string }[], ids: number[], none: string): string {
  if (ids.length === 0) return none;
  return ids.map((id) => all.find((n) => n.id === id)?.name ?? `#${id}`).join(', ');
}

function Summary(props: { page: StaffPage; batch: BatchView; choices: DeskChoices }) {
  const { page, batch, choices } = props;
  const t = sendDeskMessages(page.lang);
  const f = batch.filters;
  const zone = page.center.timeZone;
  const rows: [string, string][] = [
    [t('template'), `${batch.templateTitle} (${t(`channel_${batch.channel}`)})`],
    [
      t('audience'),
      batch.audience === 'appointments' && f.from && f.to
        ? t('turnosRange', { from: dmy(f.from), to: dmy(f.to) })
        : t('allPatients'),
    ],
    [t('who'), t(`sent_${f.sent}`)],
    [t('insurers'), names(choices.insurers, f.insurerIds, t('allFem'))],
  ];
  if (batch.audience === 'appointments') {
    const services = [names(choices.specialties, f.specialtyIds, ''), names(choices.studies, f.studyIds, '')];
    rows.push([t('services'), services.filter(Boolean).join(', ') || t('allFem')]);
    rows.push([t('professionals'), names(choices.professionals, f.professionalIds, t('all'))]);
  }
  rows.push([
    t('createdAt'),
    t('generatedBy', { name: batch.createdBy, at: formatStamp(page.lang, zone, Date.parse(batch.createdAt)) }),
  ]);
  if (batch.queuedAt) rows.push([t('queuedAt'), formatStamp(page.lang, zone, Date.parse(batch.queuedAt))]);
  return (
    <dl class="details">
      {rows.map(([label, value]) => (
        <Fragment key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

function LeftOut(props: { t: SendDeskT; batch: BatchView }) {
  const { t, batch } = props;
  const total = LEFT_OUT_REASONS.reduce((sum, r) => sum + batch.leftOut[r], 0);
  if (total === 0) return null;
  return (
    <div class="info send-desk-left-out">
      <p>{t(batch.audience === 'appointments' ? 'leftOutTurnos' : 'leftOutPatients', { n: total })}</p>
      <ul>
        {LEFT_OUT_REASONS.filter((r) => batch.leftOut[r] > 0).map((r) => (
          <li key={r}>{t(`left_${r}`, { n: batch.leftOut[r] })}</li>
        ))}
      </ul>
      <p class="hint">{t('leftOutHint')}</p>
    </div>
  );
}

function DraftBar(props: { page: StaffPage; batch: BatchView }) {
  const { page, batch } = props;
  const t = sendDeskMessages(page.lang);
  return (
    <>
      <div class="list-bar">
        <p role="status">
          <strong>{t('recipients', { n: batch.kept })}</strong>
          {batch.removed > 0 && <> · {t('removedCount', { n: batch.removed })}</>}
        </p>
        {batch.removed > 0 && (
          <form method="post" action={`${DESK_PATH}/${batch.id}/restaurar`} class="inline">
            <Csrf page={page} />
            <button type="submit" class="secondary">
              {t('restore')}
            </button>
          </form>
        )}
        <a class="button secondary" href={`${DESK_PATH}?lote=${batch.id}`}>
          {t('changeFilters')}
        </a>
        {batch.kept > 0 && (
          <a class="button secondary" href={`${DESK_PATH}/${batch.id}/listado.csv`} download>
            {t('exportCsv')}
          </a>
        )}
      </div>
      {batch.kept > 0 && (
        <form method="post" action={`${DESK_PATH}/${batch.id}/enviar`} class="send-desk-send">
          <Csrf page={page} />
          <button type="submit">{t(`send_${batch.channel}`)}</button>
          <span class="hint">{t('sendHint')}</span>
        </form>
      )}
    </>
  );
}

function Progress(props: { page: StaffPage; batch: BatchView }) {
  const { page, batch } = props;
  const t = sendDeskMessages(page.lang);
  const p = batch.progress ?? { total: 0, pending: 0, sent: 0, failed: 0, cancelled: 0 };
  const busy = p.pending > 0;
  const figures: [string, keyof typeof p][] = [
    [t('sentCount'), 'sent'],
    [t('failedCount'), 'failed'],
    [t('pendingCount'), 'pending'],
    [t('totalCount'), 'total'],
  ];
  return (
    <section
      aria-labelledby="progress-title"
      data-progress-url={busy ? `${DESK_PATH}/${batch.id}/progreso` : undefined}
    >
      <h2 id="progress-title">{t('progress')}</h2>
      <progress max={Math.max(1, p.total)} value={p.total - p.pending} aria-labelledby="progress-title" />
      <dl class="figures">
        {figures.map(([label, key]) => (
          <div key={key}>
            <dt>{label}</dt>
            <dd data-count={key}>{p[key]}</dd>
          </div>
        ))}
      </dl>
      <p role="status">
        {busy ? (
          <>
            {t('sending')} <a href={`${DESK_PATH}/${batch.id}`}>{t('refresh')}</a>
          </>
        ) : (
          t('finished')
        )}
      </p>
      {p.failed > 0 && <p class="hint">{t('failedHint')}</p>}
      <div class="actions">
        <a class="button" href={DESK_PATH}>
          {t('newSend')}
        </a>
        <a class="button secondary" href={`${DESK_PATH}/${batch.id}/listado.csv`} download>
          {t('exportCsv')}
        </a>
      </div>
    </section>
  );
}

export function BatchPage(props: {
  page: StaffPage;
  batch: BatchView;
  choices: DeskChoices;
  flash?: string | undefined;
  alert?: string | undefined;
}) {
  const { page, batch } = props;
  const t = sendDeskMessages(page.lang);
  const draft = batch.status === 'draft';
  const title = draft ? t('draftTitle', { id: batch.id }) : t('queuedTitle', { id: batch.id });
  return (
    <StaffLayout page={page} title={title}>
      <h1>{title}</h1>
      <Flash text={props.flash} />
      {props.alert && <Alert>{props.alert}</Alert>}
      <Summary page={page} batch={batch} choices={props.choices} />
      {batch.channelConfigured === false && (
        <p class="notice">
          {t('channelMissing', { channel: t(`channel_${batch.channel}`) })}{' '}
          {page.staff?.role === 'admin' && <a href="/staff/mensajes/configuracion">{t('channelsLink')}</a>}
        </p>
      )}
      <LeftOut t={t} batch={batch} />
      {draft ? <DraftBar page={page} batch={batch} /> : <Progress page={page} batch={batch} />}
      {batch.total === 0 ? <p class="muted">{t('empty')}</p> : <RowsTable page={page} batch={batch} />}
      <Pager
        lang={page.lang}
        page={batch.page}
        pageSize={batch.pageSize}
        total={batch.total}
        href={(n) => `${DESK_PATH}/${batch.id}${n > 1 ? `?pagina=${n}` : ''}`}
      />
    </StaffLayout>
  );
}
