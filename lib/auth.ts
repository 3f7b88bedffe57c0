import "server-only";
import { cache } from "react";
import NextAuth, { type DefaultSession } from "next-auth";
import type { Provider } from "next-auth/providers";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { sendEmail } from "@/lib/email";
import { signInEmail } from "@/lib/emails/sign-in";
import { safeCallbackPath } from "@/lib/safe-redirect";

declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
  }
}

const MAGIC_LINK_MINUTES = 10;

const emailProvider: Provider = {
  id: "email",
  type: "email",
  name: "Email",
  from: env.EMAIL_FROM,
  maxAge: MAGIC_LINK_MINUTES * 60,
  normalizeIdentifier: (identifier) => identifier.trim().toLowerCase(),
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

const nextAuth = NextAuth({
  // The generated client lives in lib/generated; the adapter only needs its delegates.
  adapter: PrismaAdapter(db as unknown as Parameters<typeof PrismaAdapter>[0]),
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
});

export const { handlers, signIn, signOut } = nextAuth;

/** The session for this request, read once per render. */
export const auth = cache(nextAuth.auth);
