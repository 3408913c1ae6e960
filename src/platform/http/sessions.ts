// Server-side sessions: the cookie carries a random id, the table its hash, an idle and an absolute end.
import type { Kysely } from 'kysely';
import type { DB, Session, SessionSubject } from '../db/schema.js';
import { randomToken, sha256Hex } from '../secrets.js';
import { isoUtc } from '../time/zone.js';

export const SESSION_COOKIE = 'turnero_sesion';

export interface SessionPolicy {
  idleSeconds: number;
  absoluteSeconds: number;
}

/** Writing last_seen_at on every request would turn each page view into a write; this often is enough. */
const TOUCH_EVERY_MS = 15_000;

export async function createSession(
  db: Kysely<DB>,
  subject: { kind: SessionSubject; id: number },
  policy: SessionPolicy,
  nowMs: number,
): Promise<string> {
  const id = randomToken();
  const now = isoUtc(nowMs);
  // Old sessions of this kind are swept here, so the table holds only live ones (each kind has its idle time).
  await db
    .deleteFrom('sessions')
    .where('subjectKind', '=', subject.kind)
    .where((eb) => eb.or([eb('expiresAt', '<', now), eb('lastSeenAt', '<', isoUtc(nowMs - policy.idleSeconds * 1000))]))
    .execute();
  await db
    .insertInto('sessions')
    .values({
      idHash: sha256Hex(id),
      subjectKind: subject.kind,
      subjectId: subject.id,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: isoUtc(nowMs + policy.absoluteSeconds * 1000),
    })
    .execute();
  return id;
}

export type SessionLookup = { status: 'none' } | { status: 'expired' } | { status: 'active'; session: Session };

/** The live session of a cookie; an idle or too old one is deleted and reported as expired. */
export async function resolveSession(
  db: Kysely<DB>,
  id: string,
  policy: SessionPolicy,
  nowMs: number,
): Promise<SessionLookup> {
  const idHash = sha256Hex(id);
  const session = await db.selectFrom('sessions').selectAll().where('idHash', '=', idHash).executeTakeFirst();
  if (!session) return { status: 'none' };
  const lastSeenMs = Date.parse(session.lastSeenAt);
  if (nowMs - lastSeenMs > policy.idleSeconds * 1000 || nowMs >= Date.parse(session.expiresAt)) {
    await db.deleteFrom('sessions').where('idHash', '=', idHash).execute();
    return { status: 'expired' };
  }
  if (nowMs - lastSeenMs >= TOUCH_EVERY_MS) {
    await db
      .updateTable('sessions')
      .set({ lastSeenAt: isoUtc(nowMs) })
      .where('idHash', '=', idHash)
      .execute();
  }
  return { status: 'active', session };
}

/** Keeps a session alive (the "seguir conectado" button) without waiting for the write interval. */
export async function touchSession(db: Kysely<DB>, id: string, nowMs: number): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ lastSeenAt: isoUtc(nowMs) })
    .where('idHash', '=', sha256Hex(id))
    .execute();
}

export async function destroySession(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('idHash', '=', sha256Hex(id)).execute();
}

/** After a password change or a disable: every session of that person ends, except the one making the change. */
export async function destroySubjectSessions(
  db: Kysely<DB>,
  subject: { kind: SessionSubject; id: number },
  exceptId?: string,
): Promise<void> {
  let q = db.deleteFrom('sessions').where('subjectKind', '=', subject.kind).where('subjectId', '=', subject.id);
  if (exceptId) q = q.where('idHash', '<>', sha256Hex(exceptId));
  await q.execute();
}
