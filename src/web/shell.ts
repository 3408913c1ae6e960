// The patient web's shell: sessions, CSRF on every form, the page context, static files, language, error pages.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { getCenter } from '../modules/center/center.service.js';
import { getPatient } from '../modules/patients/patients.repo.js';
import { requireStaff, type StaffActor } from '../modules/staff/actor.js';
import type { StaffRole } from '../platform/db/schema.js';
import { CSRF_FIELD, csrfToken, csrfValid } from '../platform/http/csrf.js';
import { SESSION_COOKIE, touchSession } from '../platform/http/sessions.js';
import { serveStaticFiles } from '../platform/http/static-files.js';
import { LANG_COOKIE, pickLang } from '../platform/i18n/lang.js';
import { loadSecret } from '../platform/secrets.js';
import type { Page, StaffPage } from '../views/page.js';
import { sendPage } from '../views/page.js';
import { ErrorPage } from './error-page.js';
import { localPath } from './local-path.js';
import { installPatientSessions } from './session.js';
import { installStaffSessions, isStaffPath, STAFF_COOKIE } from './staff-session.js';
import { webMessages } from './web.messages.js';

export { localPath };

const STATIC_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), '../views/static');

export interface WebShell {
  /** Everything a page needs to render for this request (sets the CSRF cookie when missing). */
  page(request: FastifyRequest, reply: FastifyReply): Promise<Page>;
  /**
   * The logged-in patient's id, or null after answering with the way to log in: a redirect for a
   * GET; for a form sent after the session ended, the form's fields travel in the return address so
   * the page comes back filled after logging in.
   */
  requirePatient(request: FastifyRequest, reply: FastifyReply): number | null;
  /** A staff page's context: the page's plus who is logged in. */
  staffPage(request: FastifyRequest, reply: FastifyReply): Promise<StaffPage>;
  /**
   * The logged-in staff member, or null after sending them to log in (as requirePatient does). Another
   * role gets FORBIDDEN.
   */
  requireStaff(request: FastifyRequest, reply: FastifyReply, roles?: readonly StaffRole[]): StaffActor | null;
}

function isPageRequest(request: FastifyRequest) {
  return !request.url.startsWith('/api/') && request.url !== '/healthz';
}

/** Fields never put in an address: passwords, codes, secrets (history and proxy logs keep addresses). */
const SECRET_FIELD = /password|clave|contrasena|secret|code|codigo|current|next|token|answer|respuesta|tramite/i;
/**
 * Forms whose fields never travel in an address at all: the portal's (clinical text, questionnaire answers,
 * document descriptions) and the ones that prove identity (the link's token is gone by then anyway).
 */
const NO_DRAFT_PATH = /^\/(portal|restablecer)(\/|$)/;

/** Form fields worth restoring (never passwords or the CSRF token), as a query string. */
function draftQuery(body: unknown): string {
  if (!body || typeof body !== 'object') return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (key === CSRF_FIELD || SECRET_FIELD.test(key)) continue;
    if (typeof value === 'string') params.append(key, value);
  }
  return params.toString();
}

/**
 * Sends whoever is not logged in to the login page, and back here after it. For a form sent after
 * the session ended, the typed fields travel in the return address so the page comes back filled.
 */
function sendToLogin(request: FastifyRequest, reply: FastifyReply, loginPath: string) {
  let back = request.url;
  if (request.method === 'POST') {
    const draft = NO_DRAFT_PATH.test(request.url) ? '' : draftQuery(request.body);
    back = `${request.url.split('?')[0]}${draft ? `?${draft}` : ''}`;
  }
  const query = new URLSearchParams({ volver: back, ...(request.sessionExpired ? { inactivo: '1' } : {}) });
  void reply.redirect(`${loginPath}?${query}`, 303);
}

export async function installWebShell(app: FastifyInstance, ctx: AppContext): Promise<WebShell> {
  const secret = await loadSecret(ctx.database.db, 'forms');
  installPatientSessions(app, ctx);
  installStaffSessions(app, ctx);
  const assets = serveStaticFiles(app, STATIC_FOLDER, '/static');

  const shell: WebShell = {
    async page(request, reply) {
      const lang = pickLang(request.cookies[LANG_COOKIE], request.headers['accept-language']);
      const patientId = request.actor.kind === 'patient' ? request.actor.patientId : null;
      const [center, patient] = await Promise.all([
        getCenter(ctx),
        patientId === null ? undefined : getPatient(ctx.database.db, patientId),
      ]);
      return {
        lang,
        center,
        patient: patient
          ? { id: patient.id, name: `${patient.firstName} ${patient.lastName}`, portal: patient.portalEnabled === 1 }
          : null,
        csrf: csrfToken(secret, request, reply, request.sessionId),
        here: request.url,
        idleSeconds: ctx.web.patientIdleSeconds,
        sessionExpired: request.sessionExpired,
        assets,
      };
    },
    requirePatient(request, reply) {
      if (request.actor.kind === 'patient') return request.actor.patientId;
      sendToLogin(request, reply, '/ingresar');
      return null;
    },
    async staffPage(request, reply) {
      const actor = request.actor;
      const page = await shell.page(request, reply);
      return {
        ...page,
        idleSeconds: ctx.web.staffIdleSeconds,
        staff: actor.kind === 'staff' ? { name: actor.name, role: actor.role } : null,
      };
    },
    requireStaff(request, reply, roles = ['admin', 'reception', 'professional']) {
      if (request.actor.kind === 'staff') return requireStaff(request.actor, roles);
      sendToLogin(request, reply, '/staff/ingresar');
      return null;
    },
  };

  // Every form post of the pages must carry the visitor's token (the JSON API has its own rule).
  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'POST' || !isPageRequest(request)) return;
    if (csrfValid(secret, request, request.sessionId)) return;
    // A form sent after its session ended carries that session's token, which can no longer match: the patient
    // goes to log in with what they typed in the return address. Only that redirect happens, so a forged post
    // achieves nothing either.
    if (isStaffPath(request.url)) {
      if (request.actor.kind !== 'staff' && request.cookies[STAFF_COOKIE]) {
        sendToLogin(request, reply, '/staff/ingresar');
        return reply;
      }
    } else if (request.actor.kind !== 'patient' && request.cookies[SESSION_COOKIE]) {
      sendToLogin(request, reply, '/ingresar');
      return reply;
    }
    throw new AppError('CSRF_FAILED');
  });

  app.get('/idioma', { schema: { hide: true } }, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const lang = query.lang === 'en' ? 'en' : 'es';
    reply.setCookie(LANG_COOKIE, lang, { path: '/', sameSite: 'lax', maxAge: 365 * 24 * 3600 });
    return reply.redirect(localPath(query.volver), 303);
  });

  app.post('/sesion/seguir', { schema: { hide: true } }, async (request, reply) => {
    if (!request.sessionId) return reply.status(401).send({ ok: false });
    await touchSession(ctx.database.db, request.sessionId, ctx.clock.now());
    return { ok: true };
  });

  return shell;
}

/** Errors of page requests become pages (the JSON API keeps its JSON answers). */
export function htmlErrorRenderer(shell: WebShell) {
  return async (request: FastifyRequest, reply: FastifyReply, error: AppError | null) => {
    if (!isPageRequest(request)) return false;
    const page = isStaffPath(request.url) ? await shell.staffPage(request, reply) : await shell.page(request, reply);
    const t = webMessages(page.lang);
    if (error === null) {
      await sendPage(reply, h(ErrorPage, { page, title: t('notFoundTitle'), message: t('notFound') }), 404);
    } else {
      const title = error.code === 'CSRF_FAILED' ? t('csrfTitle') : t('errorTitle');
      const message = error.code === 'CSRF_FAILED' ? t('csrf') : error.messageIn(page.lang);
      await sendPage(reply, h(ErrorPage, { page, title, message }), error.status);
    }
    return true;
  };
}
