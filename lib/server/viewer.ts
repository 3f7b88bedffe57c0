import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { auth } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { keepSignedInProfile } from "@/lib/users";
import { SESSION_COOKIE_NAMES } from "@/lib/config/session-cookies";

declare const viewerBrand: unique symbol;

/**
 * Who is asking. Every data-access function takes a Viewer and puts
 * `viewer.userId` in its `where`. A Viewer only ever comes from a session
 * (here) or from the mentee switch in lib/mentoring/mentor-access.ts: the
 * brand keeps an object literal from passing as one, and a lint rule forbids
 * casting to it anywhere else.
 */
export type Viewer = { readonly userId: string; readonly [viewerBrand]: true };

function viewerOf(userId: string): Viewer {
  return Object.freeze({ userId }) as Viewer;
}

export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  // Check the id itself: a session object without a user id is no viewer.
  const userId = session?.user?.id;
  if (typeof userId === "string" && userId.length > 0) {
    // Read in the session's statement: the shell and the dashboard need not read it again.
    if (session?.profile) keepSignedInProfile(userId, session.profile);
    return viewerOf(userId);
  }
  return readSessionAgain();
});

// Auth.js writes UUIDs; tests and seeds write hex. Anything else is no session (and never reaches SQL).
const sessionTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{16,200}$/);

/**
 * Auth.js answers "no session" when reading the sessions table fails, so a
 * database outage or blip would send a signed-in person to sign in (and drop
 * the form they were saving). When the request carries a session cookie, read
 * the session once more: a database error now fails the page like any other
 * (app/error.tsx), and a live session is the viewer after all. Only requests
 * with a cookie but no session pay for the second read.
 */
async function readSessionAgain(): Promise<Viewer | null> {
  const jar = await cookies();
  const parsed = sessionTokenSchema.safeParse(SESSION_COOKIE_NAMES.map((name) => jar.get(name)?.value).find((value) => value));
  return parsed.success ? viewerOfSession(parsed.data) : null;
}

/** The viewer of a live session row, by its token (what the session cookie carries). */
export async function viewerOfSession(sessionToken: string): Promise<Viewer | null> {
  const session = await db.session.findUnique({ where: { sessionToken }, select: { userId: true, expires: true } });
  return session && session.expires.valueOf() > Date.now() ? viewerOf(session.userId) : null;
}

/**
 * The recipient of a scheduled email, reading their own rows to write it
 * (lib/reminders/weekly-emails.ts): the job acts for the user it was queued
 * for, like a request of theirs, and for nobody else.
 */
export function viewerOfEmailRecipient(userId: string): Viewer {
  return viewerOf(userId);
}

/**
 * The owner of a calendar feed, for its hourly refresh (lib/calendar/feeds.ts):
 * the job reads and writes that user's rows as a request of theirs would.
 */
export function viewerOfFeedOwner(userId: string): Viewer {
  return viewerOf(userId);
}

/** For signed-in pages and server actions: the viewer, or off to sign-in. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin");
  return viewer;
}
