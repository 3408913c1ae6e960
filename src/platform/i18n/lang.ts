export type Lang = 'es' | 'en';

export const LANG_COOKIE = 'turnero_idioma';

/** The language the person chose (cookie), else es-AR unless the browser clearly prefers English. */
export function pickLang(cookie: string | undefined, acceptLanguage: string | string[] | undefined): Lang {
  if (cookie === 'es' || cookie === 'en') return cookie;
  return typeof acceptLanguage === 'string' && /^en\b/i.test(acceptLanguage.trim()) ? 'en' : 'es';
}
