import "server-only";
import { cache } from "react";
import NextAuth, { AuthError, type DefaultSession } from "next-auth";
import type { Adapter } from "next-auth/adapters";
import type { Provider } from "next-auth/providers";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { sendEmail } from "@/lib/email";
import { signInEmail } from "@/lib/emails/sign-in";
import { logger } from "@/lib/logger";
import { consumeRateLimit } from "@/lib/rate-limit";
import { clientIpFrom } from "@/lib/request-context";
import { safeCallbackPath } from "@/lib/safe-redirect";

declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
  }
}

const MAGIC_LINK_MINUTES = 10;

/**
 * Too many sign-in links asked for this address or from this client. An
 * AuthError, so Auth.js hands it back to the sign-in action as is.
 */
export class SignInRateLimited extends AuthError {
  static type = "SignInRateLimited";
  constructor(readonly retryAfterSeconds: number) {
    super("Too many sign-in requests");
  }
}

/**
 * Both budgets are charged on every request, the same way whether or not an
 * account exists, so the answer says nothing about the address.
 */
async function assertSignInAllowed(email: string, request: Request): Promise<void> {
  const ip = clientIpFrom(request.headers);
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
  async sendVerificationRequest({ identifier, url, request }) {
    await assertSignInAllowed(identifier, request);
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

const adapter: Adapter = {
  ...prismaAdapter,
  // A magic link that is unknown, used or expired: note it in the history of
  // the address it names (Auth.js then shows /signin/error?error=Verification).
  async useVerificationToken(params) {
    const invite = await prismaAdapter.useVerificationToken!(params);
    if (!invite || invite.expires.valueOf() < Date.now()) {
      const user = params.identifier ? await db.user.findUnique({ where: { email: params.identifier }, select: { id: true } }) : null;
      await recordAudit({ userId: user?.id ?? null, action: "sign_in_failed", detail: { reason: invite ? "expired" : "unknown_or_used" } });
    }
    return invite;
  },
};

const nextAuth = NextAuth({
  adapter,
  // Database sessions: deleting the row signs the device out at once.
  session: { strategy: "database", maxAge: 30 * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
  secret: env.AUTH_SECRET,
  // Locally (no AUTH_URL) trust the Host header; production requires AUTH_URL (lib/env.ts).
  trustHost: true,
  providers: [emailProvider, ...oauthProviders.map((entry) => entry.provider)],
  pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin/error" },
  callbacks: {
    redirect: ({ url, baseUrl }) => new URL(safeCallbackPath(url, baseUrl), baseUrl).toString(),
    session: ({ session, user }) => ({ ...session, user: { ...session.user, id: user.id } }),
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
      if (error instanceof SignInRateLimited) return;
      const type = error instanceof AuthError ? error.type : error.name;
      if (type === "Verification") logger.warn({ authError: type }, "Sign-in link refused");
      else logger.error({ err: error, authError: type }, "Auth.js error");
    },
    warn: (code) => logger.warn({ authWarning: code }, "Auth.js warning"),
    debug: (message) => logger.debug({ authDebug: message }, "Auth.js debug"),
  },
});

export const { handlers, signIn, signOut } = nextAuth;

/** The session for this request, read once per render. */
export const auth = cache(nextAuth.auth);
