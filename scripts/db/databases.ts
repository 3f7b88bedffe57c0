// Creating and dropping databases on a server, given any URL on that server.
import pg from "pg";

/** The same server URL pointed at another database. */
export function databaseUrl(serverUrl: string, dbName: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(dbName)}`;
  return url.toString();
}

async function withClient<T>(serverUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  // Connect to the maintenance database: the target may not exist yet, and
  // one cannot drop the database one is connected to.
  const client = new pg.Client({ connectionString: databaseUrl(serverUrl, "postgres") });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Creates `dbName` unless it exists. Returns its URL. */
export async function ensureDatabase(serverUrl: string, dbName: string): Promise<string> {
  await withClient(serverUrl, async (client) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [dbName]);
    if (rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(dbName)}`);
  });
  return databaseUrl(serverUrl, dbName);
}

/** Drops `dbName` (closing its connections) and creates it empty. Returns its URL. */
export async function recreateDatabase(serverUrl: string, dbName: string): Promise<string> {
  await withClient(serverUrl, async (client) => {
    const name = client.escapeIdentifier(dbName);
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  });
  return databaseUrl(serverUrl, dbName);
}

/** Drops `dbName` if it exists. */
export async function dropDatabase(serverUrl: string, dbName: string): Promise<void> {
  await withClient(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(dbName)} WITH (FORCE)`);
  });
}
