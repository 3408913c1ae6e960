// What the account tests share: going through the pages as a patient would, reading mails from the SMTP sink.
import assert from 'node:assert/strict';
import { linkIn, type ReceivedMail } from '../../../test/support/smtp-sink.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { WebClient } from '../../../test/support/web-client.js';
import { hashPassword } from './accounts.passwords.js';

/** Where links in mails start under app.inject (request.host is "localhost:80"). */
export const BASE = 'http://localhost:80';

export function hiddenValue(html: string, name: string): string {
  const value = new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1];
  assert.ok(value !== undefined, `the page has no field ${name}`);
  return value.replace(/&amp;/g, '&');
}

/** The value an input shows (what the patient typed, kept after an error). */
export function inputValue(html: string, name: string): string | undefined {
  const tag = new RegExp(`<input[^>]*name="${name}"[^>]*>`).exec(html)?.[0];
  if (!tag) return undefined;
  // An empty value renders as a bare `value` attribute.
  const value = /\svalue(?:="([^"]*)")?/.exec(tag);
  return value ? (value[1] ?? '') : undefined;
}

/** Step 1 of Registrarse: the DNI and the right answer to the sum on the page. */
export async function startRegistration(client: WebClient, dni: string, answer?: string) {
  await client.get('/registrarse');
  const sum = /(\d+) \+ (\d+)/.exec(client.text());
  assert.ok(sum, 'no anti-spam sum on the page');
  return client.post('/registrarse', {
    dni,
    challenge: hiddenValue(client.html, 'challenge'),
    answer: answer ?? String(Number(sum[1]) + Number(sum[2])),
  });
}

export const newPatientFields = (overrides: Record<string, string> = {}) => ({
  lastName: 'Gómez',
  firstName: 'Lucía',
  sex: 'F',
  birthDate: '15/03/1990',
  email: 'lucia.gomez@example.com',
  mobile: '11 5555-1234',
  address: 'Corrientes 1234',
  insurerId: '',
  memberNumber: '',
  password: 'una clave segura',
  passwordRepeat: 'una clave segura',
  ...overrides,
});

/** Step 2, posting the fields with the DNI and ticket the step-1 page carries. */
export function completeRegistration(client: WebClient, fields: Record<string, string>) {
  return client.post('/registrarse/datos', {
    dni: hiddenValue(client.html, 'dni'),
    ticket: hiddenValue(client.html, 'ticket'),
    ...fields,
  });
}

/** Sends the outbox to the SMTP sink and returns the newest mail to that address. */
export async function mailTo(t: TestApp, address: string): Promise<ReceivedMail> {
  const sink = await t.sendMails();
  return sink.waitFor(address);
}

/** The path (with its query) of the first link of a mail that starts with BASE + path. */
export function linkPath(mail: ReceivedMail, path: string): string {
  return linkIn(mail, `${BASE}${path}`).slice(BASE.length);
}

export function logIn(client: WebClient, dni: string, password: string, volver?: string) {
  return (async () => {
    await client.get(volver === undefined ? '/ingresar' : `/ingresar?volver=${encodeURIComponent(volver)}`);
    const fields: Record<string, string> = { dni, password };
    if (volver !== undefined) fields.volver = volver;
    return client.post('/ingresar', fields);
  })();
}

/** A patient with an active web account, made directly (what registration + activation would leave). */
export async function withAccount(t: TestApp, patientId: number, password: string, active = true) {
  const now = new Date(t.clock.now()).toISOString();
  await t.ctx.database.db
    .insertInto('webAccounts')
    .values({
      patientId,
      passwordHash: await hashPassword(password),
      activatedAt: active ? now : null,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
}

/** Each test starts with no attempts counted (they all come from the same loopback address). */
export async function forgetLimits(t: TestApp) {
  await t.ctx.database.db.deleteFrom('rateLimits').execute();
}

export async function loggedInClient(t: TestApp, dni: string, password: string) {
  const client = new WebClient(t.app);
  const res = await logIn(client, dni, password);
  assert.equal(res.statusCode, 303, client.text());
  return client;
}
