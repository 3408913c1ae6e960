import type { FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { CenterView } from '../modules/center/center.service.js';
import type { StaffRole } from '../platform/db/schema.js';
import type { Lang } from '../platform/i18n/lang.js';

/** What every page knows about the request it answers. */
export interface Page {
  lang: Lang;
  center: CenterView;
  /** The logged-in patient, or null; portal: the center enabled their patient portal. */
  patient: { id: number; name: string; portal: boolean } | null;
  /** The token every form of this page must send back (field `_csrf`). */
  csrf: string;
  /** Path and query of this page, for links that come back to it (language switch). */
  here: string;
  idleSeconds: number;
  /** The previous session ended by inactivity: say so on this page. */
  sessionExpired: boolean;
  /** Versioned URLs of the static files by name (app.css, app.js…). */
  assets: Record<string, string>;
}

/** A /staff page: the same, plus who is logged in (null on the login and first-run pages). */
export interface StaffPage extends Page {
  staff: { name: string; role: StaffRole } | null;
}

export function renderPage<P>(node: VNode<P>): string {
  return `<!doctype html>${renderToString(node)}`;
}

export function sendPage<P>(reply: FastifyReply, node: VNode<P>, status = 200) {
  return reply.status(status).type('text/html; charset=utf-8').send(renderPage(node));
}
