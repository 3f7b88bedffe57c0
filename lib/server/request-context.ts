import "server-only";
import { headers } from "next/headers";

export type RequestContext = { ip: string | null; userAgent: string | null };

const USER_AGENT_MAX = 512;

/**
 * The client's address. Wheelhouse runs behind one load balancer that appends
 * the address it accepted the connection from to `X-Forwarded-For`; `next
 * start` itself fills the header from the socket when it is absent. So the
 * RIGHT-most entry is the one a client cannot choose (the left-most ones are
 * whatever the client sent). See docs/decisions/007-trust-rate-limits-audit-export.md.
 */
export function clientIpFrom(requestHeaders: Headers): string | null {
  const forwarded = requestHeaders.get("x-forwarded-for");
  const hops = forwarded?.split(",").map((hop) => hop.trim()).filter(Boolean) ?? [];
  const ip = hops.at(-1) ?? requestHeaders.get("x-real-ip")?.trim() ?? null;
  if (!ip) return null;
  // An IPv4 client on a dual-stack socket shows up as ::ffff:1.2.3.4.
  return ip.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "").slice(0, 64);
}

export function requestContextFrom(requestHeaders: Headers): RequestContext {
  return {
    ip: clientIpFrom(requestHeaders),
    userAgent: requestHeaders.get("user-agent")?.slice(0, USER_AGENT_MAX) ?? null,
  };
}

/** The current request's headers; null outside one (jobs, scripts, tests). */
export async function currentHeaders(): Promise<Headers | null> {
  try {
    return await headers();
  } catch {
    return null;
  }
}

/** IP and user agent of the current request; nulls outside one. */
export async function getRequestContext(): Promise<RequestContext> {
  const requestHeaders = await currentHeaders();
  return requestHeaders ? requestContextFrom(requestHeaders) : { ip: null, userAgent: null };
}

/**
 * Whether a state-changing request comes from the app's own pages. Browsers
 * send `Origin` on every POST; a request without one (or with "null") did not
 * come from our forms, so it is refused too.
 */
export function isSameOrigin(requestHeaders: Headers, appUrl: string | undefined): boolean {
  const origin = requestHeaders.get("origin");
  if (!origin || origin === "null") return false;
  const expected = appOrigin(requestHeaders, appUrl);
  if (!expected) return false;
  try {
    return new URL(origin).origin === expected;
  } catch {
    return false;
  }
}

/** Where a development server answers when AUTH_URL is not set and there is no request to ask. */
export const LOCAL_ORIGIN = "http://localhost:3000";

/**
 * The app's public origin, worked out here only: AUTH_URL's when set (required
 * in production), else the Host the request came to (null without one), else,
 * outside a request, the local development address.
 */
export function appOrigin(requestHeaders: Headers | null, appUrl: string | undefined): string | null {
  if (appUrl) return new URL(appUrl).origin;
  if (!requestHeaders) return LOCAL_ORIGIN;
  const host = requestHeaders.get("host");
  if (!host) return null;
  const proto = requestHeaders.get("x-forwarded-proto") === "https" ? "https" : "http";
  try {
    return new URL(`${proto}://${host}`).origin;
  } catch {
    return null;
  }
}
