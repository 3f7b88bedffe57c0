import { NextResponse, type NextRequest } from "next/server";
import { isDevelopment as development } from "@/lib/config/env";
import { createNonce, SHARED_LINK_PREFIX, securityHeaders } from "@/lib/config/security-headers";
import { TOO_LARGE_PARAM } from "@/lib/config/post-limits";
import { malformedRequest, tooLargePost } from "@/lib/config/request-guard";
import { SESSION_COOKIE_NAMES } from "@/lib/config/session-cookies";
import { isSignedInArea } from "@/lib/config/signed-in-areas";

// Three jobs, all cheap: refusing a request no page could answer (a NUL
// character or broken percent-encoding in the address, a post whose body does
// not parse: lib/config/request-guard.ts), security headers (with a per-request CSP nonce) on
// every page, and an optimistic redirect to sign in for visitors without a
// session cookie. It never decides access to data: every page and action
// checks the session again through lib/, and a shared story link (open to
// visitors without an account) its token (lib/story/share-links.ts). The
// signed-in areas: lib/config/signed-in-areas.ts.

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (await tooLargePost(request)) {
    if (request.headers.has("next-action")) return new NextResponse("That file is too large: files of up to 20 MB are taken.", { status: 413 });
    const back = new URL(pathname, request.url);
    back.searchParams.set(TOO_LARGE_PARAM, "too-large");
    return NextResponse.redirect(back, 303);
  }
  if (await malformedRequest(request, pathname)) return new NextResponse("Bad request", { status: 400 });
  const signedInPage = isSignedInArea(pathname);

  if (signedInPage && !SESSION_COOKIE_NAMES.some((name) => request.cookies.has(name))) {
    const signIn = new URL("/signin", request.url);
    signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }

  const nonce = createNonce();
  const headers = securityHeaders({ nonce, development, signedInPage, sharedLinkPage: pathname.startsWith(SHARED_LINK_PREFIX) });
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
