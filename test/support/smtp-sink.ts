// A real SMTP server on loopback that keeps what it receives, parsed: the tests read mails as a patient would.
import type { AddressInfo, Socket } from 'node:net';
import PostalMime from 'postal-mime';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
  attachments: { filename: string; mimeType: string; content: string }[];
}

export class SmtpSink {
  readonly mails: ReceivedMail[] = [];
  /**
   * How to answer each mail: undefined accepts it, a number refuses it with that SMTP code (451 "later",
   * 550 "never"), 'drop' cuts the connection after the data arrived — the server may or may not have it.
   */
  answer: (mail: { to: string[]; messageId: string }) => number | 'drop' | undefined = () => undefined;
  /** Connections that ended in an error (the client died or cut it). */
  readonly connectionErrors: string[] = [];
  /** Mails whose connection was cut on purpose, by Message-ID. */
  readonly dropped: string[] = [];
  private waiters: (() => void)[] = [];

  private constructor(
    private readonly server: SMTPServer,
    readonly url: string,
  ) {}

  static async start(): Promise<SmtpSink> {
    let sink: SmtpSink | undefined;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', async () => {
          const parsed = await PostalMime.parse(Buffer.concat(chunks));
          const to = session.envelope.rcptTo.map((r) => r.address);
          const answer = sink?.answer({ to, messageId: parsed.messageId ?? '' });
          if (answer === 'drop') {
            sink?.dropped.push(parsed.messageId ?? '');
            // smtp-server keeps its connections (with their socket) in a set, each with the session's id.
            const connections = (server as unknown as { connections: Set<{ id: string; _socket: Socket }> })
              .connections;
            for (const c of connections) if (c.id === session.id) c._socket.destroy();
            return;
          }
          if (answer !== undefined) {
            const error = Object.assign(new Error(`rechazado por la prueba (${answer})`), { responseCode: answer });
            return callback(error);
          }
          sink?.mails.push({
            from: parsed.from?.address ?? '',
            to,
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: parsed.html ?? '',
            messageId: parsed.messageId ?? '',
            attachments: parsed.attachments.map((a) => ({
              filename: a.filename ?? '',
              mimeType: a.mimeType,
              content:
                typeof a.content === 'string' ? a.content : Buffer.from(a.content as ArrayBuffer).toString('utf8'),
            })),
          });
          for (const wake of sink?.waiters.splice(0) ?? []) wake();
          callback();
        });
      },
    });
    // A client that dies mid-mail (a killed process, a cut connection) is an error of that connection, which
    // smtp-server re-emits on the server: unheard, it would crash the test process.
    server.on('error', (error) => sink?.connectionErrors.push(error.message));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.server.address() as AddressInfo;
    sink = new SmtpSink(server, `smtp://127.0.0.1:${port}`);
    return sink;
  }

  /** The mails sent to that address, oldest first. */
  to(address: string): ReceivedMail[] {
    return this.mails.filter((m) => m.to.includes(address));
  }

  /** Waits (up to timeoutMs) until a mail to that address arrives and returns the newest one. */
  async waitFor(address: string, timeoutMs = 10_000): Promise<ReceivedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.to(address).at(-1);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no llegó ningún mail a ${address} en ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** The first link of a mail's text that starts with that base URL. */
export function linkIn(mail: ReceivedMail, startingWith: string): string {
  const escaped = startingWith.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}\\S+`).exec(mail.text);
  if (!match) throw new Error(`el mail «${mail.subject}» no tiene un enlace que empiece con ${startingWith}`);
  return match[0];
}
