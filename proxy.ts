import { NextResponse, type NextRequest } from "next/server";

// Optimistic only: sends visitors without a session cookie to sign in. It
// never decides access to data; every page and action checks the session
// through lib/ again.
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const hasSessionCookie = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSessionCookie) return NextResponse.next();
  const signIn = new URL("/signin", request.url);
  signIn.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: ["/dashboard/:path*", "/weeks/:path*", "/stakeholders/:path*", "/notes/:path*", "/mentors/:path*", "/settings/:path*"],
};
