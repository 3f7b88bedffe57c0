import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

function createClient() {
  const adapter = new PrismaPg({
    connectionString: env.DATABASE_URL,
    // Fail fast when the database is down instead of hanging the request.
    connectionTimeoutMillis: 3_000,
  });
  return new PrismaClient({ adapter });
}

// One client per process; dev hot reloads would otherwise open a pool per edit.
const globalForDb = globalThis as unknown as { wheelhouseDb?: PrismaClient };

export const db = globalForDb.wheelhouseDb ?? createClient();

if (env.NODE_ENV !== "production") globalForDb.wheelhouseDb = db;
