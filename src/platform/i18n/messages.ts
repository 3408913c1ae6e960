import type { Lang } from './lang.js';

// biome-ignore lint/suspicious/noExplicitAny: a message is text or a function of its own parameters
type Message = string | ((params: any) => string);
type Params<M> = M extends (params: infer P) => string ? [params: P] : [];

export type Translate<M extends Record<string, Message>> = <K extends keyof M & string>(
  key: K,
  ...params: Params<M[K]>
) => string;

/**
 * A module's texts in Spanish (the reference) and English; English must have every key.
 * `messages(lang)` gives a `t(key, params?)` for one request.
 */
export function defineMessages<M extends Record<string, Message>>(es: M, en: { [K in keyof M]: Message }) {
  const byLang: Record<Lang, Record<string, Message>> = { es, en };
  return (lang: Lang): Translate<M> =>
    (key, ...params) => {
      const message = byLang[lang][key] ?? es[key];
      return typeof message === 'function' ? message(params[0]) : (message as string);
    };
}
