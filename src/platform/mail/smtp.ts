// Mail over SMTP with nodemailer: pooled connections, so a batch of reminders does not pay a TCP and TLS
// handshake per mail.
import nodemailer from 'nodemailer';

export interface OutgoingSmtpMail {
  from: string;
  replyTo?: string | undefined;
  to: string;
  subject: string;
  text: string;
  html?: string;
  messageId?: string;
  attachments?: { filename: string; contentType: string; content: Buffer | string }[];
}

export interface MailSender {
  /** Resolves with the server's answer ("250 2.0.0 Ok: queued as …"). */
  send(mail: OutgoingSmtpMail): Promise<string>;
  /** Checks the connection and the login without sending anything. */
  verify(): Promise<void>;
  close(): void;
}

export type SmtpSecurity = 'none' | 'starttls' | 'tls';

export interface SmtpSettings {
  host: string;
  port: number;
  security: SmtpSecurity;
  user: string;
  password: string;
}

/** Connections kept open to the server; most providers accept a handful from one client. */
const POOL_SIZE = 5;

function transportOptions(settings: SmtpSettings, timeoutMs: number) {
  return {
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    ...(settings.user ? { auth: { user: settings.user, pass: settings.password } } : {}),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: 2 * timeoutMs,
  };
}

/** nodemailer reads pooling from the URL's query, like any other option of SMTP_URL. */
function withPool(url: string): string {
  const parsed = new URL(url);
  if (!parsed.searchParams.has('pool')) parsed.searchParams.set('pool', 'true');
  if (!parsed.searchParams.has('maxConnections')) parsed.searchParams.set('maxConnections', String(POOL_SIZE));
  return parsed.toString();
}

/** `smtp://user:pass@host:587` (SMTP_URL) or the settings saved on the Configuración de mails page. */
export function smtpSender(
  target: string | SmtpSettings,
  options: { pool?: boolean; timeoutMs?: number } = {},
): MailSender {
  const pool = options.pool ?? true;
  const transport =
    typeof target === 'string'
      ? nodemailer.createTransport(pool ? withPool(target) : target)
      : nodemailer.createTransport({
          ...transportOptions(target, options.timeoutMs ?? 15_000),
          pool,
          maxConnections: POOL_SIZE,
        });
  return {
    async send(mail) {
      const info = await transport.sendMail({
        ...mail,
        html: mail.html || undefined,
        replyTo: mail.replyTo || undefined,
      });
      return String(info.response ?? '');
    },
    async verify() {
      await transport.verify();
    },
    close: () => transport.close(),
  };
}
