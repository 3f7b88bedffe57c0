// A real SMTP server on loopback for the end-to-end run. The app sends its
// emails here through nodemailer exactly as in production; each message is
// parsed and written as a JSON file, so test workers (other processes) can
// read them with the `mailbox` fixture.
import { randomBytes } from "node:crypto";
import { rename, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { SMTPServer } from "smtp-server";

export type StoredEmail = {
  /** Envelope recipients, lower-cased. */
  to: string[];
  subject: string;
  text: string;
  html: string;
  receivedAt: string;
};

export type MailServer = { port: number; stop(): Promise<void> };

export async function startMailServer(mailDir: string): Promise<MailServer> {
  let received = 0;
  const server = new SMTPServer({
    // Loopback only: no TLS, no authentication.
    secure: false,
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", callback);
      stream.on("end", () => {
        const to = session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase());
        const email: StoredEmail = { to, ...parseEmail(Buffer.concat(chunks).toString("latin1")), receivedAt: new Date().toISOString() };
        // Written under a temporary name and renamed, so a reader never sees half a file.
        const name = `${Date.now()}-${String(++received).padStart(5, "0")}-${randomBytes(3).toString("hex")}`;
        const temporary = join(mailDir, `.${name}.tmp`);
        writeFile(temporary, JSON.stringify(email))
          .then(() => rename(temporary, join(mailDir, `${name}.json`)))
          .then(() => callback(), callback);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// ── A small MIME reader: enough for what nodemailer writes (multipart
// alternative, quoted-printable or base64 bodies, encoded-word subjects). ──

type Part = { headers: Map<string, string>; body: string };

/** Parses a raw message read as latin1 (one char per byte), so bytes survive until decoded. */
export function parseEmail(raw: string): { subject: string; text: string; html: string } {
  const message = splitPart(raw);
  const leaves = flatten(message);
  const body = (type: string) => {
    const leaf = leaves.find((part) => contentType(part).type === type);
    return leaf ? decodeBody(leaf) : "";
  };
  return { subject: decodeWords(message.headers.get("subject") ?? ""), text: body("text/plain"), html: body("text/html") };
}

function splitPart(raw: string): Part {
  const match = /\r?\n\r?\n/.exec(raw);
  const head = match ? raw.slice(0, match.index) : raw;
  const body = match ? raw.slice(match.index + match[0].length) : "";
  const headers = new Map<string, string>();
  // Folded header lines continue with whitespace.
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function contentType(part: Part): { type: string; params: Record<string, string> } {
  const [type = "text/plain", ...rest] = (part.headers.get("content-type") ?? "text/plain").split(";");
  const params: Record<string, string> = {};
  for (const param of rest) {
    const equals = param.indexOf("=");
    if (equals > 0) params[param.slice(0, equals).trim().toLowerCase()] = param.slice(equals + 1).trim().replace(/^"|"$/g, "");
  }
  return { type: type.trim().toLowerCase(), params };
}

function flatten(part: Part): Part[] {
  const { type, params } = contentType(part);
  if (!type.startsWith("multipart/") || !params.boundary) return [part];
  const delimiter = `--${params.boundary}`;
  const children = part.body
    .split(new RegExp(`\\r?\\n?${escapeRegExp(delimiter)}`))
    .slice(1) // the preamble
    .filter((chunk) => !chunk.startsWith("--")) // the closing delimiter and epilogue
    .map((chunk) => splitPart(chunk.replace(/^[ \t]*\r?\n/, "")));
  return children.flatMap(flatten);
}

function decodeBody(part: Part): string {
  const encoding = (part.headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  const charset = contentType(part).params.charset ?? "utf-8";
  let bytes: Buffer;
  if (encoding === "base64") bytes = Buffer.from(part.body.replace(/\s+/g, ""), "base64");
  else if (encoding === "quoted-printable") bytes = decodeQuotedPrintable(part.body);
  else bytes = Buffer.from(part.body, "latin1");
  return new TextDecoder(charset).decode(bytes).replace(/\r\n/g, "\n");
}

function decodeQuotedPrintable(body: string): Buffer {
  const text = body.replace(/[ \t]+(?=\r?\n)/g, "").replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let index = 0; index < text.length; index++) {
    const hex = text.slice(index + 1, index + 3);
    if (text[index] === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      index += 2;
    } else {
      bytes.push(text.charCodeAt(index) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

/** RFC 2047 encoded words, e.g. `=?UTF-8?Q?Caf=C3=A9?=`. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_, charset: string, kind: string, text: string) => {
      const bytes = kind.toUpperCase() === "B" ? Buffer.from(text, "base64") : decodeQuotedPrintable(text.replace(/_/g, " "));
      return new TextDecoder(charset).decode(bytes);
    });
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
