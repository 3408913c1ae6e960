// Shared by the tests of the catalog and of Configuración básica: their pages and their JSON API.
import assert from 'node:assert/strict';
import type { TestApp } from '../../../test/support/test-app.js';
import type { WebClient } from '../../../test/support/web-client.js';

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

/** Refused for the role: a stale form token is a 403 too, so the page must say which. */
export function forbidden(client: WebClient, res: { statusCode: number }, what: string) {
  assert.equal(res.statusCode, 403, what);
  assert.match(client.text(), /No tenés permiso para esta acción/, what);
}

type Headers = Record<string, string>;
export type Method = 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Writes to /api/v1 (as the admin unless told), and the answers the tests expect of them. */
export function catalogApi(t: TestApp, admin: Headers) {
  const send = (method: Method, url: string, payload?: object, headers: Headers = admin) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
  return {
    send,
    async ok(method: Method, url: string, payload?: object, status = 200) {
      const res = await send(method, url, payload);
      assert.equal(res.statusCode, status, `${method} ${url}: ${res.body}`);
      return res.json() as Record<string, unknown>;
    },
    async get<T = Record<string, unknown>>(url: string, headers: Headers = {}) {
      const res = await t.app.inject({ url: `/api/v1${url}`, headers });
      assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
      return res.json() as T;
    },
    async failure(method: Method, url: string, payload: object | undefined, status: number, code: string) {
      const res = await send(method, url, payload);
      assert.equal(res.statusCode, status, `${method} ${url} ${JSON.stringify(payload)}: ${res.body}`);
      const { error } = res.json();
      assert.equal(error.code, code);
      return error as { message: string; details?: Array<{ field: string; message: string }> };
    },
  };
}
