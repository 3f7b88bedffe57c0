import { randomUUID } from "node:crypto";
import { db } from "@/lib/server/db";
import type { Viewer } from "@/lib/server/viewer";

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
  return { id: user.id, email: user.email, viewer: { userId: user.id } };
}
