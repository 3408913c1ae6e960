// Where a visitor may be sent back to after logging in or switching language.

/**
 * Only paths of this site: "//evil.com" or "https://…" would send the visitor elsewhere after login, and
 * browsers drop tabs and line breaks from addresses, so "/\t/evil.com" would too: any control character,
 * space or backslash refuses the value.
 */
const unsafe = (char: string) => char <= ' ' || char === '\u007f' || char === '\\';

export function localPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || [...value].some(unsafe)) return fallback;
  return /^\/(?!\/)/.test(value) ? value : fallback;
}
