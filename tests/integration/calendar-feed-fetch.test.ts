import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CalendarFeedError } from "@/lib/calendar/errors";
import { fetchCalendarFeed, isForbiddenAddress, maskFeedAddress, type FeedFetchOptions, type ResolveHost } from "@/lib/calendar/feed-fetch";

// Real HTTP servers on loopback, no mocked HTTP. Loopback is itself refused, so
// the servers are reached only as allowed hosts (CALENDAR_FEED_ALLOWED_HOSTS's
// job); the refusals happen before any connection, so no test sends a packet
// to a private address. Names resolve through an injected resolver.
const ICS = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:feed-1\r\nDTSTART:20250305T100000Z\r\nSUMMARY:Roadmap\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
const SECRET = "private-3f9a1c-token";

let server: http.Server;
let port: number;
let base: string;
const requests: string[] = [];

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const path = request.url ?? "/";
    requests.push(path);
    response.on("error", () => {});
    if (path.startsWith(`/${SECRET}/feed.ics`)) {
      response.writeHead(200, { "content-type": "text/calendar; charset=utf-8" });
      response.end(ICS);
    } else if (path === "/plain") {
      response.writeHead(200, { "content-type": "text/plain" });
      response.end(ICS);
    } else if (path === "/html") {
      response.writeHead(200, { "content-type": "text/html" });
      response.end("<!doctype html><title>Calendar</title>");
    } else if (path === "/html-as-text") {
      response.writeHead(200, { "content-type": "text/plain" });
      response.end(`<!doctype html><html>${" ".repeat(2_000)}</html>`);
    } else if (path === "/loop") {
      response.writeHead(302, { location: "/loop" });
      response.end();
    } else if (path.startsWith("/redirect?to=")) {
      response.writeHead(301, { location: decodeURIComponent(path.slice("/redirect?to=".length)) });
      response.end();
    } else if (path === "/never-ends") {
      response.writeHead(200, { "content-type": "text/calendar" });
      response.write("BEGIN:VCALENDAR\r\n");
      const timer = setInterval(() => response.write("X-PADDING:still going\r\n"), 50);
      response.on("close", () => clearInterval(timer));
    } else if (path === "/huge-declared") {
      response.writeHead(200, { "content-type": "text/calendar", "content-length": String(50 * 1024 * 1024) });
      response.write("BEGIN:VCALENDAR\r\n");
    } else if (path === "/huge-streamed") {
      response.writeHead(200, { "content-type": "text/calendar" });
      response.write("BEGIN:VCALENDAR\r\n");
      const chunk = Buffer.alloc(1024 * 1024, "X");
      let sent = 0;
      const pump = () => {
        while (sent < 25 && !response.destroyed) {
          sent++;
          if (!response.write(chunk)) return response.once("drain", pump);
        }
        response.end();
      };
      pump();
    } else {
      response.writeHead(404, { "content-type": "text/plain" });
      response.end("Not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** The loopback server allowed, as an operator's CALENDAR_FEED_ALLOWED_HOSTS would. */
const allowed = (extra: Partial<FeedFetchOptions> = {}): FeedFetchOptions => ({ allowedHosts: [`127.0.0.1:${port}`], ...extra });

/** A resolver that answers from a table, counting its lookups: names never reach real DNS. */
function resolver(table: Record<string, string[]>): ResolveHost & { calls: string[] } {
  const calls: string[] = [];
  const resolve = async (hostname: string) => {
    calls.push(hostname);
    return (table[hostname] ?? []).map((address) => ({ address, family: address.includes(":") ? (6 as const) : (4 as const) }));
  };
  return Object.assign(resolve, { calls });
}

async function failure(address: string, options: FeedFetchOptions = {}): Promise<string> {
  const error = await fetchCalendarFeed(address, options).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(CalendarFeedError);
  const message = (error as Error).message;
  // The address is a secret: no error repeats more than its scheme and host.
  expect(message).not.toContain(SECRET);
  expect(message).not.toContain("/feed.ics");
  return message;
}

// One test each (every test here pays the integration setup's table truncation).
describe("isForbiddenAddress", () => {
  it("refuses loopback, private, link-local, CGNAT, multicast, reserved and metadata addresses, and IPv6 forms of them", () => {
    const refused = [
    "127.0.0.1", "127.1.2.3", "0.0.0.0", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.10", "169.254.169.254", "169.254.1.1", "100.64.0.1",
    "224.0.0.1", "239.255.255.250", "255.255.255.255", "240.0.0.1", "198.18.0.1", "192.0.2.1",
    "::", "::1", "fe80::1", "fe80::1%eth0", "fc00::1", "fd12:3456::1", "fd00:ec2::254", "ff02::1", "fec0::1",
    "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:a9fe:a9fe", "::ffff:192.168.0.1", "64:ff9b::10.0.0.1", "2002:a00:1::1", "2001:db8::1", "::127.0.0.1",
    "not-an-address",
    ];
    expect(refused.filter((address) => !isForbiddenAddress(address))).toEqual([]);
  });

  it("allows public addresses, in IPv4 and IPv6 forms", () => {
    const open = ["93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1"];
    expect(open.filter((address) => isForbiddenAddress(address))).toEqual([]);
  });
});

describe("fetchCalendarFeed", () => {
  it("fetches an allowed host's feed over plain http, connecting to the address the resolver gave", async () => {
    // "calendar.test" exists in no DNS: the request can only have gone to the address resolved and checked.
    const resolve = resolver({ "calendar.test": ["127.0.0.1"] });
    const body = await fetchCalendarFeed(`http://calendar.test:${port}/${SECRET}/feed.ics`, { resolve, allowedHosts: [`calendar.test:${port}`] });
    expect(body).toBe(ICS);
    expect(resolve.calls).toEqual(["calendar.test"]);
    expect(await fetchCalendarFeed(`${base}/plain`, allowed())).toBe(ICS);
  });

  it("refuses loopback, by address or by name, before connecting", async () => {
    const before = requests.length;
    expect(await failure(`https://127.0.0.1:${port}/${SECRET}/feed.ics`)).toBe(`https://127.0.0.1:${port} points to an internal network address. Wheelhouse fetches calendar feeds from the public internet only.`);
    expect(await failure(`webcal://localhost:${port}/${SECRET}/feed.ics`)).toMatch(/^https:\/\/localhost:\d+ points to an internal network address/);
    expect(await failure(`https://[::ffff:127.0.0.1]:${port}/${SECRET}/feed.ics`)).toMatch(/internal network address/);
    // Plain http to a host that is not allowed is refused as well.
    expect(await failure(`http://127.0.0.1:${port}/${SECRET}/feed.ics`)).toMatch(/not a secure address/);
    expect(requests.length).toBe(before);
  });

  it("refuses names that resolve to private, link-local, metadata or mapped addresses, even one among public ones", async () => {
    const resolve = resolver({
      "intranet.example": ["10.20.30.40"],
      "router.example": ["192.168.0.1"],
      "metadata.example": ["169.254.169.254"],
      "metadata6.example": ["fd00:ec2::254"],
      "mapped.example": ["::ffff:172.16.5.5"],
      "mixed.example": ["93.184.215.14", "10.0.0.8"],
    });
    for (const host of ["intranet.example", "router.example", "metadata.example", "metadata6.example", "mapped.example", "mixed.example"]) {
      expect(await failure(`https://${host}/${SECRET}/feed.ics`, { resolve })).toBe(`https://${host} points to an internal network address. Wheelhouse fetches calendar feeds from the public internet only.`);
    }
    expect(await failure(`https://nowhere.example/${SECRET}/feed.ics`, { resolve })).toBe("https://nowhere.example could not be found. Check the address, or copy it again from your calendar.");
  });

  it("checks every redirect the same way: to loopback, to a private address, to a name resolving inside", async () => {
    const resolve = resolver({ "inside.example": ["192.168.10.10"] });
    const via = (to: string) => `${base}/redirect?to=${encodeURIComponent(to)}`;
    expect(await failure(via(`http://127.0.0.1:${port + 1}/${SECRET}/feed.ics`), allowed({ resolve }))).toMatch(/^http:\/\/127\.0\.0\.1:\d+ is not a secure address/);
    expect(await failure(via(`https://10.0.0.1/${SECRET}/feed.ics`), allowed({ resolve }))).toBe("https://10.0.0.1 points to an internal network address. Wheelhouse fetches calendar feeds from the public internet only.");
    expect(await failure(via(`https://inside.example/${SECRET}/feed.ics`), allowed({ resolve }))).toMatch(/^https:\/\/inside\.example points to an internal network address/);
    // A redirect within the allowed host is followed.
    expect(await fetchCalendarFeed(via(`/${SECRET}/feed.ics`), allowed())).toBe(ICS);
  });

  it("stops a redirect loop after three redirects", async () => {
    const before = requests.length;
    expect(await failure(`${base}/loop`, allowed())).toBe(`${base} redirected more than 3 times. Copy the calendar's address again.`);
    expect(requests.length - before).toBe(4);
  });

  it("says so when the feed is missing, a web page, or not a calendar", async () => {
    expect(await failure(`${base}/${SECRET}/gone.ics`, allowed())).toBe(`${base} answered that there is no calendar at this address (404). Copy the secret address again from your calendar.`);
    expect(await failure(`${base}/html`, allowed())).toMatch(/answered with a web page, not a calendar/);
    expect(await failure(`${base}/html-as-text`, allowed())).toMatch(/answered with something that is not a calendar/);
  });

  it("gives up on a body that never ends, at the time limit", async () => {
    const started = Date.now();
    expect(await failure(`${base}/never-ends`, allowed({ timeoutMs: 600 }))).toBe(`${base} did not send the calendar in time. Wheelhouse will try again at the next refresh.`);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("refuses a body over 20 MB, declared or streamed", async () => {
    expect(await failure(`${base}/huge-declared`, allowed())).toBe(`The calendar at ${base} is larger than 20 MB, the most Wheelhouse imports.`);
    expect(await failure(`${base}/huge-streamed`, allowed())).toBe(`The calendar at ${base} is larger than 20 MB, the most Wheelhouse imports.`);
  });

  it("refuses what is no web address, and masks addresses down to scheme and host", async () => {
    expect(await failure("calendar please")).toMatch(/^This is not a web address/);
    expect(await failure(`ftp://example.com/${SECRET}/feed.ics`)).toBe("ftp://example.com is not a secure address. Calendar feeds are fetched over https:// (or webcal://) only.");
    expect(maskFeedAddress(`https://user:pass@calendar.example.com/${SECRET}/basic.ics?token=1`)).toBe("https://calendar.example.com");
  });
});
