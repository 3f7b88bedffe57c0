// The resilience run's simulated users: each signed in (a database session,
// as Auth.js writes it) with an address and name that mark what is theirs, so
// a page or row showing another user's mark is a leak.
import { randomBytes } from "node:crypto";
import pg from "pg";

export type SimulatedUser = { index: number; id: string; name: string; email: string; sessionToken: string };

const userName = (index: number) => `Leader ${index}`;

export async function seedUsers(databaseUrl: string, count: number): Promise<SimulatedUser[]> {
  const users = Array.from({ length: count }, (_, index) => ({
    index,
    id: `resilience-${index}`,
    name: userName(index),
    email: `leader-${index}@resilience.test`,
    sessionToken: randomBytes(32).toString("hex"),
  }));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "User" (id, email, name, "emailVerified", "timeZone", "weekStartsOn", "updatedAt")
       SELECT id, email, name, now(), 'UTC', 1, now() FROM unnest($1::text[], $2::text[], $3::text[]) AS u(id, email, name)`,
      [users.map((u) => u.id), users.map((u) => u.email), users.map((u) => u.name)],
    );
    await client.query(
      `INSERT INTO "Session" ("sessionToken", "userId", expires, "updatedAt")
       SELECT token, id, now() + interval '1 day', now() FROM unnest($1::text[], $2::text[]) AS s(token, id)`,
      [users.map((u) => u.sessionToken), users.map((u) => u.id)],
    );
  } finally {
    await client.end();
  }
  return users;
}
