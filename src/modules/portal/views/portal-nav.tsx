// The portal's own menu, on every portal page under the site's header: its sections, as the manual lists them.
import { Csrf } from '../../../views/layout.js';
import type { Page } from '../../../views/page.js';
import { portalMessages } from '../portal.messages.js';

type Section = Parameters<ReturnType<typeof portalMessages>>[0];

const SECTIONS: [href: string, key: Section][] = [
  ['/portal', 'home'],
  ['/turnos/nuevo', 'book'],
  ['/portal/citas', 'appointments'],
  ['/portal/documentos', 'documents'],
  ['/portal/cuestionarios', 'questionnaires'],
  ['/portal/facturas', 'invoices'],
  ['/portal/token', 'token'],
  ['/portal/credencial', 'credential'],
  ['/portal/perfil', 'profile'],
];

/** Cita online shows only while the center takes bookings on the web (the manual: "Cita online" of the center). */
export function PortalNav(props: { page: Page }) {
  const { page } = props;
  const t = portalMessages(page.lang);
  const current = page.here.split('?')[0] ?? '';
  const sections = SECTIONS.filter(([href]) => href !== '/turnos/nuevo' || page.center.webBookingEnabled);
  return (
    <nav aria-label={t('sections')} class="portal-nav">
      <ul class="menu">
        {sections.map(([href, key]) => (
          <li key={href}>
            <a
              href={href}
              aria-current={
                current === href || (href !== '/portal' && current.startsWith(`${href}/`)) ? 'page' : undefined
              }
            >
              {t(key)}
            </a>
          </li>
        ))}
        <li>
          <form method="post" action="/salir" class="inline">
            <Csrf page={page} />
            <button type="submit" class="link">
              {t('logout')}
            </button>
          </form>
        </li>
      </ul>
    </nav>
  );
}
