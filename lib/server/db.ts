import "server-only";
import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import { env } from "@/lib/config/env";
import { logger } from "@/lib/server/logger";

/**
 * A connection pool to the app's database, as every pool of ours needs one:
 * failing fast when the database is down instead of hanging the request, and
 * surviving a restart, which ends idle connections (unheard, that error is an
 * uncaught exception; the pool drops the client and opens a new one).
 */
export function createPool(applicationName: string, max?: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL, application_name: applicationName, max, connectionTimeoutMillis: 3_000 });
  pool.on("error", (error) => logger.warn({ err: error, pool: applicationName }, "An idle database connection failed"));
  return pool;
}

type Database = { pool: pg.Pool; client: PrismaClient };

function createDatabase(): Database {
  const pool = createPool("wheelhouse");
  return { pool, client: new PrismaClient({ adapter: new PrismaPg(pool) }) };
}

// One pool and one client per process: Next compiles this module into each
// server bundle layer that imports it (as the dashboard's cache, decision
// record 029), and dev hot reloads would otherwise open a pool per edit.
const globalForDb = globalThis as unknown as { wheelhouseDatabase?: Database };

const database = (globalForDb.wheelhouseDatabase ??= createDatabase());

export const db = database.client;

/**
 * Runs a read-only statement as a named prepared statement on the same pool
 * as Prisma. For the hot, large aggregations (the dashboard's) that run on
 * every render: PostgreSQL parses and plans each once per connection instead
 * of on every call, and the rows skip Prisma's result processing. Everything
 * else goes through `db`. See docs/decisions/011-prepared-dashboard-statements.md.
 */
export async function queryPrepared<Row extends pg.QueryResultRow>(statement: Prisma.Sql): Promise<Row[]> {
  // Same text, same name: the name is a digest of the text.
  const name = `w_${createHash("sha1").update(statement.text).digest("base64url")}`;
  const result = await database.pool.query<Row>({ name, text: statement.text, values: statement.values });
  return result.rows;
}
