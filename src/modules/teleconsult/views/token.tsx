// Generar token: the code in large grouped digits (read out), a countdown and the next code, "Copiar", the
// mail to the professional of a teleconsultation turno, the PDF, and the way to printed series. token.js
// counts down and swaps codes; without it, "Generar otro" reloads.
import { formatLongDay, formatTime } from '../../../platform/calendar/format.js';
import { Csrf, Layout } from '../../../views/layout.js';
import type { Page } from '../../../views/page.js';
import { PortalNav } from '../../portal/views/portal-nav.js';
import { clockTime, tokenMessages } from '../token.messages.js';
import { groupDigits } from '../token.rules.js';
import type { MailableTurno, TokenNow } from '../token.service.js';

export function TokenPage(props: {
  page: Page;
  token: TokenNow;
  turnos: MailableTurno[];
  notice?: string | null;
  alert?: string | null;
  chosen?: string;
}) {
  const { page, token, turnos } = props;
  const { lang } = page;
  const t = tokenMessages(lang);
  const zone = token.center.timeZone;
  const seconds = Math.ceil(token.expiresInMs / 1000);
  const mailable = turnos.filter((x) => x.mailable);
  const chosen = props.chosen ?? (mailable.length === 1 ? String(mailable[0]?.id) : '');
  return (
    <Layout page={page} title={t('title')}>
      <h1>{t('title')}</h1>
      <PortalNav page={page} />
      {props.notice && (
        <p class="ok" role="status">
          {props.notice}
        </p>
      )}
      {props.alert && (
        <p class="notice" role="alert">
          {props.alert}
        </p>
      )}
      <p>{t('intro')}</p>
      <section
        class="card token-card"
        aria-labelledby="token-label"
        data-token-url="/api/v1/me/token"
        data-expires-in-ms={String(token.expiresInMs)}
        data-copied={t('copied')}
        data-copy-failed={t('copyFailed')}
      >
        <h2 id="token-label">{t('codeLabel')}</h2>
        <p class="token-code" aria-live="polite" aria-atomic="true" data-token-code>
          {groupDigits(token.code)}
        </p>
        <p class="token-countdown">
          <span data-token-countdown>{t('expiresIn', { seconds })}</span>{' '}
          <span class="muted">{t('validUntil', { time: clockTime(zone, token.validUntilMs) })}</span>
        </p>
        <p class="token-next">
          {t('nextLabel')}: <strong data-token-next>{groupDigits(token.nextCode)}</strong>{' '}
          <span class="muted">{t('nextHint')}</span>
        </p>
        <p class="actions">
          <a class="button" href="/portal/token" data-token-reload>
            {t('another')}
          </a>
        </p>
        <p class="hint">{t('anotherHint')}</p>
      </section>

      <h2>{t('howTitle')}</h2>
      <section class="card">
        <h3>{t('sayTitle')}</h3>
        <p>{t('sayText')}</p>
      </section>
      <section class="card">
        <h3>{t('copyTitle')}</h3>
        <p>{t('copyText')}</p>
        <div class="field">
          <label for="token-copy">{t('copyField')}</label>
          <input id="token-copy" class="token-copy" type="text" readOnly value={token.code} inputMode="numeric" />
        </div>
        <p class="actions">
          <button type="button" class="button" data-token-copy hidden>
            {t('copy')}
          </button>
        </p>
        <p class="ok" role="status" data-token-copy-status hidden />
      </section>
      <section class="card">
        <h3>{t('mailTitle')}</h3>
        {turnos.length === 0 ? (
          <p class="muted">{t('mailNone')}</p>
        ) : mailable.length === 0 ? (
          <p class="muted">{t('mailNoneMailable')}</p>
        ) : (
          <form method="post" action="/portal/token/enviar">
            <Csrf page={page} />
            <p>{t('mailText')}</p>
            <div class="field">
              <label for="f-appointmentId">{t('mailTurno')}</label>
              <select id="f-appointmentId" name="appointmentId" required>
                {turnos.map((x) => (
                  <option key={x.id} value={String(x.id)} disabled={!x.mailable} selected={String(x.id) === chosen}>
                    {`${formatLongDay(lang, zone, x.startsAtMs)} ${formatTime(lang, zone, x.startsAtMs)} — ${x.professional}${x.what ? ` (${x.what})` : ''}${x.mailable ? '' : ` — ${t('mailNoEmail')}`}`}
                  </option>
                ))}
              </select>
            </div>
            <p class="actions">
              <button type="submit" class="button">
                {t('mailSend')}
              </button>
            </p>
          </form>
        )}
      </section>
      <section class="card">
        <h3>{t('pdfTitle')}</h3>
        <p>{t('pdfText')}</p>
        <p class="actions">
          <a class="button secondary" href="/portal/token/pdf">
            {t('pdfLink')}
          </a>
        </p>
      </section>
      <section class="card">
        <h3>{t('seriesTitle')}</h3>
        <p>{t('seriesText')}</p>
        <p class="actions">
          <a class="button secondary" href="/portal/token/series">
            {t('seriesLink')}
          </a>
        </p>
      </section>
      <script src={page.assets['token.js']} defer />
    </Layout>
  );
}
