import "server-only";
import { lookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { CalendarFeedError } from "@/lib/calendar/errors";
import { looksLikeCalendar, MAX_CALENDAR_BYTES } from "@/lib/calendar/parse";
import { env } from "@/lib/config/env";

// Fetches a calendar feed: a request to an address the user chose, so it must
// not reach what the server can reach and the user cannot (SSRF). The host is
// resolved once, every address checked, and the connection made to the checked
// address (a `lookup` of our own: no second lookup a DNS answer could change in
// between); again on every redirect. Operators can allow internal calendar
// servers with CALENDAR_FEED_ALLOWED_HOSTS.
// The address is a secret (whoever has it reads the calendar): nothing here
// logs it, and errors name only its scheme and host.

export type ResolvedAddress = { address: string; family: 4 | 6 };
/** Resolves a host name to all its addresses; tests pass their own. */
export type ResolveHost = (hostname: string) => Promise<ResolvedAddress[]>;

export type FeedFetchOptions = {
  resolve?: ResolveHost;
  /** "host:port" entries (lower case) that may be internal and use plain http. Default: CALENDAR_FEED_ALLOWED_HOSTS. */
  allowedHosts?: readonly string[];
  timeoutMs?: number;
  maxBytes?: number;
};

export const FEED_TIME_LIMIT_MS = 20_000;
export const MAX_FEED_REDIRECTS = 3;
const CALENDAR_TYPES = new Set(["text/calendar", "text/plain", "application/octet-stream"]);

const systemResolve: ResolveHost = async (hostname) => {
  const answers = await lookup(hostname, { all: true, verbatim: true });
  return answers.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
};

/** "https://calendar.example.com": what errors may say of a feed's address. */
export function maskFeedAddress(address: string): string {
  try {
    const url = new URL(address.trim());
    return `${url.protocol}//${url.host}`;
  } catch {
    return "this address";
  }
}

/** The feed's address as fetched: webcal:// is https:// by another name. */
function feedUrl(address: string): URL {
  const trimmed = address.trim();
  const https = /^webcal:\/\//i.test(trimmed) ? `https://${trimmed.slice("webcal://".length)}` : trimmed;
  let url: URL;
  try {
    url = new URL(https);
  } catch {
    throw new CalendarFeedError("This is not a web address. Paste the calendar's secret address; it starts with https:// or webcal://.");
  }
  return url;
}

// ——— Addresses a feed may not be fetched from ———

type Range = { bytes: number[]; bits: number };

function ipv4Bytes(address: string): number[] {
  return address.split(".").map(Number);
}

/** An IPv6 address's 16 bytes (with a dotted IPv4 tail, "::ffff:10.0.0.1", and a zone, "fe80::1%eth0"). */
function ipv6Bytes(address: string): number[] {
  let text = address.replace(/%.*$/, "").toLowerCase();
  const tail: number[] = [];
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    tail.push(...ipv4Bytes(dotted[1]!));
    text = text.slice(0, -dotted[1]!.length) + "0:0";
  }
  const [head, rest] = text.split("::") as [string, string | undefined];
  const groups = (part: string) => (part === "" ? [] : part.split(":").map((group) => parseInt(group, 16)));
  const left = groups(head);
  const right = rest === undefined ? [] : groups(rest);
  const words = [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
  const bytes = words.flatMap((word) => [word >> 8, word & 0xff]);
  if (tail.length > 0) bytes.splice(12, 4, ...tail);
  return bytes;
}

function range(cidr: string): Range {
  const [address, bits] = cidr.split("/") as [string, string];
  return { bytes: isIP(address) === 4 ? ipv4Bytes(address) : ipv6Bytes(address), bits: Number(bits) };
}

function inRange(bytes: readonly number[], { bytes: prefix, bits }: Range): boolean {
  for (let bit = 0; bit < bits; bit++) {
    const mask = 0x80 >> bit % 8;
    if ((bytes[bit >> 3]! & mask) !== (prefix[bit >> 3]! & mask)) return false;
  }
  return true;
}

const FORBIDDEN_V4 = [
  "0.0.0.0/8", // "this network", unspecified
  "10.0.0.0/8", // private
  "100.64.0.0/10", // carrier-grade NAT
  "127.0.0.0/8", // loopback
  "169.254.0.0/16", // link-local, with the cloud metadata address 169.254.169.254
  "172.16.0.0/12", // private
  "192.0.0.0/24", // IETF protocol assignments
  "192.0.2.0/24", // documentation
  "192.88.99.0/24", // 6to4 relays
  "192.168.0.0/16", // private
  "198.18.0.0/15", // benchmarking
  "198.51.100.0/24", // documentation
  "203.0.113.0/24", // documentation
  "224.0.0.0/4", // multicast
  "240.0.0.0/4", // reserved, and broadcast
].map(range);

const FORBIDDEN_V6 = [
  "::/96", // unspecified, loopback (::1), IPv4-compatible
  "64:ff9b:1::/48", // local-use NAT64
  "100::/64", // discard
  "2001::/23", // IETF protocol assignments (Teredo tunnels among them)
  "2001:db8::/32", // documentation
  "3fff::/20", // documentation
  "fc00::/7", // unique local, with the cloud metadata address fd00:ec2::254
  "fe80::/10", // link-local
  "fec0::/10", // site-local (deprecated)
  "ff00::/8", // multicast
].map(range);

// IPv6 forms that carry an IPv4 address: judged by that address.
const MAPPED = range("::ffff:0:0/96");
const NAT64 = range("64:ff9b::/96");
const SIX_TO_FOUR = range("2002::/16");

function forbiddenV4(bytes: readonly number[]): boolean {
  return FORBIDDEN_V4.some((forbidden) => inRange(bytes, forbidden));
}

/**
 * Whether an address is one a feed may not be fetched from: loopback, private,
 * link-local, carrier-grade NAT, multicast, unspecified, documentation and
 * reserved ranges, cloud metadata addresses, and IPv6 forms of any of them.
 * Anything that is not an IP address at all is refused too.
 */
export function isForbiddenAddress(address: string): boolean {
  const version = isIP(address.replace(/%.*$/, ""));
  if (version === 4) return forbiddenV4(ipv4Bytes(address));
  if (version !== 6) return true;
  const bytes = ipv6Bytes(address);
  if (inRange(bytes, MAPPED) || inRange(bytes, NAT64)) return forbiddenV4(bytes.slice(12));
  if (inRange(bytes, SIX_TO_FOUR)) return forbiddenV4(bytes.slice(2, 6));
  return FORBIDDEN_V6.some((forbidden) => inRange(bytes, forbidden));
}

// ——— Fetching ———

function hostPortOf(url: URL): string {
  const port = url.port || (url.protocol === "http:" ? "80" : "443");
  return `${url.hostname.toLowerCase()}:${port}`;
}

function withDeadline<T>(promise: Promise<T>, deadline: number, onTimeout: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(onTimeout()), Math.max(0, deadline - Date.now()));
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

type Target = { url: URL; address: ResolvedAddress; allowed: boolean };

/** Checks a URL (the first, or a redirect's) and resolves it to the one address the request will connect to. */
async function checkTarget(url: URL, options: Required<Pick<FeedFetchOptions, "resolve" | "allowedHosts">>, deadline: number, masked: string, timeout: () => Error): Promise<Target> {
  const allowed = options.allowedHosts.includes(hostPortOf(url));
  if (url.protocol !== "https:" && !(url.protocol === "http:" && allowed)) {
    throw new CalendarFeedError(`${masked} is not a secure address. Calendar feeds are fetched over https:// (or webcal://) only.`);
  }
  const hostname = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: ResolvedAddress[];
  if (isIP(hostname)) {
    addresses = [{ address: hostname, family: isIP(hostname) === 6 ? 6 : 4 }];
  } else {
    try {
      addresses = await withDeadline(options.resolve(hostname), deadline, timeout);
    } catch (error) {
      if (error instanceof CalendarFeedError) throw error;
      addresses = [];
    }
  }
  if (addresses.length === 0) throw new CalendarFeedError(`${masked} could not be found. Check the address, or copy it again from your calendar.`);
  // Every address must be public: a name that also resolves inside would let the next lookup pick that one.
  if (!allowed && addresses.some(({ address }) => isForbiddenAddress(address))) {
    throw new CalendarFeedError(`${masked} points to an internal network address. Wheelhouse fetches calendar feeds from the public internet only.`);
  }
  return { url, address: addresses[0]!, allowed };
}

type Answer = { status: number; location: string | null; contentType: string; contentLength: number | null; body: http.IncomingMessage; request: http.ClientRequest };

function send(target: Target, signal: AbortSignal): Promise<Answer> {
  const { address, family } = target.address;
  // The connection goes to the address checked above, whatever the name would resolve to now.
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if (!target.allowed && isForbiddenAddress(address)) {
      callback(Object.assign(new Error("Refused address"), { code: "EFORBIDDEN" }), "", 4);
    } else if (options.all) {
      (callback as unknown as (error: null, addresses: Array<{ address: string; family: number }>) => void)(null, [{ address, family }]);
    } else {
      callback(null, address, family);
    }
  };
  const client = target.url.protocol === "http:" ? http : https;
  return new Promise((resolve, reject) => {
    const request = client.request(target.url, {
      method: "GET",
      lookup: pinned,
      signal,
      agent: false,
      headers: { accept: "text/calendar, text/plain;q=0.9, */*;q=0.1", "accept-encoding": "identity", "user-agent": "Wheelhouse calendar import" },
    });
    request.on("response", (body) => {
      const length = Number(body.headers["content-length"]);
      resolve({
        status: body.statusCode ?? 0,
        location: typeof body.headers.location === "string" ? body.headers.location : null,
        contentType: (body.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase(),
        contentLength: Number.isFinite(length) ? length : null,
        body,
        request,
      });
    });
    request.on("error", reject);
    request.end();
  });
}

function statusMessage(status: number, masked: string): string {
  if (status === 404 || status === 410) return `${masked} answered that there is no calendar at this address (${status}). Copy the secret address again from your calendar.`;
  if (status === 401 || status === 403) return `${masked} refused to share this calendar (${status}). Check that the address is the calendar's secret ICS address, and that it is still shared.`;
  if (status >= 500) return `${masked} had a problem answering (${status}). Wheelhouse will try again at the next refresh.`;
  return `${masked} answered with an error (${status}) instead of a calendar.`;
}

function readBody(answer: Answer, maxBytes: number, masked: string): Promise<string> {
  const tooLarge = () => new CalendarFeedError(`The calendar at ${masked} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB, the most Wheelhouse imports.`);
  const notCalendar = () => new CalendarFeedError(`${masked} answered with something that is not a calendar. Copy the calendar's secret ICS address, not the address of its web page.`);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let checked = false;
    const fail = (error: Error) => {
      answer.request.destroy();
      reject(error);
    };
    answer.body.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) return fail(tooLarge());
      chunks.push(chunk);
      // Refused as soon as its start shows it is not a calendar, before the rest is read.
      if (!checked && size >= 512) {
        checked = true;
        if (!looksLikeCalendar(Buffer.concat(chunks).toString("utf8"))) fail(notCalendar());
      }
    });
    answer.body.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      if (!looksLikeCalendar(text)) reject(notCalendar());
      else resolve(text);
    });
    answer.body.on("error", reject);
  });
}

function networkMessage(error: unknown, masked: string, timedOut: boolean): string {
  if (timedOut) return `${masked} did not send the calendar in time. Wheelhouse will try again at the next refresh.`;
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  if (code.startsWith("CERT_") || code.includes("SELF_SIGNED") || code.startsWith("ERR_TLS") || code === "UNABLE_TO_VERIFY_LEAF_SIGNATURE") {
    return `${masked} did not prove who it is (its certificate is not valid), so the calendar was not fetched.`;
  }
  return `${masked} could not be reached. Check the address; Wheelhouse will try again at the next refresh.`;
}

/**
 * The body of a calendar feed, as text that starts like an ICS file, or a
 * CalendarFeedError whose message says in words what went wrong (naming the
 * feed by scheme and host only).
 */
export async function fetchCalendarFeed(address: string, options: FeedFetchOptions = {}): Promise<string> {
  const settings = {
    resolve: options.resolve ?? systemResolve,
    allowedHosts: options.allowedHosts ?? env.CALENDAR_FEED_ALLOWED_HOSTS ?? [],
  };
  const maxBytes = options.maxBytes ?? MAX_CALENDAR_BYTES;
  const deadline = Date.now() + (options.timeoutMs ?? FEED_TIME_LIMIT_MS);
  let url = feedUrl(address);
  let masked = maskFeedAddress(url.href);
  const timeout = () => new CalendarFeedError(networkMessage(null, masked, true));
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), Math.max(0, deadline - Date.now()));
  try {
    for (let redirects = 0; ; redirects++) {
      const target = await checkTarget(url, settings, deadline, masked, timeout);
      let answer: Answer;
      try {
        answer = await send(target, controller.signal);
      } catch (error) {
        throw new CalendarFeedError(networkMessage(error, masked, controller.signal.aborted));
      }
      if (answer.status >= 300 && answer.status < 400 && answer.location !== null) {
        answer.request.destroy();
        if (redirects >= MAX_FEED_REDIRECTS) throw new CalendarFeedError(`${masked} redirected more than ${MAX_FEED_REDIRECTS} times. Copy the calendar's address again.`);
        try {
          url = new URL(answer.location, url);
        } catch {
          throw new CalendarFeedError(`${masked} redirected to an address that is not valid.`);
        }
        masked = maskFeedAddress(url.href);
        continue;
      }
      if (answer.status !== 200) {
        answer.request.destroy();
        throw new CalendarFeedError(statusMessage(answer.status, masked));
      }
      if (answer.contentType !== "" && !CALENDAR_TYPES.has(answer.contentType)) {
        answer.request.destroy();
        throw new CalendarFeedError(`${masked} answered with ${answer.contentType === "text/html" ? "a web page" : `"${answer.contentType.slice(0, 60)}"`}, not a calendar. Copy the calendar's secret ICS address, not the address of its web page.`);
      }
      if (answer.contentLength !== null && answer.contentLength > maxBytes) {
        answer.request.destroy();
        throw new CalendarFeedError(`The calendar at ${masked} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB, the most Wheelhouse imports.`);
      }
      try {
        return await readBody(answer, maxBytes, masked);
      } catch (error) {
        if (error instanceof CalendarFeedError) throw error;
        throw new CalendarFeedError(networkMessage(error, masked, controller.signal.aborted));
      }
    }
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}
