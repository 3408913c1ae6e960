// The back office frame: built for a desk screen and a keyboard; the menu follows the manual's TURNOS WEB.
import type { ComponentChildren } from 'preact';
import type { StaffRole } from '../platform/db/schema.js';
import { Csrf, IdleWarning, idleSpan } from './layout.js';
import { layoutMessages } from './layout.messages.js';
import type { StaffPage } from './page.js';
import { staffLayoutMessages } from './staff-layout.messages.js';

type MenuKey = Parameters<ReturnType<typeof staffLayoutMessages>>[0];
type Entry = [href: string, key: MenuKey, roles: readonly StaffRole[]];

const ALL: readonly StaffRole[] = ['admin', 'reception', 'professional'];
const DESK: readonly StaffRole[] = ['admin', 'reception'];
const ADMIN: readonly StaffRole[] = ['admin'];

const MAIN: Entry[] = [
  ['/staff/turnos', 'desk', ALL],
  ['/staff', 'dashboard', DESK],
  ['/staff/pacientes', 'patients', DESK],
  ['/staff/agendas', 'agendas', ADMIN],
];
const WEB: Entry[] = [
  ['/staff/web/configuracion', 'basic', ADMIN],
  ['/staff/web/obras-sociales', 'insurers', ADMIN],
  ['/staff/web/profesionales', 'professionals', ADMIN],
  ['/staff/web/especialidades', 'specialties', ADMIN],
  ['/staff/web/estudios', 'studies', ADMIN],
  ['/staff/web/pacientes', 'webPatients', DESK],
  ['/staff/web/turnos', 'webAppointments', DESK],
];
// The manual's PRESTACIONES – MÓDULO DE ENVÍO DE MAILS/SMS.
const MESSAGES: Entry[] = [
  ['/staff/mensajes/enviar', 'sendDesk', DESK],
  ['/staff/mensajes/registro', 'sendLog', DESK],
  ['/staff/mensajes/plantillas', 'templates', ADMIN],
  ['/staff/mensajes/automaticos', 'autoReminders', ADMIN],
  ['/staff/mensajes/configuracion', 'channels', ADMIN],
];
// The patient portal's back office: what the center gives patients there besides their record's own tabs.
const PORTAL: Entry[] = [
  ['/staff/portal/facturas', 'invoices', DESK],
  ['/staff/portal/cuestionarios', 'questionnaires', ADMIN],
  ['/staff/teleconsultas/validar', 'tokenVerify', ALL],
];
const ADMINISTRATION: Entry[] = [
  ['/staff/usuarios', 'users', ADMIN],
  ['/staff/auditoria', 'audit', ADMIN],
];

function StaffNav(props: { page: StaffPage; role: StaffRole }) {
  const t = staffLayoutMessages(props.page.lang);
  const current = props.page.here.split('?')[0];
  const links = (entries: Entry[]) =>
    entries
      .filter(([, , roles]) => roles.includes(props.role))
      .map(([href, key]) => (
        <li key={href}>
          <a href={href} aria-current={current === href ? 'page' : undefined}>
            {t(key)}
          </a>
        </li>
      ));
  const web = links(WEB);
  const messages = links(MESSAGES);
  const portal = links(PORTAL);
  return (
    <nav aria-label={t('menu')} class="staff-nav">
      <ul class="menu">{links(MAIN)}</ul>
      {web.length > 0 && (
        <>
          <h2 class="menu-title">{t('webMenu')}</h2>
          <ul class="menu">{web}</ul>
        </>
      )}
      {messages.length > 0 && (
        <>
          <h2 class="menu-title">{t('messagesMenu')}</h2>
          <ul class="menu">{messages}</ul>
        </>
      )}
      {portal.length > 0 && (
        <>
          <h2 class="menu-title">{t('portalMenu')}</h2>
          <ul class="menu">{portal}</ul>
        </>
      )}
      <ul class="menu">{links(ADMINISTRATION)}</ul>
    </nav>
  );
}

export function StaffLayout(props: { page: StaffPage; title: string; children: ComponentChildren }) {
  const { page } = props;
  const t = staffLayoutMessages(page.lang);
  const common = layoutMessages(page.lang);
  const staff = page.staff;
  return (
    <html lang={page.lang === 'es' ? 'es-AR' : 'en'}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · ${t('backOffice')} · ${page.center.name}`}</title>
        <link rel="stylesheet" href={page.assets['app.css']} />
        <script src={page.assets['app.js']} defer />
      </head>
      <body
        class="staff"
        data-idle-seconds={staff ? String(page.idleSeconds) : undefined}
        data-csrf={staff ? page.csrf : undefined}
        data-keepalive={staff ? '/staff/sesion/seguir' : undefined}
      >
        <a class="skip" href="#contenido">
          {common('skip')}
        </a>
        <header>
          <a href="/staff" class="brand">
            <img src={page.assets['logo.svg']} alt="" width="32" height="32" />
            <span>
              {page.center.name} · {t('backOffice')}
            </span>
          </a>
          {staff && (
            <div class="who">
              {t('loggedAs', { name: staff.name, role: t(`role_${staff.role}`) })} ·{' '}
              <a href="/staff/mi-cuenta">{t('myAccount')}</a> ·{' '}
              <form method="post" action="/staff/salir" class="inline">
                <Csrf page={page} />
                <button type="submit" class="link">
                  {t('logout')}
                </button>
              </form>
            </div>
          )}
        </header>
        <div class={staff ? 'staff-frame' : undefined}>
          {staff && <StaffNav page={page} role={staff.role} />}
          <main id="contenido" tabIndex={-1}>
            {page.sessionExpired && (
              <p class="notice" role="alert">
                {t('idleLocked', { span: idleSpan(page) })}
              </p>
            )}
            {props.children}
          </main>
        </div>
        {staff && <IdleWarning page={page} />}
      </body>
    </html>
  );
}
