// PRESTACIONES → MÓDULO DE ENVÍO DE MAILS/SMS → CONFIGURACIÓN: one channel at a time (tabs that are plain
// links), its settings on the left and, as the manual has it, the test on the right. Settings and test are
// one form, so a test uses what is typed even before it is saved.
import type { ComponentChildren } from 'preact';
import { formatStamp } from '../../../platform/calendar/format.js';
import type { MessageChannel } from '../../../platform/db/schema.js';
import { Csrf } from '../../../views/layout.js';
import type { StaffPage } from '../../../views/page.js';
import { Flash } from '../../../views/staff-kit.js';
import { StaffLayout } from '../../../views/staff-layout.js';
import { ErrorSummary, type FormState } from '../../patients/views/form.js';
import { CHANNELS } from '../channels.form.js';
import { channelsMessages } from '../channels.messages.js';
import type { ChannelSettingsView, MailTestResult, TextTestResult } from '../channels.service.js';
import { formatMobile } from '../phone.rules.js';
import { fieldLabels, MailFields, SmsFields, TestFields, WhatsAppFields } from './channel-fields.js';

export const CHANNELS_PATH = '/staff/mensajes/configuracion';
export const REMOVE_PATH = `${CHANNELS_PATH}/quitar`;

export const channelUrl = (channel: MessageChannel, ok?: string) =>
  `${CHANNELS_PATH}?canal=${channel}${ok ? `&ok=${ok}` : ''}`;

export type TestResult = { kind: 'mail'; result: MailTestResult } | { kind: 'text'; result: TextTestResult };

type T = ReturnType<typeof channelsMessages>;

function Tabs(props: { channel: MessageChannel; t: T }) {
  return (
    <nav aria-label={props.t('channels')}>
      <ul class="actions">
        {CHANNELS.map((c) => (
          <li key={c}>
            <a
              href={channelUrl(c)}
              class={c === props.channel ? 'button' : 'button secondary'}
              aria-current={c === props.channel ? 'page' : undefined}
            >
              {props.t(c)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Help(props: { channel: MessageChannel; t: T }) {
  const { t } = props;
  const paragraphs =
    props.channel === 'mail'
      ? [t('mailHelp1'), t('mailHelp2'), t('mailHelp3')]
      : props.channel === 'sms'
        ? [t('smsHelp1'), t('smsHelp2'), t('mobilesHelp')]
        : [t('waHelp1'), t('waHelp2'), t('mobilesHelp')];
  return (
    <div class="info" id="ayuda">
      {paragraphs.map((p) => (
        <p key={p}>{p}</p>
      ))}
    </div>
  );
}

function Detail(props: { term: string; value: string | number | null | undefined }) {
  if (props.value === undefined || props.value === null || props.value === '') return null;
  return (
    <>
      <dt>{props.term}</dt>
      <dd>{String(props.value)}</dd>
    </>
  );
}

/** The server's or provider's own words, whichever way it went: what an admin passes on to support. */
function Result(props: { test: TestResult; typedSecret: boolean; t: T }) {
  const { test, t } = props;
  const ok = test.result.ok;
  const title = !ok
    ? t('testFailed')
    : test.kind === 'text' && test.result.ok && test.result.verifyOnly
      ? t('testVerified')
      : t('testSent');
  let details: ComponentChildren;
  if (test.kind === 'mail') {
    const r = test.result;
    details = r.ok ? (
      <>
        <Detail term={t('sentTo')} value={r.to} />
        <Detail term={t('serverAnswer')} value={r.response} />
      </>
    ) : (
      <>
        <Detail term={t('serverAnswer')} value={r.response} />
        <Detail term={t('smtpCode')} value={r.responseCode} />
        <Detail term={t('errorCode')} value={r.code} />
        <Detail term={t('message')} value={r.message} />
      </>
    );
  } else {
    const r = test.result;
    details = r.ok ? (
      <>
        <Detail term={t('sentTo')} value={formatMobile(r.to)} />
        <Detail term={t('providerId')} value={r.providerId} />
      </>
    ) : (
      <>
        <Detail term={t('sentTo')} value={formatMobile(r.to)} />
        <Detail term={t('reason')} value={r.error.reason} />
        <Detail term={t('kind')} value={t(r.error.kind === 'temporary' ? 'kind_temporary' : 'kind_permanent')} />
        <Detail term={t('httpStatus')} value={r.error.status} />
        <Detail term={t('providerCode')} value={r.error.providerCode} />
        <Detail term={t('providerAnswer')} value={r.error.answer} />
      </>
    );
  }
  return (
    <div class={ok ? 'ok' : 'notice'} role={ok ? 'status' : 'alert'} id="resultado">
      <p>
        <strong>{title}</strong>
      </p>
      <dl class="details">{details}</dl>
      {props.typedSecret && <p>{t('typedSecretNotSaved')}</p>}
    </div>
  );
}

export function ChannelsPage(props: {
  page: StaffPage;
  channel: MessageChannel;
  view: ChannelSettingsView;
  form: FormState;
  flash?: string | undefined;
  test?: TestResult | undefined;
  /** A secret was typed and used for the test only: it is not on the page any more. */
  typedSecret?: boolean;
}) {
  const { page, channel, view, form } = props;
  const t = channelsMessages(page.lang);
  const state = view[channel];
  const status = state
    ? t('configured', {
        when: formatStamp(page.lang, page.center.timeZone, Date.parse(state.updatedAt)),
        who: state.updatedBy,
      })
    : t(channel === 'mail' ? 'mailNotConfigured' : 'notConfigured');
  const fields =
    channel === 'mail' ? (
      <MailFields form={form} lang={page.lang} saved={Boolean(view.mail?.hasSecret)} />
    ) : channel === 'sms' ? (
      <SmsFields form={form} lang={page.lang} savedProvider={view.sms?.hasSecret ? view.sms.settings.provider : null} />
    ) : (
      <WhatsAppFields form={form} lang={page.lang} saved={Boolean(view.whatsapp?.hasSecret)} />
    );
  return (
    <StaffLayout page={page} title={`${t('title')} · ${t(channel)}`}>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <Tabs channel={channel} t={t} />
      <Flash text={props.flash} />
      <h2>{t(channel)}</h2>
      <p class="muted">{status}</p>
      <Help channel={channel} t={t} />
      <ErrorSummary lang={page.lang} errors={form.errors} labels={fieldLabels(channel, page.lang)} />
      <form method="post" action={channelUrl(channel)} class="cards" novalidate>
        <Csrf page={page} />
        <input type="hidden" name="canal" value={channel} />
        <div class="card">
          {fields}
          <button type="submit" name="accion" value="guardar">
            {t('save')}
          </button>
        </div>
        <div class="card">
          <h3 class="box-title">{t('test')}</h3>
          <p class="hint">{t(channel === 'mail' ? 'testMailHint' : 'testTextHint')}</p>
          {props.test && <Result test={props.test} typedSecret={Boolean(props.typedSecret)} t={t} />}
          <TestFields channel={channel} form={form} lang={page.lang} />
          <button type="submit" name="accion" value="probar" class="secondary">
            {t('sendTest')}
          </button>
        </div>
      </form>
      {state && (
        <form method="post" action={REMOVE_PATH} class="card">
          <Csrf page={page} />
          <input type="hidden" name="canal" value={channel} />
          <p class="hint" id="quitar-hint">
            {t('removeHint')}
          </p>
          <button type="submit" class="danger" aria-describedby="quitar-hint">
            {t('remove')}
          </button>
        </form>
      )}
    </StaffLayout>
  );
}
