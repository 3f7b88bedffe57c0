// A signed-in browser's request, for tests that run pages and actions in-process (next-request.ts).
import { randomUUID } from "node:crypto";
import { SESSION_COOKIE } from "@/lib/config/session-cookies";
import { db } from "@/lib/server/db";

const APP_ORIGIN = "https://wheelhouse.example.test";
const DAY = 24 * 60 * 60 * 1000;

/** Auth.js's session lifetime (lib/server/auth.ts). */
export const SESSION_MAX_AGE_MS = 30 * DAY;
export const SESSION_UPDATE_AGE_MS = DAY;

/** A session row for the user, as signing in leaves one: valid for 30 days unless told. */
export async function signInSession(userId: string, expires = new Date(Date.now() + SESSION_MAX_AGE_MS)): Promise<string> {
  const sessionToken = randomUUID();
  await db.session.create({ data: { userId, sessionToken, expires } });
  return sessionToken;
}

/**
 * The headers a browser sends with the session, from the app's own pages.
 * Without AUTH_URL, Auth.js takes the origin from the request: https, so the secure cookie.
 */
export function browserHeaders(sessionToken: string): Headers {
  return new Headers({
    host: new URL(APP_ORIGIN).host,
    origin: APP_ORIGIN,
    "x-forwarded-proto": "https",
    cookie: `${SESSION_COOKIE.secure}=${sessionToken}`,
  });
}
