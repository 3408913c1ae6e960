// A long list's pages as plain links, so each page of a filtered list can be bookmarked and works without script.
import type { Lang } from '../platform/i18n/lang.js';
import { pagerMessages } from './pager.messages.js';

export function Pager(props: {
  lang: Lang;
  page: number;
  pageSize: number;
  total: number;
  /** The address of a page, with the list's filters. */
  href: (page: number) => string;
}) {
  const t = pagerMessages(props.lang);
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  if (pages <= 1) return null;
  const page = Math.min(props.page, pages);
  return (
    <nav class="pager" aria-label={t('pages')}>
      {page > 1 && (
        <a href={props.href(page - 1)} rel="prev">
          ← {t('previous')}
        </a>
      )}
      <span>{t('pageOf', { page, pages })}</span>
      {page < pages && (
        <a href={props.href(page + 1)} rel="next">
          {t('next')} →
        </a>
      )}
    </nav>
  );
}
