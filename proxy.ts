import { NextResponse, type NextRequest } from "next/server";
import { isDevelopment as development } from "@/lib/config/env";
import { createNonce, securityHeaders } from "@/lib/config/security-headers";
import { SESSION_COOKIE_NAMES } from "@/lib/config/session-cookies";

// Three jobs, all cheap: refusing an address no page could answer (one
// holding a NUL character), security headers (with a per-request CSP nonce) on
// every page, and an optimistic redirect to sign in for visitors without a
// session cookie. It never decides access to data: every page and action
// checks the session again through lib/.
const SIGNED_IN_AREAS = ["/dashboard", "/weeks", "/stakeholders", "/touchpoints", "/notes", "/mentors", "/mentees", "/notifications", "/settings"];

function isSignedInArea(pathname: string): boolean {
  return SIGNED_IN_AREAS.some((area) => pathname === area || pathname.startsWith(`${area}/`));
}

export function proxy(request: NextRequest) {
  // An address holding a NUL character (%00) is never one of ours, and the id or
  // search it carries would fail in PostgreSQL, which cannot even compare one: a 500.
  if (request.url.includes("%00")) return new NextResponse("Bad request", { status: 400 });
  const { pathname, search } = request.nextUrl;
  const signedInPage = isSignedInArea(pathname);

  if (signedInPage && !SESSION_COOKIE_NAMES.some((name) => request.cookies.has(name))) {
    const signIn = new URL("/signin", request.url);
    signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }

  const nonce = createNonce();
  const headers = securityHeaders({ nonce, development, signedInPage });
  // Next reads the nonce from the request's CSP header and puts it on its own scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but static files and the health probe.
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico|api/health).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};
