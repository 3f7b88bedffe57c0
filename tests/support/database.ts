// A fresh, migrated database for a test run: on the server in DATABASE_URL
// when set (CI has one), else on an embedded PostgreSQL of its own.
import { join } from "node:path";
import { dropDatabase, recreateDatabase } from "../../scripts/db/databases";
import { type EmbeddedServer, startEmbeddedPostgres } from "../../scripts/db/embedded";
import { applyMigrations } from "../../scripts/db/migrations";
import { dataDir } from "../../scripts/db/paths";

export interface TestDatabase {
  url: string;
  /** Drops the database and stops the embedded server, if one was started. */
  stop(): Promise<void>;
}

/**
 * Recreates a database named `${prefix}_${pid}`, applies every migration and
 * returns its URL. The name and, without DATABASE_URL, the embedded cluster
 * (a throwaway folder, ~2 s to initialise) belong to this run alone, so
 * several runs (unit, integration, end-to-end, two developers' terminals)
 * never step on each other.
 */
export async function prepareTestDatabase(prefix: string): Promise<TestDatabase> {
  const dbName = `${prefix}_${process.pid}`;
  let serverUrl = process.env.DATABASE_URL;
  let embedded: EmbeddedServer | undefined;
  const clusterDir = join(dataDir, `postgres-test-${process.pid}`);
  if (!serverUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: clusterDir, port: 0 });
    serverUrl = embedded.connectionString("postgres");
  }
  const server = serverUrl;
  const stop = async () => {
    if (embedded) {
      await embedded.destroy();
    } else {
      await dropDatabase(server, dbName);
    }
  };
  try {
    const url = await recreateDatabase(serverUrl, dbName);
    await applyMigrations(url);
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
