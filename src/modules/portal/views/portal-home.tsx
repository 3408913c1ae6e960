// The portal's home: greeting, the next turno, and one tile per section with what waits there.

import { Layout } from '../../../views/layout.js';
import type { Page } from '../../../views/page.js';
import { ContactList, Done } from '../../scheduling/views/common.js';
import { when } from '../../scheduling/views/my-appointments.js';
import { portalMessages } from '../portal.messages.js';
import { portalHomeMessages } from '../portal-home.messages.js';
import type { PortalHome } from '../portal-home.service.js';
import { PortalNav } from './portal-nav.js';
import { ProfilePhoto } from './profile-photo.js';

interface Tile {
  href: string;
  title: string;
  hint: string;
  /** What waits there, when something does. */
  badge?: string | undefined;
}

export function PortalHomePage(props: { page: Page; home: PortalHome; welcome: boolean }) {
  const { page, home } = props;
  const t = portalHomeMessages(page.lang);
  const s = portalMessages(page.lang);
  const { counts } = home;
  const tiles: Tile[] = [
    ...(page.center.webBookingEnabled ? [{ href: '/turnos/nuevo', title: s('book'), hint: t('bookHint') }] : []),
    { href: '/portal/citas', title: s('appointments'), hint: t('appointmentsHint') },
    {
      href: '/portal/documentos',
      title: s('documents'),
      hint: t('documentsHint'),
      badge: counts.documents > 0 ? t('documentsCount', { n: counts.documents }) : undefined,
    },
    {
      href: '/portal/cuestionarios',
      title: s('questionnaires'),
      hint: t('questionnairesHint'),
      badge: counts.questionnaires > 0 ? t('questionnairesPending', { n: counts.questionnaires }) : undefined,
    },
    {
      href: '/portal/facturas',
      title: s('invoices'),
      hint: t('invoicesHint'),
      badge: counts.invoicesDue > 0 ? t('invoicesDue', { n: counts.invoicesDue }) : undefined,
    },
    { href: '/portal/token', title: s('token'), hint: t('tokenHint') },
    { href: '/portal/credencial', title: s('credential'), hint: t('credentialHint') },
    { href: '/portal/perfil', title: s('profile'), hint: t('profileHint') },
  ];
  return (
    <Layout page={page} title={t('title')}>
      <h1>{t('title')}</h1>
      <PortalNav page={page} />
      <Done message={props.welcome ? t('welcome') : null} />
      <div class="portal-greeting">
        {home.hasPhoto && <ProfilePhoto alt={t('photoAlt')} size="small" />}
        <div>
          <h2 class="greeting">{t('greeting', { name: home.firstName })}</h2>
          <p>
            {home.next ? (
              <a href="/portal/citas">
                {t('next', {
                  when: when(page, home.next.zone, home.next.startMs),
                  professional: home.next.professional,
                })}
              </a>
            ) : (
              t('noNext')
            )}
          </p>
        </div>
      </div>
      <ul class="portal-tiles" aria-label={s('sections')}>
        {tiles.map((tile) => (
          <li key={tile.href}>
            <a href={tile.href}>
              <strong class="tile-title">{tile.title}</strong>
              {tile.badge && <span class="tile-badge">{tile.badge}</span>}
              <span class="tile-hint">{tile.hint}</span>
            </a>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

/** What a patient whose portal the center has not enabled reads instead: why, and what to do. */
export function PortalNotEnabledPage(props: { page: Page; message: string }) {
  const { page } = props;
  const t = portalHomeMessages(page.lang);
  return (
    <Layout page={page} title={t('notEnabledTitle')}>
      <h1>{t('notEnabledTitle')}</h1>
      <p class="notice" role="alert">
        {props.message}
      </p>
      <p>{t('notEnabledWhat')}</p>
      <p>{t('notEnabledMeanwhile')}</p>
      <p>
        <a class="button" href="/mis-turnos">
          {t('myAppointments')}
        </a>
      </p>
      {(page.center.phones || page.center.contactHours || page.center.contactEmail) && (
        <>
          <h2>{t('contactTitle')}</h2>
          <ContactList page={page} />
        </>
      )}
    </Layout>
  );
}
