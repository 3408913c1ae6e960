// What the "Pacientes web" page tests share: the mails the center sends, and reading the form's ticks.
import assert from 'node:assert/strict';
import type { ReceivedMail } from '../../../test/support/smtp-sink.js';
import type { TestApp } from '../../../test/support/test-app.js';

/** The newest mail to that address whose subject matches (a change may send a notice too). */
export async function mailAbout(t: TestApp, address: string, subject: RegExp): Promise<ReceivedMail> {
  const sink = await t.sendMails();
  const found = sink
    .to(address)
    .filter((m) => subject.test(m.subject))
    .at(-1);
  assert.ok(found, `no mail "${subject}" to ${address}: ${sink.to(address).map((m) => m.subject)}`);
  return found;
}

export const checked = (html: string, name: string) => new RegExp(`<input[^>]*name="${name}"[^>]*checked`).test(html);
