// Runs in each test worker before the test file is imported.
import pg from "pg";
import { afterAll, beforeEach, inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
// lib/config/env.ts requires one; tests never sign real tokens.
process.env.AUTH_SECRET ??= "integration-tests-only-secret-0123456789";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
let truncate: string | undefined;

// Every test starts from empty app tables; the migration history stays.
beforeEach(async () => {
  if (truncate === undefined) {
    const { rows } = await pool.query<{ name: string }>(
      `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables
       WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
    );
    truncate = rows.length === 0 ? "" : `TRUNCATE ${rows.map((row) => row.name).join(", ")} RESTART IDENTITY CASCADE`;
  }
  if (truncate !== "") await pool.query(truncate);
});

afterAll(async () => {
  await pool.end();
});
