// A turno by video in the patient's lists (Mis turnos, the portal's Citas): the mark, the way in, the token.
import type { Page } from '../../../views/page.js';
import { videoCallMessages } from '../video-call.messages.js';

export function TeleconsultBadge(props: { page: Page; teleconsult: boolean }) {
  if (!props.teleconsult) return null;
  return <span class="badge teleconsult">{videoCallMessages(props.page.lang)('badge')}</span>;
}

/**
 * The video call's link (a new tab: the portal stays open for the token) and, for patients with the portal,
 * where their token is made. Only for turnos still to come or under way: `open` says so.
 */
export function VideoCallActions(props: {
  page: Page;
  item: { teleconsult: boolean; videoUrl: string };
  open: boolean;
  label: string;
}) {
  const { page, item } = props;
  if (!item.teleconsult || !props.open) return null;
  const t = videoCallMessages(page.lang);
  return (
    <div class="video-call">
      {item.videoUrl ? (
        <p>
          <a class="button" href={item.videoUrl} target="_blank" rel="noopener noreferrer">
            {t('join')}
            <span class="sr-only">: {props.label}</span>
          </a>
        </p>
      ) : (
        <p class="hint">{t('noLinkYet')}</p>
      )}
      {page.patient?.portal && (
        <p class="hint">
          {t('tokenHint')} <a href="/portal/token">{t('tokenLink')}</a> (/portal/token).
        </p>
      )}
    </div>
  );
}
