import "server-only";
import { db } from "@/lib/server/db";

export type Health = { status: "ok" | "degraded"; db: "ok" | "down" };

const DB_CHECK_TIMEOUT_MS = 2_000;

/** Whether the database answers a trivial query within a short time. */
export async function checkHealth(): Promise<Health> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("database check timed out")), DB_CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([db.$queryRaw`SELECT 1`, timeout]);
    return { status: "ok", db: "ok" };
  } catch {
    return { status: "degraded", db: "down" };
  } finally {
    clearTimeout(timer);
  }
}
