import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth";
import { checkHealth } from "@/lib/health";
import { SESSION_COOKIE_NAMES } from "@/lib/session-cookies";

/**
 * Who is asking. Every data-access function takes a Viewer and puts
 * `viewer.userId` in its `where`; a Viewer only ever comes from the session.
 */
export type Viewer = { readonly userId: string };

export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  // Check the id itself: a session object without a user id is no viewer.
  const userId = session?.user?.id;
  if (typeof userId === "string" && userId.length > 0) return { userId };
  await assertSessionCouldBeRead();
  return null;
});

/**
 * Auth.js answers "no session" when it cannot read the sessions table, so
 * during a database outage a signed-in person would be sent to sign in (and a
 * form being saved would be dropped). With a session cookie and the database
 * down, fail like any page that cannot reach the database (app/error.tsx).
 * Only signed-out requests that still carry a cookie pay for the check.
 */
async function assertSessionCouldBeRead(): Promise<void> {
  const jar = await cookies();
  if (!SESSION_COOKIE_NAMES.some((name) => jar.has(name))) return;
  if ((await checkHealth()).db === "down") throw new Error("The database is unreachable, so the session could not be read");
}

/** For signed-in pages and server actions: the viewer, or off to sign-in. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin");
  return viewer;
}
