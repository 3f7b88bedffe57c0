// What the bench and its Lighthouse run share: a fresh database of their own,
// the production environment of a server they start, the session cookie.
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { recreateDatabase } from "../db/databases";
import { startEmbeddedPostgres, type EmbeddedServer } from "../db/embedded";
import { applyMigrations } from "../db/migrations";
import { dataDir } from "../db/paths";
import { appEnv as productionEnv } from "../support/next-app";
import { SESSION_COOKIE } from "../../lib/config/session-cookies";

export async function prepareDatabase(): Promise<{ url: string; embedded: EmbeddedServer | null }> {
  const serverUrl = process.env.DATABASE_URL;
  // Its own cluster, so the bench never collides with a running test suite.
  const embedded = serverUrl ? null : await startEmbeddedPostgres({ dataDir: join(dataDir, "postgres-bench"), port: 0 });
  const url = await recreateDatabase(serverUrl ?? embedded!.connectionString("postgres"), "wheelhouse_bench");
  await applyMigrations(url);
  return { url, embedded };
}

export function benchAppEnv(databaseUrl: string, port: number, extra?: Record<string, string>): NodeJS.ProcessEnv {
  return productionEnv({
    databaseUrl,
    authUrl: `http://127.0.0.1:${port}`,
    authSecret: randomBytes(32).toString("base64"),
    // Required in production; nothing is sent during the bench.
    emailServer: "smtp://127.0.0.1:2525",
    extra,
  });
}

/** The request header that carries `session`; none when signed out. */
export const sessionCookie = (session: string | null) => (session ? { cookie: `${SESSION_COOKIE.plain}=${session}` } : undefined);
