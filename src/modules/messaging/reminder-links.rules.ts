// The confirm and cancel links of a reminder: stateless tokens signed with the database's own secret, so a
// batch of 10,000 reminders stores no row per link. A token names one turno and one action; the turno's
// own state (not yet started, not cancelled) decides whether the link still does anything.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { LINK_TOKEN_LENGTH, REMINDER_LINK_PATHS } from './template-values.rules.js';

export type ReminderAction = keyof typeof REMINDER_LINK_PATHS;
const ACTIONS: ReminderAction[] = ['confirm', 'cancel'];

// 4 bytes of turno id, 1 of action, 27 of HMAC-SHA256: 32 bytes, 43 base64url characters (LINK_TOKEN_LENGTH).
const MAC_BYTES = 27;

function mac(secret: string, head: Buffer): Buffer {
  return createHmac('sha256', secret).update('reminder-link\0').update(head).digest().subarray(0, MAC_BYTES);
}

export function signReminderToken(secret: string, appointmentId: number, action: ReminderAction): string {
  const head = Buffer.alloc(5);
  head.writeUInt32BE(appointmentId, 0);
  head.writeUInt8(ACTIONS.indexOf(action), 4);
  const token = Buffer.concat([head, mac(secret, head)]).toString('base64url');
  if (token.length !== LINK_TOKEN_LENGTH) throw new Error('reminder token length drifted from the SMS count');
  return token;
}

/** The turno and action a token names, or null when it was not made by this database (or was altered). */
export function readReminderToken(
  secret: string,
  token: string,
): { appointmentId: number; action: ReminderAction } | null {
  if (token.length !== LINK_TOKEN_LENGTH || !/^[A-Za-z0-9_-]+$/.test(token)) return null;
  const bytes = Buffer.from(token, 'base64url');
  // Canonical form only: the last character's spare bits would otherwise give one token several spellings.
  if (bytes.length !== 5 + MAC_BYTES || bytes.toString('base64url') !== token) return null;
  const head = bytes.subarray(0, 5);
  if (!timingSafeEqual(bytes.subarray(5), mac(secret, head))) return null;
  const action = ACTIONS[head.readUInt8(4)];
  const appointmentId = head.readUInt32BE(0);
  return action && appointmentId > 0 ? { appointmentId, action } : null;
}

export function reminderLink(baseUrl: string, secret: string, appointmentId: number, action: ReminderAction): string {
  const token = signReminderToken(secret, appointmentId, action);
  return `${baseUrl.replace(/\/+$/, '')}${REMINDER_LINK_PATHS[action]}?token=${token}`;
}
