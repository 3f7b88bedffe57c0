// The fuzz's calendar feed server, on loopback: the fuzz test puts it in
// CALENDAR_FEED_ALLOWED_HOSTS before the app's modules load, so the world's
// feeds (and an address the fuzz may subscribe to) are fetched for real and
// subscribing, refreshing and removing a feed succeed as well as fail. Every
// path under /calendar/ answers the same calendar: meetings of the last weeks
// with the world's stakeholder, relative to the time of the request, so a
// refresh has weeks and touchpoints to write; anything else is a 404.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { icsOf } from "../calendar-ics";

export type FuzzFeedServer = { host: string; stop(): Promise<void> };

/** The address of the world's stakeholder Priya (tests/support/fuzz/world.ts), an attendee of every meeting. */
export const FEED_ATTENDEE = "priya@product.example";

const DAY = 86_400_000;

function calendarAt(now: number): string {
  return icsOf(
    [3, 10, 17].map((daysAgo, index) => {
      const start = new Date(Math.floor((now - daysAgo * DAY) / DAY) * DAY + 9 * 3_600_000);
      return { uid: `fuzz-${index}`, start, end: new Date(start.getTime() + 3_600_000), title: index === 0 ? "Incident review" : "Roadmap planning", attendees: [FEED_ATTENDEE] };
    }),
  );
}

export async function startFuzzFeedServer(): Promise<FuzzFeedServer> {
  const server = http.createServer((request, response) => {
    if (request.url?.startsWith("/calendar/")) {
      response.writeHead(200, { "content-type": "text/calendar; charset=utf-8" });
      response.end(calendarAt(Date.now()));
    } else {
      response.writeHead(404, { "content-type": "text/plain" });
      response.end("No calendar here");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    host: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
