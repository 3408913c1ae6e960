// Pure rules of the patient's web account: passwords, masking, the anti-spam sum, the registration ticket.
import { AppError } from '../../errors.js';
import type { Patient } from '../../platform/db/schema.js';
import { hmac, sameText } from '../../platform/secrets.js';
import type { Actor } from '../staff/actor.js';

export const PASSWORD_MIN = 8;
/** argon2 takes any length; a bound keeps a megabyte "password" from costing anything. */
export const PASSWORD_MAX = 128;

export const HOUR_MS = 60 * 60 * 1000;
export const ACTIVATION_TTL_MS = 48 * HOUR_MS;
export const RESET_TTL_MS = 2 * HOUR_MS;
export const EMAIL_CHANGE_TTL_MS = 24 * HOUR_MS;
/** Time to answer the sum, and then to fill the form it opens. */
const CHALLENGE_TTL_MS = 30 * 60 * 1000;
const TICKET_TTL_MS = HOUR_MS;

export type PasswordProblem = 'short' | 'long' | 'dni';

/** At least 8 characters and not the DNI (however written): the rules the forms show. */
export function passwordProblem(password: string, dni: string): PasswordProblem | null {
  if ([...password].length < PASSWORD_MIN) return 'short';
  if (password.length > PASSWORD_MAX) return 'long';
  if (password.replace(/[\s.-]/g, '').replace(/^0+/, '') === dni) return 'dni';
  return null;
}

export function requireStrongPassword(password: string, dni: string) {
  if (passwordProblem(password, dni) !== null) throw new AppError('WEAK_PASSWORD');
}

/** The logged-in patient acting on their own account. */
export function requireOwnAccount(actor: Actor): number {
  if (actor.kind === 'patient') return actor.patientId;
  if (actor.kind === 'public') throw new AppError('UNAUTHENTICATED');
  throw new AppError('FORBIDDEN');
}

const DOTS = '•••';

/** "juan.perez@gmail.com" -> "j•••@gmail.com": enough to recognize one's own, useless to a stranger. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return DOTS;
  return `${email.slice(0, 1)}${DOTS}${email.slice(at)}`;
}

/** The last four digits of a phone. */
export function mobileEnding(mobile: string): string {
  return mobile.replace(/\D/g, '').slice(-4);
}

/** "Pérez Gómez" -> "P••• G•••". */
export function maskName(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => `${[...word][0]}${DOTS}`)
    .join(' ');
}

/** What a patient record may lack and the person can fill in (registration form, merge of a duplicate). */
export const FILLABLE_FIELDS = ['sex', 'birthDate', 'email', 'mobile', 'address', 'insurerId', 'memberNumber'] as const;
export type FillableField = (typeof FILLABLE_FIELDS)[number];

/** Empty fields are stored as null or, for free text, ''. */
export const isEmptyField = (patient: Patient, field: FillableField) =>
  patient[field] === null || patient[field] === '';

export function missingFields(patient: Patient): FillableField[] {
  return FILLABLE_FIELDS.filter((field) => isEmptyField(patient, field));
}

/** The fields a form may leave empty; the rest of what it asks is required. */
export const OPTIONAL_FIELDS: readonly FillableField[] = ['address', 'memberNumber'];

export interface Challenge {
  a: number;
  b: number;
  /** Signed: the server keeps nothing between showing the sum and checking it. */
  token: string;
}

const challengeText = (a: number, b: number, expires: number) => `desafio:${a}:${b}:${expires}`;

export function makeChallenge(secret: string, nowMs: number, a: number, b: number): Challenge {
  const expires = nowMs + CHALLENGE_TTL_MS;
  return { a, b, token: `${a}.${b}.${expires}.${hmac(secret, challengeText(a, b, expires))}` };
}

/** The numbers of a signed sum (to show it again after an error), or null when forged. */
export function readChallenge(secret: string, token: string): { a: number; b: number; expires: number } | null {
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{1,15})\.([\w-]+)$/.exec(token);
  if (!m) return null;
  const [a, b, expires] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return sameText(m[4] as string, hmac(secret, challengeText(a, b, expires))) ? { a, b, expires } : null;
}

export function challengeAnswered(secret: string, token: string, answer: string, nowMs: number): boolean {
  const c = readChallenge(secret, token);
  return c !== null && nowMs < c.expires && /^\s*\d{1,3}\s*$/.test(answer) && Number(answer) === c.a + c.b;
}

const ticketText = (dni: string, expires: number) => `registro:${dni}:${expires}`;

/** Proof that this DNI passed the sum a moment ago: the second step cannot be posted without it. */
export function registrationTicket(secret: string, dni: string, nowMs: number): string {
  const expires = nowMs + TICKET_TTL_MS;
  return `${expires}.${hmac(secret, ticketText(dni, expires))}`;
}

export function ticketValid(secret: string, dni: string, ticket: string, nowMs: number): boolean {
  const m = /^(\d{1,15})\.([\w-]+)$/.exec(ticket);
  if (!m) return false;
  const expires = Number(m[1]);
  return nowMs < expires && sameText(m[2] as string, hmac(secret, ticketText(dni, expires)));
}

/** "2026-11-23" or "23/11/2026" (what a browser without a date picker gets typed) -> "2026-11-23". */
export function parseDate(input: string): string | null {
  const text = input.trim();
  let y: number;
  let m: number;
  let d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const local = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (local) [d, m, y] = [Number(local[1]), Number(local[2]), Number(local[3])];
  else return null;
  if (y < 1900 || y > 2199) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}
