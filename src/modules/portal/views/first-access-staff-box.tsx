// The "Portal del paciente" box of the patient's record: the switch, what the record lacks for it, and
// "Reenviar email de confirmación" (the manual's "Reenvía email confirmación").

import { errorMessage } from '../../../errors.js';
import { formatStamp } from '../../../platform/calendar/format.js';
import type { Lang } from '../../../platform/i18n/lang.js';
import { Csrf } from '../../../views/layout.js';
import type { StaffPage } from '../../../views/page.js';
import { needsText, portalAccessMessages } from '../portal-access.messages.js';
import type { PortalAccessStatus } from '../portal-access.service.js';

/** Where the box's forms post, under the record's address. */
export const portalSwitchPath = (patientId: number) => `/staff/pacientes/${patientId}/portal`;
export const portalMailPath = (patientId: number) => `/staff/pacientes/${patientId}/portal/mail`;

/** The note after one of the box's actions (?ok=… on the record's address). */
export function portalFlash(lang: Lang, ok: string | undefined, email: string | null): string | undefined {
  const t = portalAccessMessages(lang);
  const to = email ?? '';
  switch (ok) {
    case 'portal-habilitado':
      return t('enabled');
    case 'portal-habilitado-mail':
      return t('enabledMailed', { email: to });
    case 'portal-deshabilitado':
      return t('disabled');
    case 'portal-mail':
      return t('mailed', { email: to });
    case 'portal-sin-cambios':
      return t('unchanged');
    default:
      return undefined;
  }
}

export function PortalAccessBox(props: { page: StaffPage; patientId: number; status: PortalAccessStatus }) {
  const { page, status } = props;
  const t = portalAccessMessages(page.lang);
  const stamp = (iso: string) => formatStamp(page.lang, page.center.timeZone, Date.parse(iso));
  const blocked = status.needs.length > 0 || status.emailTakenBy !== null;
  // Enabling is what the missing data forbid; switching off is always possible.
  const locked = !status.enabled && blocked;
  const problems: string[] = [];
  if (status.needs.length > 0) {
    const list = needsText(status.needs, page.lang);
    problems.push(status.enabled ? t('offWithNeeds', { list }) : t('needs', { list }));
  }
  if (status.emailTakenBy && status.userName) {
    problems.push(errorMessage('PORTAL_EMAIL_TAKEN', page.lang, { email: status.userName, ...status.emailTakenBy }));
  }
  const firstAccess = status.firstAccessDone
    ? t('firstAccessDone')
    : `${t('firstAccessPending')} (${status.linkExpiresAt ? t('linkUntil', { until: stamp(status.linkExpiresAt) }) : t('noLink')})`;
  return (
    <section id="portal" class="card portal-access" aria-labelledby="portal-title">
      <h2 id="portal-title">{t('title')}</h2>
      <p class="hint">{t('intro')}</p>
      <dl class="details">
        <dt>{t('state')}</dt>
        <dd>{status.enabled && status.enabledAt ? t('on', { since: stamp(status.enabledAt) }) : t('off')}</dd>
        <dt>{t('userName')}</dt>
        <dd>{status.userName ?? t('noUserName')}</dd>
        <dt>{t('firstAccess')}</dt>
        <dd>{firstAccess}</dd>
      </dl>
      {problems.length > 0 && (
        <div class="notice" id="portal-problems">
          {problems.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      )}
      <form method="post" action={portalSwitchPath(props.patientId)}>
        <Csrf page={page} />
        <div class="field check">
          <input
            type="checkbox"
            id="f-portal"
            name="portal"
            value="1"
            checked={status.enabled}
            disabled={locked}
            aria-describedby={['f-portal-hint', problems.length > 0 ? 'portal-problems' : ''].filter(Boolean).join(' ')}
          />
          <label for="f-portal">{t('switchLabel')}</label>
          <span class="hint" id="f-portal-hint">
            {t('switchHint')}
          </span>
        </div>
        <button type="submit" disabled={locked}>
          {t('save')}
        </button>
      </form>
      <form method="post" action={portalMailPath(props.patientId)}>
        <Csrf page={page} />
        <p class="hint" id="portal-resend-hint">
          {!status.enabled ? t('resendOff') : status.firstAccessDone ? t('resendDone') : t('resendHint')}
        </p>
        <button
          type="submit"
          class="secondary"
          disabled={!status.enabled || status.firstAccessDone}
          aria-describedby="portal-resend-hint"
        >
          {t('resend')}
        </button>
      </form>
    </section>
  );
}
