// The staff session cookie → request.actor on /staff pages. Its own cookie, limited to /staff, so a
// receptionist who is also a patient keeps both sessions apart, and its own idle time.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { activeStaffUser, staffActorOf } from '../modules/staff/staff-users.service.js';
import { secureCookies } from '../platform/http/csrf.js';
import { clientIp } from '../platform/http/request.js';
import { createSession, destroySession, resolveSession, type SessionPolicy } from '../platform/http/sessions.js';
import { hmac, loadSecret, sameText } from '../platform/secrets.js';
import { localPath } from './local-path.js';

export const STAFF_COOKIE = 'turnero_staff';
const STAFF_PATH = '/staff';
/** A working day; the idle time usually ends it sooner. */
const ABSOLUTE_SECONDS = 12 * 60 * 60;

export function isStaffPath(url: string): boolean {
  return url === STAFF_PATH || url.startsWith(`${STAFF_PATH}/`) || url.startsWith(`${STAFF_PATH}?`);
}

/** Where to go after logging in: only a staff page of this site. */
export function staffPathOf(value: unknown): string {
  const path = localPath(value, '/staff');
  return isStaffPath(path) ? path : '/staff';
}

export function staffSessionPolicy(ctx: AppContext): SessionPolicy {
  return { idleSeconds: ctx.web.staffIdleSeconds, absoluteSeconds: ABSOLUTE_SECONDS };
}

function setStaffCookie(request: FastifyRequest, reply: FastifyReply, value: string, maxAge?: number) {
  reply.setCookie(STAFF_COOKIE, value, {
    path: STAFF_PATH,
    httpOnly: true,
    sameSite: 'strict',
    secure: secureCookies(request),
    ...(maxAge === undefined ? {} : { maxAge }),
  });
}

export function installStaffSessions(app: FastifyInstance, ctx: AppContext) {
  const policy = staffSessionPolicy(ctx);
  app.addHook('onRequest', async (request, reply) => {
    if (!isStaffPath(request.url)) return;
    const id = request.cookies[STAFF_COOKIE];
    if (!id) return;
    const found = await resolveSession(ctx.database.db, id, policy, ctx.clock.now());
    if (found.status === 'active' && found.session.subjectKind === 'staff') {
      const user = await activeStaffUser(ctx, found.session.subjectId);
      if (user) {
        request.sessionId = id;
        request.actor = staffActorOf(user, clientIp(request));
        return;
      }
      await destroySession(ctx.database.db, id);
    }
    request.sessionExpired = found.status === 'expired';
    setStaffCookie(request, reply, '', 0);
  });
}

export async function startStaffSession(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, userId: number) {
  const previous = request.cookies[STAFF_COOKIE];
  if (previous) await destroySession(ctx.database.db, previous);
  const sessionId = await createSession(
    ctx.database.db,
    { kind: 'staff', id: userId },
    staffSessionPolicy(ctx),
    ctx.clock.now(),
  );
  setStaffCookie(request, reply, sessionId);
  request.sessionId = sessionId;
}

export async function endStaffSession(ctx: AppContext, request: FastifyRequest, reply: FastifyReply) {
  if (request.sessionId) await destroySession(ctx.database.db, request.sessionId);
  request.sessionId = null;
  request.actor = { kind: 'public' };
  setStaffCookie(request, reply, '', 0);
}

const SECOND_STEP_COOKIE = 'turnero_staff_paso2';
const SECOND_STEP_MS = 5 * 60_000;

/** The password was right and the user has two-step login: remember who, signed, for five minutes. */
export async function startSecondStep(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, userId: number) {
  const secret = await loadSecret(ctx.database.db, 'forms');
  const payload = `${userId}.${ctx.clock.now() + SECOND_STEP_MS}`;
  reply.setCookie(SECOND_STEP_COOKIE, `${payload}.${hmac(secret, `paso2:${payload}`)}`, {
    path: STAFF_PATH,
    httpOnly: true,
    sameSite: 'strict',
    secure: secureCookies(request),
    maxAge: SECOND_STEP_MS / 1000,
  });
}

/** Whose second step this browser is at, or null when none, expired or forged. */
export async function pendingSecondStep(ctx: AppContext, request: FastifyRequest): Promise<number | null> {
  const [id, until, signature] = (request.cookies[SECOND_STEP_COOKIE] ?? '').split('.');
  if (!id || !until || !signature) return null;
  const secret = await loadSecret(ctx.database.db, 'forms');
  if (!sameText(signature, hmac(secret, `paso2:${id}.${until}`)) || Number(until) < ctx.clock.now()) return null;
  return Number(id);
}

export function endSecondStep(reply: FastifyReply) {
  reply.clearCookie(SECOND_STEP_COOKIE, { path: STAFF_PATH });
}
