import { randomUUID } from "node:crypto";
import { db } from "@/lib/server/db";
import { viewerOfSession, type Viewer } from "@/lib/server/viewer";

export type TestUser = { id: string; email: string; viewer: Viewer };

/** A signed-up user; each call makes a new, unique one. */
export async function createUser(overrides: { email?: string; name?: string; timeZone?: string | null; weekStartsOn?: number } = {}): Promise<TestUser> {
  const user = await db.user.create({
    data: {
      email: overrides.email ?? `leader-${randomUUID()}@example.test`,
      name: overrides.name ?? "Test Leader",
      timeZone: overrides.timeZone === undefined ? "Europe/Berlin" : overrides.timeZone,
      weekStartsOn: overrides.weekStartsOn ?? 1,
      emailVerified: new Date(),
    },
  });
  return { id: user.id, email: user.email, viewer: await signedIn(user.id) };
}

/**
 * The user's Viewer, the way the app gets one: from a session row. The row
 * goes again at once, so tests that count sessions see only their own.
 */
async function signedIn(userId: string): Promise<Viewer> {
  const sessionToken = randomUUID();
  await db.session.create({ data: { userId, sessionToken, expires: new Date(Date.now() + 60_000) } });
  const viewer = await viewerOfSession(sessionToken);
  await db.session.delete({ where: { sessionToken } });
  if (!viewer) throw new Error("The test session gave no viewer");
  return viewer;
}
