// Mi credencial: the card (logo, insurer, name, DNI, plan, member number, QR), full screen with or without
// JavaScript, and the PDF.
import { Layout } from '../../../views/layout.js';
import type { Page } from '../../../views/page.js';
import { PortalNav } from '../../portal/views/portal-nav.js';
import { credentialMessages } from '../credential.messages.js';
import type { CredentialView } from '../credential.service.js';

export interface CredentialCardData {
  card: CredentialView;
  qrSvg: string;
}

/** The card alone: the same markup on the page, in full screen and (drawn again) in the PDF. */
export function CredentialCard(props: { page: Page; data: CredentialCardData }) {
  const { page } = props;
  const { card, qrSvg } = props.data;
  const t = credentialMessages(page.lang);
  const insurer = card.insurer ?? t('selfPay');
  const rows: [label: string, value: string, cls: string][] = [
    [t('name'), card.fullName, 'credential-name'],
    [t('dni'), card.dniGrouped, 'credential-dni'],
    [t('insurer'), insurer, 'credential-insurer-name'],
    ...(card.insurer
      ? ([
          [t('plan'), card.plan || t('none'), 'credential-plan'],
          [t('memberNumber'), card.memberNumber || t('none'), 'credential-member'],
        ] as [string, string, string][])
      : []),
  ];
  return (
    <section class="credential" id="credencial" aria-label={t('cardLabel', { name: card.fullName })}>
      <header class="credential-band">
        <img src={page.assets['logo.svg']} alt="" width="48" height="48" />
        <span class="credential-center">{card.centerName}</span>
        <span class="credential-kind">{insurer}</span>
      </header>
      <div class="credential-body">
        <dl class="credential-data">
          {rows.map(([label, value, cls]) => (
            <div key={cls}>
              <dt>{label}</dt>
              <dd class={cls}>{value}</dd>
            </div>
          ))}
        </dl>
        {/* The SVG is drawn by the QR library from the card's own address: no user text reaches it. */}
        <div class="credential-qr" role="img" aria-label={t('qrAlt')} dangerouslySetInnerHTML={{ __html: qrSvg }} />
      </div>
    </section>
  );
}

export function CredentialPage(props: { page: Page; data: CredentialCardData }) {
  const { page, data } = props;
  const t = credentialMessages(page.lang);
  return (
    <Layout page={page} title={t('title')}>
      <link rel="stylesheet" href={page.assets['credential.css']} />
      <h1>{t('title')}</h1>
      <PortalNav page={page} />
      <p>{t('intro')}</p>
      <CredentialCard page={page} data={data} />
      <p class="actions credential-actions">
        {/* Without JavaScript the link opens the card alone; with it, the button asks the browser for full screen. */}
        <a class="button" href="/portal/credencial?pantalla=completa" data-fullscreen="credencial">
          {t('fullScreen')}
        </a>
        <a class="button secondary" href="/portal/credencial/pdf?descargar=1">
          {t('pdf')}
        </a>
      </p>
      <p class="hint">{t('fullScreenHint')}</p>
      <p class="hint">{t('wrongData')}</p>
      <script src={page.assets['credential.js']} defer />
    </Layout>
  );
}

/** ?pantalla=completa: the card filling the screen, with only a way back (no JavaScript needed). */
export function CredentialFullScreenPage(props: { page: Page; data: CredentialCardData }) {
  const { page, data } = props;
  const t = credentialMessages(page.lang);
  return (
    <html lang={page.lang === 'es' ? 'es-AR' : 'en'}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${t('title')} · ${page.center.name}`}</title>
        <link rel="stylesheet" href={page.assets['app.css']} />
        <link rel="stylesheet" href={page.assets['credential.css']} />
      </head>
      <body class="credential-screen">
        <main>
          <h1 class="sr-only">{t('title')}</h1>
          <CredentialCard page={page} data={data} />
          <p class="credential-back">
            <a href="/portal/credencial">{t('back')}</a>
          </p>
        </main>
      </body>
    </html>
  );
}
