// The patient's session cookie → request.actor, for pages and for the JSON API alike.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { WebConfig } from '../config.js';
import type { AppContext } from '../context.js';
import { secureCookies } from '../platform/http/csrf.js';
import {
  createSession,
  destroySession,
  resolveSession,
  SESSION_COOKIE,
  type SessionPolicy,
} from '../platform/http/sessions.js';
import { isStaffPath } from './staff-session.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The raw id of the patient's live session, if any. */
    sessionId: string | null;
    /** The cookie named a session that ended by inactivity (or age): the next page says so. */
    sessionExpired: boolean;
  }
}

/** Nobody stays logged in longer than this, however active. */
const ABSOLUTE_SECONDS = 12 * 60 * 60;

export function patientSessionPolicy(web: WebConfig): SessionPolicy {
  return { idleSeconds: web.patientIdleSeconds, absoluteSeconds: ABSOLUTE_SECONDS };
}

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, value: string, maxAge?: number) {
  reply.setCookie(SESSION_COOKIE, value, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: secureCookies(request),
    ...(maxAge === undefined ? {} : { maxAge }),
  });
}

export function installPatientSessions(app: FastifyInstance, ctx: AppContext) {
  const policy = patientSessionPolicy(ctx.web);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('sessionExpired', false);
  app.addHook('onRequest', async (request, reply) => {
    // Staff pages have their own session (staff-session.ts); a patient cookie means nothing there.
    if (isStaffPath(request.url)) return;
    const id = request.cookies[SESSION_COOKIE];
    if (!id) return;
    const found = await resolveSession(ctx.database.db, id, policy, ctx.clock.now());
    if (found.status === 'active' && found.session.subjectKind === 'patient') {
      request.sessionId = id;
      request.actor = { kind: 'patient', patientId: found.session.subjectId };
      return;
    }
    request.sessionExpired = found.status === 'expired';
    setSessionCookie(request, reply, '', 0);
  });
}

/** Logs the patient in: a new session id (never one the browser brought), set as the cookie. */
export async function startPatientSession(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, id: number) {
  const previous = request.cookies[SESSION_COOKIE];
  if (previous) await destroySession(ctx.database.db, previous);
  const sessionId = await createSession(
    ctx.database.db,
    { kind: 'patient', id },
    patientSessionPolicy(ctx.web),
    ctx.clock.now(),
  );
  setSessionCookie(request, reply, sessionId);
  request.sessionId = sessionId;
  request.actor = { kind: 'patient', patientId: id };
  return sessionId;
}

export async function endPatientSession(ctx: AppContext, request: FastifyRequest, reply: FastifyReply) {
  if (request.sessionId) await destroySession(ctx.database.db, request.sessionId);
  request.sessionId = null;
  request.actor = { kind: 'public' };
  setSessionCookie(request, reply, '', 0);
}
