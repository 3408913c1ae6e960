// What a turno's video call link may be: any platform's address, but only http(s) — a "javascript:" or
// "file:" link shown to a patient would be a trap.

export const VIDEO_URL_MAX = 500;

/** The link trimmed ('' when empty), or null when it is not an http(s) address of at most 500 characters. */
export function normalizeVideoUrl(input: string): string | null {
  const text = input.trim();
  if (text === '') return '';
  if (text.length > VIDEO_URL_MAX || /\s/.test(text)) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.hostname === '') return null;
  return text;
}
