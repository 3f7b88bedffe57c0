// The end-to-end run's calendar feed server, on loopback: the app may fetch
// from it because global setup puts it in CALENDAR_FEED_ALLOWED_HOSTS. What
// each path answers is a file in the feed directory, which test workers
// (other processes) write: `<name>` holds a calendar, `<name>.status` an HTTP
// status to answer instead (a feed that broke). Anything else is a 404.
import { readFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";

export type FeedServer = { port: number; stop(): Promise<void> };

const NAME = /^\/([A-Za-z0-9_-]{1,100})\/basic\.ics$/;

export async function startFeedServer(feedDir: string): Promise<FeedServer> {
  const server = http.createServer((request, response) => {
    void (async () => {
      const name = NAME.exec(request.url ?? "")?.[1];
      const status = name ? await readFile(join(feedDir, `${name}.status`), "utf8").catch(() => null) : null;
      const body = name && status === null ? await readFile(join(feedDir, name), "utf8").catch(() => null) : null;
      if (body !== null) {
        response.writeHead(200, { "content-type": "text/calendar; charset=utf-8" });
        response.end(body);
      } else {
        response.writeHead(status ? Number(status) : 404, { "content-type": "text/plain" });
        response.end("No calendar here");
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    stop: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A feed's path on the server: its name is the secret of its address. */
export const feedPath = (name: string) => `/${name}/basic.ics`;
