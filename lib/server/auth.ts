import "server-only";
import { cache } from "react";
import { NextRequest } from "next/server";
import NextAuth, { AuthError, type DefaultSession } from "next-auth";
import type { Adapter, AdapterSession } from "next-auth/adapters";
import type { Provider } from "next-auth/providers";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { recordAudit } from "@/lib/server/audit";
import { db, queryPrepared } from "@/lib/server/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { env } from "@/lib/config/env";
import { CALLBACK_URL_COOKIE } from "@/lib/config/session-cookies";
import { sendEmail } from "@/lib/server/email";
import { isStorable } from "@/lib/shared/forms";
import { signInEmail } from "@/lib/server/emails/sign-in";
import { logger } from "@/lib/server/logger";
import { profileOf, type Profile } from "@/lib/users";
import { consumeRateLimit } from "@/lib/server/rate-limit";
import { clientIpFrom } from "@/lib/server/request-context";
import { isHttpUrl, safeCallbackPath } from "@/lib/shared/safe-redirect";

declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
    /** The user's profile, read in the session's statement (readSessionAndUser). */
    profile?: Profile;
  }
}

const MAGIC_LINK_MINUTES = 10;

/** Too many sign-in links asked for this address or from this client. */
export class SignInRateLimited extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("Too many sign-in requests");
    this.name = "SignInRateLimited";
  }
}

/**
 * Charges both budgets, the same way whether or not an account exists, so
 * the answer says nothing about the address. Called before Auth.js is asked
 * for a link (by the sign-in action, and here for a post to its own
 * endpoint), not from its sendVerificationRequest: Auth.js starts that one
 * and awaits it only later, so a refusal thrown there could reject unawaited
 * (an unhandled rejection, which the fuzz caught).
 */
export async function assertSignInAllowed(email: string, requestHeaders: Headers): Promise<void> {
  const ip = clientIpFrom(requestHeaders);
  const results = await Promise.all([
    consumeRateLimit("signInPerEmail", email),
    ip ? consumeRateLimit("signInPerIp", ip) : Promise.resolve({ allowed: true, retryAfterSeconds: 0 }),
  ]);
  const refused = results.filter((result) => !result.allowed);
  if (refused.length === 0) return;
  logger.warn({ limit: results[0]!.allowed ? "signInPerIp" : "signInPerEmail", ip }, "Sign-in link not sent: rate limited");
  throw new SignInRateLimited(Math.max(...refused.map((result) => result.retryAfterSeconds)));
}

const emailProvider: Provider = {
  id: "email",
  type: "email",
  name: "Email",
  from: env.EMAIL_FROM,
  maxAge: MAGIC_LINK_MINUTES * 60,
  async sendVerificationRequest({ identifier, url }) {
    await sendEmail(signInEmail({ to: identifier, url, minutesValid: MAGIC_LINK_MINUTES }));
  },
};

/** OAuth providers are offered only when their credentials are configured. */
export const oauthProviders = [
  env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET
    ? { id: "github", name: "GitHub", provider: GitHub({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET }) }
    : null,
  env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET
    ? { id: "google", name: "Google", provider: Google({ clientId: env.AUTH_GOOGLE_ID, clientSecret: env.AUTH_GOOGLE_SECRET }) }
    : null,
].filter((entry) => entry !== null);

// The generated client lives in lib/generated; the adapter only needs its delegates.
const prismaAdapter = PrismaAdapter(db as unknown as Parameters<typeof PrismaAdapter>[0]);

/**
 * A token or address PostgreSQL could not even compare (see isStorable;
 * only ever from a crafted request) matches nothing.
 */
const matchesNothing = (value: string | undefined) => value !== undefined && !isStorable(value);

type SessionRow = Profile & { userId: string; expires: Date; emailVerified: Date | null; image: string | null };

/**
 * A session, its user and the user's profile in one statement, which every
 * signed-in request runs: the Prisma adapter's read takes two (session, then
 * user), and the shell would read the profile in a third. Prepared, as the
 * dashboard's aggregations are (lib/server/db.ts): its plan is kept per
 * connection. Instants come back as `timestamptz`, so that pg reads them as
 * UTC whatever the process's zone (Prisma stores UTC in `timestamp`).
 */
async function readSessionAndUser(sessionToken: string) {
  const [row] = await queryPrepared<SessionRow>(Prisma.sql`
    SELECT s."userId", s.expires AT TIME ZONE 'UTC' AS expires,
           u.email, u."emailVerified" AT TIME ZONE 'UTC' AS "emailVerified", u.name, u.image,
           u."timeZone", u."weekStartsOn", u."goalStrategySharePercent", u."goalTouchpointsPerWeek",
           u."goalDepartments"::text[] AS "goalDepartments", u."dataVersion"
    FROM "Session" s JOIN "User" u ON u.id = s."userId"
    WHERE s."sessionToken" = ${sessionToken}`);
  if (!row) return null;
  const { userId, expires, emailVerified, image } = row;
  return {
    session: { sessionToken, userId, expires },
    user: { id: userId, email: row.email, emailVerified, name: row.name, image, profile: profileOf(row) },
  };
}

const adapter: Adapter = {
  ...prismaAdapter,
  getSessionAndUser: (sessionToken) => (matchesNothing(sessionToken) ? null : readSessionAndUser(sessionToken)),
  getUserByEmail: (email) => (matchesNothing(email) ? null : prismaAdapter.getUserByEmail!(email)),
  // A magic link that is unknown, used or expired: note it in the history of
  // the address it names (Auth.js then shows /signin/error?error=Verification).
  async useVerificationToken(params) {
    const usable = !matchesNothing(params.token) && !matchesNothing(params.identifier);
    const invite = usable ? await prismaAdapter.useVerificationToken!(params) : null;
    if (!invite || invite.expires.valueOf() < Date.now()) {
      const user = usable && params.identifier ? await db.user.findUnique({ where: { email: params.identifier }, select: { id: true } }) : null;
      await recordAudit({ userId: user?.id ?? null, action: "sign_in_failed", detail: { reason: invite ? "expired" : "unknown_or_used" } });
    }
    return invite;
  },
  // Signing out of a session that is already gone (ended on every device
  // first, or in another tab) is no error: nothing is left to delete.
  async deleteSession(sessionToken): Promise<AdapterSession | null> {
    if (matchesNothing(sessionToken)) return null;
    try {
      return (await prismaAdapter.deleteSession!(sessionToken)) as AdapterSession;
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025") return null;
      throw error;
    }
  },
};

/**
 * Auth.js refusals that a request brings on itself (bots, stale or hand-made
 * links): an unknown path, a missing CSRF token, a callback URL or sign-in
 * link it cannot use. A warning each, not an error: nothing of ours failed.
 */
const REFUSED_REQUESTS = new Set(["Verification", "MissingCSRF", "UnknownAction", "InvalidCallbackUrl"]);

const nextAuth = NextAuth({
  adapter,
  // Database sessions: deleting the row signs the device out at once.
  session: { strategy: "database", maxAge: 30 * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
  secret: env.AUTH_SECRET,
  // Locally (no AUTH_URL) trust the Host header; production requires AUTH_URL (lib/config/env.ts).
  trustHost: true,
  providers: [emailProvider, ...oauthProviders.map((entry) => entry.provider)],
  pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin/error" },
  callbacks: {
    redirect: ({ url, baseUrl }) => new URL(safeCallbackPath(url, baseUrl), baseUrl).toString(),
    // What a session is to the app: who, until when, and the profile read with it.
    // Not its token (the cookie is httpOnly for a reason), nor the rest of the user row.
    session: ({ session, user }) => ({
      expires: session.expires,
      user: { id: user.id, name: user.name, email: user.email, image: user.image },
      profile: (user as { profile?: Profile }).profile,
    }),
  },
  events: {
    signIn: ({ user, account, isNewUser }) =>
      recordAudit({ userId: user.id ?? null, action: "sign_in", detail: { method: account?.provider ?? "email", newAccount: Boolean(isNewUser) } }),
    signOut: async (message) => {
      // No session left (it was ended everywhere first): nobody to attribute it to.
      const userId = "session" in message ? message.session?.userId : undefined;
      if (userId) await recordAudit({ userId, action: "sign_out" });
    },
  },
  // Auth.js's own errors and warnings go to the structured log, without the
  // metadata of debug messages (it can hold tokens).
  logger: {
    error: (error) => {
      const type = error instanceof AuthError ? error.type : error.name;
      if (REFUSED_REQUESTS.has(type)) logger.warn({ authError: type }, "Auth.js refused a request");
      else logger.error({ err: error, authError: type }, "Auth.js error");
    },
    warn: (code) => logger.warn({ authWarning: code }, "Auth.js warning"),
    debug: (message) => logger.debug({ authDebug: message }, "Auth.js debug"),
  },
});

export const { signIn, signOut } = nextAuth;

const CALLBACK_URL_COOKIES = [CALLBACK_URL_COOKIE.plain, CALLBACK_URL_COOKIE.secure];
const PROVIDER_IDS = new Set(["email", ...oauthProviders.map((entry) => entry.id)]);

/** Reads a post's body as Auth.js will: JSON or a form. Null for a JSON body that does not parse. */
async function bodyOf(request: NextRequest): Promise<Record<string, unknown> | null> {
  if (request.method !== "POST") return {};
  if (!request.headers.get("content-type")?.includes("application/json")) return Object.fromEntries(new URLSearchParams(await request.clone().text()));
  try {
    return { ...(await request.clone().json()) };
  } catch {
    return null;
  }
}

/**
 * Answers here what Auth.js would get wrong, all of it hand-made or stale
 * requests: it logs a provider we do not offer, a sign-in link without its
 * token or address and a JSON body it cannot parse as errors of ours (here:
 * not found, the page for a link that does not work, bad request). And a
 * request for a sign-in link is charged to the rate limits, as the sign-in
 * form's is. Null: over to Auth.js.
 */
async function answerBeforeAuthJs(request: NextRequest): Promise<Response | null> {
  const url = new URL(request.url);
  const [, action, provider] = /^\/api\/auth\/(signin|callback)\/([^/]+)/.exec(url.pathname) ?? [];
  if (provider !== undefined && !PROVIDER_IDS.has(provider)) return new Response("Not found", { status: 404 });
  if (action === "callback" && provider === "email" && !(url.searchParams.get("token") && url.searchParams.get("email"))) {
    return Response.redirect(new URL("/signin/error?error=Verification", url.origin), 302);
  }
  const body = await bodyOf(request);
  if (body === null) return new Response("Bad request", { status: 400 });
  if (action === "signin" && provider === "email" && typeof body.email === "string" && body.email !== "") {
    try {
      await assertSignInAllowed(body.email, request.headers);
    } catch (error) {
      if (!(error instanceof SignInRateLimited)) throw error;
      return new Response("Too many sign-in requests", { status: 429, headers: { "Retry-After": String(error.retryAfterSeconds) } });
    }
  }
  return null;
}

/** Leaves the parameter `name` once, at its first usable value, or not at all: Auth.js reads the last of repeated ones. */
function keepFirstUsable(params: URLSearchParams, name: string, usable: (value: string) => boolean): void {
  const values = params.getAll(name);
  if (values.length === 0 || (values.length === 1 && usable(values[0] ?? ""))) return;
  const first = values.find(usable);
  params.delete(name);
  if (first !== undefined) params.set(name, first);
}

/**
 * Drops what Auth.js cannot use: a callback URL it cannot read (in the
 * query, also as the last of several, or in its cookie), which it answers
 * with a 500 as if our configuration were wrong, and an `error` that is no
 * error name, which it copies unencoded into a redirect's Location header
 * (and logs failing). Without them it uses its defaults.
 */
function withoutUnusableParams(request: NextRequest): NextRequest {
  const url = new URL(request.url);
  keepFirstUsable(url.searchParams, "callbackUrl", (value) => isHttpUrl(value, url.origin));
  keepFirstUsable(url.searchParams, "error", (value) => /^\w+$/.test(value));
  const badCookies = CALLBACK_URL_COOKIES.filter((name) => {
    const value = request.cookies.get(name)?.value;
    return value !== undefined && !isHttpUrl(value, url.origin);
  });
  if (url.href === request.url && badCookies.length === 0) return request;
  // A copy: its headers (and so its cookies) can change.
  const screened = new NextRequest(url, request);
  for (const name of badCookies) screened.cookies.delete(name);
  return screened;
}

async function handleAuthRequest(request: NextRequest): Promise<Response> {
  const answer = await answerBeforeAuthJs(request);
  return answer ?? nextAuth.handlers[request.method === "POST" ? "POST" : "GET"](withoutUnusableParams(request));
}

/** The /api/auth/* route handlers. */
export const handlers = { GET: handleAuthRequest, POST: handleAuthRequest };

/** The session for this request, read once per render. */
export const auth = cache(nextAuth.auth);
