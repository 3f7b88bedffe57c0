import pg from "pg";
import { describe, expect, it } from "vitest";
import { consumeRateLimit, RATE_LIMITS } from "@/lib/server/rate-limit";

async function storedRows() {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
  try {
    return (await pool.query<{ key: string; points: number }>("SELECT key, points FROM rate_limits ORDER BY key")).rows;
  } finally {
    await pool.end();
  }
}

describe("rate limits in PostgreSQL", () => {
  it("outlives the server ending its idle connections (a restart), and counts again at once", async () => {
    await consumeRateLimit("signInPerEmail", "ada@example.test");
    // What a database restart does to the pool's idle connection. Without an error
    // listener on the pool, that is an uncaught exception in the app process.
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      const { rowCount } = await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE application_name = 'wheelhouse-rate-limit' AND datname = current_database() AND pid <> pg_backend_pid()`,
      );
      expect(rowCount).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await consumeRateLimit("signInPerEmail", "ada@example.test")).allowed).toBe(true);
  });

  it("allows a budget per address, then refuses with the wait, for that address only", async () => {
    const { points, duration } = RATE_LIMITS.signInPerEmail;
    for (let i = 0; i < points; i++) expect((await consumeRateLimit("signInPerEmail", "ada@example.test")).allowed).toBe(true);

    const refused = await consumeRateLimit("signInPerEmail", "ada@example.test");
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThan(duration - 60);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(duration);

    expect((await consumeRateLimit("signInPerEmail", "grace@example.test")).allowed).toBe(true);
    // Another limiter keeps its own count for the same key.
    expect((await consumeRateLimit("invitationsPerAddress", "ada@example.test")).allowed).toBe(true);
  });

  it("treats an address the same however it is typed", async () => {
    for (let i = 0; i < RATE_LIMITS.signInPerEmail.points; i++) await consumeRateLimit("signInPerEmail", i % 2 ? "Ada@Example.TEST" : " ada@example.test ");
    expect((await consumeRateLimit("signInPerEmail", "ADA@example.test")).allowed).toBe(false);
  });

  it("stores hashed keys, never the address or IP itself", async () => {
    await consumeRateLimit("signInPerEmail", "ada@example.test");
    await consumeRateLimit("signInPerIp", "203.0.113.7");

    const rows = await storedRows();
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.key).toMatch(/^(signInPerEmail|signInPerIp):[A-Za-z0-9_-]{43}$/);
      expect(row.key).not.toMatch(/ada|example|203\.0/);
    }
  });

  it("counts concurrent requests exactly (one shared counter, as with several app instances)", async () => {
    const { points } = RATE_LIMITS.invitationsPerUser;
    const results = await Promise.all(Array.from({ length: points + 10 }, () => consumeRateLimit("invitationsPerUser", "user-1")));
    expect(results.filter((result) => result.allowed)).toHaveLength(points);
  });
});
