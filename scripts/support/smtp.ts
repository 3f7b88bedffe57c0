// A real SMTP server on loopback, shared by the integration tests, the
// end-to-end run and the resilience run: the app sends through nodemailer
// exactly as in production. Each message is parsed (mailparser) and kept.
// `setFailing(true)` makes it answer 451 to every message, as a busy or broken
// mail server would, until it is switched back.
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type ReceivedEmail = {
  /** Envelope recipients, lower-cased. */
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** Each header's raw value by its lower-cased name (the last one when repeated). */
  headers: Record<string, string>;
  receivedAt: string;
};

export type SmtpServer = {
  port: number;
  /** For EMAIL_SERVER. */
  url: string;
  /** Messages accepted, oldest first. */
  received: ReceivedEmail[];
  /** Messages answered with 451 while failing: each is one delivery attempt the sender must retry. */
  refused: ReceivedEmail[];
  setFailing(failing: boolean): void;
  stop(): Promise<void>;
};

export type SmtpServerOptions = {
  /** Called for each accepted message before the server answers 250; a rejection fails the delivery. */
  onMessage?: (email: ReceivedEmail) => Promise<void>;
};

export async function startSmtpServer({ onMessage }: SmtpServerOptions = {}): Promise<SmtpServer> {
  const received: ReceivedEmail[] = [];
  const refused: ReceivedEmail[] = [];
  let failing = false;
  const server = new SMTPServer({
    // Loopback only: no TLS, no authentication.
    secure: false,
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const to = session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase());
      // Refused after the data is read, so each refused attempt is known by its subject and recipient.
      simpleParser(stream)
        .then(async (parsed) => {
          const email: ReceivedEmail = {
            to,
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: parsed.html || "",
            headers: Object.fromEntries(parsed.headerLines.map(({ key, line }) => [key, line.slice(line.indexOf(":") + 1).replace(/\r?\n(?=[ \t])/g, "").trim()])),
            receivedAt: new Date().toISOString(),
          };
          if (failing) {
            refused.push(email);
            return callback(Object.assign(new Error("Try again later"), { responseCode: 451 }));
          }
          await onMessage?.(email);
          received.push(email);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    refused,
    setFailing: (value) => {
      failing = value;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
