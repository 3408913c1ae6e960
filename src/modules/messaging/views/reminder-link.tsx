// The page a reminder's link opens: the turno in large print and one button (confirm, or cancel), or one
// plain sentence saying why there is nothing to do, with the center's phone.
import { formatLongDay, formatTime } from '../../../platform/calendar/format.js';
import { Csrf, Layout } from '../../../views/layout.js';
import type { Page } from '../../../views/page.js';
import { appointmentMessages } from '../../scheduling/appointment.messages.js';
import { Details } from '../../scheduling/views/common.js';
import type { LinkDetails, LinkView, ReminderAction } from '../reminder-links.service.js';
import { reminderLinksMessages } from '../reminders.messages.js';
import { REMINDER_LINK_PATHS } from '../template-values.rules.js';

type T = ReturnType<typeof reminderLinksMessages>;

function CallUs(props: { page: Page; t: T }) {
  const phone = props.page.center.phones.trim();
  return <p>{phone ? props.t('callUs', { phone }) : props.t('callUsNoPhone')}</p>;
}

function TurnoDetails(props: { page: Page; details: LinkDetails }) {
  const { page, details } = props;
  const a = appointmentMessages(page.lang);
  const t = reminderLinksMessages(page.lang);
  const zone = details.center.timeZone;
  const rows: [string, string][] = [
    [a('day'), formatLongDay(page.lang, zone, details.startMs)],
    [a('time'), formatTime(page.lang, zone, details.startMs)],
    [a('professional'), details.professional],
  ];
  if (details.service) rows.push([a(details.service.kind), details.service.name]);
  rows.push([t('center'), details.center.name]);
  if (page.center.address) rows.push([t('address'), page.center.address]);
  return (
    <div class="card">
      <Details rows={rows} />
    </div>
  );
}

/** What to say above the turno, and whether the button is offered. */
function situation(t: T, action: ReminderAction, view: Extract<LinkView, { details: unknown }>, done: boolean) {
  switch (view.state) {
    case 'past':
      return { text: t('past'), good: false, button: false };
    case 'cancelled':
      return action === 'cancel' && done
        ? { text: t('cancelledNow'), good: true, button: false }
        : { text: t('alreadyCancelled'), good: false, button: false };
    case 'confirmed':
      if (action === 'cancel') return { text: t('cancelAsk'), good: null, button: true };
      return { text: done ? t('confirmedNow') : t('alreadyConfirmed'), good: true, button: false };
    case 'open':
      return { text: action === 'confirm' ? t('confirmAsk') : t('cancelAsk'), good: null, button: true };
  }
}

export function ReminderLinkPage(props: {
  page: Page;
  action: ReminderAction;
  view: LinkView;
  token: string;
  /** This visitor's post just did it (the page after the redirect). */
  done: boolean;
  alert?: string | undefined;
}) {
  const { page, action, view } = props;
  const t = reminderLinksMessages(page.lang);
  const actionTitle = action === 'confirm' ? t('confirmTitle') : t('cancelTitle');
  const title = view.state === 'invalid' && !props.alert ? t('invalidTitle') : actionTitle;
  if (view.state === 'invalid' || view.state === 'gone' || props.alert) {
    return (
      <Layout page={page} title={title}>
        <div class="reminder-link">
          <h1>{title}</h1>
          <p class="notice" role="alert">
            {props.alert ?? (view.state === 'gone' ? t('gone') : t('invalid'))}
          </p>
          <CallUs page={page} t={t} />
        </div>
      </Layout>
    );
  }
  const now = situation(t, action, view, props.done);
  return (
    <Layout page={page} title={title}>
      <div class="reminder-link">
        <h1>{title}</h1>
        {now.good === null ? (
          <p>
            <strong>{now.text}</strong>
          </p>
        ) : (
          <p class={now.good ? 'ok' : 'notice'} role={now.good ? 'status' : 'alert'}>
            {now.text}
          </p>
        )}
        <TurnoDetails page={page} details={view.details} />
        {now.button && (
          <form method="post" action={REMINDER_LINK_PATHS[action]} class="one-action">
            <Csrf page={page} />
            <input type="hidden" name="token" value={props.token} />
            <button type="submit" class={action === 'cancel' ? 'danger' : undefined}>
              {action === 'confirm' ? t('confirmButton') : t('cancelButton')}
            </button>
          </form>
        )}
        <CallUs page={page} t={t} />
        {action === 'cancel' && view.state === 'cancelled' && props.done && (
          <p>
            <a href="/turnos/nuevo">{t('bookAnother')}</a>
          </p>
        )}
      </div>
    </Layout>
  );
}
