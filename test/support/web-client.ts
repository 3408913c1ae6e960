// A browser-like client over app.inject: keeps cookies, sends each form with the CSRF token of the last
// page it loaded, follows redirects when asked. Integration tests of the pages use it.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { AppContext } from '../../src/context.js';
import { createSession, SESSION_COOKIE } from '../../src/platform/http/sessions.js';
import { patientSessionPolicy } from '../../src/web/session.js';
import { STAFF_COOKIE, staffSessionPolicy } from '../../src/web/staff-session.js';
import { insertStaffUser } from './factories.js';

/** Where a redirect sends the browser ('' when it is not a redirect). */
export const location = (r: { headers: Record<string, unknown> }) => String(r.headers.location ?? '');

export class WebClient {
  readonly cookies = new Map<string, string>();
  /** The CSRF token of the last HTML page loaded. */
  csrf = '';
  /** The body of the last HTML page loaded. */
  html = '';

  constructor(
    private readonly app: FastifyInstance,
    private readonly headers: Record<string, string> = { 'accept-language': 'es-AR' },
  ) {}

  /** A client already logged in as that patient (a session made directly, as the login page would). */
  static async loggedIn(app: FastifyInstance, ctx: AppContext, patientId: number): Promise<WebClient> {
    const client = new WebClient(app);
    const id = await createSession(
      ctx.database.db,
      { kind: 'patient', id: patientId },
      patientSessionPolicy(ctx.web),
      ctx.clock.now(),
    );
    client.cookies.set(SESSION_COOKIE, id);
    return client;
  }

  /** A client logged in to /staff as that staff user. */
  static async loggedInStaff(app: FastifyInstance, ctx: AppContext, userId: number): Promise<WebClient> {
    const client = new WebClient(app);
    const id = await createSession(
      ctx.database.db,
      { kind: 'staff', id: userId },
      staffSessionPolicy(ctx),
      ctx.clock.now(),
    );
    client.cookies.set(STAFF_COOKIE, id);
    return client;
  }

  /** A new staff user with that role, already logged in: what most back-office tests start with. */
  static async newStaff(
    app: FastifyInstance,
    ctx: AppContext,
    user: Parameters<typeof insertStaffUser>[1],
  ): Promise<WebClient> {
    const { id } = await insertStaffUser(ctx.database.db, user);
    return WebClient.loggedInStaff(app, ctx, id);
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(response: LightMyRequestResponse) {
    for (const c of response.cookies as { name: string; value: string; maxAge?: number }[]) {
      if (c.value === '' || c.maxAge === 0) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    if (String(response.headers['content-type'] ?? '').startsWith('text/html')) {
      this.html = response.body;
      const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
      if (token) this.csrf = token;
    }
    return response;
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({
      method: 'GET',
      url,
      headers: { ...this.headers, cookie: this.cookieHeader(), ...headers },
    });
    return this.remember(response);
  }

  /** Posts a form as a browser would (urlencoded), with the last page's CSRF token unless `_csrf` is given. */
  async post(url: string, fields: Record<string, string | string[]> = {}): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams();
    if (!('_csrf' in fields)) body.append('_csrf', this.csrf);
    for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
    const response = await this.app.inject({
      method: 'POST',
      url,
      headers: {
        ...this.headers,
        cookie: this.cookieHeader(),
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: body.toString(),
    });
    return this.remember(response);
  }

  /**
   * Posts a form with a file as a browser does (multipart/form-data), with the last page's CSRF token.
   * `file.name` is what the browser sends as the file's name, `file.type` its claimed type.
   */
  async upload(
    url: string,
    fields: Record<string, string>,
    files: Record<string, { name: string; type: string; bytes: Buffer }>,
  ): Promise<LightMyRequestResponse> {
    const form = new FormData();
    if (!('_csrf' in fields)) form.append('_csrf', this.csrf);
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    for (const [k, f] of Object.entries(files))
      form.append(k, new Blob([new Uint8Array(f.bytes)], { type: f.type }), f.name);
    // A Request serializes the form exactly as fetch would, boundary included.
    const encoded = new Request('http://localhost/', { method: 'POST', body: form });
    const response = await this.app.inject({
      method: 'POST',
      url,
      headers: {
        ...this.headers,
        cookie: this.cookieHeader(),
        'content-type': encoded.headers.get('content-type') ?? '',
      },
      payload: Buffer.from(await encoded.arrayBuffer()),
    });
    return this.remember(response);
  }

  /** Follows redirects (up to 5) from a response, as a browser does. */
  async follow(response: LightMyRequestResponse): Promise<LightMyRequestResponse> {
    let current = response;
    for (let i = 0; i < 5 && current.statusCode >= 300 && current.statusCode < 400; i++) {
      current = await this.get(String(current.headers.location));
    }
    return current;
  }

  /** The visible text of the last page, tags removed and spaces collapsed (for asserting what a patient reads). */
  text(): string {
    return this.html
      .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&nbsp;/g, ' ')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#x27;|&#39;/g, "'")
      .replace(/\s+/g, ' ')
      .trim();
  }
}
