import type { ComponentChildren } from 'preact';
import { CSRF_FIELD } from '../platform/http/csrf.js';
import { layoutMessages } from './layout.messages.js';
import type { Page } from './page.js';

export function idleSpan(page: Page): string {
  const t = layoutMessages(page.lang);
  const s = page.idleSeconds;
  return s % 60 === 0 ? t('minutes', { n: s / 60 }) : t('seconds', { n: s });
}

/** The hidden CSRF field every form carries. */
export function Csrf(props: { page: Page }) {
  return <input type="hidden" name={CSRF_FIELD} value={props.page.csrf} />;
}

/** The warning app.js opens before the idle time ends (it looks for these ids and the button's data attribute). */
export function IdleWarning(props: { page: Page }) {
  const t = layoutMessages(props.page.lang);
  return (
    <dialog id="idle-warning" aria-labelledby="idle-warning-text">
      <p id="idle-warning-text">{t('idleWarning')}</p>
      <button type="button" data-stay-connected>
        {t('stayConnected')}
      </button>
    </dialog>
  );
}

function Nav(props: { page: Page }) {
  const { page } = props;
  const t = layoutMessages(page.lang);
  const links: [string, string][] = page.patient
    ? [
        ['/', t('home')],
        ...(page.patient.portal ? [['/portal', t('portal')] as [string, string]] : []),
        ['/mis-turnos', t('myAppointments')],
        ['/turnos/nuevo', t('book')],
        ['/obras-sociales', t('insurers')],
        ['/mis-datos', t('myData')],
        ['/ayuda', t('help')],
      ]
    : [
        ['/', t('home')],
        ['/ingresar', t('login')],
        ['/registrarse', t('register')],
        ['/obras-sociales', t('insurers')],
        ['/ayuda', t('help')],
      ];
  const current = page.here.split('?')[0];
  return (
    <nav aria-label={t('menu')}>
      <ul class="menu">
        {links.map(([href, label]) => (
          <li key={href}>
            <a href={href} aria-current={current === href ? 'page' : undefined}>
              {label}
            </a>
          </li>
        ))}
        {page.patient && (
          <li>
            <form method="post" action="/salir" class="inline">
              <Csrf page={page} />
              <button type="submit" class="link">
                {t('logout')}
              </button>
            </form>
          </li>
        )}
        <li>
          <a
            href={`/idioma?lang=${t('otherLangCode')}&volver=${encodeURIComponent(page.here)}`}
            lang={t('otherLangCode')}
          >
            {t('otherLang')}
          </a>
        </li>
      </ul>
    </nav>
  );
}

/** Every page: the center's name and menu on top, its contact data at the foot. */
export function Layout(props: { page: Page; title: string; children: ComponentChildren }) {
  const { page } = props;
  const { center } = page;
  const t = layoutMessages(page.lang);
  return (
    <html lang={page.lang === 'es' ? 'es-AR' : 'en'}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · ${center.name}`}</title>
        <link rel="stylesheet" href={page.assets['app.css']} />
        <script src={page.assets['app.js']} defer />
      </head>
      <body
        data-idle-seconds={page.patient ? String(page.idleSeconds) : undefined}
        data-csrf={page.patient ? page.csrf : undefined}
      >
        <a class="skip" href="#contenido">
          {t('skip')}
        </a>
        <header>
          <a href="/" class="brand">
            <img src={page.assets['logo.svg']} alt="" width="40" height="40" />
            <span>{center.name}</span>
          </a>
          {page.patient && <p class="who">{t('loggedAs', { name: page.patient.name })}</p>}
          <Nav page={page} />
        </header>
        <main id="contenido" tabIndex={-1}>
          {page.sessionExpired && (
            <p class="notice" role="alert">
              {t('idleLocked', { span: idleSpan(page) })}
            </p>
          )}
          {props.children}
        </main>
        <footer>
          <address>
            <strong>{center.name}</strong>
            <br />
            {center.phones && (
              <>
                {t('phone')}: {center.phones}
                <br />
              </>
            )}
            {center.contactHours && (
              <>
                {t('hours')}: {center.contactHours}
                <br />
              </>
            )}
            {center.contactEmail && (
              <>
                {t('email')}: <a href={`mailto:${center.contactEmail}`}>{center.contactEmail}</a>
              </>
            )}
          </address>
        </footer>
        {page.patient && <IdleWarning page={page} />}
      </body>
    </html>
  );
}
