// A loopback TCP relay in front of PostgreSQL that counts the statements the
// app sends: one per simple Query ('Q') or extended-protocol Execute ('E')
// message. It sees every statement of every connection, auth included, and
// needs nothing from the server (pg_stat_statements needs a preload setting
// the embedded server does not have; pg_stat_database flushes lazily).
// The email queue's connections (application_name "wheelhouse-jobs", see
// lib/server/jobs.ts) are not counted: they poll on their own clock, not per page.
import { createServer, connect, type Socket } from "node:net";

const SSL_REQUEST = 80877103;
const GSS_REQUEST = 80877104;

const UNCOUNTED_APPLICATIONS = new Set(["wheelhouse-jobs"]);

/** The application_name in a StartupMessage body (after length and protocol): key\0value\0 pairs. */
function applicationName(body: Buffer): string | null {
  const fields = body.toString("utf8").split("\0");
  const index = fields.indexOf("application_name");
  return index >= 0 && index % 2 === 0 ? (fields[index + 1] ?? null) : null;
}

/** Parses the frontend side of one connection, counting statement messages. */
function frontendParser(onStatement: () => void) {
  let startup = true;
  let counted = true;
  let header = Buffer.alloc(0);
  let startupBody: Buffer | null = null;
  let skip = 0;
  return (chunk: Buffer) => {
    let offset = 0;
    while (offset < chunk.length) {
      if (startupBody) {
        // The StartupMessage's parameters, read whole (it is a few dozen bytes).
        const step = Math.min(skip, chunk.length - offset);
        startupBody = Buffer.concat([startupBody, chunk.subarray(offset, offset + step)]);
        skip -= step;
        offset += step;
        if (skip === 0) {
          counted = !UNCOUNTED_APPLICATIONS.has(applicationName(startupBody) ?? "");
          startupBody = null;
        }
        continue;
      }
      if (skip > 0) {
        const step = Math.min(skip, chunk.length - offset);
        skip -= step;
        offset += step;
        continue;
      }
      const headerLength = startup ? 8 : 5;
      const take = Math.min(headerLength - header.length, chunk.length - offset);
      header = Buffer.concat([header, chunk.subarray(offset, offset + take)]);
      offset += take;
      if (header.length < headerLength) return;
      if (startup) {
        // Startup-phase messages have no type byte: length, then a code.
        const length = header.readInt32BE(0);
        const code = header.readInt32BE(4);
        skip = length - 8;
        if (code !== SSL_REQUEST && code !== GSS_REQUEST) {
          startup = false;
          if (skip > 0) startupBody = Buffer.alloc(0);
        }
      } else {
        const type = String.fromCharCode(header[0]!);
        if (counted && (type === "Q" || type === "E")) onStatement();
        skip = header.readInt32BE(1) - 4;
      }
      header = Buffer.alloc(0);
    }
  };
}

export type StatementCounter = { url: string; count(): number; reset(): void; close(): Promise<void> };

/** Starts the relay for `databaseUrl`; the returned URL goes through it. */
export async function startStatementCounter(databaseUrl: string): Promise<StatementCounter> {
  const target = new URL(databaseUrl);
  let statements = 0;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    sockets.add(client).add(upstream);
    const parse = frontendParser(() => {
      statements += 1;
    });
    client.on("data", (chunk: Buffer) => {
      parse(chunk);
      upstream.write(chunk);
    });
    upstream.pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("close", close).on("error", close);
    upstream.on("close", close).on("error", close);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String(typeof address === "object" && address ? address.port : 0);
  return {
    url: url.toString(),
    count: () => statements,
    reset: () => {
      statements = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
