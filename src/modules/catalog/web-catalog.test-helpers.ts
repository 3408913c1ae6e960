// Shared by the tests of the TURNOS WEB configuration pages.
import assert from 'node:assert/strict';

export const location = (r: { headers: Record<string, unknown> }) => String(r.headers.location ?? '');

/** The text of one section of a list page: from its heading to the next one. */
export function section(text: string, heading: string, next?: string): string {
  const start = text.indexOf(heading);
  assert.ok(start >= 0, `no «${heading}» in: ${text}`);
  const end = next ? text.indexOf(next, start + heading.length) : -1;
  return text.slice(start, end < 0 ? undefined : end);
}

/** The problem shown next to a field, exactly. */
export function fieldError(html: string, name: string, message: RegExp) {
  assert.match(html, new RegExp(`<p class="field-error" id="f-${name}-error">${message.source}</p>`), name);
}
