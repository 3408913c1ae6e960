// The "Enviar prueba" mail: one mail over its own connection, closed right after, whose point is the
// server's exact answer.
import { type SmtpSettings, smtpSender } from '../../platform/mail/smtp.js';

export interface TestMail {
  from: string;
  replyTo?: string | undefined;
  to: string;
  subject: string;
  text: string;
}

/** What the server said: its answer on success, or the error's answer, SMTP code and nodemailer's code. */
export type TestMailOutcome =
  | { ok: true; response: string }
  | { ok: false; response: string; responseCode: number | null; code: string; message: string };

/** An admin waits in front of the page: a server that does not answer is told sooner than the outbox's. */
const TIMEOUT_MS = 10_000;

export async function sendTestMailOver(settings: SmtpSettings, mail: TestMail): Promise<TestMailOutcome> {
  const sender = smtpSender(settings, { pool: false, timeoutMs: TIMEOUT_MS });
  try {
    return { ok: true, response: await sender.send(mail) };
  } catch (error) {
    const e = error as { response?: unknown; responseCode?: unknown; code?: unknown; message?: unknown };
    return {
      ok: false,
      response: typeof e.response === 'string' ? e.response : '',
      responseCode: typeof e.responseCode === 'number' ? e.responseCode : null,
      code: typeof e.code === 'string' ? e.code : '',
      message: typeof e.message === 'string' ? e.message : String(error),
    };
  } finally {
    sender.close();
  }
}
