// Every page form carries a token tied to the visitor: HMAC of the session id when logged in, else of a
// random cookie. Another site can make a browser post a form, but cannot read or compute the token.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hmac, randomToken, sameText } from '../secrets.js';

export const CSRF_COOKIE = 'turnero_csrf';
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export function secureCookies(request: FastifyRequest): boolean {
  return request.protocol === 'https';
}

/** The key a token is bound to: the session, or a per-browser random cookie (set here when missing). */
function csrfKey(request: FastifyRequest, reply: FastifyReply | null, sessionId: string | null): string | null {
  if (sessionId) return `s:${sessionId}`;
  let anon = request.cookies[CSRF_COOKIE];
  if (!anon && reply) {
    anon = randomToken(18);
    request.cookies[CSRF_COOKIE] = anon;
    reply.setCookie(CSRF_COOKIE, anon, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: secureCookies(request),
    });
  }
  return anon ? `a:${anon}` : null;
}

export function csrfToken(secret: string, request: FastifyRequest, reply: FastifyReply, sessionId: string | null) {
  return hmac(secret, csrfKey(request, reply, sessionId) as string);
}

/** True when the request carries the right token and, if the browser says where it comes from, it is here. */
export function csrfValid(secret: string, request: FastifyRequest, sessionId: string | null): boolean {
  const origin = request.headers.origin;
  if (typeof origin === 'string' && origin !== 'null') {
    try {
      if (new URL(origin).host !== request.host) return false;
    } catch {
      return false;
    }
  }
  const body = request.body as Record<string, unknown> | undefined;
  const sent = request.headers[CSRF_HEADER] ?? body?.[CSRF_FIELD];
  const key = csrfKey(request, null, sessionId);
  return typeof sent === 'string' && key !== null && sameText(sent, hmac(secret, key));
}
